#include "report/dimensions.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"
#include "util/text.h"

namespace care::report {

std::optional<Dimension> dimension_named(std::string_view n) {
  if (n == "sex") return Dimension::Sex;
  if (n == "age_band" || n == "age") return Dimension::AgeBand;
  if (n == "host" || n == "host_country") return Dimension::Host;
  if (n == "return_country" || n == "return") return Dimension::ReturnCountry;
  if (n == "minor") return Dimension::Minor;
  if (n == "nationality" || n == "citizenship") return Dimension::Nationality;
  return std::nullopt;
}

std::string dimension_name(Dimension d) {
  switch (d) {
    case Dimension::Sex: return "sex";
    case Dimension::AgeBand: return "age_band";
    case Dimension::Host: return "host";
    case Dimension::ReturnCountry: return "return_country";
    case Dimension::Minor: return "minor";
    case Dimension::Nationality: return "nationality";
  }
  return {};
}

std::string dimension_title(Dimension d) {
  switch (d) {
    case Dimension::Sex: return "sex";
    case Dimension::AgeBand: return "age band";
    case Dimension::Host: return "host country";
    case Dimension::ReturnCountry: return "country of return";
    case Dimension::Minor: return "minor at referral";
    case Dimension::Nationality: return "nationality";
  }
  return {};
}

std::string dimension_choices() { return "sex, age_band, host, return_country, minor or nationality"; }

std::vector<Dimension> parse_breakdown(std::string_view list, std::string& problem) {
  std::vector<Dimension> out;
  for (const auto& name : util::split(list, ',')) {
    auto d = dimension_named(util::trim(name));
    if (!d) {
      problem = fmt::format("--by {}: \"{}\" is not a dimension; use {}", list, util::trim(name), dimension_choices());
      return {};
    }
    if (std::find(out.begin(), out.end(), *d) != out.end()) {
      problem = fmt::format("--by {}: {} is named twice", list, dimension_name(*d));
      return {};
    }
    out.push_back(*d);
  }
  if (out.size() > kMaxBreakdown) {
    problem = fmt::format("--by {}: at most {} dimensions (a cross-table), such as --by sex,minor", list, kMaxBreakdown);
    return {};
  }
  return out;
}

const std::vector<std::string>& age_bands() {
  static const std::vector<std::string> bands = {"0-8",   "9-17",  "18-20", "21-23", "24-26",
                                                 "27-29", "30-38", "39-47", "48+"};
  return bands;
}

std::string age_band(int age) {
  static const int upper[] = {8, 17, 20, 23, 26, 29, 38, 47};
  for (std::size_t i = 0; i < 8; ++i)
    if (age <= upper[i]) return age_bands()[i];
  return age_bands().back();
}

std::string value_of(const records::Case& c, Dimension d) {
  if (!c.main) return "unknown";
  const auto& root = c.main->root;
  auto or_unknown = [](std::string s) { return s.empty() ? std::string("unknown") : s; };
  switch (d) {
    case Dimension::Sex: return or_unknown(records::text(root, "sex"));
    case Dimension::Host: return or_unknown(records::text(root, "host_country"));
    case Dimension::ReturnCountry: return or_unknown(records::text(root, "return_country"));
    case Dimension::Minor: return records::is_minor_case(c) ? "minor" : "adult";
    case Dimension::Nationality: return or_unknown(records::text(root, "nationality"));
    case Dimension::AgeBand: {
      if (records::flag(root, "age_uncertain").value_or(false)) return "unknown";
      auto birth = records::date(root, "date_of_birth");
      auto referral = records::referral_date(c);
      return birth && referral ? age_band(util::age_on(*birth, *referral)) : "unknown";
    }
  }
  return "unknown";
}

std::vector<std::string> values_in(const records::Folder& folder, Dimension d) {
  std::set<std::string> seen;
  for (const auto& [id, c] : folder.cases)
    if (c.main) seen.insert(value_of(c, d));
  std::vector<std::string> out(seen.begin(), seen.end());
  if (d == Dimension::AgeBand) {
    std::vector<std::string> ordered;
    for (const auto& b : age_bands())
      if (seen.count(b)) ordered.push_back(b);
    if (seen.count("unknown")) ordered.push_back("unknown");
    return ordered;
  }
  return out;
}

std::string value_of(const records::Case& c, const std::vector<Dimension>& by) {
  std::string out;
  for (auto d : by) out += (out.empty() ? "" : std::string(kJoin)) + value_of(c, d);
  return out;
}

std::vector<std::string> values_in(const records::Folder& folder, const std::vector<Dimension>& by) {
  if (by.empty()) return {};
  std::vector<std::string> combined = values_in(folder, by.front());
  for (std::size_t i = 1; i < by.size(); ++i) {
    std::set<std::string> seen;
    for (const auto& [id, c] : folder.cases)
      if (c.main) seen.insert(value_of(c, std::vector<Dimension>(by.begin(), by.begin() + static_cast<long>(i) + 1)));
    std::vector<std::string> next;
    for (const auto& head : combined)
      for (const auto& tail : values_in(folder, by[i]))
        if (seen.count(head + std::string(kJoin) + tail)) next.push_back(head + std::string(kJoin) + tail);
    combined = std::move(next);
  }
  return combined;
}

std::string breakdown_title(const std::vector<Dimension>& by) {
  std::string out;
  for (auto d : by) out += (out.empty() ? "" : std::string(kJoin)) + dimension_title(d);
  return out;
}

}  // namespace care::report
