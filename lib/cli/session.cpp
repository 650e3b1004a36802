#include "cli/session.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "util/text.h"
#include "util/utf8.h"

namespace care::cli {
namespace fs = std::filesystem;

namespace {

util::Date system_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *util::Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<std::string> environment(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

std::string& invocation() {
  static std::string words = "a care command";
  return words;
}

// "care-plan add, process 42, since 2026-12-03 10:00:00 UTC": enough for a
// person who waits to find the command, nothing about any case.
std::string lock_holder() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return fmt::format("{} (process {}, since {})", invocation(), ::getpid(), when);
}

// A writer that cannot make or lock .care/local (a full disk, no
// permission, a link) could not write: 5, like any other failed write.
int exit_code_of(folder::LockResult r, folder::Access access) {
  switch (r) {
    case folder::LockResult::Busy: return kBusy;
    case folder::LockResult::Unfinished: return kUnfinished;
    default: return access == folder::Access::Write ? kWriteFailed : kNoCaseFolder;
  }
}

std::string advice_for(folder::LockResult r, folder::Access access) {
  switch (r) {
    case folder::LockResult::Busy:
      return "; nothing was changed. Run the command again when that one has finished "
             "(CARE_LOCK_WAIT sets how many seconds to wait)";
    case folder::LockResult::Unfinished:
      return "; nothing else was done. Mend what it names (disk space, permissions), "
             "then run any care command: it completes the change";
    default: return access == folder::Access::Write ? "; nothing was changed" : "";
  }
}

}  // namespace

static std::filesystem::file_time_type& start_time() {
  static std::filesystem::file_time_type when = std::filesystem::file_time_type::clock::now();
  return when;
}

void set_invocation(std::string words) {
  invocation() = std::move(words);
  start_time() = std::filesystem::file_time_type::clock::now();
}

std::filesystem::file_time_type started() { return start_time(); }

std::optional<std::chrono::milliseconds> lock_wait(std::string& error) {
  auto text = environment("CARE_LOCK_WAIT");
  if (!text) return std::chrono::seconds(10);
  if (auto seconds = util::whole_number(*text); seconds && *seconds <= 3600) return std::chrono::seconds(*seconds);
  error = fmt::format("CARE_LOCK_WAIT \"{}\" is not a number of seconds from 0 to 3600", *text);
  return std::nullopt;
}

std::optional<util::Date> resolve_today(const std::string& as_of, std::string& error) {
  std::string source = "--as-of";
  std::string text = as_of;
  if (text.empty()) {
    if (auto env = environment("CARE_TODAY")) {
      text = *env;
      source = "CARE_TODAY";
    }
  }
  if (text.empty()) return system_today();
  if (auto d = util::Date::parse(text)) return d;
  error = fmt::format("{} \"{}\" is not a date: write YYYY-MM-DD with a day that exists", source, text);
  return std::nullopt;
}

Opened open_session(const GlobalOptions& options, folder::Access access) {
  Opened out;
  std::error_code ec;
  // -C is relative to where the command started, however many sessions it
  // opens (show --identity opens one to log the access, then one to read).
  static const fs::path started_in = fs::current_path(ec);
  if (!options.directory.empty()) {
    fs::current_path(started_in / options.directory, ec);
    if (ec) {
      out.exit_code = kNoCaseFolder;
      out.message = fmt::format("cannot change to {}: {}", options.directory, ec.message());
      return out;
    }
  }
  Session s;
  s.cwd = fs::current_path(ec);
  std::string date_error;
  auto today = resolve_today(options.as_of, date_error);
  if (!today) {
    out.exit_code = kUsage;
    out.message = date_error;
    return out;
  }
  s.today = *today;
  auto located = folder::locate(s.cwd, environment("CARE_DIR"), !options.directory.empty());
  if (located.root.empty()) {
    out.exit_code = kNoCaseFolder;
    out.message = located.error;
    return out;
  }
  s.root = located.root;
  std::string wait_error;
  auto wait = lock_wait(wait_error);
  if (!wait) {
    out.exit_code = kUsage;
    out.message = wait_error;
    return out;
  }
  // care.toml is read under the lock too: a change may be under way.
  s.lock = std::make_shared<folder::FolderLock>();
  if (auto r = s.lock->take(s.root, access, *wait, lock_holder()); r != folder::LockResult::Taken) {
    out.exit_code = exit_code_of(r, access);
    out.message = s.lock->message() + advice_for(r, access);
    return out;
  }
  out.notice = s.lock->note();
  auto config = folder::load_config((s.root / folder::kConfigFile).string(),
                                    folder::display_path(s.root / folder::kConfigFile, s.cwd));
  if (!config.config) {
    out.exit_code = kBadConfig;
    out.problems = std::move(config.problems);
    return out;
  }
  s.config = std::move(*config.config);
  out.session = std::move(s);
  return out;
}

std::optional<bool> read_again(Session& session, std::string_view program, int& code) {
  if (!session.lock) return false;
  auto r = session.lock->relock_if_written_meanwhile();
  if (!r) return false;
  if (*r == folder::LockResult::Taken) return true;
  print_error(program, session.lock->message() + advice_for(*r, folder::Access::Read));
  code = exit_code_of(*r, folder::Access::Read);
  return std::nullopt;
}

std::optional<Session> open_or_explain(const GlobalOptions& options, std::string_view program, int& code,
                                       folder::Access access) {
  Opened opened = open_session(options, access);
  if (!opened.notice.empty()) print_error(program, "warning: " + opened.notice);
  if (opened.session) return std::move(opened.session);
  if (!opened.message.empty()) print_error(program, opened.message);
  print_problems(opened.problems, program);
  code = opened.exit_code;
  return std::nullopt;
}

void print_problems(const diag::Diagnostics& problems, std::string_view program) {
  for (const auto& d : problems) std::fputs(diag::render_text(d, program).c_str(), stderr);
}

void print_error(std::string_view program, std::string_view message) {
  std::fputs(fmt::format("{}: {}\n", program, util::visible(message)).c_str(), stderr);
}

}  // namespace care::cli
