// care-report retention: the cases due for erasure (identity/retention.h),
// with why, since when and how many days overdue. Case IDs and dates only.
#pragma once

#include <vector>

#include "identity/retention.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

Report retention_report(const folder::Config& config, const std::vector<identity::DueErasure>& due,
                        const util::Date& today);

}  // namespace care::report
