#include "report/period.h"

#include <algorithm>

#include <fmt/format.h>

#include "report/outcomes.h"
#include "report/period_build.h"

namespace care::report {
namespace period_detail {

void People::add(const std::string& row, const records::Case& c, const std::string& column) {
  if (ids_[row].insert(c.id).second) tally_.add(row, column);
}

const std::set<std::string>& People::ids(const std::string& row) const {
  static const std::set<std::string> none;
  auto it = ids_.find(row);
  return it == ids_.end() ? none : it->second;
}

std::vector<const records::Case*> Builder::cases() const {
  std::vector<const records::Case*> out;
  for (const auto& [id, c] : in.folder.cases)
    if (c.main) out.push_back(&c);
  return out;
}

Table Builder::table(const Tally& t, std::string id, std::string title, std::string header,
                     std::vector<std::string> rows, bool totals) const {
  Table out = t.table(std::move(id), std::move(title), std::move(header), std::move(rows), columns, "count",
                      min_cell, false);
  // Suppressed after the totals row is gone: a total that is no sum of its
  // rows must not be used to choose the cells hidden with the small ones.
  if (!totals) out.rows.pop_back();
  if (in.suppress()) suppress_table(out, min_cell, !columns.empty());
  Chart chart;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, columns.size()); ++i) chart.columns.push_back(i);
  out.chart = chart;
  return out;
}

}  // namespace period_detail

using namespace period_detail;

Report period_report(const PeriodInput& in) {
  const auto& cfg = in.folder.config;
  Builder b{in, cfg.min_cell, values_in(in.folder, in.by)};
  Report r = begin_report("period", fmt::format("{}: {} to {}", cfg.name, in.from.str(), in.to.str()), cfg,
                          in.audience, fmt::format("{} to {}", in.from.str(), in.to.str()));
  r.facts = {{"program", cfg.name}, {"from", in.from.str()}, {"to", in.to.str()}};
  if (!in.by.empty()) r.facts.emplace_back("broken down by", breakdown_title(in.by));
  auto add = [&r](std::vector<Table> tables) {
    for (auto& t : tables) r.tables.push_back(std::move(t));
  };
  People key = key_populations(b);
  r.tables.push_back(targets_table(b));
  r.tables.push_back(persons_table(b, key));
  add(cross_tables(b, key));
  add(referral_tables(b));
  add(assistance_person_tables(b));
  r.tables.push_back(minors_table(b));
  add(monitoring_tables(b));
  r.tables.push_back(protection_table(b));
  add(closure_tables(b));
  r.tables.push_back(events_table(b));
  std::vector<std::string> money_notes;
  add(money_tables(b, money_notes));
  add(outreach_tables(b));
  Outcomes outcomes = sustainability_outcomes(in.folder, in.from, in.to, cfg.min_cell, in.suppress());
  add(std::move(outcomes.tables));
  r.notes.push_back("Tables of persons count each case once per row; a person can be in several rows of a table "
                    "without a total row. Events (assessments, deliveries, contacts) are counted in period_events.");
  r.notes.push_back(fmt::format("A monitoring contact is on time when done within {} days of its due date; "
                                "contacts due after a case's closure are not counted.", kContactGraceDays));
  r.notes.push_back("Outreach figures count organisations and events, not persons, and are not suppressed.");
  for (auto& n : money_notes) r.notes.push_back(std::move(n));
  for (auto& n : outcomes.notes) r.notes.push_back(std::move(n));
  return r;
}

}  // namespace care::report
