// cases/<ID>/access.log: one line each time a person's identity record was
// decrypted, so that who read whose identity, and why, can be answered.
// The file only grows; git merges two offices' appends with its union
// driver (.gitattributes), so the lines of a case are in no set order.
//
// A line: WHEN <tab> WHO <tab> COMMAND <tab> PURPOSE, e.g.
//   2026-12-03T16:30:05Z	officer@example.org	care-intake show --identity	prepare travel documents
// WHEN is UTC; WHO is git's user.email, else the login name. Tabs and line
// breaks in any field are written as spaces.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::identity {

inline constexpr std::string_view kAccessLog = "access.log";

// The most of a log that is read: a log only grows, but a line is a read.
inline constexpr std::size_t kMaxAccessLogBytes = 16 * 1024 * 1024;

struct Access {
  std::string when;     // 2026-12-03T16:30:05Z
  std::string who;
  std::string command;  // care-intake show --identity
  std::string purpose;
};

// The relative path of a case's log: cases/<ID>/access.log.
std::string access_log_path(std::string_view case_id);

// One line, ending in a newline.
std::string line_of(const Access& access);

// A line read back; nullopt for a line that is not one (reported by the caller).
std::optional<Access> parse_line(std::string_view line);

// Who is at the keyboard: CARE_USER when set (a shared account names its
// person so), else git's user.email in the folder, else the login name.
std::string who_am_i(const std::filesystem::path& root);

// Now, in UTC: CARE_NOW (an ISO time like 2026-12-03T16:30:05Z, for tests)
// when it is set and well formed, else the system clock.
std::string now_utc();

}  // namespace care::identity
