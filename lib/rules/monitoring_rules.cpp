// Monitoring runs from arrival for the months in care.toml; a case closed as
// completed has run that course, and no contact falls outside it.
#include <set>
#include <vector>

#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

// Whether the case was open on `on`: before closure, or inside a reopening.
bool open_on(const Record& closure, const util::Date& on) {
  auto closed = records::date(closure.root, "date");
  if (!closed || on <= *closed) return true;
  for (const auto& r : records::list(closure.root, "reopened")) {
    auto from = records::date(r, "date");
    auto until = records::date(r, "closed_again");
    if (from && on >= *from && (!until || on <= *until)) return true;
  }
  return false;
}

std::set<std::int64_t> plan_item_ids(const records::Case& c) {
  std::set<std::int64_t> ids;
  if (!records::usable(c.plan)) return ids;
  for (const auto& item : records::list(c.plan->root, "items"))
    if (auto id = records::integer(item, "id")) ids.insert(*id);
  return ids;
}

void contact(const Context& cx, const records::Case& c, const Record& r, const std::set<std::int64_t>& items) {
  auto on = records::date(r.root, "date");
  auto arrival = records::arrival_date(c);
  if (!c.journey) {
    cx.report(records::where(r.root, "date"), "contact-before-return", "a monitoring contact for a case that has not returned",
              "Record the return first (care-plan return); monitoring follows it.");
  } else if (on && arrival && *on < *arrival) {
    cx.report(records::where(r.root, "date"), "date-order",
              fmt::format("contact on {} is before the arrival ({})", on->str(), arrival->str()),
              "Check the date; monitoring starts after arrival.");
  }
  if (on && records::usable(c.closure) && !open_on(*c.closure, *on))
    cx.report(records::where(r.root, "date"), "contact-after-closure",
              fmt::format("contact on {} is after the case was closed", on->str()),
              "Reopen the case with a reason (care-monitor reopen) before recording contacts.");
  if (auto number = records::integer(r.root, "number"); number && records::usable(c.monitoring_plan)) {
    bool planned = false;
    for (const auto& entry : records::list(c.monitoring_plan->root, "contacts"))
      planned = planned || records::integer(entry, "number") == number;
    if (!planned)
      cx.report(records::where(r.root, "number"), "contact-number",
                fmt::format("contact number {} is not in the monitoring plan", *number),
                "Use a number of monitoring-plan.yaml, or leave it out for an unscheduled contact.");
  }
  if (records::flag(r.root, "reached") == true && !records::field(r.root, "risk.overall"))
    cx.report(records::where(r.root, "reached"), "contact-risk",
              "the person was reached, but the risk was not re-assessed",
              "Risk is re-assessed at every contact: record it (care-monitor record --overall-risk, --risk).",
              diag::Severity::Warning);
  if (on && records::child_safeguards_apply(c, *on) && !records::field(r.root, "child_protection_seen"))
    cx.report(records::where(r.root, "date"), "contact-child-protection",
              "a contact with a child that does not say whether the child-protection service was seen",
              "Record it (care-monitor record --child-protection-seen yes|no).", diag::Severity::Warning);
  if (c.plan && !c.plan->valid) return;
  for (const auto& progress : records::list(r.root, "items"))
    if (auto id = records::integer(progress, "item"); id && !items.count(*id))
      cx.report(records::where(progress, "item"), "item-id",
                fmt::format("progress reported on item {}, which the plan does not have", *id),
                "Use the item numbers of plan.yaml.");
}

// The months of this case's schedule: its monitoring plan's, else care.toml's.
std::vector<int> schedule_months(const Context& cx, const records::Case& c) {
  return records::monitoring_months(c, cx.config().monitoring_months);
}

