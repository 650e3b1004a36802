// Keywords for numbers and strings.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <mutex>

#include <fmt/format.h>

#include "schema/checker.h"
#include "schema/format.h"
#include "schema/wording.h"
#include "util/json_text.h"
#include "util/utf8.h"

namespace care::schema::detail {

using doc::Node;
using wording::subject;

namespace {

// A number as decimal digits times a power of ten, read from the text it was
// written as, so that 0.0075 is a multiple of 0.0001 exactly (it is not in
// binary floating point).
struct Decimal {
  std::string digits;  // no leading zeros; empty for zero
  long exponent = 0;
};

std::optional<Decimal> parse_decimal(std::string_view text) {
  std::size_t pos = 0;
  if (pos < text.size() && text[pos] == '-') ++pos;
  Decimal out;
  auto take_digits = [&] {
    std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') out.digits += text[pos++];
    return pos - start;
  };
  if (take_digits() == 0) return std::nullopt;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t fraction = take_digits();
    if (fraction == 0) return std::nullopt;
    out.exponent -= static_cast<long>(fraction);
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negative = pos < text.size() && text[pos] == '-';
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
    std::size_t start = pos;
    long power = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 6)
      power = power * 10 + (text[pos++] - '0');
    if (pos == start) return std::nullopt;
    out.exponent += negative ? -power : power;
  }
  if (pos != text.size()) return std::nullopt;
  out.digits.erase(0, std::min(out.digits.find_first_not_of('0'), out.digits.size()));
  return out;
}

std::string number_text(const Node& n) {
  return n.text().empty() ? fmt::format("{}", n.as_number()) : n.text();
}

// Whether value is a whole multiple of divisor, in exact decimal arithmetic;
// nullopt when the numbers are too large for it.
std::optional<bool> exact_multiple(const Node& value, const Node& divisor) {
  std::optional<Decimal> a = parse_decimal(number_text(value));
  std::optional<Decimal> b = parse_decimal(number_text(divisor));
  if (!a || !b || b->digits.empty()) return std::nullopt;
  if (a->digits.empty()) return true;
  long common = std::min(a->exponent, b->exponent);
  std::size_t shift_a = static_cast<std::size_t>(a->exponent - common);
  std::size_t shift_b = static_cast<std::size_t>(b->exponent - common);
  // The divisor must fit in 18 digits so the remainder times ten fits in 64 bits.
  if (b->digits.size() + shift_b > 18 || a->digits.size() + shift_a > 4096) return std::nullopt;
  std::uint64_t d = std::stoull(b->digits + std::string(shift_b, '0'));
  std::uint64_t remainder = 0;
  for (char c : a->digits + std::string(shift_a, '0'))
    remainder = (remainder * 10 + static_cast<std::uint64_t>(c - '0')) % d;
  return remainder == 0;
}

bool is_multiple(const Node& value, const Node& divisor) {
  if (std::optional<bool> exact = exact_multiple(value, divisor)) return *exact;
  double quotient = value.as_number() / divisor.as_number();
  if (!std::isfinite(quotient)) return false;
  return std::fabs(quotient - std::nearbyint(quotient)) <= 1e-9 * std::max(1.0, std::fabs(quotient));
}

std::string multiple_hint(const Node& divisor) {
  std::optional<Decimal> d = parse_decimal(number_text(divisor));
  if (d && d->digits == "1" && d->exponent == 0) return "Write a whole number, without decimals.";
  if (d && d->digits == "1" && d->exponent < 0)
    return fmt::format("Round it to {}.", wording::count(static_cast<std::size_t>(-d->exponent),
                                                         "decimal place", "decimal places"));
  return fmt::format("Use a multiple of {}.", number_text(divisor));
}

// -1, 0 or 1 as a is below, equal to or above b; exact for two integers.
int compare(const Node& a, const Node& b) {
  if (a.is_integer() && b.is_integer())
    return a.as_integer() < b.as_integer() ? -1 : a.as_integer() > b.as_integer() ? 1 : 0;
  return a.as_number() < b.as_number() ? -1 : a.as_number() > b.as_number() ? 1 : 0;
}

// A length limit ("maxLength": 3); nullopt when the keyword is not a count.
std::optional<std::size_t> limit(const Node* keyword) {
  if (!keyword || !keyword->is_number() || keyword->as_number() < 0) return std::nullopt;
  return static_cast<std::size_t>(keyword->as_number());
}

}  // namespace

const Pattern* compiled_pattern(const std::string& pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::optional<Pattern>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(pattern);
  // Left empty when refused: the caller says the schema is at fault.
  if (found == cache.end()) found = cache.emplace(pattern, Pattern::compile(pattern)).first;
  return found->second ? &*found->second : nullptr;
}

