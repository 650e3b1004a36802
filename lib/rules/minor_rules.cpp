// Safeguards for children: a guardian from the start, and a return only when
// a best interests determination found it right, someone safe receives the
// child, both countries coordinated it, and an adult escorts the whole way.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

bool escorted(std::string_view by) { return by == "guardian" || by == "program_staff"; }

void return_conditions(const Context& cx, const doc::Node& minor, const Record& journey) {
  const doc::Location& at = records::where(journey.root, "departure");
  if (records::text(minor, "bid.outcome") != "return_in_best_interest")
    cx.report(at, "minor-return-bid", "a minor returned without a best interests determination in favour of return",
              "Record the BID outcome return_in_best_interest in minor.yaml, or the return cannot go ahead.");
  bool family_safe = records::flag(minor, "family_assessment.implicated_in_trafficking") != true;
  bool reunified = records::flag(minor, "reunification.confirmed") == true && family_safe;
  if (!reunified && !records::field(minor, "receiving_organisation"))
    cx.report(at, "minor-return-reception",
              "a minor returned with neither a confirmed family reunification nor a receiving organisation",
              "Confirm reunification (with a family not implicated in the trafficking) or name the receiving organisation in minor.yaml.");
  auto coordinated = records::date(minor, "coordination.date");
  auto departure = records::date(journey.root, "departure");
  if (!coordinated || (departure && *coordinated > *departure))
    cx.report(at, "minor-return-coordination",
              "a minor's return was not coordinated with both countries before departure",
              "Record the coordination date (on or before departure) and the parties under coordination in minor.yaml.");
  if (!escorted(records::text(minor, "escort.by")) || !escorted(records::text(journey.root, "escort.by")))
    cx.report(records::where(journey.root, "escort"), "minor-return-escort",
              "a minor's journey needs an escort for the whole way: the guardian or program staff",
              "Set escort.by to guardian or program_staff in both minor.yaml and return.yaml.");
}

}  // namespace

void check_minor(const Context& cx, const records::Case& c) {
  if (!records::is_minor_case(c)) return;
  bool acted = !c.assessments.empty() || c.plan || c.journey;
  if (!c.minor) {
    if (acted)
      cx.report(records::where(c.main->root, "date_of_birth"), "minor-file",
                "a minor's case has been assessed or planned, but has no minor.yaml with a guardian",
                "Record the guardian and the BID steps with care-intake minor.");
    return;
  }
  if (!c.minor->valid) return;
  const doc::Node& minor = c.minor->root;
  // A child who turns 18 is an adult from that day: each safeguard applies
  // if the person is still a minor on the day of the step it guards.
  auto agreed = records::usable(c.plan) ? records::date(c.plan->root, "agreement.date") : std::nullopt;
  if (agreed && records::is_minor_on(c, *agreed) && records::flag(c.plan->root, "agreement.guardian") != true)
    cx.report(records::where(c.plan->root, "agreement"), "minor-agreement",
              "a minor's plan was agreed without the guardian",
              "Record the guardian's agreement as well (agreement.guardian: true).");
  auto departure = records::usable(c.journey) ? records::date(c.journey->root, "departure") : std::nullopt;
  if (departure && records::is_minor_on(c, *departure)) return_conditions(cx, minor, *c.journey);
}

}  // namespace care::rules
