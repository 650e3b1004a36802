// care.toml: the settings of one program, at the root of its case folder.
// Every key is known: a misspelt key, a wrong type or a missing required
// value is a problem with its line and column, never a silent default.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "util/date.h"
#include "util/money.h"

namespace care::folder {

inline constexpr int kConfigFormat = 1;

// [budget.rates]: what one unit of another currency is worth in the program's
// currency. Either one rate for every date, or rates by month ("2014-03"),
// each holding from its month until the next one given.
struct RateTable {
  std::optional<util::Rate> always;
  std::map<std::string, util::Rate> months;  // "YYYY-MM" -> rate
};

// The rate an amount of a day was converted at, and where it came from.
struct AppliedRate {
  util::Rate rate;
  std::string month;  // the month of the rate used; "" for a single rate
};

struct Config {
  int format = kConfigFormat;
  std::string name;
  util::Date start, end;
  std::vector<std::string> host_countries;
  std::vector<std::string> eu_countries;
  int target_assisted = 0, target_minors = 0, target_assessed = 0;
  util::Amount cap_per_person;
  std::string currency;
  std::map<std::string, RateTable> rates;  // by currency code
  std::vector<int> monitoring_months{1, 3, 6, 9, 12};
  int flag_days = 30;               // a flag open longer without a contact since is escalated
  int minor_coordination_days = 14;  // least days between coordinating a child's return and departure
  int min_cell = 5;
  bool git_commit = false;
  // [identity]: identity records encrypted with age, to the recipients of
  // the case's office (its host country) and the program-wide ones ("all").
  bool encrypt = false;
  std::string age = "age";  // the age program: a name looked up in PATH, or a path
  std::map<std::string, std::vector<std::string>> recipients;
  // [retention]: years after a case's closure when it falls due for erasure; 0: none set.
  int retention_years = 0;
  // Where each setting came from: "care.toml:12" or "default".
  std::map<std::string, std::string> origin;

  bool is_eu(std::string_view country) const;
  bool is_host(std::string_view country) const;
  // The age public keys a case of this office is encrypted to: the office's
  // own, then the program-wide ones, each once.
  std::vector<std::string> recipients_for(std::string_view office) const;
  // The rate for `currency` on `on`: its single rate, else its latest month
  // on or before `on`'s. Nothing when none is given (the amount cannot be converted).
  std::optional<AppliedRate> rate_for(std::string_view currency, const util::Date& on) const;
};

// An age public key as age-keygen prints it: "age1" and 58 bech32 characters.
bool is_age_recipient(std::string_view key);

struct ConfigResult {
  std::optional<Config> config;  // set only when there were no problems
  diag::Diagnostics problems;
};

// care.toml holds a few settings; anything bigger is not read, let alone parsed.
inline constexpr std::size_t kMaxConfigBytes = 256 * 1024;

// Parses the text of a care.toml shown to the user as display_path.
ConfigResult parse_config(std::string text, const std::string& display_path);
// Reads (only a regular file, at most kMaxConfigBytes) and parses.
ConfigResult load_config(const std::string& file, const std::string& display_path);

// Every setting, one per line: "key = value  # origin".
std::string describe(const Config& config);

}  // namespace care::folder
