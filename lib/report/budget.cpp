#include "report/budget.h"

#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"

namespace care::report {

Table budget_by_phase(const records::Folder& folder) {
  const std::string& currency = folder.config.currency;
  const std::vector<std::string> phases = {"pre_departure", "post_arrival", "reintegration"};
  std::map<std::string, std::pair<util::Amount, util::Amount>> sums;
  for (const auto& [id, c] : folder.cases) {
    if (!c.plan || !c.plan->valid) continue;
    for (const auto& item : records::list(c.plan->root, "items")) {
      auto& [planned, delivered] = sums[records::text(item, "phase")];
      if (auto b = records::money(item, "budget"); b && b->currency == currency && records::text(item, "status") != "cancelled")
        planned += b->amount;
      for (const auto& d : records::list(item, "deliveries"))
        if (auto m = records::money(d, "amount"); m && m->currency == currency) delivered += m->amount;
    }
  }
  Table t{"budget_by_phase", fmt::format("Budget per phase ({})", currency), {"phase", "planned", "delivered"}, {}, Chart{{0, 1}}, false, {}};
  for (const auto& p : phases)
    t.rows.push_back({p, {Value::of_amount(sums[p].first.str()), Value::of_amount(sums[p].second.str())}, false});
  return t;
}

Report budget_report(const records::Folder& folder, const util::Date& today, Audience audience) {
  const auto& cfg = folder.config;
  Report r = begin_report("budget", fmt::format("{}: budget on {}", cfg.name, today.str()), cfg, audience,
                          "on " + today.str());
  r.facts = {{"program", cfg.name}, {"as of", today.str()},
             {"cap per person", fmt::format("{} {}", cfg.cap_per_person.str(), cfg.currency)}};
  Table t{"budget_by_case", fmt::format("Budget per case ({})", cfg.currency),
          {"case", "planned", "delivered", "remaining", "over cap", "reason"}, {}, std::nullopt, false, {}};
  util::Amount planned, delivered;
  int over = 0;
  for (const auto& [id, c] : folder.cases) {
    if (!c.plan || !c.plan->valid) continue;
    auto totals = records::plan_totals(*c.plan, cfg.currency);
    bool is_over = totals.planned > cfg.cap_per_person;
    over += is_over;
    planned += totals.planned;
    delivered += totals.delivered;
    t.rows.push_back({id,
                      {Value::of_amount(totals.planned.str()), Value::of_amount(totals.delivered.str()),
                       Value::of_amount((totals.planned - totals.delivered).str()), Value::of_text(is_over ? "yes" : "no"),
                       Value::of_text(is_over ? records::text(c.plan->root, "over_cap.reason") : "")},
                      false});
  }
  t.rows.push_back({"total",
                    {Value::of_amount(planned.str()), Value::of_amount(delivered.str()),
                     Value::of_amount((planned - delivered).str()), Value::of_text(std::to_string(over)), Value::of_text("")},
                    true});
  r.tables.push_back(std::move(t));
  r.tables.push_back(budget_by_phase(folder));
  r.notes.push_back("Amounts count the program's currency only; cancelled items are not planned.");
  r.notes.push_back("Case IDs are pseudonymous; this report holds no names or contact details.");
  return r;
}

}  // namespace care::report
