// Working with files beneath a root folder without ever following a symbolic
// link below it: every folder on the way is opened with O_NOFOLLOW from the
// descriptor of the one above, so a link planted anywhere under the root
// cannot send a write (or a rename) somewhere else. The root itself may be
// reached through links: that is the user's choice, made on the command line.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::util {

// An open file descriptor, closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release();

 private:
  int fd_ = -1;
};

// What identifies one version of a file, as git's index does: a rewrite
// through a rename changes the inode, an edit in place the times or size.
struct FileStamp {
  dev_t device = 0;
  ino_t inode = 0;
  std::int64_t size = 0;
  std::int64_t modified_ns = 0;
  std::int64_t changed_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// Opens a folder named by an ordinary path (links followed): the root.
Fd open_root(const std::string& path, std::string& error);

// Opens the folder `relative` ("cases/AT-2014-001/assessments") beneath
// `base`, refusing a link or anything but a folder at every step. With
// `create`, missing folders are made with mode 0700 and their parents synced.
Fd open_beneath(int base, std::string_view relative, bool create, std::string& error);

// The entry `name` in folder `dir`, not following a link: nullopt when it
// does not exist; `kind` is 'f' (regular file), 'd', 'l' (link) or '?'.
struct Entry {
  char kind = '?';
  FileStamp stamp;
};
std::optional<Entry> entry_at(int dir, const std::string& name);

// The stamp of an ordinary path, not following a final link.
std::optional<FileStamp> stamp_of(const std::string& path);

// Writes `content` to a new file `name` in `dir` (mode 0600, must not exist)
// and flushes it to disk. "" or a reason.
std::string write_new_file(int dir, const std::string& name, std::string_view content);

// Reads a regular file `name` in `dir`, at most max_bytes (more is an error).
std::optional<std::string> read_small_file(int dir, const std::string& name, std::size_t max_bytes,
                                           std::string& error);

// The names in a folder, "." and ".." left out, sorted.
std::vector<std::string> names_in(int dir);

// Flushes a folder's entries to disk (after a rename, create or unlink in it).
void sync_folder(int dir);

// Splits "a/b/c" into its components; empty when any is empty, "." or "..".
std::vector<std::string> path_components(std::string_view relative);

}  // namespace care::util
