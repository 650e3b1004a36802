// care-report status: the caseload on a day, the nightly report. It opens
// with what needs attention (internal audience only: attention.h); then cases by
// stage, host country, country of return, sex, age band and minority;
// progress against the targets; monitoring due and overdue; open risk
// flags; the result of the check.
#pragma once

#include <string>

#include "records/store.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

struct StatusInput {
  const records::Folder& folder;
  util::Date today;
  std::string check_summary;  // "checked 75 records in 14 cases: 0 errors, 0 warnings"
  Audience audience = Audience::Internal;
  bool suppress() const { return audience == Audience::Public; }
};

Report status_report(const StatusInput& in);

}  // namespace care::report
