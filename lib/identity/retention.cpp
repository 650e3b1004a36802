#include "identity/retention.h"

#include <algorithm>
#include <set>

#include "records/facts.h"
#include "records/fields.h"

namespace care::identity {

util::Date retention_due(const util::Date& closed, int years) {
  // add_months clamps to the month's last day: 29 Feb + 1 year = 28 Feb.
  return closed.add_months(12 * years);
}

std::optional<util::Date> last_closed(const records::Case& c) {
  if (!c.closure || !records::is_closed(c)) return std::nullopt;
  const auto& reopened = records::list(c.closure->root, "reopened");
  if (!reopened.empty()) return records::date(reopened.back(), "closed_again");
  return records::date(c.closure->root, "date");
}

std::optional<util::Date> data_processing_withdrawn(const records::Case& c, const util::Date& today) {
  constexpr std::string_view kPurpose = "data_processing";
  if (!c.main || records::consent_in_force(c, kPurpose, today)) return std::nullopt;
  // Consent changes only on the days of its entries: walk them in order; a
  // day it is in force ends any earlier withdrawal, and the first withdrawal
  // after that is the one that still holds.
  std::set<util::Date> days, withdrawals;
  for (const auto& entry : records::list(c.main->root, "consents")) {
    auto when = records::date(entry, "date");
    if (!when || *when > today || records::text(entry, "purpose") != kPurpose) continue;
    days.insert(*when);
    if (records::text(entry, "action") == "withdrawn") withdrawals.insert(*when);
  }
  std::optional<util::Date> since;
  for (const auto& day : days) {
    if (records::consent_in_force(c, kPurpose, day))
      since.reset();
    else if (!since && withdrawals.count(day))
      since = day;
  }
  return since;
}

std::vector<DueErasure> due_for_erasure(const records::Folder& folder, const folder::Config& config,
                                        util::Date today) {
  std::vector<DueErasure> out;
  for (const auto& [id, c] : folder.cases) {  // in case-ID order
    if (!c.main || records::field(c.main->root, "erased")) continue;
    if (auto withdrawn = data_processing_withdrawn(c, today)) {
      out.push_back({id, std::string(kDueConsent), *withdrawn});
      continue;
    }
    if (config.retention_years <= 0) continue;
    if (auto closed = last_closed(c)) {
      util::Date due = retention_due(*closed, config.retention_years);
      if (due <= today) out.push_back({id, std::string(kDueRetention), due});
    }
  }
  return out;
}

}  // namespace care::identity
