// The period report's money: deliveries by phase and type, and the budget of
// the plans agreed by the end of the period, converted to the program's
// currency with care.toml's rates; what has no rate is shown on its own rows.
#include <set>

#include <fmt/format.h>

#include "records/fields.h"
#include "report/money.h"
#include "report/period_build.h"

namespace care::report::period_detail {
namespace {

struct Line {
  int deliveries = 0;
  util::Amount amount;
};

std::string not_converted(const std::string& currency, const util::Amount& a) {
  return fmt::format("not converted: {} {}", a.str(), currency);
}

Table deliveries_table(const Builder& b, Sum& all, std::set<std::string>& assisted) {
  const auto& cfg = b.in.folder.config;
  std::map<std::string, Line> lines;                  // by "phase / type"
  std::map<std::string, Line> apart;                  // by currency
  int total = 0;
  for (const records::Case* c : b.cases()) {
    if (!c->plan) continue;
    for (const auto& item : records::list(c->plan->root, "items"))
      for (const auto& d : records::list(item, "deliveries")) {
        auto on = records::date(d, "date");
        if (!b.inside(on)) continue;
        ++total;
        assisted.insert(c->id);
        std::string key = records::text(item, "phase") + " / " + records::text(item, "type");
        auto paid = records::money(d, "amount");
        Sum one(cfg);
        if (paid) one.add(*paid, *on);
        all.add(one);
        if (one.apart().empty()) {
          lines[key].deliveries += 1;
          lines[key].amount += one.total();
        }
        for (const auto& [currency, amount] : one.apart()) {
          apart[currency].deliveries += 1;
          apart[currency].amount += amount;
        }
      }
  }
  Table t{"assistance_delivered", fmt::format("Assistance delivered in the period ({})", cfg.currency),
          {"phase / type", "deliveries", fmt::format("amount ({})", cfg.currency)}, {}, Chart{{0}}, false, {}};
  util::Amount sum;
  for (const auto& [key, line] : lines) {
    t.rows.push_back({key, {Value::of_count(line.deliveries), Value::of_amount(line.amount.str())}, false});
    sum += line.amount;
  }
  for (const auto& [currency, line] : apart)
    t.rows.push_back({not_converted(currency, line.amount), {Value::of_count(line.deliveries), Value::of_text("")},
                      false});
  t.rows.push_back({"total", {Value::of_count(total), Value::of_amount(sum.str())}, true});
  if (b.in.suppress()) suppress_table(t, b.min_cell, false);
  return t;
}

// The plan's budget is dated by its agreement (else its draft), each
// delivery by its own day.
Table budget_table(const Builder& b, Sum& all) {
  const auto& cfg = b.in.folder.config;
  Sum planned(cfg), delivered(cfg);
  int plans = 0;
  for (const records::Case* c : b.cases()) {
    if (!c->plan) continue;
    auto agreed = records::date(c->plan->root, "agreement.date");
    if (!agreed || *agreed > b.in.to) continue;
    ++plans;
    for (const auto& item : records::list(c->plan->root, "items")) {
      auto budget = records::money(item, "budget");
      if (budget && records::text(item, "status") != "cancelled") planned.add(*budget, *agreed);
      for (const auto& d : records::list(item, "deliveries")) {
        auto on = records::date(d, "date");
        auto paid = records::money(d, "amount");
        if (on && paid && *on <= b.in.to) delivered.add(*paid, *on);
      }
    }
  }
  all.add(planned);
  all.add(delivered);
  util::Amount remaining = planned.total() > delivered.total() ? planned.total() - delivered.total() : util::Amount();
  util::Amount cap = util::Amount::from_cents(cfg.cap_per_person.cents() * plans);
  Table t{"budget", fmt::format("Budget of plans agreed by {} ({})", b.in.to.str(), cfg.currency), {"", "amount"},
          {}, std::nullopt, false, {}};
  t.rows.push_back({"planned", {Value::of_amount(planned.total().str())}, false});
  t.rows.push_back({"delivered by the end of the period", {Value::of_amount(delivered.total().str())}, false});
  t.rows.push_back({"remaining (never below zero)", {Value::of_amount(remaining.str())}, false});
  t.rows.push_back({fmt::format("cap ({} plans)", plans), {Value::of_amount(cap.str())}, false});
  for (const auto& [currency, a] : planned.apart())
    t.rows.push_back({not_converted(currency, a) + " (planned)", {Value::of_text("")}, false});
  for (const auto& [currency, a] : delivered.apart())
    t.rows.push_back({not_converted(currency, a) + " (delivered)", {Value::of_text("")}, false});
  return t;
}

}  // namespace

std::vector<Table> money_tables(const Builder& b, std::vector<std::string>& notes) {
  Sum delivered(b.in.folder.config), budgets(b.in.folder.config);
  std::set<std::string> assisted;
  std::vector<Table> out = {deliveries_table(b, delivered, assisted), budget_table(b, budgets)};
  // What the period delivered, converted, per person it reached (rounded to the cent).
  if (!assisted.empty()) {
    auto n = static_cast<std::int64_t>(assisted.size());
    std::int64_t cents = delivered.total().cents();
    auto each = util::Amount::from_cents((2 * cents + (cents < 0 ? -n : n)) / (2 * n));
    out.back().rows.push_back({fmt::format("delivered in the period per person assisted in it ({} persons)", n),
                               {Value::of_amount(each.str())}, false});
  }
  // The rates used anywhere; the amounts without a rate of the period's
  // deliveries only (the budget's are on its own rows, and adding them up
  // would count a delivery twice: as delivered and in the plan).
  const std::string& currency = b.in.folder.config.currency;
  Sum all = delivered;
  all.add(budgets);
  if (!all.rates_used().empty()) notes.push_back(money_notes(all, currency).front());
  auto apart = money_notes(delivered, currency);
  std::size_t skip = delivered.rates_used().empty() ? 0 : 1;
  for (std::size_t i = skip; i < apart.size(); ++i) notes.push_back(std::move(apart[i]));
  return out;
}

}  // namespace care::report::period_detail
