// Money in reports: every amount summed in the program's currency, converted
// with care.toml's [budget.rates], and whatever has no rate kept apart by
// currency so that a report can show it on its own line, never drop it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "folder/config.h"
#include "records/fields.h"
#include "util/date.h"
#include "util/money.h"

namespace care::report {

class Sum {
 public:
  explicit Sum(const folder::Config& config) : config_(&config) {}

  // Adds an amount of `on` (the day it was paid, or the plan's date for a
  // budget): converted when it is in another currency with a rate that day.
  void add(const records::Money& m, const util::Date& on);
  void add(const Sum& other);

  const util::Amount& total() const { return total_; }  // in the program's currency
  // Amounts with no rate (or too large to convert), by currency.
  const std::map<std::string, util::Amount>& apart() const { return apart_; }
  // "USD at 0.92 EUR", "ALL from 2014-03 at 0.0071 EUR": each rate used, in
  // order of currency, then month.
  const std::set<std::string>& rates_used() const { return rates_used_; }

 private:
  const folder::Config* config_;
  util::Amount total_;
  std::map<std::string, util::Amount> apart_;
  std::set<std::string> rates_used_;
};

// "USD at 0.92 EUR", or "ALL from 2014-03 at 0.0071 EUR" for the rate given from that month.
std::string describe_rate(const std::string& currency, const folder::AppliedRate& rate, const std::string& program);

// The notes a report prints under its money: the rates used, and the amounts
// left apart for want of a rate ("" lines are not returned).
std::vector<std::string> money_notes(const Sum& sum, const std::string& program_currency);

}  // namespace care::report
