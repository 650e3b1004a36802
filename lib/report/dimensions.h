// The ways a figure can be broken down: sex, age band, host country,
// country of return, minor. Age is always computed at the referral date
// and shown only as a broad band (the CTDC bands).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/store.h"

namespace care::report {

enum class Dimension { Sex, AgeBand, Host, ReturnCountry, Minor };

std::optional<Dimension> dimension_named(std::string_view name);
std::string dimension_name(Dimension d);   // "sex", "age_band", "host", "return_country", "minor"
std::string dimension_title(Dimension d);  // "sex", "age band", ...

// CTDC's broad age bands: 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+.
std::string age_band(int age);
const std::vector<std::string>& age_bands();

// The case's value in that dimension ("female", "18-20", "AT", "minor"), "unknown" when missing.
std::string value_of(const records::Case& c, Dimension d);

// The values seen in the folder, in a stable order (bands in age order, others sorted).
std::vector<std::string> values_in(const records::Folder& folder, Dimension d);

}  // namespace care::report
