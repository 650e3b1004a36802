// Exit statuses shared by every care binary, documented in each man page.
#pragma once

namespace care::cli {

enum Exit : int {
  kOk = 0,
  kFindings = 1,       // problems found, a refusal, overdue items when asked to fail on them
  kUsage = 2,          // bad flags or arguments
  kNoCaseFolder = 3,   // not in a case folder, or the folder cannot be read
  kBadConfig = 4,      // care.toml is missing, malformed or incomplete
  kWriteFailed = 5,    // a record could not be written (disk, permissions); nothing was changed
  kBusy = 6,           // another command held the folder's lock, or a file changed meanwhile; nothing was changed
  kNotCommitted = 7,   // the records were written, but the git commit failed
  kUnfinished = 8,     // a change was committed but not completed; the next command completes it
  kInternal = 70,      // a bug in care; please report it
};

}  // namespace care::cli
