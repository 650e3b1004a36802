// The money of one plan, converted: the arithmetic the budget report and the
// nightly chart share.
#include "records/facts.h"
#include "records/fields.h"
#include "report/budget.h"

namespace care::report {

void Money3::add(const Money3& o) {
  planned.add(o.planned);
  committed.add(o.committed);
  delivered.add(o.delivered);
}

util::Amount Money3::remaining() const {
  util::Amount left = planned.total() - delivered.total();
  return left < util::Amount() ? util::Amount() : left;
}

CaseBudget case_budget(const records::Case& c, const folder::Config& cfg) {
  CaseBudget b(cfg);
  b.case_id = c.id;
  const doc::Node& plan = c.plan->root;
  b.agreed = static_cast<bool>(records::date(plan, "agreement.date"));
  b.over_cap_reason = records::text(plan, "over_cap.reason");
  // A budget converts at the plan's agreement (else drafting) date, as rule
  // budget-cap converts it.
  auto planned_on = records::budget_date(*c.plan).value_or(util::Date());
  for (const auto& item : records::list(plan, "items")) {
    Money3 m(cfg);
    std::string status = records::text(item, "status");
    if (auto budget = records::money(item, "budget"); budget && status != "cancelled") {
      m.planned.add(*budget, planned_on);
      if (status == "committed" || status == "delivered") m.committed.add(*budget, planned_on);
    }
    for (const auto& d : records::list(item, "deliveries"))
      if (auto paid = records::money(d, "amount"))
        m.delivered.add(*paid, records::date(d, "date").value_or(util::Date()));
    b.total.add(m);
    auto key = std::make_pair(records::text(item, "phase"), records::text(item, "type"));
    b.by_phase_type.try_emplace(key, cfg).first->second.add(m);
  }
  return b;
}

}  // namespace care::report
