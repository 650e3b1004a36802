#include "schema/format.h"

#include "util/date.h"

namespace care::schema::format {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[pos] into value; moves pos past them.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t n, int& value) {
  if (pos + n > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  pos += n;
  return true;
}

bool read_char(std::string_view text, std::size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

// The shape of YYYY-MM-DD, without asking whether the day exists.
bool looks_like_date(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && is_digit(text[0]) &&
         is_digit(text[1]) && is_digit(text[2]) && is_digit(text[3]) && is_digit(text[5]) &&
         is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
}

// hh:mm with hours below 24 and minutes below 60.
bool read_hours_minutes(std::string_view text, std::size_t& pos) {
  int hours = 0, minutes = 0;
  return read_digits(text, pos, 2, hours) && read_char(text, pos, ':') &&
         read_digits(text, pos, 2, minutes) && hours < 24 && minutes < 60;
}

// RFC 3339 full-time: hh:mm:ss, optional fraction, then Z or an offset.
bool is_full_time(std::string_view text) {
  std::size_t pos = 0;
  int seconds = 0;
  if (!read_hours_minutes(text, pos) || !read_char(text, pos, ':') ||
      !read_digits(text, pos, 2, seconds) || seconds > 60)  // 60: a leap second
    return false;
  if (read_char(text, pos, '.')) {
    std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos == start) return false;
  }
  if (read_char(text, pos, 'Z') || read_char(text, pos, 'z')) return pos == text.size();
  if (!read_char(text, pos, '+') && !read_char(text, pos, '-')) return false;
  return read_hours_minutes(text, pos) && pos == text.size();
}

std::optional<Problem> check_date(std::string_view text) {
  if (!looks_like_date(text))
    return Problem{"is not a date in the form YYYY-MM-DD",
                   "Write the date as YYYY-MM-DD, for example 2024-03-09."};
  if (!util::Date::parse(text))
    return Problem{"is not a real calendar date",
                   "Write the date as YYYY-MM-DD with a day that exists in that month."};
  return std::nullopt;
}

std::optional<Problem> check_date_time(std::string_view text) {
  bool has_separator = text.size() > 10 && (text[10] == 'T' || text[10] == 't');
  if (!has_separator || !looks_like_date(text.substr(0, 10)) || !is_full_time(text.substr(11)))
    return Problem{"is not a date and time in the form YYYY-MM-DDThh:mm:ssZ",
                   "Write it like 2024-03-09T14:30:00Z, or with an offset like "
                   "2024-03-09T14:30:00+02:00."};
  if (!util::Date::parse(text.substr(0, 10)))
    return Problem{"is not a real calendar date",
                   "Write the date as YYYY-MM-DD with a day that exists in that month."};
  return std::nullopt;
}

std::optional<Problem> check_time(std::string_view text) {
  if (is_full_time(text)) return std::nullopt;
  return Problem{"is not a time in the form hh:mm:ssZ",
                 "Write it like 14:30:00Z, or with an offset like 14:30:00+02:00."};
}

// Deliberately loose: catches the usual slips (no @, spaces, nothing either
// side of the @) without refusing unusual but real addresses.
std::optional<Problem> check_email(std::string_view text) {
  std::size_t at = text.find('@');
  bool ok = at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
            text.find('@', at + 1) == std::string_view::npos &&
            text.find_first_of(" \t\r\n") == std::string_view::npos;
  if (ok) return std::nullopt;
  return Problem{"is not an e-mail address", "Write it like name@example.org, without spaces."};
}

}  // namespace

std::optional<Problem> check(std::string_view format, std::string_view text) {
  if (format == "date") return check_date(text);
  if (format == "date-time") return check_date_time(text);
  if (format == "time") return check_time(text);
  if (format == "email") return check_email(text);
  return std::nullopt;
}

}  // namespace care::schema::format
