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

std::optional<Rate> Rate::parse(std::string_view s) {
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 7) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > kPlaces)) return std::nullopt;
  if (whole.size() > 1 && whole[0] == '0') return std::nullopt;
  std::int64_t units = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  for (int i = 0; i < kPlaces; ++i) {
    char c = static_cast<std::size_t>(i) < frac.size() ? frac[static_cast<std::size_t>(i)] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  constexpr std::int64_t kMillion = 100'000'000LL * 1'000'000LL;
  if (units == 0 || units > kMillion) return std::nullopt;
  Rate r;
  r.units_ = units;
  return r;
}

std::string Rate::str() const {
  std::string frac = fmt::format("{:08}", units_ % 100'000'000LL);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return fmt::format("{}{}{}", units_ / 100'000'000LL, frac.empty() ? "" : ".", frac);
}

// At most 10^14 cents times 10^14 units: within 128 bits, not within 64.
// GCC and Clang have the type; __extension__ says so to -Wpedantic.
__extension__ typedef __int128 Wide;

std::optional<Amount> Rate::convert(Amount a) const {
  Wide product = static_cast<Wide>(a.cents()) * units_;
  Wide half = 50'000'000;
  Wide cents = (product < 0 ? product - half : product + half) / 100'000'000;
  constexpr Wide kLimit = 100'000'000'000'000LL;  // a trillion, in cents
  if (cents >= kLimit || cents <= -kLimit) return std::nullopt;
  return Amount::from_cents(static_cast<std::int64_t>(cents));
}

}  // namespace care::util
