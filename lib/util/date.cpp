#include "util/date.h"

#include <fmt/format.h>

namespace care::util {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  Date out;
  out.year_ = y;
  out.month_ = m;
  out.day_ = d;
  return out;
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

// Howard Hinnant's days-from-civil algorithm (public domain description).
long Date::days_since_epoch() const {
  int y = year_ - (month_ <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  Date out;
  out.day_ = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month_ = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year_ = static_cast<int>(y + (out.month_ <= 2 ? 1 : 0));
  return out;
}

Date Date::add_months(int n) const {
  int index = year_ * 12 + (month_ - 1) + n;
  int y = index / 12, m = index % 12 + 1;
  Date out;
  out.year_ = y;
  out.month_ = m;
  out.day_ = std::min(day_, days_in_month(y, m));
  return out;
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_); }

int age_on(const Date& birth, const Date& on) {
  if (on < birth) return 0;
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

}  // namespace care::util
