#include "rules/rules.h"

#include "rules/internal.h"

namespace care::rules {

namespace {

void check_case(const Context& cx, const records::Case& c) {
  check_ids(cx, c);
  if (!records::usable(c.main)) return;  // every other rule reads the case record
  check_dates(cx, c);
  check_eligibility(cx, c);
  check_plan(cx, c);
  check_currency_rates(cx, c);
  check_minor(cx, c);
  check_return(cx, c);
  check_assessments(cx, c);
  check_consent(cx, c);
  check_monitoring(cx, c);
  check_identity(cx, c);
}

// A rule that reads an identity record words its problem like any other and
// may quote a value: told here as every identity problem is told.
void redact_identity(const records::Case& c, diag::Diagnostics& problems, std::size_t from) {
  if (!c.identity) return;
  for (std::size_t i = from; i < problems.size(); ++i) {
    diag::Diagnostic& d = problems[i];
    if (d.file == c.identity->file || records::points_into(d, c.identity->root)) records::redact(d, &c.identity->root);
  }
}

}  // namespace

diag::Diagnostics check(const records::Folder& folder, const util::Date& today) {
  diag::Diagnostics out;
  Context cx{folder, today, out};
  for (const auto& [id, c] : folder.cases) {
    std::size_t before = out.size();
    check_case(cx, c);
    redact_identity(c, out, before);
  }
  for (const auto& r : folder.outreach) check_outreach(cx, r);
  return out;
}

}  // namespace care::rules
