// A safe and voluntary return, for every person: under a plan the person
// agreed to, to the country of return and never into the EU, with a signed
// declaration that the alternatives were explained, after a review when the
// risk was high, and with a word of warning when proceedings are still open.
#include <fmt/format.h>

#include "rules/internal.h"
#include "rules/rules.h"

namespace care::rules {
using records::Record;
using util::Date;

namespace {

void agreed_plan(const Context& cx, const records::Case& c, const Record& journey) {
  const doc::Location& at = records::where(journey.root, "departure");
  if (!(records::usable(c.plan) && records::field(c.plan->root, "agreement.date")))
    cx.report(at, "return-needs-agreed-plan", "the case has a return but no agreed reintegration plan",
              "Record the beneficiary's agreement to the plan (care-plan agree) before the return.");
  else if (records::flag(c.plan->root, "agreement.beneficiary") != true)
    cx.report(at, "return-needs-agreed-plan", "the plan was not agreed by the beneficiary",
              "A plan counts as agreed only when the person agreed to it: record it with care-plan agree.");
}

void destination(const Context& cx, const records::Case& c, const Record& journey) {
  std::string country = records::text(journey.root, "destination.country");
  std::string expected = records::text(c.main->root, "return_country");
  const doc::Location& at = records::where(journey.root, "destination.country");
  if (!country.empty() && country != expected)
    cx.report(at, "return-destination",
              fmt::format("the destination is in {}, but the case's country of return is {}", country, expected),
              "Correct the destination (care-plan return --country), or the case's country of return if that is "
              "what is wrong (care-intake edit).");
  if (!country.empty() && cx.config().is_eu(country))
    cx.report(at, "return-destination", fmt::format("the destination {} is in the EU", country),
              "The program returns people to countries outside the EU ([program] eu_countries in care.toml): "
              "correct it with care-plan return --country.");
}

void declaration(const Context& cx, const records::Case& c, const Record& journey, const Date& departure) {
  const doc::Location& at = records::where(journey.root, "departure");
  auto signed_on = records::date(journey.root, "declaration.signed");
  if (!signed_on) {
    cx.report(at, "return-declaration", "no voluntary return declaration is recorded",
              "Record the day the person signed it, the language, and that the alternatives were explained "
              "(care-plan return --declaration-signed, --language, --alternatives-explained).");
    return;
  }
  if (*signed_on > departure)
    cx.report(records::where(journey.root, "declaration.signed"), "return-declaration",
              fmt::format("the return declaration was signed on {}, after departure ({})", signed_on->str(),
                          departure.str()),
              "The person signs before leaving: correct the day with care-plan return --declaration-signed.");
  if (records::flag(journey.root, "declaration.alternatives_explained") != true)
    cx.report(records::where(journey.root, "declaration.alternatives_explained"), "return-declaration",
              "the alternatives to return (staying under a permit, asylum) were not explained",
              "A return is voluntary only when the person knew the alternatives: explain them first, then record "
              "it with care-plan return --alternatives-explained.");
  if (!records::child_safeguards_apply(c, departure)) return;
  auto guardian = records::date(journey.root, "declaration.guardian_signed");
  if (!guardian || *guardian > departure)
    cx.report(records::where(journey.root, "declaration"), "return-declaration",
              guardian ? fmt::format("the guardian signed on {}, after departure", guardian->str())
                       : std::string("the guardian has not signed the child's return declaration"),
              "For a child the guardian signs too (care-plan return --guardian-signed).");
}

// A high risk at the last assessment before departure: a review that decided
// to proceed, after that assessment and by departure, with safety measures.
void risk_review(const Context& cx, const records::Case& c, const Record& journey, const Date& departure) {
  if (!records::high_risk_return(c)) return;
  auto assessed = records::date(records::latest_assessment(c, departure)->root, "date");
  if (!records::usable(c.plan)) return;  // return-needs-agreed-plan says so
  auto review = last_risk_review(c, *assessed, departure);
  std::optional<Date> last_date = review ? std::optional<Date>(review->date) : std::nullopt;
  std::string decision = review ? review->decision : std::string();
  if (decision == "proceed") return;
  cx.report(records::where(journey.root, "departure"), "return-risk-review",
            last_date ? fmt::format("the risk review of {} decided to {}, not to proceed", last_date->str(), decision)
                 : fmt::format("the overall risk was high at the assessment of {}, and no review before departure "
                               "decided to proceed", assessed->str()),
            fmt::format("Review the risk before return and record the decision and the safety measures "
                        "(care-plan review {} --reviewer ROLE --decision proceed --safety-measure TEXT).", c.id));
}

void open_proceedings(const Context& cx, const records::Case& c, const Record& journey, const Date& departure) {
  for (const auto& p : records::list(c.main->root, "proceedings")) {
    auto closed = records::date(p, "closed");
    bool open = records::text(p, "status") == "open" || (closed && *closed > departure);
    if (open)
      cx.report(records::where(journey.root, "departure"), "return-proceedings-open",
                fmt::format("the person returned while criminal proceedings in which they are a {} were open",
                            records::text(p, "role")),
                "Check with the prosecutor or the person's lawyer how the person takes part from abroad, and record "
                "it in the notes.",
                diag::Severity::Warning);
  }
}

}  // namespace

std::optional<RiskReview> last_risk_review(const records::Case& c, const Date& assessed, const Date& by) {
  if (!records::usable(c.plan)) return std::nullopt;
  std::optional<RiskReview> last;
  for (const auto& review : records::list(c.plan->root, "risk_reviews")) {
    auto on = records::date(review, "date");
    if (!on || *on > by || *on < assessed || (last && *on < last->date)) continue;
    last = RiskReview{*on, records::text(review, "decision")};
  }
  return last;
}

void check_return(const Context& cx, const records::Case& c) {
  if (!records::usable(c.journey)) return;
  const Record& journey = *c.journey;
  agreed_plan(cx, c, journey);
  destination(cx, c, journey);
  auto departure = records::date(journey.root, "departure");
  if (!departure) return;
  declaration(cx, c, journey, *departure);
  risk_review(cx, c, journey, *departure);
  open_proceedings(cx, c, journey, *departure);
}

}  // namespace care::rules
