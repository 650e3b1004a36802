// The rules that hold across records: what no single schema can see. They
// report problems exactly as the schema does: located, with a hint.
// Each rule has a stable code ("rule.date-order", ...) listed in care-records(5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "records/store.h"
#include "util/date.h"

namespace care::rules {

// `today` is the date that "in the future" is judged against (--as-of).
diag::Diagnostics check(const records::Folder& folder, const util::Date& today);

// The conditions of a minor's return (rules minor-return-*) not met on `on`,
// as if the child left that day: "best interests determination",
// "coordination with both countries", "someone safe to receive the child",
// "escort", "care arrangement", "child-protection follow-up". Empty when all
// are met or the case has no usable minor.yaml. The rules judge the same
// conditions at the real departure; the status report lists these beforehand.
std::vector<std::string> unmet_return_conditions(const records::Folder& folder, const records::Case& c,
                                                 const util::Date& on);

// The latest risk review in plan.yaml dated from `assessed` (the assessment
// that found the risk high) to `by` (the departure, or today), if any; rule
// return-risk-review wants one that decided to proceed.
struct RiskReview {
  util::Date date;
  std::string decision;
};
std::optional<RiskReview> last_risk_review(const records::Case& c, const util::Date& assessed, const util::Date& by);

}  // namespace care::rules
