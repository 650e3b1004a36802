// care-report budget: planned, delivered and remaining per case and in
// total, the cases over the cap with their recorded reason, and the budget
// per phase.
#pragma once

#include "records/store.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

Report budget_report(const records::Folder& folder, const util::Date& today, Audience audience = Audience::Internal);

// Planned and delivered per phase, over every plan (a chart in the nightly report).
Table budget_by_phase(const records::Folder& folder);

}  // namespace care::report
