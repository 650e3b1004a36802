// The caseload summary: cases by stage, minors and progress against targets,
// with small cells suppressed. The nightly report (care-report status).
#pragma once

#include <string>

#include "check/check.h"
#include "records/store.h"
#include "util/date.h"

namespace care::report {

struct StatusOptions {
  bool suppress = true;  // false only for internal use; the output says so
};

std::string status_text(const records::Folder& folder, const check::Result& checked, const util::Date& today,
                        const StatusOptions& options);

}  // namespace care::report