// Risk flags still open at closure. Threats or contact by traffickers are
// followed up, never closed over as completed; any other closure over open
// flags says why (closure.yaml open_flags_reason, or the reopening's when the
// case was closed again), and the flags stay listed by care-monitor due.
void open_flags_at_closure(const Context& cx, const records::Case& c, const Record& closure, const std::string& reason,
                           const std::string& explanation) {
  std::vector<std::string> unexplained;
  for (const auto& open : records::open_flags(c)) {
    std::string kind = records::text(*open.flag, "flag");
    std::string raised = records::text(open.contact->root, "date");
    if (reason == "completed" && (kind == "threats" || kind == "trafficker_contact")) {
      cx.report(records::where(closure.root, "reason"), "closure-open-flags",
                fmt::format("closed as completed with a {} flag still open (raised at the contact of {})", kind, raised),
                "Follow the flag up and clear it with the outcome (care-monitor clear-flag) before closing as "
                "completed.");
      continue;
    }
    unexplained.push_back(fmt::format("{} raised at the contact of {}", kind, raised));
  }
  if (unexplained.empty() || !explanation.empty()) return;
  std::string list;
  for (const auto& u : unexplained) list += (list.empty() ? "" : ", ") + u;
  cx.report(records::where(closure.root, "reason"), "closure-open-flags",
            fmt::format("closed as {} with {} still open ({}), without saying why", reason,
                        unexplained.size() == 1 ? "a risk flag" : fmt::format("{} risk flags", unexplained.size()), list),
            "Clear the flags that no longer apply (care-monitor clear-flag), or say why the case is closed over them "
            "(care-monitor close --open-flags-reason TEXT).");
}

// A return at high risk: the monitoring plan carries a safety plan.
void safety_plan(const Context& cx, const records::Case& c) {
  if (!records::usable(c.monitoring_plan) || !records::high_risk_return(c)) return;
  if (records::field(c.monitoring_plan->root, "safety_plan")) return;
  cx.report(records::where(c.monitoring_plan->root, "agreed"), "monitoring-safety-plan",
            "the return was at high risk, but the monitoring plan has no safety plan",
            fmt::format("Agree whom to call, safe places and how contact by traffickers is reported "
                        "(care-monitor safety-plan {} --call TEXT --report-contact-by TEXT [--safe-place TEXT]).",
                        c.id));
}

void closure(const Context& cx, const records::Case& c, const Record& r) {
  // The closure that stands: the first one, or the last closing after a reopening.
  std::string reason = records::text(r.root, "reason");
  auto closed = records::date(r.root, "date");
  std::string explanation = records::text(r.root, "open_flags_reason");
  const auto& reopenings = records::list(r.root, "reopened");
  if (!reopenings.empty() && records::field(reopenings.back(), "closed_again")) {
    reason = records::text(reopenings.back(), "closed_again_reason");
    closed = records::date(reopenings.back(), "closed_again");
    explanation = records::text(reopenings.back(), "open_flags_reason");
  }
  if (records::is_closed(c)) open_flags_at_closure(cx, c, r, reason, explanation);
  if (reason != "completed" || !closed) return;
  auto arrival = records::arrival_date(c);
  int months = schedule_months(cx, c).back();
  if (!arrival) {
    cx.report(records::where(r.root, "reason"), "closure-early", "closed as completed, but the case never returned",
              "Choose the reason that applies, e.g. chose_to_stop or no_longer_eligible.");
  } else if (*closed < arrival->add_months(months)) {
    cx.report(records::where(r.root, "reason"), "closure-early",
              fmt::format("closed as completed on {}, before the {} months of monitoring ended ({})", closed->str(),
                          months, arrival->add_months(months).str()),
              "Closing early needs one of the early reasons (chose_to_stop, moved_or_migrated, lost_contact, ...).");
  }
}

}  // namespace

void check_monitoring(const Context& cx, const records::Case& c) {
  if (c.monitoring_plan && c.monitoring_plan->valid && !c.journey)
    cx.report(records::where(c.monitoring_plan->root, "agreed"), "contact-before-return",
              "a monitoring plan for a case that has not returned",
              "Record the return first (care-plan return); the schedule counts from arrival.");
  auto items = plan_item_ids(c);
  for (const auto& r : c.contacts)
    if (r.valid) contact(cx, c, r, items);
  if (records::usable(c.closure)) closure(cx, c, *c.closure);
  safety_plan(cx, c);
}

}  // namespace care::rules
