// The folder as it stood on a past day, for reports "as of" that day
// (care-report status --as-of DATE, period up to --to). Records keep no
// history of their own, so the view is made from the dates they carry: what
// is dated after the day is taken out, and what it had changed is put back as
// far as the records say (an item's status, a plan's agreement). A report on
// the view of a folder equals the report on a folder that never had the
// later entries. `check` never uses it: a record is checked as it is.
#pragma once

#include <string_view>
#include <vector>

#include "records/store.h"
#include "util/date.h"

namespace care::records {

// A copy of `folder` as it stood at the end of `day`. Records keep their
// file and locations.
Folder as_of(const Folder& folder, const util::Date& day);

// Every date field that the schemas define, by schema file and path
// ("plan.schema.json", "items[].deliveries[].date"), with what the view does
// with a date after the day. A date field added to a schema must be added
// here (the unit test walks the schemas), so that none is kept by oversight.
struct DatedField {
  std::string_view schema;
  std::string_view path;
  std::string_view after_the_day;  // "removes ...", or "kept: why"
};
const std::vector<DatedField>& dated_fields();

}  // namespace care::records
