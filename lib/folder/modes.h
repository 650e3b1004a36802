// Owner-only modes on a case folder: what git leaves behind after a clone, a
// checkout or a merge (0644 files in 0755 folders) is found and put right.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace care::folder {

struct OpenToOthers {
  std::size_t count = 0;             // files and folders readable or writable by group or others
  std::filesystem::path first;       // the first of them in path order, absolute
};

// The records and folders of a case folder that group or others may read or
// write: care.toml, cases/ and outreach/ and everything below them.
// Symbolic links are neither counted nor followed.
OpenToOthers open_to_others(const std::filesystem::path& root);

// Removes every group and other permission bit below `top` (itself
// included), as chmod -R go-rwx does: the owner's bits are kept. Symbolic
// links are neither changed nor followed. "" on success, else the first
// failure in one line.
std::string make_owner_only(const std::filesystem::path& top);

}  // namespace care::folder
