#include "report/period.h"

#include <fmt/format.h>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "report/tally.h"

namespace care::report {
namespace {

struct Builder {
  const PeriodInput& in;
  int min_cell;
  std::vector<std::string> columns;  // the breakdown's values, or none

  bool inside(const std::optional<util::Date>& d) const { return d && *d >= in.from && *d <= in.to; }
  std::string column(const records::Case& c) const { return value_of(c, in.by); }

  Table table(const Tally& t, std::string id, std::string title, std::string header, std::vector<std::string> rows,
              bool totals = true) const {
    Table out = t.table(std::move(id), std::move(title), std::move(header), std::move(rows), columns, "count",
                        min_cell, in.suppress());
    if (!totals) out.rows.pop_back();
    return out;
  }
};

Table referrals(const Builder& b) {
  Tally t;
  for (const auto& [id, c] : b.in.folder.cases)
    if (c.main && b.inside(records::referral_date(c)))
      t.add(records::is_ineligible(c) ? "ineligible" : "eligible", b.column(c));
  return b.table(t, "referrals", "Referrals", "referrals", {"eligible", "ineligible"});
}

Table activity(const Builder& b) {
  Tally t;
  for (const auto& [id, c] : b.in.folder.cases) {
    if (!c.main) continue;
    for (const auto& a : c.assessments)
      if (b.inside(records::date(a.root, "date"))) t.add("assessments", b.column(c));
    if (c.plan && b.inside(records::date(c.plan->root, "agreement.date"))) t.add("plans agreed", b.column(c));
    if (b.inside(records::arrival_date(c))) t.add("returns (arrivals)", b.column(c));
    if (c.closure && b.inside(records::date(c.closure->root, "date"))) t.add("closures", b.column(c));
  }
  return b.table(t, "activity", "Activity", "events", {"assessments", "plans agreed", "returns (arrivals)", "closures"},
                 false);
}

// Deliveries in the period, counted and summed per phase and type of item.
Table assistance(const Builder& b) {
  Tally count;
  std::map<std::string, util::Amount> amount;
  const std::string& currency = b.in.folder.config.currency;
  for (const auto& [id, c] : b.in.folder.cases) {
    if (!c.plan) continue;
    for (const auto& item : records::list(c.plan->root, "items"))
      for (const auto& d : records::list(item, "deliveries")) {
        auto paid = records::money(d, "amount");
        if (!b.inside(records::date(d, "date")) || !paid || paid->currency != currency) continue;
        std::string key = records::text(item, "phase") + " / " + records::text(item, "type");
        count.add(key, b.column(c));
        amount[key] += paid->amount;
      }
  }
  Table t = b.table(count, "assistance_delivered", fmt::format("Assistance delivered ({})", currency),
                    "phase / type", {});
  t.columns.push_back("amount");
  util::Amount total;
  for (auto& row : t.rows) {
    util::Amount a = row.total ? total : amount[row.label];
    total += row.total ? util::Amount() : a;
    row.values.push_back(Value::of_amount(a.str()));
  }
  return t;
}

Table budget(const Builder& b) {
  const auto& cfg = b.in.folder.config;
  util::Amount planned, delivered, cap;
  int plans = 0;
  for (const auto& [id, c] : b.in.folder.cases) {
    if (!c.plan) continue;
    auto agreed = records::date(c.plan->root, "agreement.date");
    if (!agreed || *agreed > b.in.to) continue;
    ++plans;
    planned += records::plan_totals(*c.plan, cfg.currency).planned;
    cap += cfg.cap_per_person;
    for (const auto& item : records::list(c.plan->root, "items"))
      for (const auto& d : records::list(item, "deliveries"))
        if (auto m = records::money(d, "amount"); m && m->currency == cfg.currency) {
          auto on = records::date(d, "date");
          if (on && *on <= b.in.to) delivered += m->amount;
        }
  }
  Table t{"budget", fmt::format("Budget of plans agreed by {} ({})", b.in.to.str(), cfg.currency), {"", "amount"}, {}, std::nullopt, false, {}};
  t.rows.push_back({"planned", {Value::of_amount(planned.str())}, false});
  t.rows.push_back({"delivered by the end of the period", {Value::of_amount(delivered.str())}, false});
  t.rows.push_back({"remaining", {Value::of_amount((planned - delivered).str())}, false});
  t.rows.push_back({fmt::format("cap ({} plans)", plans), {Value::of_amount(cap.str())}, false});
  return t;
}

Table contacts(const Builder& b) {
  Tally t;
  for (const auto& [id, c] : b.in.folder.cases)
    for (const auto& s : monitor::schedule_of(c)) {
      if (!b.inside(s.due)) continue;
      util::Date limit = s.due.add_days(kContactGraceDays);
      std::string state = s.done_on ? (*s.done_on <= limit ? "on time" : "late")
                          : limit < b.in.to ? "missed" : "not yet due";
      t.add(state, b.column(c));
    }
  Table out = b.table(t, "monitoring_contacts", "Monitoring contacts due in the period", "contacts",
                      {"on time", "late", "missed", "not yet due"});
  out.chart = Chart{{0}};
  return out;
}

Table closures(const Builder& b) {
  Tally t;
  for (const auto& [id, c] : b.in.folder.cases)
    if (c.closure && b.inside(records::date(c.closure->root, "date")))
      t.add(records::text(c.closure->root, "reason"), b.column(c));
  return b.table(t, "closures", "Closures by reason", "reason", {});
}

// Outreach counts organisations and events, not persons assisted: it is not
// suppressed and not broken down by the beneficiaries' attributes.
std::vector<Table> outreach(const Builder& b) {
  int meetings = 0, dispatches = 0, participants = 0, leaflets = 0;
  Tally kinds;
  for (const auto& r : b.in.folder.outreach) {
    if (!r.valid || !b.inside(records::date(r.root, "date"))) continue;
    bool meeting = records::text(r.root, "type") == "information_meeting";
    meetings += meeting;
    dispatches += !meeting;
    participants += static_cast<int>(records::integer(r.root, "participants").value_or(0));
    leaflets += static_cast<int>(records::integer(r.root, "leaflets").value_or(0));
    for (const auto& o : records::list(r.root, "organisations")) kinds.add(records::text(o, "kind"));
  }
  Table events{"outreach", "Outreach", {"", "count"}, {}, std::nullopt, false, {}};
  events.rows.push_back({"information meetings", {Value::of_count(meetings)}, false});
  events.rows.push_back({"participants in meetings", {Value::of_count(participants)}, false});
  events.rows.push_back({"leaflet dispatches", {Value::of_count(dispatches)}, false});
  events.rows.push_back({"leaflets sent", {Value::of_count(leaflets)}, false});
  return {events, kinds.table("organisations_reached", "Organisations reached, by kind", "kind", {}, {},
                              "organisations", b.min_cell, false)};
}

}  // namespace

Report period_report(const PeriodInput& in) {
  const auto& cfg = in.folder.config;
  Builder b{in, cfg.min_cell, values_in(in.folder, in.by)};
  Report r = begin_report("period", fmt::format("{}: {} to {}", cfg.name, in.from.str(), in.to.str()), cfg,
                          in.audience, fmt::format("{} to {}", in.from.str(), in.to.str()));
  r.facts = {{"program", cfg.name}, {"from", in.from.str()}, {"to", in.to.str()}};
  if (!in.by.empty()) r.facts.emplace_back("broken down by", breakdown_title(in.by));
  r.tables = {referrals(b), activity(b), assistance(b), budget(b), contacts(b), closures(b)};
  for (auto& t : outreach(b)) r.tables.push_back(std::move(t));
  r.notes.push_back(fmt::format("A monitoring contact is on time when done within {} days of its due date.",
                                kContactGraceDays));
  r.notes.push_back("Amounts count the program's currency only; outreach figures are not suppressed.");
  return r;
}

}  // namespace care::report
