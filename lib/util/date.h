// Calendar dates without time zones: every date in a record is a civil date
// (YYYY-MM-DD), and "today" is always passed in, never read from the clock
// here, so that output is reproducible.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace care::util {

class Date {
 public:
  Date() = default;
  // Parses exactly YYYY-MM-DD with a day that exists in that month.
  static std::optional<Date> parse(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // Days since 1970-01-01 (negative before).
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);

  // The same day n months later; clamped to the month's last day (Jan 31 + 1 = Feb 28/29).
  Date add_months(int n) const;
  Date add_days(long n) const { return from_days_since_epoch(days_since_epoch() + n); }

  std::string str() const;
  auto operator<=>(const Date&) const = default;

 private:
  int year_ = 1970, month_ = 1, day_ = 1;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Whole years of age on `on` for a person born on `birth` (0 if born after).
int age_on(const Date& birth, const Date& on);

// Days from a to b (positive when b is later).
inline long days_between(const Date& a, const Date& b) {
  return b.days_since_epoch() - a.days_since_epoch();
}

}  // namespace care::util
