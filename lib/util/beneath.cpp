#include "util/beneath.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace care::util {
namespace {

std::string failed(std::string_view what, std::string_view name) {
  return fmt::format("cannot {} {}: {}", what, name, std::strerror(errno));
}

std::int64_t nanoseconds(const timespec& t) { return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; }

FileStamp stamp_from(const struct stat& st) {
  return FileStamp{st.st_dev, st.st_ino, static_cast<std::int64_t>(st.st_size), nanoseconds(st.st_mtim),
                   nanoseconds(st.st_ctim)};
}

char kind_of(mode_t mode) {
  if (S_ISREG(mode)) return 'f';
  if (S_ISDIR(mode)) return 'd';
  if (S_ISLNK(mode)) return 'l';
  return '?';
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// One step down: the folder `name` in `dir`, made first when asked to.
Fd step(int dir, const std::string& name, bool create, std::string& error) {
  int fd = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create) {
    if (::mkdirat(dir, name.c_str(), 0700) != 0 && errno != EEXIST) {
      error = failed("create folder", name);
      return {};
    }
    sync_folder(dir);
    fd = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  }
  if (fd >= 0) return Fd(fd);
  if (errno == ELOOP || errno == ENOTDIR) {
    auto e = entry_at(dir, name);
    error = e && e->kind == 'l' ? fmt::format("{} is a symbolic link; links are not followed", name)
                                : fmt::format("{} is not a folder", name);
  } else {
    error = failed("open folder", name);
  }
  return {};
}

}  // namespace

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

int Fd::release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

Fd open_root(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) error = failed("open folder", path);
  return Fd(fd);
}

std::vector<std::string> path_components(std::string_view relative) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t end = std::min(relative.find('/', start), relative.size());
    std::string part(relative.substr(start, end - start));
    if (part.empty() || part == "." || part == "..") return {};
    parts.push_back(std::move(part));
    start = end + 1;
  }
  return parts;
}

Fd open_beneath(int base, std::string_view relative, bool create, std::string& error) {
  auto parts = path_components(relative);
  if (parts.empty()) {
    error = fmt::format("\"{}\" is not a path beneath the folder", relative);
    return {};
  }
  Fd here(::dup(base));
  std::string walked;
  for (const auto& part : parts) {
    walked += (walked.empty() ? "" : "/") + part;
    Fd next = step(here.get(), part, create, error);
    if (!next) {
      error = fmt::format("{} ({})", error, walked);
      return {};
    }
    here = std::move(next);
  }
  return here;
}

std::optional<Entry> entry_at(int dir, const std::string& name) {
  struct stat st {};
  if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
  return Entry{kind_of(st.st_mode), stamp_from(st)};
}

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_from(st);
}

std::string write_new_file(int dir, const std::string& name, std::string_view content) {
  int fd = ::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return failed("create", name);
  std::string error;
  if (!write_all(fd, content) || ::fsync(fd) != 0) error = failed("write", name);
  if (::close(fd) != 0 && error.empty()) error = failed("close", name);
  if (!error.empty()) ::unlinkat(dir, name.c_str(), 0);
  return error;
}

std::optional<std::string> read_small_file(int dir, const std::string& name, std::size_t max_bytes,
                                           std::string& error) {
  Fd fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) {
    error = failed("read", name);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    error = fmt::format("{} is not a regular file", name);
    return std::nullopt;
  }
  std::string text;
  char buffer[8192];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = failed("read", name);
      return std::nullopt;
    }
    if (n == 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {
      error = fmt::format("{} is larger than {} bytes", name, max_bytes);
      return std::nullopt;
    }
  }
}

std::vector<std::string> names_in(int dir) {
  std::vector<std::string> names;
  int copy = ::dup(dir);
  DIR* d = copy >= 0 ? ::fdopendir(copy) : nullptr;
  if (!d) {
    if (copy >= 0) ::close(copy);
    return names;
  }
  ::rewinddir(d);
  while (const dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

void sync_folder(int dir) { ::fsync(dir); }

}  // namespace care::util
