#include "util/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

namespace care::util {
namespace {

constexpr auto kPoll = std::chrono::milliseconds(25);

}  // namespace

LockOutcome FileLock::take(int dir, const std::string& name, LockMode mode, std::chrono::milliseconds wait) {
  release();
  int fd = ::openat(dir, name.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EACCES || errno == EROFS) && mode == LockMode::Shared)
    fd = ::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);  // a reader of a folder it may not write
  if (fd < 0) {
    error_ = fmt::format("cannot open the lock file {}: {}", name, std::strerror(errno));
    return LockOutcome::Failed;
  }
  fd_ = Fd(fd);
  mode_ = mode;
  return wait_for(mode == LockMode::Shared ? LOCK_SH : LOCK_EX, wait);
}

LockOutcome FileLock::upgrade(std::chrono::milliseconds wait) {
  if (!fd_) return LockOutcome::Failed;
  if (held_ && mode_ == LockMode::Exclusive) return LockOutcome::Taken;
  mode_ = LockMode::Exclusive;
  return wait_for(LOCK_EX, wait);
}

// flock has no timeout: poll without blocking until the deadline, so that
// the wait is bounded and the same on every system.
LockOutcome FileLock::wait_for(int operation, std::chrono::milliseconds wait) {
  auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (::flock(fd_.get(), operation | LOCK_NB) == 0) {
      held_ = true;
      return LockOutcome::Taken;
    }
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) {
      error_ = fmt::format("cannot lock: {}", std::strerror(errno));
      return LockOutcome::Failed;
    }
    if (std::chrono::steady_clock::now() >= deadline) return LockOutcome::Busy;
    std::this_thread::sleep_for(kPoll);
  }
}

void FileLock::release() {
  if (fd_ && held_) ::flock(fd_.get(), LOCK_UN);
  held_ = false;
  fd_ = Fd();
}

void FileLock::describe_holder(const std::string& text) {
  if (!fd_ || !held_ || mode_ != LockMode::Exclusive) return;
  if (::ftruncate(fd_.get(), 0) != 0) return;
  // Best effort: the text only helps a waiting person; the lock is the flock.
  [[maybe_unused]] ssize_t n = ::pwrite(fd_.get(), text.data(), text.size(), 0);
}

std::string FileLock::holder() const {
  if (!fd_) return {};
  char buffer[512];
  ssize_t n = ::pread(fd_.get(), buffer, sizeof buffer - 1, 0);
  if (n <= 0) return {};
  std::string text(buffer, static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

bool FileLock::only_readers_hold_it() const {
  if (!fd_ || held_) return false;
  if (::flock(fd_.get(), LOCK_SH | LOCK_NB) != 0) return false;
  ::flock(fd_.get(), LOCK_UN);
  return true;
}

}  // namespace care::util
