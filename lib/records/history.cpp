#include "records/history.h"

#include <algorithm>
#include <string>

#include "records/fields.h"

namespace care::records {
namespace {

using doc::Node;

// The rule for each date, by schema: kept in one table so that the test can
// hold it against the schemas and care-report(1) can be checked against it.
const std::vector<DatedField> kDated = {
    {"assessment.schema.json", "date", "removes the assessment"},
    {"case.schema.json", "referral.date", "removes the case"},
    {"case.schema.json", "consents[].date", "removes the entry"},
    {"case.schema.json", "eligibility.checked", "removes the eligibility decision (the referral is waiting)"},
    {"case.schema.json", "trafficking.date", "status back to presumed, without identified_by and date"},
    {"case.schema.json", "residence.from", "removes the residence status (the earlier one is not recorded)"},
    {"case.schema.json", "proceedings[].since", "removes the entry"},
    {"case.schema.json", "proceedings[].closed", "status back to open, without closed"},
    {"case.schema.json", "erased", "removes erased and erased_reason (what was erased stays erased)"},
    {"case.schema.json", "date_of_birth", "kept: a fact about the person, not an event"},
    {"case.schema.json", "residence.until", "kept: the end of a status, in the future by nature"},
    {"closure.schema.json", "date", "removes the closure"},
    {"closure.schema.json", "reopened[].date", "removes the reopening"},
    {"closure.schema.json", "reopened[].closed_again", "removes closed_again and its reason (the case is open)"},
    {"contact.schema.json", "date", "removes the contact"},
    {"contact.schema.json", "flags[].cleared.date", "removes cleared (the flag is open)"},
    {"identity.schema.json", "documents[].expires", "kept: an expiry, not an event; reports never read identities"},
    {"minor.schema.json", "guardian.appointed", "removes the guardian"},
    {"minor.schema.json", "bid.steps[].date", "removes the step"},
    {"minor.schema.json", "bid.decided", "outcome back to pending, without decided"},
    {"minor.schema.json", "family_tracing.date", "removes the tracing (its earlier status is not recorded)"},
    {"minor.schema.json", "family_assessment.date", "removes the family assessment"},
    {"minor.schema.json", "reunification.date", "removes the reunification"},
    {"minor.schema.json", "receiving_organisation.confirmed", "removes confirmed (the organisation is not confirmed)"},
    {"minor.schema.json", "coordination.date", "removes the coordination"},
    {"minor.schema.json", "escort.agreed", "removes the escort"},
    {"minor.schema.json", "views.heard", "removes the child's views"},
    {"minor.schema.json", "follow_up.agreed", "removes the follow-up"},
    {"minor.schema.json", "transition.date", "removes the transition"},
    {"monitoring_plan.schema.json", "agreed", "removes the monitoring plan"},
    {"monitoring_plan.schema.json", "contacts[].due", "kept: the schedule, in the future by nature"},
    {"monitoring_plan.schema.json", "contacts[].moved[].from", "kept: when a contact was moved is not recorded"},
    {"monitoring_plan.schema.json", "contacts[].moved[].to", "kept: when a contact was moved is not recorded"},
    {"outreach.schema.json", "date", "removes the outreach record"},
    {"plan.schema.json", "drafted", "removes the plan"},
    {"plan.schema.json", "agreement.date", "removes the agreement (planned items back to proposed)"},
    {"plan.schema.json", "over_cap.date", "removes the exception to the cap"},
    {"plan.schema.json", "changes[].date", "removes the change (an item it added goes too)"},
    {"plan.schema.json", "items[].deliveries[].date", "removes the delivery (the item's status derived again)"},
    {"plan.schema.json", "items[].cancelled.date", "removes the cancellation (the item's status derived again)"},
    {"plan.schema.json", "risk_reviews[].date", "removes the review"},
    {"return.schema.json", "departure", "removes the return"},
    {"return.schema.json", "arrival", "removes the arrival (departed, not yet arrived)"},
    {"return.schema.json", "declaration.signed", "kept: signed before departure, and the return goes with it"},
    {"return.schema.json", "declaration.guardian_signed", "kept: signed before departure, and the return goes with it"},
};

struct Day {
  util::Date day;
  bool after(const Node& n, std::string_view dotted) const {
    auto d = date(n, dotted);
    return d && *d > day;
  }
};

// Removes the field at a dotted path; nothing when it is absent.
void erase(Node& record, std::string_view dotted) {
  auto dot = dotted.rfind('.');
  Node* parent = dot == std::string_view::npos ? &record : field(record, dotted.substr(0, dot));
  if (parent && parent->is_mapping()) parent->erase(dot == std::string_view::npos ? dotted : dotted.substr(dot + 1));
}

// Sets a text field, keeping the location of the value it replaces, so that
// a message about the view still points at the line in the file.
void replace(Node& record, std::string_view dotted, std::string value) {
  const Node* old = field(record, dotted);
  doc::Location at = old ? old->location() : doc::Location{};
  put(record, dotted, Node::string(std::move(value), std::move(at)));
}

// Removes the whole of `key` when its `date_key` is after the day.
void erase_if_after(Node& record, const Day& d, std::string_view key, std::string_view date_key) {
  if (const Node* part = field(record, key); part && d.after(*part, date_key)) erase(record, key);
}

// The items of the list at `dotted` (nullptr when absent or not a list).
std::vector<Node>* items_at(Node& record, std::string_view dotted) {
  Node* list = field(record, dotted);
  return list && list->is_sequence() ? &list->items() : nullptr;
}

void drop_entries_after(Node& record, const Day& d, std::string_view list, std::string_view date_key) {
  if (auto* items = items_at(record, list))
    std::erase_if(*items, [&](const Node& entry) { return d.after(entry, date_key); });
}

void trim_case(Node& root, const Day& d) {
  drop_entries_after(root, d, "consents", "date");
  erase_if_after(root, d, "eligibility", "checked");
  if (d.after(root, "trafficking.date")) {
    replace(root, "trafficking.status", "presumed");
    erase(root, "trafficking.identified_by");
    erase(root, "trafficking.date");
  }
  erase_if_after(root, d, "residence", "from");
  drop_entries_after(root, d, "proceedings", "since");
  if (auto* proceedings = items_at(root, "proceedings"))
    for (auto& p : *proceedings)
      if (d.after(p, "closed")) {
        replace(p, "status", "open");
        p.erase("closed");
      }
  if (d.after(root, "erased")) {
    root.erase("erased");
    root.erase("erased_reason");
  }
}

void trim_minor(Node& root, const Day& d) {
  erase_if_after(root, d, "guardian", "appointed");
  drop_entries_after(root, d, "bid.steps", "date");
  if (d.after(root, "bid.decided")) {
    replace(root, "bid.outcome", "pending");
    erase(root, "bid.decided");
  }
  for (std::string_view key : {"family_tracing", "family_assessment", "reunification", "coordination", "transition"})
    erase_if_after(root, d, key, "date");
  if (d.after(root, "receiving_organisation.confirmed")) erase(root, "receiving_organisation.confirmed");
  erase_if_after(root, d, "escort", "agreed");
  erase_if_after(root, d, "views", "heard");
  erase_if_after(root, d, "follow_up", "agreed");
}

// The status an item had on the day, once later deliveries or its later
// cancellation are taken out: as care-plan sets it (deliver: delivered when
// the deliveries reach the budget, else committed), else the last status a
// change on or before the day gave it, else planned or proposed as the plan
// was agreed or not.
std::string status_then(const Node& plan, const Node& item, bool agreed, const Day& d) {
  if (field(item, "cancelled")) return "cancelled";
  const auto& deliveries = list(item, "deliveries");
  if (!deliveries.empty()) {
    util::Amount sum;
    for (const auto& delivery : deliveries)
      if (auto m = money(delivery, "amount")) sum += m->amount;
    auto budget = money(item, "budget");
    return budget && sum >= budget->amount ? "delivered" : "committed";
  }
  std::string status = agreed ? "planned" : "proposed";
  for (const auto& change : list(plan, "changes")) {
    if (integer(change, "item") != integer(item, "id") || d.after(change, "date")) continue;
    std::string what = text(change, "what");
    if (auto at = what.find("status "); at != std::string::npos) {
      auto word = what.substr(at + 7);
      status = word.substr(0, word.find_first_of(", "));
    }
  }
  return status;
}

void trim_items(Node& plan, const Day& d, bool agreement_removed) {
  auto* items = items_at(plan, "items");
  if (!items) return;
  // An item added after the agreement is recorded as a change "added".
  std::erase_if(*items, [&](const Node& item) {
    for (const auto& change : list(plan, "changes"))
      if (integer(change, "item") == integer(item, "id") && text(change, "what") == "added" && d.after(change, "date"))
        return true;
    return false;
  });
  bool agreed = field(plan, "agreement") != nullptr;
  for (auto& item : *items) {
    auto before = list(item, "deliveries").size();
    drop_entries_after(item, d, "deliveries", "date");
    bool changed = list(item, "deliveries").size() != before;
    if (d.after(item, "cancelled.date")) {
      item.erase("cancelled");
      changed = true;
    }
    if (agreement_removed && text(item, "status") == "planned") changed = true;
    if (changed) replace(item, "status", status_then(plan, item, agreed, d));
  }
}

void trim_plan(Node& root, const Day& d) {
  bool agreement_removed = d.after(root, "agreement.date");
  if (agreement_removed) root.erase("agreement");
  erase_if_after(root, d, "over_cap", "date");
  trim_items(root, d, agreement_removed);  // reads the changes before they are trimmed
  drop_entries_after(root, d, "changes", "date");
  drop_entries_after(root, d, "risk_reviews", "date");
}

void trim_closure(Node& root, const Day& d) {
  drop_entries_after(root, d, "reopened", "date");
  if (auto* reopenings = items_at(root, "reopened"))
    for (auto& r : *reopenings)
      if (d.after(r, "closed_again")) {
        r.erase("closed_again");
        r.erase("closed_again_reason");
      }
  if (auto* reopenings = items_at(root, "reopened"); reopenings && reopenings->empty()) root.erase("reopened");
}

// A dated file (assessment, contact) by the date it records, else by the
// date its file name starts with.
bool dated_after(const Record& r, const Day& d) {
  auto on = date(r.root, "date");
  if (!on) on = util::Date::parse(std::string_view(r.where.stem).substr(0, 10));
  return on && *on > d.day;
}

// Drops an optional record whose `key` is after the day, else trims it.
template <typename Trim>
void keep_or_drop(std::optional<Record>& r, const Day& d, std::string_view key, Trim trim) {
  if (!r) return;
  if (d.after(r->root, key)) r.reset();
  else trim(r->root, d);
}

void trim_nothing(Node&, const Day&) {}

std::optional<Case> case_as_of(const Case& c, const Day& d) {
  if (c.main && d.after(c.main->root, "referral.date")) return std::nullopt;
  Case v = c;
  if (v.main) trim_case(v.main->root, d);
  if (v.minor) trim_minor(v.minor->root, d);
  keep_or_drop(v.plan, d, "drafted", trim_plan);
  keep_or_drop(v.journey, d, "departure", [](Node& root, const Day& day) {
    if (day.after(root, "arrival")) root.erase("arrival");
  });
  keep_or_drop(v.monitoring_plan, d, "agreed", trim_nothing);
  keep_or_drop(v.closure, d, "date", trim_closure);
  std::erase_if(v.assessments, [&](const Record& r) { return dated_after(r, d); });
  std::erase_if(v.contacts, [&](const Record& r) { return dated_after(r, d); });
  for (auto& contact : v.contacts)
    if (auto* flags = items_at(contact.root, "flags"))
      for (auto& f : *flags)
        if (d.after(f, "cleared.date")) f.erase("cleared");
  return v;
}

}  // namespace

const std::vector<DatedField>& dated_fields() { return kDated; }

Folder as_of(const Folder& folder, const util::Date& day) {
  Day d{day};
  Folder view;
  view.root = folder.root;
  view.config = folder.config;
  for (const auto& [id, c] : folder.cases)
    if (auto then = case_as_of(c, d)) view.cases.emplace(id, std::move(*then));
  for (const auto& r : folder.outreach)
    if (!d.after(r.root, "date")) view.outreach.push_back(r);
  return view;
}

}  // namespace care::records
