// An advisory lock on a file (flock): shared for readers, exclusive for a
// writer. The kernel drops it when the process ends, however it ends, so a
// crashed command never leaves the lock behind.
#pragma once

#include <chrono>
#include <string>

#include "util/beneath.h"

namespace care::util {

enum class LockMode { Shared, Exclusive };

enum class LockOutcome {
  Taken,
  Busy,    // still held by another process when the wait ran out
  Failed,  // the lock file could not be opened or locked at all
};

class FileLock {
 public:
  FileLock() = default;
  // Takes the lock on `name` in folder `dir` (creating the file with mode
  // 0600 if it may), waiting at most `wait`.
  LockOutcome take(int dir, const std::string& name, LockMode mode, std::chrono::milliseconds wait);
  // Turns a shared lock into an exclusive one, waiting at most `wait`.
  LockOutcome upgrade(std::chrono::milliseconds wait);
  void release();

  bool held() const { return held_; }
  LockMode mode() const { return mode_; }
  // Replaces the lock file's text: who holds it, for those who wait.
  void describe_holder(const std::string& text);
  // The text the last exclusive holder wrote.
  std::string holder() const;
  // True when the lock is held only by readers right now.
  bool only_readers_hold_it() const;
  const std::string& error() const { return error_; }

 private:
  LockOutcome wait_for(int operation, std::chrono::milliseconds wait);

  Fd fd_;
  bool held_ = false;
  LockMode mode_ = LockMode::Shared;
  std::string error_;
};

}  // namespace care::util
