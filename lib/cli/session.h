// What every command does before its own work: honour -C, find the case
// folder, read care.toml, fix "today". Kept out of cmd/ so that each main
// stays a thin layer of flags.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "folder/lock.h"
#include "util/date.h"

namespace care::cli {

struct GlobalOptions {
  std::string directory;  // -C DIR
  std::string as_of;      // --as-of YYYY-MM-DD
};

struct Session {
  std::filesystem::path cwd;   // after -C
  std::filesystem::path root;  // the case folder
  folder::Config config;
  util::Date today;
  // The folder's lock, held while the session lives: shared to read,
  // exclusive to write. Empty only in sessions made by tests.
  std::shared_ptr<folder::FolderLock> lock;
};

struct Opened {
  std::optional<Session> session;
  int exit_code = 0;            // when session is empty
  diag::Diagnostics problems;   // to print when session is empty
  std::string message;          // a one-line reason, when there are no problems to show
  std::string notice;           // a warning to print even when the session opened
};

// "Today": --as-of, else CARE_TODAY, else the system's local date.
// Returns nullopt with a message when a given date is not a real date.
std::optional<util::Date> resolve_today(const std::string& as_of, std::string& error);

// Opens the session: the folder found, care.toml read, the folder's lock
// taken for `access` (a change a stopped command left is finished first).
Opened open_session(const GlobalOptions& options, folder::Access access = folder::Access::Read);

// Opens the session, printing why it could not (exit code in `code`).
std::optional<Session> open_or_explain(const GlobalOptions& options, std::string_view program, int& code,
                                       folder::Access access = folder::Access::Read);

// For a command that read the folder without its lock (none had written
// there yet, so there was none): true when it must read again, because a
// first writer started meanwhile and what it read may be half of a change;
// the shared lock is then held. nullopt, with the reason printed and the
// exit status in `code`, when the lock cannot be taken.
std::optional<bool> read_again(Session& session, std::string_view program, int& code);

// What this process is ("care-plan add"), for the lock file: set once by main.
void set_invocation(std::string words);

// When this command started (set with the invocation): a git lock file older
// than this was left behind by an earlier command.
std::filesystem::file_time_type started();

// How long to wait for the folder's lock: CARE_LOCK_WAIT seconds, default 10.
// nullopt, with a message, when the variable is not a whole number of seconds.
std::optional<std::chrono::milliseconds> lock_wait(std::string& error);

// Prints problems to stderr as text, with the program's name.
void print_problems(const diag::Diagnostics& problems, std::string_view program);

// Prints "program: message" to stderr.
void print_error(std::string_view program, std::string_view message);

}  // namespace care::cli
