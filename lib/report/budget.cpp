#include "report/budget.h"

#include <array>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "records/facts.h"
#include "records/fields.h"

namespace care::report {
namespace {

const std::vector<std::string> kPhases = {"pre_departure", "post_arrival", "reintegration"};

std::vector<CaseBudget> all_budgets(const records::Folder& folder) {
  std::vector<CaseBudget> out;
  for (const auto& [id, c] : folder.cases)
    if (records::usable(c.main) && records::usable(c.plan)) out.push_back(case_budget(c, folder.config));
  return out;
}

Value amount(const util::Amount& a) { return Value::of_amount(a.str()); }

// Planned, committed, delivered (and remaining) in the program's currency.
std::vector<Value> converted(const Money3& m, bool with_remaining) {
  std::vector<Value> v = {amount(m.planned.total()), amount(m.committed.total()), amount(m.delivered.total())};
  if (with_remaining) v.push_back(amount(m.remaining()));
  return v;
}

// One row per currency that could not be converted, in that currency:
// "not converted: USD" (the amounts are never added to the program's).
void apart_rows(Table& t, const std::string& prefix, const Money3& m, std::size_t blanks) {
  std::map<std::string, std::array<util::Amount, 3>> by_currency;
  const Sum* sums[] = {&m.planned, &m.committed, &m.delivered};
  for (std::size_t i = 0; i < 3; ++i)
    for (const auto& [currency, a] : sums[i]->apart()) by_currency[currency][i] += a;
  for (const auto& [currency, a] : by_currency) {
    Row r{fmt::format("{}not converted: {}", prefix, currency), {amount(a[0]), amount(a[1]), amount(a[2])}, false};
    for (std::size_t i = 0; i < blanks; ++i) r.values.push_back(Value::of_text(""));
    t.rows.push_back(std::move(r));
  }
}

Table by_case(const std::vector<CaseBudget>& budgets, const folder::Config& cfg, Audience audience, Money3& total) {
  Table t{"budget_by_case", fmt::format("Budget per case ({})", cfg.currency),
          {"case", "planned", "committed", "delivered", "remaining", "over cap", "reason"}, {}, std::nullopt, false, {}};
  util::Amount remaining;
  int over = 0;
  for (const auto& b : budgets) {
    bool is_over = b.total.planned.total() > cfg.cap_per_person;
    over += is_over;
    remaining += b.total.remaining();
    total.add(b.total);
    // The reason is free text: the team reads it, a donor only learns that there is one.
    std::string reason = !is_over                       ? ""
                         : b.over_cap_reason.empty()    ? "none recorded"
                         : audience == Audience::Internal ? b.over_cap_reason
                                                          : "recorded";
    auto values = converted(b.total, true);
    values.push_back(Value::of_text(is_over ? "yes" : "no"));
    values.push_back(Value::of_text(reason));
    t.rows.push_back({b.case_id, std::move(values), false});
    apart_rows(t, b.case_id + " ", b.total, 3);
  }
  auto values = converted(total, false);
  values.push_back(amount(remaining));
  values.push_back(Value::of_text(std::to_string(over)));
  values.push_back(Value::of_text(""));
  t.rows.push_back({"total", std::move(values), true});
  apart_rows(t, "total ", total, 3);
  return t;
}

Table by_phase_type(const std::vector<CaseBudget>& budgets, const folder::Config& cfg) {
  std::map<std::pair<std::string, std::string>, Money3> sums;
  for (const auto& b : budgets)
    for (const auto& [key, m] : b.by_phase_type) sums.try_emplace(key, cfg).first->second.add(m);
  Table t{"budget_by_phase_and_type", fmt::format("Budget by phase and type ({})", cfg.currency),
          {"phase: type", "planned", "committed", "delivered"}, {}, std::nullopt, false, {}};
  Money3 total(cfg);
  for (const auto& phase : kPhases)
    for (const auto& [key, m] : sums)
      if (key.first == phase) {
        t.rows.push_back({fmt::format("{}: {}", key.first, key.second), converted(m, false), false});
        total.add(m);
      }
  t.rows.push_back({"total", converted(total, false), true});
  apart_rows(t, "", total, 0);
  return t;
}

// Delivered and planned over the persons with an agreed plan: what one
// person's reintegration costs the program.
Table cost_per_person(const std::vector<CaseBudget>& budgets, const folder::Config& cfg, Audience audience) {
  Money3 agreed(cfg);
  int persons = 0;
  for (const auto& b : budgets)
    if (b.agreed) {
      ++persons;
      agreed.add(b.total);
    }
  Table t{"cost_per_person", fmt::format("Cost per person assisted ({})", cfg.currency),
          {"", "value"}, {}, std::nullopt, false, {}};
  Row count{"persons with an agreed plan", {Value::of_count(persons)}, false};
  bool hidden = audience == Audience::Public && persons > 0 && persons < cfg.min_cell;
  count.values[0].count.hidden = hidden;
  t.rows.push_back(std::move(count));
  auto per = [&](const util::Amount& a) {
    if (hidden) return Value::of_text("*");
    if (persons == 0) return Value::of_text("");
    // Rounded half away from zero to the cent, as conversions are.
    std::int64_t c = a.cents(), q = c / persons, r = c % persons;
    if (2 * (r < 0 ? -r : r) >= persons) q += c < 0 ? -1 : 1;
    return amount(util::Amount::from_cents(q));
  };
  t.rows.push_back({"planned per person", {per(agreed.planned.total())}, false});
  t.rows.push_back({"delivered per person", {per(agreed.delivered.total())}, false});
  return t;
}

}  // namespace

std::vector<std::string> money_notes(const Money3& m, const std::string& currency) {
  std::vector<std::string> notes;
  std::set<std::string> rates = m.planned.rates_used();
  rates.insert(m.delivered.rates_used().begin(), m.delivered.rates_used().end());
  if (!rates.empty())
    notes.push_back(fmt::format("Amounts in other currencies are converted to {} with care.toml's [budget.rates]: {}.",
                                currency, fmt::join(rates, "; ")));
  std::map<std::string, std::string> apart;
  for (const auto& [what, sum] : {std::pair{"planned", &m.planned}, std::pair{"delivered", &m.delivered}})
    for (const auto& [cur, a] : sum->apart())
      apart[cur] += fmt::format("{}{} {} {}", apart[cur].empty() ? "" : ", ", what, a.str(), cur);
  for (const auto& [cur, text] : apart)
    notes.push_back(fmt::format("Not converted: {} (no rate for {} in care.toml's [budget.rates] on the day it was "
                                "planned or paid); counted in no total.",
                                text, cur));
  return notes;
}

Table budget_by_phase(const records::Folder& folder) {
  const auto& cfg = folder.config;
  std::map<std::string, Money3> sums;
  for (const auto& b : all_budgets(folder))
    for (const auto& [key, m] : b.by_phase_type) sums.try_emplace(key.first, cfg).first->second.add(m);
  Table t{"budget_by_phase", fmt::format("Budget per phase ({})", cfg.currency),
          {"phase", "planned", "committed", "delivered"}, {}, Chart{{0, 1, 2}}, false, {}};
  for (const auto& p : kPhases) {
    Money3 m = sums.count(p) ? sums.at(p) : Money3(cfg);
    t.rows.push_back({p, converted(m, false), false});
  }
  return t;
}

std::vector<std::string> budget_notes(const records::Folder& folder) {
  Money3 all(folder.config);
  for (const auto& b : all_budgets(folder)) all.add(b.total);
  return money_notes(all, folder.config.currency);
}

Report budget_report(const records::Folder& folder, const util::Date& today, Audience audience) {
  const auto& cfg = folder.config;
  Report r = begin_report("budget", fmt::format("{}: budget on {}", cfg.name, today.str()), cfg, audience,
                          "the budget on " + today.str());
  r.facts = {{"program", cfg.name}, {"as of", today.str()}, {"currency", cfg.currency},
             {"cap per person", fmt::format("{} {}", cfg.cap_per_person.str(), cfg.currency)}};
  auto budgets = all_budgets(folder);
  Money3 total(cfg);
  Table cases = by_case(budgets, cfg, audience, total);
  if (audience != Audience::Public) r.tables.push_back(std::move(cases));
  r.tables.push_back(by_phase_type(budgets, cfg));
  r.tables.push_back(budget_by_phase(folder));
  r.tables.push_back(cost_per_person(budgets, cfg, audience));
  for (auto& n : money_notes(total, cfg.currency)) r.notes.push_back(std::move(n));
  r.notes.push_back("Planned counts the items not cancelled; committed, the items committed or delivered; delivered, "
                    "every payment, a cancelled item's included. Remaining is planned minus delivered, never below "
                    "zero, per case; its total adds up the cases.");
  r.notes.push_back("A budget is converted at the rate of the plan's agreement date (else the day it was drafted), a "
                    "delivery at the rate of its own date.");
  if (audience == Audience::Public)
    r.notes.push_back("Amounts per case are left out of a public report: case IDs are never published.");
  else
    r.notes.push_back("Case IDs are pseudonymous; this report holds no names or contact details.");
  return r;
}

}  // namespace care::report
