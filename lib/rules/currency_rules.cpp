// Money the reports cannot convert: a budget or a delivery in a currency that
// care.toml's [budget.rates] gives no rate for on the day it counts at (the
// plan's agreement date, else its drafted date, for a budget; its own date for
// a delivery). The reports show such an amount on a line of its own and count
// it in no total; this warns so that the rate is added before they are sent.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {

namespace {

void needs_rate(const Context& cx, const doc::Node& holder, const char* field, const std::optional<util::Date>& on,
                std::string_view what, std::string_view when_is) {
  auto m = records::money(holder, field);
  if (!m || records::in_program_currency(*m, on, cx.config())) return;
  std::string when = on ? on->str() : std::string("an unknown day");
  std::string month = on ? on->str().substr(0, 7) : std::string("YYYY-MM");
  cx.report(records::where(holder, fmt::format("{}.amount", field)), "currency-rate",
            fmt::format("{} of {} {} ({} {}) has no exchange rate to {}: reports count it in no total", what,
                        m->amount.str(), m->currency, when_is, when, cx.config().currency),
            fmt::format("Give a rate for {} in care.toml's [budget.rates] ({} = \"RATE\", or a rate for its month "
                        "under [budget.rates.{}]: \"{}\" = \"RATE\").",
                        m->currency, m->currency, m->currency, month),
            diag::Severity::Warning);
}

}  // namespace

void check_currency_rates(const Context& cx, const records::Case& c) {
  if (!records::usable(c.plan)) return;
  const records::Record& plan = *c.plan;
  auto planned_on = records::budget_date(plan);
  for (const auto& item : records::list(plan.root, "items")) {
    needs_rate(cx, item, "budget", planned_on, "the budget", "counted at the plan's date,");
    for (const auto& d : records::list(item, "deliveries"))
      needs_rate(cx, d, "amount", records::date(d, "date"), "a delivery", "paid on");
  }
}

}  // namespace care::rules
