// The rules that hold across records: what no single schema can see. They
// report problems exactly as the schema does: located, with a hint.
// Each rule has a stable code ("rule.date-order", ...) listed in care-records(5).
#pragma once

#include "diag/diagnostic.h"
#include "records/store.h"
#include "util/date.h"

namespace care::rules {

// `today` is the date that "in the future" is judged against (--as-of).
diag::Diagnostics check(const records::Folder& folder, const util::Date& today);

}  // namespace care::rules
