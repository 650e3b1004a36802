#include "folder/series.h"

#include <unistd.h>

#include <random>

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

std::string pick_series(const std::set<std::string>& taken) {
  std::random_device entropy;
  std::uniform_int_distribution<int> letter(0, 25);
  for (;;) {
    std::string s{char('A' + letter(entropy)), char('A' + letter(entropy))};
    if (!taken.count(s) || taken.size() >= 26 * 26) return s;
  }
}

}  // namespace care::folder
