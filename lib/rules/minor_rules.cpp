// Safeguards for children. A guardian from the start; the child heard before
// the best interests determination; and a return only when a panel found it
// in the child's best interest, both countries coordinated it well ahead,
// someone safe receives the child (an assessed family, or a confirmed care
// organisation in the country of return), the agreed escort goes the whole
// way, and a child-protection service there takes over the follow-up. Each
// condition is checked on its own, with its dates, so that a failure names
// exactly what is missing or late.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/internal.h"
#include "rules/rules.h"
#include "util/text.h"

namespace care::rules {
using records::Record;
using util::Date;

namespace {

bool escorted(std::string_view by) { return by == "guardian" || by == "program_staff"; }

std::optional<Date> first_assessment(const records::Case& c) {
  std::optional<Date> first;
  for (const auto& a : c.assessments)
    if (auto on = a.valid ? records::date(a.root, "date") : std::nullopt; on && (!first || *on < *first)) first = on;
  return first;
}

void guardian_in_time(const Context& cx, const records::Case& c, const doc::Node& minor) {
  auto appointed = records::date(minor, "guardian.appointed");
  if (!appointed) return;
  const doc::Location& at = records::where(minor, "guardian.appointed");
  if (auto first = first_assessment(c); first && *appointed > *first)
    cx.report(at, "minor-guardian-late",
              fmt::format("the guardian was appointed on {}, after the child's first assessment ({})",
                          appointed->str(), first->str()),
              "A child is assessed with a guardian: check the dates (care-intake minor --guardian-appointed), or "
              "record the assessment again with the guardian.");
  auto agreed = records::usable(c.plan) ? records::date(c.plan->root, "agreement.date") : std::nullopt;
  if (agreed && *appointed > *agreed)
    cx.report(at, "minor-guardian-late",
              fmt::format("the guardian was appointed on {}, after the plan was agreed ({})", appointed->str(),
                          agreed->str()),
              "The guardian agrees the plan with the child: check the dates (care-intake minor --guardian-appointed, "
              "care-plan agree).");
}

void views_before_bid(const Context& cx, const doc::Node& minor) {
  std::string outcome = records::text(minor, "bid.outcome");
  auto decided = records::date(minor, "bid.decided");
  if (outcome.empty() || outcome == "pending" || !decided) return;
  auto heard = records::date(minor, "views.heard");
  if (!heard)
    cx.report(records::where(minor, "bid.decided"), "minor-views",
              "the best interests determination was decided without the child's views on record",
              "Record what the child said, when and by whom (care-intake minor --views-heard ...), before the decision.");
  else if (*heard > *decided)
    cx.report(records::where(minor, "views.heard"), "minor-views",
              fmt::format("the child's views were heard on {}, after the best interests determination ({})",
                          heard->str(), decided->str()),
              "The panel decides on the child's views: check the dates.");
}

// The determination, decided by a panel in favour of return, before the coordination.
void bid(const Context& cx, const doc::Node& minor, const doc::Location& at) {
  if (records::text(minor, "bid.outcome") != "return_in_best_interest")
    cx.report(at, "minor-return-bid", "a minor returned without a best interests determination in favour of return",
              "Record the panel's decision (care-intake minor --bid-outcome return_in_best_interest --bid-decided "
              "DATE --bid-panel), or the return cannot go ahead.");
  else if (records::flag(minor, "bid.panel") != true)
    cx.report(records::where(minor, "bid"), "minor-return-bid",
              "the best interests determination was not made by a panel",
              "A multidisciplinary panel decides on a child's return: record it with care-intake minor --bid-panel "
              "once it has.");
  auto decided = records::date(minor, "bid.decided");
  auto coordinated = records::date(minor, "coordination.date");
  if (decided && coordinated && *decided > *coordinated)
    cx.report(records::where(minor, "bid.decided"), "minor-return-bid",
              fmt::format("the best interests determination ({}) came after the return was coordinated ({})",
                          decided->str(), coordinated->str()),
              "The return is coordinated once the panel has decided: check the dates (care-intake minor "
              "--bid-decided, --coordinated).");
}

void coordination(const Context& cx, const doc::Node& minor, const Date& departure, const doc::Location& at) {
  auto coordinated = records::date(minor, "coordination.date");
  int lead = cx.config().minor_coordination_days;
  if (!coordinated) {
    cx.report(at, "minor-return-coordination", "a minor's return was not coordinated with both countries",
              "Record the coordination with both countries (care-intake minor --coordinated DATE --host-party "
              "ORG --return-party ORG).");
    return;
  }
  const doc::Location& when = records::where(minor, "coordination.date");
  if (*coordinated > departure)
    cx.report(when, "minor-return-coordination",
              fmt::format("the return was coordinated on {}, after departure ({})", coordinated->str(), departure.str()),
              "Coordination comes before departure: check the dates (care-intake minor --coordinated, care-plan "
              "return --depart).");
  else if (departure.days_since_epoch() - coordinated->days_since_epoch() < lead)
    cx.report(when, "minor-return-coordination",
              fmt::format("the return was coordinated on {}, less than {} days before departure ({})",
                          coordinated->str(), lead, departure.str()),
              "A child's return is coordinated well ahead ([minors] coordination_days in care.toml): move the "
              "departure (care-plan return --depart).");
  for (const char* side : {"host_country_parties", "return_country_parties"})
    if (records::list(minor, fmt::format("coordination.{}", side)).empty())
      cx.report(records::where(minor, "coordination"), "minor-return-coordination",
                fmt::format("the coordination names no {} parties", std::string_view(side).starts_with("host")
                                                                          ? "host-country" : "return-country"),
                "Name who took part in each country, as roles or organisations (care-intake minor --host-party, "
                "--return-party).");
}

// Why the family cannot receive the child, or nothing when it can.
std::vector<std::string> family_gaps(const records::Case& c, const doc::Node& minor, const Date& departure) {
  std::vector<std::string> gaps;
  std::string tracing = records::text(minor, "family_tracing.status");
  if (tracing.empty()) gaps.push_back("family tracing is not recorded");
  else if (tracing != "found") gaps.push_back(fmt::format("family tracing is {}", util::words(tracing)));
  auto assessed = records::date(minor, "family_assessment.date");
  if (!assessed) gaps.push_back("the family was not assessed");
  else if (*assessed >= departure) gaps.push_back(fmt::format("the family was assessed on {}, not before departure", assessed->str()));
  if (assessed) {
    if (records::flag(minor, "family_assessment.willing_and_able") != true)
      gaps.push_back("the family was not found willing and able");
    if (records::flag(minor, "family_assessment.implicated_in_trafficking") != false)
      gaps.push_back("the family is not found free of any part in the trafficking");
    if (records::text(minor, "family_assessment.outcome") != "reunification_possible")
      gaps.push_back("the family assessment did not find reunification possible");
  }
  if (records::flag(minor, "reunification.confirmed") == false) gaps.push_back("reunification was not confirmed");
  const Record* latest = records::latest_assessment(c, departure);
  for (const auto& f : latest ? records::list(latest->root, "risk_factors") : std::vector<doc::Node>{})
    if (records::text(f, "factor") == "family_involvement" && records::text(f, "level") == "high")
      gaps.push_back("the latest assessment rates the family's involvement in the trafficking high");
  return gaps;
}

std::vector<std::string> organisation_gaps(const records::Case& c, const doc::Node& minor, const Date& departure) {
  if (!records::field(minor, "receiving_organisation")) return {"no receiving organisation is named"};
  std::vector<std::string> gaps;
  std::string country = records::text(minor, "receiving_organisation.country");
  std::string return_country = records::text(c.main->root, "return_country");
  if (country != return_country)
    gaps.push_back(fmt::format("the receiving organisation is in {}, not in the country of return ({})", country,
                               return_country));
  auto confirmed = records::date(minor, "receiving_organisation.confirmed");
  if (!confirmed) gaps.push_back("the receiving organisation has not confirmed");
  else if (*confirmed > departure)
    gaps.push_back(fmt::format("the receiving organisation confirmed on {}, after departure", confirmed->str()));
  return gaps;
}

void reception(const Context& cx, const records::Case& c, const doc::Node& minor, const Date& departure,
               const doc::Location& at) {
  auto family = family_gaps(c, minor, departure);
  auto organisation = organisation_gaps(c, minor, departure);
  if (family.empty() || organisation.empty()) return;
  cx.report(at, "minor-return-reception",
            fmt::format("a minor returned with no one safe to receive the child: {}; and {}", fmt::join(family, ", "),
                        fmt::join(organisation, ", ")),
            "Either an assessed family (found, willing and able, not implicated, reunification possible) or a care "
            "organisation in the country of return that confirmed before departure (care-intake minor --tracing, "
            "--family-assessed, --family-willing, --family-implicated, --family-outcome; or --receiving-organisation, "
            "--receiving-country, --receiving-confirmed).");
}

// The escort agreed in minor.yaml, and with a journey, the one who travelled.
void escort(const Context& cx, const doc::Node& minor, const Record* journey, const Date& departure,
            const doc::Location& at) {
  std::string agreed_by = records::text(minor, "escort.by");
  const doc::Location& escort_at = journey ? records::where(journey->root, "escort") : at;
  if (!escorted(agreed_by))
    cx.report(escort_at, "minor-return-escort", "no escort for the whole journey was agreed in minor.yaml",
              "Agree the escort (the guardian, or program staff) with care-intake minor --escort.");
  else if (std::string travelled_by = journey ? records::text(journey->root, "escort.by") : agreed_by;
           travelled_by != agreed_by)
    cx.report(records::where(journey->root, "escort.by"), "minor-return-escort",
              fmt::format("the child travelled {}, but the escort agreed was {}",
                          escorted(travelled_by) ? "with " + util::words(travelled_by) : "without an escort",
                          util::words(agreed_by)),
              "The escort agreed goes the whole way; correct the one that is wrong (care-plan return --escort, or "
              "care-intake minor --escort).");
  auto agreed = records::date(minor, "escort.agreed");
  if (escorted(agreed_by) && (!agreed || *agreed > departure))
    cx.report(records::where(minor, "escort"), "minor-return-escort",
              agreed ? fmt::format("the escort was agreed on {}, after departure ({})", agreed->str(), departure.str())
                     : std::string("the day the escort was agreed is not recorded"),
              "The escort is agreed before departure (care-intake minor --escort-agreed).");
}

void follow_up(const Context& cx, const doc::Node& minor, const Date& departure, const doc::Location& at) {
  if (!records::field(minor, "care_arrangement"))
    cx.report(at, "minor-return-care", "where and with whom the child lives on arrival is not recorded",
              "Record the care arrangement (care-intake minor --lives-with).");
  auto agreed = records::date(minor, "follow_up.agreed");
  if (!agreed)
    cx.report(at, "minor-return-follow-up",
              "no child-protection service in the country of return takes over the follow-up",
              "Record the service and the day it agreed (care-intake minor --follow-up-organisation, --follow-up-agreed).");
  else if (*agreed > departure)
    cx.report(records::where(minor, "follow_up.agreed"), "minor-return-follow-up",
              fmt::format("the follow-up was agreed on {}, after departure ({})", agreed->str(), departure.str()),
              "The follow-up is arranged before the child leaves.");
}

// Every condition of a minor's return, for a departure on `departure`: with
// the journey when the child has left, without it (as if the child left that
// day) for the list of what is still missing.
void return_conditions(const Context& cx, const records::Case& c, const doc::Node& minor, const Record* journey,
                       const Date& departure, const doc::Location& at) {
  bid(cx, minor, at);
  coordination(cx, minor, departure, at);
  reception(cx, c, minor, departure, at);
  escort(cx, minor, journey, departure, at);
  follow_up(cx, minor, departure, at);
}

// A young person who turned 18 before departure: said, and the safeguards
// still hold unless a transition to adulthood is recorded with its reason.
void came_of_age(const Context& cx, const records::Case& c, const Record& journey, const Date& departure) {
  if (records::is_minor_on(c, departure)) return;
  auto birth = records::date(c.main->root, "date_of_birth");
  if (!birth || (c.minor && records::field(c.minor->root, "transition.date"))) return;
  cx.report(records::where(journey.root, "departure"), "minor-turns-18",
            fmt::format("the person turned 18 on {}, before departure ({}): the safeguards for children still apply",
                        birth->add_months(18 * 12).str(), departure.str()),
            "If they no longer should, record the transition with its reason (care-intake minor --transition-date, --transition-reason).",
            diag::Severity::Warning);
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
  guardian_in_time(cx, c, minor);
  views_before_bid(cx, minor);
  auto agreed = records::usable(c.plan) ? records::date(c.plan->root, "agreement.date") : std::nullopt;
  if (agreed && records::child_safeguards_apply(c, *agreed) && records::flag(c.plan->root, "agreement.guardian") != true)
    cx.report(records::where(c.plan->root, "agreement"), "minor-agreement",
              "a minor's plan was agreed without the guardian",
              fmt::format("Record the guardian's agreement as well (care-plan agree {} --guardian).", c.id));
  auto departure = records::usable(c.journey) ? records::date(c.journey->root, "departure") : std::nullopt;
  if (!departure) return;
  came_of_age(cx, c, *c.journey, *departure);
  if (records::child_safeguards_apply(c, *departure))
    return_conditions(cx, c, minor, &*c.journey, *departure, records::where(c.journey->root, "departure"));
}

std::vector<std::string> unmet_return_conditions(const records::Folder& folder, const records::Case& c,
                                                 const Date& on) {
  if (!records::usable(c.minor)) return {};
  diag::Diagnostics found;
  Context cx{folder, on, found};
  return_conditions(cx, c, c.minor->root, nullptr, on, records::where(c.minor->root, "bid"));
  // Named as a coordinator would tick them off; each once, in the rule's order.
  const std::vector<std::pair<std::string, std::string>> names = {
      {"rule.minor-return-bid", "best interests determination"},
      {"rule.minor-return-coordination", "coordination with both countries"},
      {"rule.minor-return-reception", "someone safe to receive the child"},
      {"rule.minor-return-escort", "escort"},
      {"rule.minor-return-care", "care arrangement"},
      {"rule.minor-return-follow-up", "child-protection follow-up"}};
  std::vector<std::string> unmet;
  for (const auto& [code, name] : names)
    for (const auto& d : found)
      if (d.code == code) {
        unmet.push_back(name);
        break;
      }
  return unmet;
}

}  // namespace care::rules
