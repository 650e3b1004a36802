// The case folder's lock (.care/local/lock). A command that changes the
// folder holds it exclusively from before it reads what it changes until
// after its last rename and its git commit, so no update is ever lost; a
// command that only reads holds it shared while it reads, so that it never
// sees half of a change. Taking the lock also finishes, or undoes, a change
// that a stopped command left in the journal (folder/journal.h).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "util/beneath.h"
#include "util/file_lock.h"

namespace care::folder {

enum class Access { Read, Write };

enum class LockResult {
  Taken,
  Busy,        // another command held the lock for the whole wait
  Unfinished,  // a stopped command's change could not be finished
  Failed,      // the folder or its lock cannot be opened
};

class FolderLock {
 public:
  // Opens the case folder at `root` and takes its lock. `who` describes this
  // command for anyone who waits ("care-plan add, process 42, since ...").
  LockResult take(const std::filesystem::path& root, Access access, std::chrono::milliseconds wait,
                  std::string who);
  // The exclusive lock, taken now if this command read under a shared lock
  // or none (care-intake edit, after the editor closes).
  LockResult hold_exclusive();
  void release() { lock_.release(); }
  // A reader that found no .care/local read without a lock. If a writer
  // made .care/local meanwhile, what was read may be half of its change:
  // the shared lock is taken now (a change left unfinished is finished
  // first) and the caller must read again. nullopt when nothing happened.
  std::optional<LockResult> relock_if_written_meanwhile();

  bool exclusive() const { return lock_.held() && lock_.mode() == util::LockMode::Exclusive; }
  int root_fd() const { return root_.get(); }
  // Why the lock was not taken, in one line.
  const std::string& message() const { return message_; }
  // Set when a change left by a stopped command was completed but could not
  // be committed to git: why, and how to commit it.
  const std::string& note() const { return note_; }

 private:
  LockResult lock_local(Access access);
  LockResult take_mode(util::LockMode mode);
  LockResult finish_left_change();
  LockResult busy();

  util::Fd root_;
  util::Fd local_;
  util::FileLock lock_;
  std::chrono::milliseconds wait_{0};
  std::string who_;
  std::string message_;
  std::string note_;
  std::filesystem::path root_path_;
  bool unlocked_ = false;  // a reader where .care/local does not exist: nothing to lock
};

}  // namespace care::folder
