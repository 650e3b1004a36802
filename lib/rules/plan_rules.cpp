// The reintegration plan: drafted from an assessment, within the budget cap,
// deliveries that add up, and post-arrival help only when it was asked for.
#include <set>

#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

void needs_assessment(const Context& cx, const records::Case& c, const Record& plan) {
  bool assessed = false;
  for (const auto& a : c.assessments) assessed = assessed || a.valid;
  if (!assessed)
    cx.report(records::where(plan.root, "drafted"), "plan-needs-assessment",
              "a plan exists but the case has no needs-and-risks assessment",
              "Record the assessment first (care-intake assess); the plan is drafted from it.");
}

void within_cap(const Context& cx, const Record& plan) {
  const auto& cfg = cx.config();
  // Converted as the budget report converts, so that a plan in another
  // currency is held to the cap too (what has no rate: rule currency-rate).
  auto totals = records::plan_totals(plan, cfg);
  if (totals.planned <= cfg.cap_per_person || records::field(plan.root, "over_cap")) return;
  cx.report(records::where(plan.root, "items"), "budget-cap",
            fmt::format("the plan's budget {} {} is over the cap of {} {}", totals.planned.str(), cfg.currency,
                        cfg.cap_per_person.str(), cfg.currency),
            "Reduce the items, or record why the cap is exceeded under over_cap (care-plan --over-cap).");
}

void item_currency(const Context& cx, const doc::Node& item) {
  auto budget = records::money(item, "budget");
  if (!budget || budget->currency == cx.config().currency || records::field(item, "exchange_note")) return;
  cx.report(records::where(item, "budget.currency"), "currency",
            fmt::format("budget in {} but the program counts in {}, and there is no exchange_note",
                        budget->currency, cx.config().currency),
            "Add an exchange_note with the rate and the amount in the program's currency.");
}

void deliveries(const Context& cx, const doc::Node& item, const std::optional<util::Date>& drafted) {
  auto budget = records::money(item, "budget");
  auto cancelled = records::date(item, "cancelled.date");
  util::Amount sum;
  for (const auto& d : records::list(item, "deliveries")) {
    auto when = records::date(d, "date");
    auto paid = records::money(d, "amount");
    if (when && drafted && *when < *drafted)
      cx.report(records::where(d, "date"), "date-order",
                fmt::format("delivery on {} is before the plan was drafted ({})", when->str(), drafted->str()),
                "Check the delivery date.");
    if (when && cancelled && *when > *cancelled)
      cx.report(records::where(d, "date"), "delivery-cancelled",
                fmt::format("delivery on {} is after the item was cancelled ({})", when->str(), cancelled->str()),
                "A cancelled item takes no deliveries; check the dates or the cancellation.");
    if (paid && budget && paid->currency != budget->currency)
      cx.report(records::where(d, "amount.currency"), "currency",
                fmt::format("delivery in {} but the item is budgeted in {}", paid->currency, budget->currency),
                "Record the delivery in the item's currency.");
    else if (paid) sum += paid->amount;
  }
  if (budget && sum > budget->amount)
    cx.report(records::where(item, "deliveries"), "over-delivered",
              fmt::format("deliveries add up to {} {}, more than the item's budget of {} {}", sum.str(),
                          budget->currency, budget->amount.str(), budget->currency),
              "Check the amounts, or change the item's budget (a change after agreement needs a reason).");
  if (records::text(item, "status") == "delivered" && sum == util::Amount())
    cx.report(records::where(item, "status"), "delivery-missing", "the item is marked delivered but has no delivery",
              "Record the delivery with its date and amount (care-plan deliver).");
}

void items(const Context& cx, const Record& plan) {
  auto drafted = records::date(plan.root, "drafted");
  bool requested = records::flag(plan.root, "post_arrival_requested").value_or(false);
  std::set<std::int64_t> ids;
  for (const auto& item : records::list(plan.root, "items")) {
    auto id = records::integer(item, "id");
    if (id && !ids.insert(*id).second)
      cx.report(records::where(item, "id"), "item-id", fmt::format("item id {} is used twice", *id),
                "Give each item its own number.");
    if (records::text(item, "phase") == "post_arrival" && !requested)
      cx.report(records::where(item, "phase"), "post-arrival-requested",
                "a post-arrival item, but the plan does not say the beneficiary asked for post-arrival help",
                "If they asked, record it (care-plan add --beneficiary-asked, or post_arrival_requested: true); "
                "otherwise drop the item.");
    item_currency(cx, item);
    deliveries(cx, item, drafted);
  }
  auto agreed = records::date(plan.root, "agreement.date");
  for (const auto& ch : records::list(plan.root, "changes")) {
    auto item = records::integer(ch, "item");
    if (item && !ids.count(*item))
      cx.report(records::where(ch, "item"), "item-id", fmt::format("change refers to item {}, which the plan does not have", *item),
                "Correct the item number.");
    auto when = records::date(ch, "date");
    if (when && agreed && *when < *agreed)
      cx.report(records::where(ch, "date"), "date-order",
                fmt::format("a change dated {} is listed as after the agreement ({})", when->str(), agreed->str()),
                "Changes are recorded only once the plan is agreed; check the date.");
  }
}

}  // namespace

void check_plan(const Context& cx, const records::Case& c) {
  if (!records::usable(c.plan)) return;
  needs_assessment(cx, c, *c.plan);
  within_cap(cx, *c.plan);
  items(cx, *c.plan);
}

}  // namespace care::rules
