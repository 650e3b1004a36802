#include "report/status.h"

#include <array>

#include <fmt/format.h>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "report/attention.h"
#include "report/budget.h"
#include "report/dimensions.h"
#include "report/tally.h"

namespace care::report {
namespace {

using records::Stage;
constexpr std::array kStages = {Stage::Referred, Stage::Assessed, Stage::Planned,
                                Stage::Returned, Stage::Monitoring, Stage::Closed};

std::vector<std::string> stage_names() {
  std::vector<std::string> out;
  for (auto s : kStages) out.emplace_back(records::stage_name(s));
  return out;
}

Table by_dimension(const StatusInput& in, Dimension d, int min_cell) {
  Tally t;
  for (const auto& [id, c] : in.folder.cases)
    if (c.main) t.add(value_of(c, d));
  return t.table("cases_by_" + dimension_name(d), "Cases by " + dimension_title(d), dimension_title(d),
                 values_in(in.folder, d), {}, "cases", min_cell, in.suppress());
}

Table targets(const StatusInput& in, int min_cell) {
  const auto& cfg = in.folder.config;
  int assessed = 0, assisted = 0, minors = 0;
  for (const auto& [id, c] : in.folder.cases) {
    if (!c.main) continue;
    bool agreed = c.plan && records::field(c.plan->root, "agreement.date");
    assessed += !c.assessments.empty();
    assisted += agreed;
    minors += agreed && records::is_minor_case(c);
  }
  Table t{"targets", "Progress against targets", {"target", "persons", "of"}, {}, std::nullopt, false, {}};
  auto row = [&](std::string label, int n, int target) {
    Row r{std::move(label), {Value::of_count(n), Value::of_text(std::to_string(target))}, false};
    if (in.suppress()) r.values[0].count.hidden = n > 0 && n < min_cell;
    t.rows.push_back(std::move(r));
  };
  row("assessed", assessed, cfg.target_assessed);
  row("assisted (plan agreed)", assisted, cfg.target_assisted);
  row("minors assisted", minors, cfg.target_minors);
  return t;
}

Table monitoring(const StatusInput& in, int min_cell) {
  auto due = monitor::due_report(in.folder, in.today, 30);
  int done = 0;
  for (const auto& [id, c] : in.folder.cases)
    for (const auto& s : monitor::schedule_of(c)) done += s.done_on && *s.done_on <= in.today;
  Tally t;
  t.add("done", "", done);
  t.add("overdue", "", static_cast<int>(due.overdue()));
  t.add("due within 30 days", "", static_cast<int>(due.due.size() - due.overdue()));
  Table table = t.table("monitoring_contacts", "Monitoring contacts", "contacts",
                        {"done", "overdue", "due within 30 days"}, {}, "contacts", min_cell, in.suppress());
  table.rows.pop_back();  // done, overdue and coming do not add up to anything a reader needs
  table.chart = Chart{{0}};
  Row plans{"returned cases without a monitoring plan", {Value::of_count(static_cast<int>(due.without_plan.size()))}, false};
  Row flags{"open risk flags", {Value::of_count(static_cast<int>(due.flags.size()))}, false};
  for (Row* r : {&plans, &flags})
    if (in.suppress()) r->values[0].count.hidden = r->values[0].count.count > 0 && r->values[0].count.count < min_cell;
  table.rows.push_back(std::move(plans));
  table.rows.push_back(std::move(flags));
  return table;
}

}  // namespace

Report status_report(const StatusInput& in) {
  const auto& cfg = in.folder.config;
  int min_cell = cfg.min_cell;
  Report r = begin_report("status", fmt::format("{}: caseload on {}", cfg.name, in.today.str()), cfg, in.audience,
                          "the caseload on " + in.today.str());
  r.facts = {{"program", cfg.name}, {"as of", in.today.str()}, {"check", in.check_summary}};
  // What needs doing today comes first, and names cases: the team's only.
  if (in.audience == Audience::Internal)
    r.tables.push_back(attention_table(needs_attention(in.folder, in.today), in.today));
  Tally stages;
  for (const auto& [id, c] : in.folder.cases)
    if (c.main) stages.add(std::string(records::stage_name(records::stage_of(c))));
  Table by_stage = stages.table("cases_by_stage", "Cases by stage", "stage", stage_names(), {}, "cases", min_cell, in.suppress());
  by_stage.chart = Chart{{0}};
  r.tables.push_back(std::move(by_stage));
  for (auto d : {Dimension::Host, Dimension::ReturnCountry, Dimension::Sex, Dimension::AgeBand, Dimension::Minor})
    r.tables.push_back(by_dimension(in, d, min_cell));
  r.tables.push_back(targets(in, min_cell));
  r.tables.push_back(monitoring(in, min_cell));
  r.tables.push_back(budget_by_phase(in.folder));
  r.notes.push_back("Stages are derived from the records a case has; age is the age at referral.");
  if (in.audience != Audience::Internal)
    r.notes.push_back("The list of what needs attention is for the internal audience only: it names cases.");
  for (auto& n : budget_notes(in.folder)) r.notes.push_back(std::move(n));
  return r;
}

}  // namespace care::report
