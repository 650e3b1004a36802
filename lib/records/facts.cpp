#include "records/facts.h"

#include <algorithm>

#include "records/fields.h"

namespace care::records {

std::string_view stage_name(Stage s) {
  switch (s) {
    case Stage::Referred: return "referred";
    case Stage::Assessed: return "assessed";
    case Stage::Planned: return "planned";
    case Stage::Returned: return "returned";
    case Stage::Monitoring: return "monitoring";
    case Stage::Closed: return "closed";
  }
  return "referred";
}

bool is_closed(const Case& c) {
  if (!c.closure) return false;
  const auto& reopened = list(c.closure->root, "reopened");
  // Reopened: closed again only if the last reopening says so.
  return reopened.empty() || field(reopened.back(), "closed_again") != nullptr;
}

Stage stage_of(const Case& c) {
  if (is_closed(c)) return Stage::Closed;
  if (c.journey && (c.monitoring_plan || !c.contacts.empty())) return Stage::Monitoring;
  if (c.journey) return Stage::Returned;
  if (c.plan) return Stage::Planned;
  if (!c.assessments.empty()) return Stage::Assessed;
  return Stage::Referred;
}

std::optional<util::Date> referral_date(const Case& c) {
  return c.main ? date(c.main->root, "referral.date") : std::nullopt;
}

std::optional<util::Date> arrival_date(const Case& c) {
  return c.journey ? date(c.journey->root, "arrival") : std::nullopt;
}

bool is_minor_on(const Case& c, const util::Date& on) {
  if (!c.main) return false;
  if (flag(c.main->root, "age_uncertain").value_or(false)) return true;
  auto birth = date(c.main->root, "date_of_birth");
  return birth && util::age_on(*birth, on) < 18;
}

bool is_minor_case(const Case& c) {
  auto referred = referral_date(c);
  return referred && is_minor_on(c, *referred);
}

bool is_ineligible(const Case& c) {
  return c.main && text(c.main->root, "eligibility.status") == "ineligible";
}

namespace {
const std::vector<doc::Node>& consents(const Case& c) {
  static const std::vector<doc::Node> none;
  return c.main ? list(c.main->root, "consents") : none;
}
}  // namespace

namespace {

// The last entry by `who` for `purpose` on or before `on`: granted or not;
// nullopt when that giver has none.
std::optional<bool> latest_by(const Case& c, std::string_view purpose, std::string_view who, const util::Date& on) {
  std::optional<util::Date> last;
  std::optional<bool> granted;
  for (const auto& entry : consents(c)) {
    auto when = date(entry, "date");
    std::string giver = text(entry, "given_by");
    if (giver.empty()) giver = "person";
    if (text(entry, "purpose") != purpose || giver != who || !when || *when > on) continue;
    if (last && *when < *last) continue;  // entries may be out of order; latest wins
    last = when;
    granted = text(entry, "action") == "granted";
  }
  return granted;
}

}  // namespace

bool consent_in_force_by(const Case& c, std::string_view purpose, std::string_view who, const util::Date& on) {
  return latest_by(c, purpose, who, on).value_or(false);
}

// For a child, the child's consent and the guardian's are weighed apart, and
// both must be in force. A referral is recorded before a guardian is
// appointed, so until then (the day of the appointment included, since what
// was done that day may have come first) the child's consent stands alone;
// after it (at the latest the first assessment: rule minor-guardian-late),
// the guardian's is needed too.
bool consent_in_force(const Case& c, std::string_view purpose, const util::Date& on) {
  bool person = latest_by(c, purpose, "person", on).value_or(false);
  if (!child_safeguards_apply(c, on)) return person;
  if (auto guardian = latest_by(c, purpose, "guardian", on)) return person && *guardian;
  auto appointed = c.minor && c.minor->valid ? date(c.minor->root, "guardian.appointed") : std::nullopt;
  return person && (!appointed || on <= *appointed);
}

bool child_safeguards_apply(const Case& c, const util::Date& on) {
  if (!is_minor_case(c)) return false;
  if (is_minor_on(c, on)) return true;
  return !(c.minor && field(c.minor->root, "transition.date"));
}

const Record* latest_assessment(const Case& c, const util::Date& on) {
  const Record* latest = nullptr;
  std::optional<util::Date> latest_date;
  for (const auto& a : c.assessments) {
    auto when = a.valid ? date(a.root, "date") : std::nullopt;
    if (!when || *when > on || (latest_date && *when < *latest_date)) continue;
    latest = &a;
    latest_date = when;
  }
  return latest;
}

bool high_risk_return(const Case& c) {
  auto departure = c.journey && c.journey->valid ? date(c.journey->root, "departure") : std::nullopt;
  const Record* latest = departure ? latest_assessment(c, *departure) : nullptr;
  return latest && text(latest->root, "overall_risk") == "high";
}

std::vector<OpenFlag> open_flags(const Case& c) {
  std::vector<OpenFlag> out;
  for (const auto& contact : c.contacts)
    if (contact.valid)
      for (const auto& flag : list(contact.root, "flags"))
        if (!field(flag, "cleared")) out.push_back({&contact, &flag});
  return out;
}

std::vector<int> monitoring_months(const Case& c, const std::vector<int>& defaults) {
  std::vector<int> months;
  if (usable(c.monitoring_plan))
    for (const auto& m : list(c.monitoring_plan->root, "months"))
      if (m.is_integer()) months.push_back(static_cast<int>(m.as_integer()));
  std::sort(months.begin(), months.end());
  return months.empty() ? defaults : months;
}

bool consent_given_by(const Case& c, std::string_view purpose, std::string_view who) {
  for (const auto& entry : consents(c))
    if (text(entry, "purpose") == purpose && text(entry, "action") == "granted" &&
        text(entry, "given_by") == who)
      return true;
  return false;
}

std::optional<util::Date> budget_date(const Record& plan) {
  if (auto agreed = date(plan.root, "agreement.date")) return agreed;
  return date(plan.root, "drafted");
}

std::optional<util::Amount> in_program_currency(const Money& m, const std::optional<util::Date>& on,
                                                const folder::Config& cfg) {
  if (m.currency == cfg.currency) return m.amount;
  auto rate = on ? cfg.rate_for(m.currency, *on) : std::nullopt;
  return rate ? rate->rate.convert(m.amount) : std::nullopt;
}

ConvertedTotals plan_totals(const Record& plan, const folder::Config& cfg) {
  ConvertedTotals totals;
  auto add = [&](util::Amount& to, const Money& m, const std::optional<util::Date>& on) {
    if (auto a = in_program_currency(m, on, cfg)) to += *a;
    else totals.unconverted = true;
  };
  auto planned_on = budget_date(plan);
  for (const auto& item : list(plan.root, "items")) {
    for (const auto& d : list(item, "deliveries"))
      if (auto m = money(d, "amount")) add(totals.delivered, *m, date(d, "date"));
    if (text(item, "status") == "cancelled") continue;
    if (auto m = money(item, "budget")) add(totals.planned, *m, planned_on);
  }
  return totals;
}

}  // namespace care::records
