#include "util/money.h"

#include <fmt/format.h>

namespace care::util {

std::optional<Amount> Amount::parse(std::string_view s) {
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2)) return std::nullopt;
  if (whole.size() > 1 && whole[0] == '0') return std::nullopt;
  std::int64_t cents = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  for (std::size_t i = 0; i < 2; ++i) {
    char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  return from_cents(cents);
}

std::string Amount::str() const {
  std::int64_t abs = cents_ < 0 ? -cents_ : cents_;
  return fmt::format("{}{}.{:02}", cents_ < 0 ? "-" : "", abs / 100, abs % 100);
}

}  // namespace care::util
