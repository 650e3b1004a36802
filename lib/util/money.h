// Exact money amounts: a decimal with at most two places, held as a count of
// hundredths. Amounts are never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace care::util {

class Amount {
 public:
  Amount() = default;
  static Amount from_cents(std::int64_t cents) { Amount a; a.cents_ = cents; return a; }
  // Parses "1250", "1250.5" or "1250.50"; refuses signs, exponents, more than
  // two decimals and amounts past a trillion.
  static std::optional<Amount> parse(std::string_view text);

  std::int64_t cents() const { return cents_; }
  std::string str() const;  // always two decimals: "1250.50"

  Amount operator+(Amount o) const { return from_cents(cents_ + o.cents_); }
  Amount operator-(Amount o) const { return from_cents(cents_ - o.cents_); }
  Amount& operator+=(Amount o) { cents_ += o.cents_; return *this; }
  auto operator<=>(const Amount&) const = default;

 private:
  std::int64_t cents_ = 0;
};

// An exchange rate: what one unit of another currency is worth in the
// program's currency. A positive decimal with at most 8 places and at most a
// million, held exactly as a count of hundred-millionths.
class Rate {
 public:
  static constexpr int kPlaces = 8;
  // Parses "0.92", "117.5", "1", "0.00712345"; refuses zero, signs, exponents.
  static std::optional<Rate> parse(std::string_view text);

  std::string str() const;  // as written, without trailing zeros: "0.92"
  // The amount times the rate, rounded half away from zero to the cent;
  // nothing when that is past a trillion (what Amount::parse accepts).
  std::optional<Amount> convert(Amount a) const;
  auto operator<=>(const Rate&) const = default;

 private:
  std::int64_t units_ = 0;
};

}  // namespace care::util