void Checker::check_number(const Here& here) {
  const Node* divisor = here.keyword("multipleOf");
  if (divisor && divisor->is_number() && divisor->as_number() > 0 &&
      !is_multiple(here.value, *divisor)) {
    report(here, here.value.location(), "multipleOf",
           fmt::format("{}: {} is not a multiple of {}", subject(here.path), number_text(here.value),
                       number_text(*divisor)),
           multiple_hint(*divisor));
  }
  check_bounds(here);
}

void Checker::check_bounds(const Here& here) {
  const Node& v = here.value;
  const std::string what = fmt::format("{}: {}", subject(here.path), number_text(v));
  auto bound = [&](std::string_view name) {
    const Node* b = here.keyword(name);
    return b && b->is_number() ? b : nullptr;
  };
  if (const Node* b = bound("maximum"); b && compare(v, *b) > 0)
    report(here, v.location(), "maximum",
           fmt::format("{} is more than the maximum of {}", what, number_text(*b)),
           fmt::format("Use a value of {} or less.", number_text(*b)));
  if (const Node* b = bound("exclusiveMaximum"); b && compare(v, *b) >= 0)
    report(here, v.location(), "exclusiveMaximum",
           fmt::format("{} must be less than {}", what, number_text(*b)),
           fmt::format("Use a value below {}.", number_text(*b)));
  if (const Node* b = bound("minimum"); b && compare(v, *b) < 0)
    report(here, v.location(), "minimum",
           fmt::format("{} is less than the minimum of {}", what, number_text(*b)),
           fmt::format("Use a value of {} or more.", number_text(*b)));
  if (const Node* b = bound("exclusiveMinimum"); b && compare(v, *b) <= 0)
    report(here, v.location(), "exclusiveMinimum",
           fmt::format("{} must be more than {}", what, number_text(*b)),
           fmt::format("Use a value above {}.", number_text(*b)));
}

void Checker::check_string(const Here& here) {
  const Node& v = here.value;
  // JSON Schema counts characters (code points), not bytes: "é" is one.
  std::size_t length = util::code_points(v.text());
  if (auto most = limit(here.keyword("maxLength")); most && length > *most)
    report(here, v.location(), "maxLength",
           fmt::format("{}: is too long ({}; at most {} allowed)", subject(here.path),
                       wording::count(length, "character", "characters"), *most),
           fmt::format("Shorten it to {} or fewer.",
                       wording::count(*most, "character", "characters")));
  if (auto least = limit(here.keyword("minLength")); least && length < *least) {
    std::string message =
        length == 0 ? fmt::format("{}: is empty", subject(here.path))
                    : fmt::format("{}: {} is too short ({}; at least {} needed)", subject(here.path),
                                  wording::show(v), wording::count(length, "character", "characters"),
                                  *least);
    report(here, v.location(), "minLength", std::move(message),
           fmt::format("Write at least {}.", wording::count(*least, "character", "characters")));
  }
  // A date that fails its format usually fails its pattern too; the format's
  // message is the clearer of the two, so it is the only one given.
  const std::size_t before = here.out.size();
  if (const Node* format = here.keyword("format"); format && format->is_string())
    check_format(here, *format);
  if (here.out.size() > before) return;
  if (const Node* pattern = here.keyword("pattern"); pattern && pattern->is_string())
    check_pattern(here, *pattern);
}

void Checker::check_pattern(const Here& here, const Node& pattern) {
  const Pattern* re = compiled_pattern(pattern.text());
  const std::string schema_fault =
      "This is a fault in the schema, not in your file; tell whoever maintains the schemas.";
  if (!re) {
    report(here, here.value.location(), "pattern",
           fmt::format("{}: cannot be checked, because the schema's pattern {} is not valid",
                       subject(here.path), util::json_string(pattern.text())),
           schema_fault);
    return;
  }
  if (re->search(here.value.text())) return;
  // A pattern means nothing to most people; an example or the schema's
  // description of the value does.
  const Node* examples = here.keyword("examples");
  std::string hint = described(here, fmt::format("Write it in the form the pattern {} describes.",
                                                 util::json_string(pattern.text())));
  if (examples && !examples->items().empty() && examples->items().front().is_string())
    hint = fmt::format("Write it in the same form as {}.",
                       util::json_string(examples->items().front().text()));
  report(here, here.value.location(), "pattern",
         fmt::format("{}: {} is not in the expected form", subject(here.path),
                     wording::show(here.value)),
         std::move(hint));
}

void Checker::check_format(const Here& here, const Node& format) {
  std::optional<format::Problem> problem = format::check(format.text(), here.value.text());
  if (!problem) return;
  report(here, here.value.location(), "format",
         fmt::format("{}: {} {}", subject(here.path), wording::show(here.value), problem->complaint),
         std::move(problem->hint));
}

}  // namespace care::schema::detail
