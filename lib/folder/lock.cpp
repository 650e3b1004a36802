#include "folder/lock.h"

#include <fmt/format.h>

#include "folder/git.h"
#include "folder/journal.h"
#include "folder/local.h"

namespace care::folder {
namespace {

constexpr const char* kLockFile = "lock";

}  // namespace

LockResult FolderLock::take(const std::filesystem::path& root, Access access, std::chrono::milliseconds wait,
                            std::string who) {
  wait_ = wait;
  who_ = std::move(who);
  root_path_ = root;
  root_ = util::open_root(root.string(), message_);
  if (!root_) return LockResult::Failed;
  std::string error;
  // A reader does not make .care/local: a folder it may only read stays as
  // it is. Where no command ever wrote there is no change to wait for, but
  // a first writer may start while the reader reads: the reader asks
  // relock_if_written_meanwhile() when it has read.
  local_ = open_local(root_.get(), access == Access::Write, error);
  if (!local_ && access == Access::Read) {
    unlocked_ = true;
    return LockResult::Taken;
  }
  if (!local_) {
    message_ = fmt::format("cannot use {}: {}", kLocalFolder, error);
    return LockResult::Failed;
  }
  return lock_local(access);
}

std::optional<LockResult> FolderLock::relock_if_written_meanwhile() {
  if (!unlocked_) return std::nullopt;
  std::string error;
  local_ = open_local(root_.get(), false, error);
  if (!local_) return std::nullopt;
  unlocked_ = false;
  return lock_local(Access::Read);
}

LockResult FolderLock::lock_local(Access access) {
  LockResult taken = take_mode(access == Access::Write ? util::LockMode::Exclusive : util::LockMode::Shared);
  if (taken != LockResult::Taken) return taken;
  if (!has_unfinished(root_.get())) return LockResult::Taken;
  if (access == Access::Read) {
    lock_.release();
    if (auto r = take_mode(util::LockMode::Exclusive); r != LockResult::Taken) return r;
  }
  if (auto r = finish_left_change(); r != LockResult::Taken) return r;
  if (access == Access::Read) {
    lock_.release();
    return take_mode(util::LockMode::Shared);
  }
  return LockResult::Taken;
}

LockResult FolderLock::take_mode(util::LockMode mode) {
  switch (lock_.take(local_.get(), kLockFile, mode, wait_)) {
    case util::LockOutcome::Taken:
      if (mode == util::LockMode::Exclusive) lock_.describe_holder(who_ + "\n");
      return LockResult::Taken;
    case util::LockOutcome::Busy: return busy();
    case util::LockOutcome::Failed: break;
  }
  message_ = fmt::format("cannot lock the case folder ({}/{}): {}", kLocalFolder, kLockFile, lock_.error());
  return LockResult::Failed;
}

LockResult FolderLock::busy() {
  std::string holder = lock_.only_readers_hold_it() ? "commands that read the folder (a report, a check, a list)"
                                                    : lock_.holder();
  if (holder.empty()) holder = "another care command";
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait_).count();
  message_ = fmt::format("the case folder is busy: its lock is held by {}, still after {} s", holder, seconds);
  lock_.release();
  return LockResult::Busy;
}

// A change that a command committed to the journal but did not finish (it
// was stopped, or a rename failed): finished here, and committed to git when
// that command would have committed it.
LockResult FolderLock::finish_left_change() {
  Recovered left = recover(root_.get());
  if (!left.error.empty()) {
    message_ = fmt::format("a change that an earlier command left unfinished cannot be completed: {}", left.error);
    return LockResult::Unfinished;
  }
  if (left.commit_message.empty()) return LockResult::Taken;
  if (git_has_changes(root_path_, left.files)) {
    std::string error = git_commit(root_path_, left.files, left.commit_message,
                                   std::filesystem::file_time_type::clock::now());
    if (!error.empty())
      note_ = fmt::format("a change left unfinished by an earlier command was completed, but not committed to git: {}",
                          error);
  }
  forget_change(root_.get());
  return LockResult::Taken;
}

LockResult FolderLock::hold_exclusive() {
  if (exclusive()) return LockResult::Taken;
  if (unlocked_) {
    std::string error;
    local_ = open_local(root_.get(), true, error);
    if (!local_) {
      message_ = fmt::format("cannot use {}: {}", kLocalFolder, error);
      return LockResult::Failed;
    }
    unlocked_ = false;
  }
  lock_.release();
  if (auto r = take_mode(util::LockMode::Exclusive); r != LockResult::Taken) return r;
  return finish_left_change();
}

}  // namespace care::folder
