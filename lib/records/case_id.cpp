#include "records/case_id.h"

#include <tuple>

#include <fmt/format.h>

namespace care::records {
namespace {

bool capitals(std::string_view s) {
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Three digits ("007"), or four to nine without a leading zero ("1000").
std::optional<long> sequence(std::string_view s) {
  if (!digits(s) || s.size() < 3 || s.size() > 9 || (s.size() > 3 && s[0] == '0')) return std::nullopt;
  long n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::string CaseId::text() const {
  return series.empty() ? fmt::format("{}-{:04}-{:03}", office, year, number)
                        : fmt::format("{}-{:04}-{}-{:03}", office, year, series, number);
}

bool is_series(std::string_view series) { return series.size() == 2 && capitals(series); }

std::optional<CaseId> parse_case_id(std::string_view id) {
  // CC-YYYY-NNN or CC-YYYY-SS-NNN
  if (id.size() < 11 || id[2] != '-' || id[7] != '-') return std::nullopt;
  std::string_view office = id.substr(0, 2), year = id.substr(3, 4), rest = id.substr(8);
  if (!capitals(office) || !digits(year)) return std::nullopt;
  std::string_view series;
  if (rest.size() > 3 && rest[2] == '-') {
    series = rest.substr(0, 2);
    rest.remove_prefix(3);
    if (!is_series(series)) return std::nullopt;
  }
  auto number = sequence(rest);
  if (!number) return std::nullopt;
  return CaseId{std::string(office), (year[0] - '0') * 1000 + (year[1] - '0') * 100 + (year[2] - '0') * 10 + (year[3] - '0'),
                std::string(series), *number};
}

std::optional<CaseId> parse_outreach_id(std::string_view id) {
  if (!id.starts_with("OR-")) return std::nullopt;
  return parse_case_id(id.substr(3));
}

bool is_case_id(std::string_view id) { return parse_case_id(id).has_value(); }
bool is_outreach_id(std::string_view id) { return parse_outreach_id(id).has_value(); }

bool id_less(std::string_view a, std::string_view b) {
  auto parse = [](std::string_view s) { return s.starts_with("OR-") ? parse_outreach_id(s) : parse_case_id(s); };
  auto x = parse(a), y = parse(b);
  if (x && y) {
    auto key = [](const CaseId& i) { return std::tie(i.office, i.year, i.series, i.number); };
    if (key(*x) != key(*y)) return key(*x) < key(*y);
    return a < b;  // "OR-" and not: two kinds of ID with the same parts
  }
  if (x || y) return x.has_value();
  return a < b;
}

}  // namespace care::records
