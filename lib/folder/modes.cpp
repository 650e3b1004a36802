#include "folder/modes.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>


namespace care::folder {
namespace fs = std::filesystem;
namespace {

constexpr fs::perms kOthers = fs::perms::group_all | fs::perms::others_all;

bool open(const fs::file_status& s) { return (s.permissions() & kOthers) != fs::perms::none; }

// Records and the folders that hold them; a named pipe or a device where a
// record belongs is an error of its own (folder.not-regular).
bool counted(const fs::file_status& s) {
  return s.type() == fs::file_type::regular || s.type() == fs::file_type::directory;
}

// Depth first, in name order, so that "the first" is the same on every run.
void count_below(const fs::path& dir, OpenToOthers& out) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    auto s = fs::symlink_status(p, ec);
    if (ec || !counted(s)) continue;
    if (open(s)) {
      if (out.count == 0) out.first = p;
      ++out.count;
    }
    if (s.type() == fs::file_type::directory) count_below(p, out);
  }
}

}  // namespace

OpenToOthers open_to_others(const fs::path& root) {
  OpenToOthers out;
  std::error_code ec;
  for (const char* top : {"care.toml", "cases", "outreach"}) {
    fs::path p = root / top;
    auto s = fs::symlink_status(p, ec);
    if (ec || !counted(s)) continue;
    if (open(s)) {
      if (out.count == 0 || p < out.first) out.first = p;
      ++out.count;
    }
    if (s.type() == fs::file_type::directory) {
      OpenToOthers below;
      count_below(p, below);
      if (below.count > 0 && (out.count == 0 || below.first < out.first)) out.first = below.first;
      out.count += below.count;
    }
  }
  return out;
}

std::string make_owner_only(const fs::path& top) {
  std::error_code ec;
  auto s = fs::symlink_status(top, ec);
  if (ec) return fmt::format("cannot read {}: {}", top.string(), ec.message());
  if (s.type() == fs::file_type::symlink) return {};
  if (open(s)) {
    fs::permissions(top, kOthers, fs::perm_options::remove, ec);
    if (ec) return fmt::format("cannot make {} private: {}", top.string(), ec.message());
  }
  if (s.type() != fs::file_type::directory) return {};
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(top, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  if (ec) return fmt::format("cannot read the folder {}: {}", top.string(), ec.message());
  for (const auto& p : entries)
    if (std::string e = make_owner_only(p); !e.empty()) return e;
  return {};
}

}  // namespace care::folder
