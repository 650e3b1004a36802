#include "identity/access_log.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "util/date.h"
#include "util/process.h"

namespace care::identity {
namespace {

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

bool is_utc_time(std::string_view t) {
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
  if (!util::Date::parse(t.substr(0, 10))) return false;
  for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u})
    if (t[i] < '0' || t[i] > '9') return false;
  return (t[11] - '0') * 10 + (t[12] - '0') < 24 && t[14] < '6' && t[17] < '6';
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

std::string access_log_path(std::string_view case_id) { return fmt::format("cases/{}/{}", case_id, kAccessLog); }

std::string line_of(const Access& a) {
  return fmt::format("{}\t{}\t{}\t{}\n", one_line(a.when), one_line(a.who), one_line(a.command), one_line(a.purpose));
}

std::optional<Access> parse_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto fields = split_tabs(line);
  if (fields.size() != 4 || !is_utc_time(fields[0]) || fields[1].empty() || fields[2].empty()) return std::nullopt;
  return Access{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), std::string(fields[3])};
}

std::string who_am_i(const std::filesystem::path& root) {
  if (const char* named = std::getenv("CARE_USER"); named && *named) return one_line(named);
  auto git = util::run_piped({"git", "-C", root.string(), "config", "user.email"}, {});
  std::string email = git.status == 0 ? git.out : std::string();
  while (!email.empty() && (email.back() == '\n' || email.back() == '\r')) email.pop_back();
  if (!email.empty()) return one_line(email);
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return one_line(pw->pw_name);
  return fmt::format("uid {}", ::getuid());
}

std::string now_utc() {
  if (const char* fixed = std::getenv("CARE_NOW"); fixed && is_utc_time(fixed)) return fixed;
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

}  // namespace care::identity
