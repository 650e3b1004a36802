// The period report's monitoring: contacts due and how they went, the
// persons who completed their monitoring; and the period's events.
#include <algorithm>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "report/period_build.h"

namespace care::report::period_detail {
namespace {

// The day the case was closed, when it is closed (and not reopened since):
// no contact falls due after it.
std::optional<util::Date> closed_on(const records::Case& c) {
  return records::is_closed(c) ? records::date(c.closure->root, "date") : std::nullopt;
}

// What became of a contact due in the period, seen from the period's end: a
// contact done after the end was not done then; one whose grace runs past
// the end is pending, never missed.
std::string state_of(const monitor::Scheduled& s, const util::Date& to) {
  util::Date limit = s.due.add_days(kContactGraceDays);
  if (s.done_on && *s.done_on <= to) return *s.done_on <= limit ? "on time" : "late";
  return limit < to ? "missed" : "pending";
}

}  // namespace

std::optional<util::Date> completed_monitoring(const records::Case& c, const util::Date& to) {
  std::optional<util::Date> done;
  auto schedule = monitor::schedule_of(c);
  if (!schedule.empty() && schedule.back().done_on && *schedule.back().done_on <= to) done = schedule.back().done_on;
  if (c.closure && records::text(c.closure->root, "reason") == "completed") {
    auto closed = records::date(c.closure->root, "date");
    if (closed && *closed <= to && (!done || *closed < *done)) done = closed;
  }
  return done;
}

std::vector<Table> monitoring_tables(const Builder& b) {
  Tally contacts;
  People persons;
  for (const records::Case* c : b.cases()) {
    auto closed = closed_on(*c);
    std::string col = b.column(*c);
    for (const auto& s : monitor::schedule_of(*c)) {
      if (!b.inside(s.due) || (closed && s.due > *closed)) continue;
      std::string state = state_of(s, b.in.to);
      contacts.add(state, col);
      persons.add("with a contact due", *c, col);
      if (state == "missed") persons.add("with a contact missed", *c, col);
    }
    if (b.inside(completed_monitoring(*c, b.in.to))) persons.add("completed 12 months of monitoring", *c, col);
  }
  return {b.table(contacts, "monitoring_contacts", "Monitoring contacts due in the period (contacts, not persons)",
                  "contacts", {"on time", "late", "missed", "pending"}, true),
          b.table(persons.tally(), "monitoring_persons", "Monitoring (persons)", "persons",
                  {"with a contact due", "with a contact missed", "completed 12 months of monitoring"}, false)};
}

// Events, not persons: how much work the period saw.
Table events_table(const Builder& b) {
  Tally t;
  for (const records::Case* c : b.cases()) {
    std::string col = b.column(*c);
    if (b.inside(records::referral_date(*c))) t.add("referrals received", col);
    for (const auto& a : c->assessments)
      if (b.inside(records::date(a.root, "date"))) t.add("assessments done", col);
    if (c->plan && b.inside(records::date(c->plan->root, "agreement.date"))) t.add("plans agreed", col);
    if (b.inside(records::arrival_date(*c))) t.add("returns (arrivals)", col);
    if (c->plan)
      for (const auto& item : records::list(c->plan->root, "items"))
        for (const auto& d : records::list(item, "deliveries"))
          if (b.inside(records::date(d, "date"))) t.add("deliveries made", col);
    for (const auto& contact : c->contacts) {
      if (!b.inside(records::date(contact.root, "date"))) continue;
      t.add(records::flag(contact.root, "reached") == true ? "contacts done" : "contacts attempted, not reached", col);
      if (auto n = records::list(contact.root, "flags").size()) t.add("flags raised", col, static_cast<int>(n));
    }
    for (const auto& contact : c->contacts)
      for (const auto& flag : records::list(contact.root, "flags"))
        if (b.inside(records::date(flag, "cleared.date"))) t.add("flags cleared", col);
    if (c->minor && b.inside(records::date(c->minor->root, "bid.decided")))
      t.add("best interests determinations", col);
    if (c->closure && b.inside(records::date(c->closure->root, "date"))) t.add("closures", col);
  }
  return b.table(t, "period_events", "Events in the period (events, not persons)", "events",
                 {"referrals received", "assessments done", "plans agreed", "returns (arrivals)", "deliveries made",
                  "contacts done", "contacts attempted, not reached", "flags raised", "flags cleared",
                  "best interests determinations", "closures"},
                 false);
}

// With two dimensions, each key population as a cross-table: the first
// dimension's values down, the second's across, with row and column totals.
std::vector<Table> cross_tables(const Builder& b, const People& key) {
  std::vector<Table> out;
  if (b.in.by.size() != 2) return out;
  std::vector<std::string> down = values_in(b.in.folder, b.in.by[0]);
  std::vector<std::string> across = values_in(b.in.folder, b.in.by[1]);
  std::string title = dimension_title(b.in.by[0]) + " by " + dimension_title(b.in.by[1]);
  for (const auto& row : key_rows()) {
    Tally t;
    for (const auto& id : key.ids(row)) {
      const records::Case& c = b.in.folder.cases.at(id);
      t.add(value_of(c, b.in.by[0]), value_of(c, b.in.by[1]));
    }
    std::string id = "cross_" + row.substr(0, row.find(" of monitoring"));
    std::replace(id.begin(), id.end(), ' ', '_');
    Table table = t.table(id, "Persons " + row + ": " + title, dimension_title(b.in.by[0]), down, across, "count",
                          b.min_cell, b.in.suppress());
    Chart chart;
    for (std::size_t i = 0; i < across.size(); ++i) chart.columns.push_back(i);
    table.chart = chart;
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace care::report::period_detail
