#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace care::util {
namespace {

std::string reason(std::string_view what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

bool write_all(int fd, const std::string& content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

void sync_folder(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string write_atomically(const std::string& path, const std::string& content) {
  std::filesystem::path target(path);
  std::string tmp = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());  // mkstemp creates the file with mode 0600
  if (fd < 0) return reason("create a temporary file beside", path);
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  std::string error = ok ? "" : reason("write", tmp);
  if (::close(fd) != 0 && error.empty()) error = reason("close", tmp);
  if (error.empty() && ::rename(tmp.c_str(), path.c_str()) != 0) error = reason("replace", path);
  if (!error.empty()) {
    ::unlink(tmp.c_str());
    return error;
  }
  sync_folder(path);
  return {};
}

std::string make_private_dirs(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p(path);
  std::filesystem::path built;
  for (const auto& part : p) {
    built /= part;
    if (std::filesystem::is_directory(built, ec)) continue;
    if (::mkdir(built.c_str(), 0700) != 0 && errno != EEXIST) return reason("create folder", built.string());
  }
  return {};
}

}  // namespace care::util
