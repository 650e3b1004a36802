// Facts derived from a case's records, never stored twice: stage, minority at
// a date, consent in force at a date, the plan's totals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folder/config.h"
#include "records/fields.h"
#include "records/store.h"
#include "util/date.h"
#include "util/money.h"

namespace care::records {

enum class Stage { Referred, Assessed, Planned, Returned, Monitoring, Closed };
std::string_view stage_name(Stage stage);
Stage stage_of(const Case& c);

inline bool usable(const std::optional<Record>& r) { return r && r->valid; }

std::optional<util::Date> referral_date(const Case& c);
std::optional<util::Date> arrival_date(const Case& c);

// A minor on `on`: under 18 that day, or of uncertain age (presumed a child).
// Age is always computed at a date: a minor who turns 18 is an adult from that day.
bool is_minor_on(const Case& c, const util::Date& on);
// A minor at referral, which is what decides the safeguards of the case.
bool is_minor_case(const Case& c);

bool is_ineligible(const Case& c);

// The consent for `purpose` in force on `on`. The person's entries and the
// guardian's are weighed apart: for each, the last entry dated on or before
// `on` decides (grants and withdrawals are a history, never erased). An adult's
// consent is the person's; a minor's needs both the child's and the guardian's.
bool consent_in_force(const Case& c, std::string_view purpose, const util::Date& on);
// Whether the latest entry of one giver (person or guardian) on or before
// `on` grants it.
bool consent_in_force_by(const Case& c, std::string_view purpose, std::string_view who, const util::Date& on);

// The safeguards for children apply to a step on `on`: the person was a minor
// at referral, and still is on `on` or no transition to adulthood is recorded.
bool child_safeguards_apply(const Case& c, const util::Date& on);

// The latest valid assessment dated on or before `on`, if any.
const Record* latest_assessment(const Case& c, const util::Date& on);

// The return is at high risk: the latest assessment before departure said so.
bool high_risk_return(const Case& c);

// A monitoring flag still open: raised at a contact and not cleared.
struct OpenFlag {
  const Record* contact;
  const doc::Node* flag;
};
std::vector<OpenFlag> open_flags(const Case& c);

// The months after arrival at which this case's contacts are due: its
// monitoring plan's own `months`, else `defaults` (care.toml's [monitoring] months).
std::vector<int> monitoring_months(const Case& c, const std::vector<int>& defaults);
bool consent_given_by(const Case& c, std::string_view purpose, std::string_view who);

// Closed and not reopened since.
bool is_closed(const Case& c);

// The day a planned budget counts at, for its exchange rate: the plan's
// agreement date, else the day it was drafted.
std::optional<util::Date> budget_date(const Record& plan);

// The plan's totals in the program's currency, every other currency converted
// with care.toml's [budget.rates] (a budget at budget_date, a delivery at its
// own date); what has no rate is counted in `unconverted`, never in a total
// (rule currency-rate says so in check).
struct ConvertedTotals {
  util::Amount planned;    // budgets of items not cancelled
  util::Amount delivered;  // every delivery, a cancelled item's included
  bool unconverted = false;
};
ConvertedTotals plan_totals(const Record& plan, const folder::Config& cfg);
// `m` in the program's currency on `on`, or nothing when it has no rate then.
std::optional<util::Amount> in_program_currency(const Money& m, const std::optional<util::Date>& on,
                                                const folder::Config& cfg);

}  // namespace care::records
