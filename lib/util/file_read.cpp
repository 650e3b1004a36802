#include "util/file_read.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace care::util {
namespace {

using std::filesystem::file_type;

file_type type_of(mode_t mode) {
  if (S_ISREG(mode)) return file_type::regular;
  if (S_ISDIR(mode)) return file_type::directory;
  if (S_ISFIFO(mode)) return file_type::fifo;
  if (S_ISCHR(mode)) return file_type::character;
  if (S_ISBLK(mode)) return file_type::block;
  if (S_ISSOCK(mode)) return file_type::socket;
  if (S_ISLNK(mode)) return file_type::symlink;
  return file_type::unknown;
}

FileText failed(ReadFailure failure, std::string reason) {
  FileText out;
  out.failure = failure;
  out.reason = std::move(reason);
  return out;
}

FileText not_regular(file_type type) {
  return failed(ReadFailure::NotRegular, fmt::format("it is {}, not a regular file", describe(type)));
}

FileText too_large(std::size_t max_bytes) {
  return failed(ReadFailure::TooLarge, fmt::format("it is larger than {} bytes", max_bytes));
}

// Why open() failed, told apart where the caller acts differently.
FileText open_failure(const std::string& path, int error) {
  if (error == ENOENT) return failed(ReadFailure::Missing, "it does not exist");
  // O_NOFOLLOW refuses a link with ELOOP, and a socket cannot be opened at
  // all (ENXIO): say what the thing is rather than what open() said.
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return not_regular(type_of(st.st_mode));
  return failed(ReadFailure::Unreadable, fmt::format("it cannot be opened ({})", std::strerror(error)));
}

// Reads fd to its end or until more than max_bytes came; waits when the
// descriptor is non-blocking and has nothing yet (a pipe on stdin).
FileText read_bounded(int fd, std::size_t max_bytes) {
  FileText out;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, -1) >= 0 || errno == EINTR) continue;
    }
    if (n < 0) return failed(ReadFailure::Unreadable, fmt::format("it cannot be read ({})", std::strerror(errno)));
    if (n == 0) return out;
    if (out.text.size() + static_cast<std::size_t>(n) > max_bytes) return too_large(max_bytes);
    out.text.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string_view describe(file_type type) {
  switch (type) {
    case file_type::directory: return "a folder";
    case file_type::fifo: return "a named pipe (FIFO)";
    case file_type::character:
    case file_type::block: return "a device";
    case file_type::socket: return "a socket";
    case file_type::symlink: return "a symbolic link";
    case file_type::regular: return "a regular file";
    default: return "something other than a file";
  }
}

FileText read_regular_file(const std::string& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return open_failure(path, errno);
  struct stat st {};
  FileText out;
  if (::fstat(fd, &st) != 0)
    out = failed(ReadFailure::Unreadable, fmt::format("it cannot be examined ({})", std::strerror(errno)));
  else if (!S_ISREG(st.st_mode))
    out = not_regular(type_of(st.st_mode));
  else if (static_cast<std::size_t>(st.st_size) > max_bytes)
    out = too_large(max_bytes);  // refused without reading a byte
  else
    out = read_bounded(fd, max_bytes);  // bounded again: the file may grow meanwhile
  ::close(fd);
  return out;
}

FileText read_descriptor(int fd, std::size_t max_bytes) { return read_bounded(fd, max_bytes); }

}  // namespace care::util
