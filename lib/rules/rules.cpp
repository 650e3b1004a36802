#include "rules/rules.h"

#include "rules/internal.h"

namespace care::rules {

diag::Diagnostics check(const records::Folder& folder, const util::Date& today) {
  diag::Diagnostics out;
  Context cx{folder, today, out};
  for (const auto& [id, c] : folder.cases) {
    check_ids(cx, c);
    if (!records::usable(c.main)) continue;  // every other rule reads the case record
    check_dates(cx, c);
    check_eligibility(cx, c);
    check_plan(cx, c);
    check_minor(cx, c);
    check_consent(cx, c);
    check_monitoring(cx, c);
  }
  for (const auto& r : folder.outreach) check_outreach(cx, r);
  return out;
}

}  // namespace care::rules
