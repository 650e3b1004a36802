#include "folder/series.h"

#include <unistd.h>

#include <cstdint>

#include <fmt/format.h>

#include "folder/local.h"
#include "util/beneath.h"

namespace care::folder {
namespace {

constexpr const char* kSeriesFile = "series";

bool two_capitals(const std::string& s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

}  // namespace

SeriesRead read_series(const std::filesystem::path& root) {
  SeriesRead out;
  std::string error;
  util::Fd dir = util::open_root(root.string(), error);
  util::Fd local = dir ? open_local(dir.get(), false, error) : util::Fd();
  if (!local || !util::entry_at(local.get(), kSeriesFile)) return out;
  auto text = util::read_small_file(local.get(), kSeriesFile, 64, error);
  if (!text) {
    out.error = fmt::format("{}/{}: {}", kLocalFolder, kSeriesFile, error);
    return out;
  }
  std::string word = text->substr(0, text->find('\n'));
  if (word == kMainSeries) out.series = "";
  else if (two_capitals(word)) out.series = word;
  else out.error = fmt::format("{}/{} holds \"{}\", which is not a series (two capitals, or main)", kLocalFolder,
                               kSeriesFile, word.substr(0, 16));
  return out;
}

std::string write_series(const std::filesystem::path& root, const std::string& series) {
  std::string error;
  util::Fd dir = util::open_root(root.string(), error);
  util::Fd local = dir ? open_local(dir.get(), true, error) : util::Fd();
  if (!local) return error;
  std::string text = (series.empty() ? std::string(kMainSeries) : series) + "\n";
  std::string temporary = fmt::format(".series.tmp-{}", ::getpid());
  ::unlinkat(local.get(), temporary.c_str(), 0);
  if (error = util::write_new_file(local.get(), temporary, text); !error.empty()) return error;
  if (::renameat(local.get(), temporary.c_str(), local.get(), kSeriesFile) != 0) {
    ::unlinkat(local.get(), temporary.c_str(), 0);
    return fmt::format("cannot record the series in {}", kLocalFolder);
  }
  util::sync_folder(local.get());
  return {};
}

namespace {

// FNV-1a: stable across runs and builds, unlike std::hash.
std::uint64_t mix(std::uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::uint64_t clone_seed(const std::filesystem::path& root) {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  std::uint64_t h = mix(14695981039346656037ULL, host);
  std::error_code ec;
  h = mix(h, std::filesystem::weakly_canonical(root, ec).string());
  if (auto git = util::stamp_of((root / ".git").string()))
    h = mix(h, fmt::format("{}:{}:{}", git->device, git->inode, git->changed_ns));
  return h;
}

}  // namespace

std::string pick_series(const std::filesystem::path& root, const std::set<std::string>& taken) {
  std::uint64_t h = clone_seed(root);
  for (int tries = 0; tries < 26 * 26; ++tries, h = mix(h, "again")) {
    std::string s{char('A' + h % 26), char('A' + (h / 26) % 26)};
    if (!taken.count(s)) return s;
  }
  return "ZZ";  // every series taken: a folder with 676 clones
}

}  // namespace care::folder
