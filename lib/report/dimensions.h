// The ways a figure can be broken down: sex, age band, host country,
// country of return, minor, nationality. Age is always computed at the
// referral date and shown only as a broad band (the CTDC bands); a person of
// uncertain age is in no band ("unknown"), though counted as a minor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/store.h"

namespace care::report {

enum class Dimension { Sex, AgeBand, Host, ReturnCountry, Minor, Nationality };

std::optional<Dimension> dimension_named(std::string_view name);
std::string dimension_name(Dimension d);   // "sex", "age_band", "host", "return_country", "minor", "nationality"
std::string dimension_title(Dimension d);  // "sex", "age band", ...

// `--by sex` or `--by sex,minor`: one or two different dimensions, or what is
// wrong with the list (`problem` set, the result empty).
inline constexpr std::size_t kMaxBreakdown = 2;
std::vector<Dimension> parse_breakdown(std::string_view list, std::string& problem);
// "sex, age_band, host, return_country, minor or nationality"
std::string dimension_choices();

// CTDC's broad age bands: 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+.
std::string age_band(int age);
const std::vector<std::string>& age_bands();

// The case's value in that dimension ("female", "18-20", "AT", "minor"), "unknown" when missing.
std::string value_of(const records::Case& c, Dimension d);

// The values seen in the folder, in a stable order (bands in age order, others sorted).
std::vector<std::string> values_in(const records::Folder& folder, Dimension d);

// With several dimensions: the values joined by " / " ("female / minor"), and
// the combinations seen in the folder, in the order of the first dimension's
// values, then the second's. No dimension: "" and no values.
inline constexpr std::string_view kJoin = " / ";
std::string value_of(const records::Case& c, const std::vector<Dimension>& by);
std::vector<std::string> values_in(const records::Folder& folder, const std::vector<Dimension>& by);
std::string breakdown_title(const std::vector<Dimension>& by);  // "sex / minor at referral"

}  // namespace care::report
