// care-report period: what happened between two dates, for donors.
#pragma once

#include <optional>

#include "records/store.h"
#include "report/dimensions.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

// A scheduled contact counts as on time when done no later than this many
// days after its due date; not done by then, it is late, then missed.
inline constexpr int kContactGraceDays = 14;

struct PeriodInput {
  const records::Folder& folder;
  util::Date from, to;
  std::vector<Dimension> by;  // none, one, or two (a cross-table)
  Audience audience = Audience::Donor;
  bool suppress() const { return audience == Audience::Public; }
};

Report period_report(const PeriodInput& in);

}  // namespace care::report
