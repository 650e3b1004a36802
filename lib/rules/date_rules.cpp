// Dates run in the order a case lives: referral, assessment, plan, agreement,
// departure, arrival (contacts and closure are checked with monitoring), and
// none lies in the future.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

// Dates that may lie ahead: a contact's due date, where it moved from and
// to, a document's expiry, the end of a reflection period or permit.
bool may_be_future(std::string_view key) {
  return key == "due" || key == "from" || key == "to" || key == "expires" || key == "until";
}

void future_dates(const Context& cx, const doc::Node& n, std::string_view key) {
  if (n.is_mapping()) {
    for (const auto& e : n.entries()) future_dates(cx, e.value, e.key);
  } else if (n.is_sequence()) {
    for (const auto& item : n.items()) future_dates(cx, item, key);
  } else if (n.is_string() && !may_be_future(key)) {
    auto d = util::Date::parse(n.text());
    if (d && *d > cx.today)
      cx.report(n.location(), "future", fmt::format("{} {} is in the future (today is {})", key, d->str(), cx.today.str()),
                "Record things once they have happened; check the year and month.");
  }
}

struct Dated {
  std::optional<util::Date> date;
  std::string label;
};

// Reports `later` when it comes before `earlier`.
void not_before(const Context& cx, const Dated& earlier, const Record& r, std::string_view field,
                std::string_view label) {
  auto later = records::date(r.root, field);
  if (!earlier.date || !later || *later >= *earlier.date) return;
  cx.report(records::where(r.root, field), "date-order",
            fmt::format("{} ({}) is before {} ({})", label, later->str(), earlier.label, earlier.date->str()),
            "Check both dates; a case's steps happen in order.");
}

void birth_before_referral(const Context& cx, const Record& main) {
  auto birth = records::date(main.root, "date_of_birth");
  auto referral = records::date(main.root, "referral.date");
  if (!birth || !referral || *birth < *referral) return;
  cx.report(records::where(main.root, "date_of_birth"), "birth-after-referral",
            fmt::format("date of birth {} is not before the referral ({})", birth->str(), referral->str()),
            "Check the date of birth; if the age is unknown, estimate it and set age_uncertain: true.");
}

// Assistance happens while the program runs; only monitoring and closure
// may follow its end.
void within_program(const Context& cx, const Record& r, std::string_view field, std::string_view what) {
  auto on = records::date(r.root, field);
  const auto& end = cx.config().end;
  if (!on || *on <= end) return;
  cx.report(records::where(r.root, field), "after-program",
            fmt::format("{} on {} is after the program's end ({})", what, on->str(), end.str()),
            "Check the date; only monitoring contacts and closures come after the program ends.",
            diag::Severity::Warning);
}

}  // namespace

void check_dates(const Context& cx, const records::Case& c) {
  each_record(c, [&](const Record& r) {
    if (r.valid && r.where.kind != records::Kind::Identity) future_dates(cx, r.root, "");
  });
  const Record& main = *c.main;
  birth_before_referral(cx, main);
  Dated referral{records::date(main.root, "referral.date"), "the referral"};
  not_before(cx, referral, main, "eligibility.checked", "the eligibility check");
  std::optional<util::Date> first_assessment;
  for (const auto& a : c.assessments) {
    if (!a.valid) continue;
    not_before(cx, referral, a, "date", "the assessment");
    auto d = records::date(a.root, "date");
    if (d && (!first_assessment || *d < *first_assessment)) first_assessment = d;
  }
  if (records::usable(c.plan)) {
    not_before(cx, {first_assessment, "the first assessment"}, *c.plan, "drafted", "the plan's drafting");
    not_before(cx, {records::date(c.plan->root, "drafted"), "the plan's drafting"}, *c.plan,
               "agreement.date", "the plan's agreement");
  }
  if (records::usable(c.journey)) {
    const Record& journey = *c.journey;
    if (records::usable(c.plan))
      not_before(cx, {records::date(c.plan->root, "agreement.date"), "the plan's agreement"}, journey,
                 "departure", "the departure");
    not_before(cx, referral, journey, "departure", "the departure");
    not_before(cx, {records::date(journey.root, "departure"), "the departure"}, journey, "arrival", "the arrival");
  }
  for (const auto& a : c.assessments)
    if (a.valid) within_program(cx, a, "date", "the assessment");
  if (records::usable(c.plan)) within_program(cx, *c.plan, "agreement.date", "the plan's agreement");
  if (records::usable(c.journey)) within_program(cx, *c.journey, "departure", "the departure");
  if (records::usable(c.closure)) {
    not_before(cx, referral, *c.closure, "date", "the closure");
    if (records::usable(c.journey))
      not_before(cx, {records::arrival_date(c), "the arrival"}, *c.closure, "date", "the closure");
  }
}

}  // namespace care::rules
