// The period report's tables of persons: referrals, the key populations,
// post-arrival and reintegration help, minors, protection, closures, targets.
#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"
#include "report/period_build.h"

namespace care::report::period_detail {
namespace {

using records::Case;

// Each delivery of a plan: its item's phase and type, and its day.
struct Delivery {
  std::string phase, type;
  std::optional<util::Date> on;
};

std::vector<Delivery> deliveries_of(const Case& c) {
  std::vector<Delivery> out;
  if (!c.plan) return out;
  for (const auto& item : records::list(c.plan->root, "items"))
    for (const auto& d : records::list(item, "deliveries"))
      out.push_back({records::text(item, "phase"), records::text(item, "type"), records::date(d, "date")});
  return out;
}

bool assessed_in(const Builder& b, const Case& c) {
  for (const auto& a : c.assessments)
    if (b.inside(records::date(a.root, "date"))) return true;
  return false;
}

std::optional<util::Date> agreed(const Case& c) {
  return c.plan ? records::date(c.plan->root, "agreement.date") : std::nullopt;
}

// Eligibility as it stood at the end of the period: a decision recorded as
// checked after it was not yet taken then.
std::string eligibility_at_end(const Builder& b, const Case& c) {
  std::string status = records::text(c.main->root, "eligibility.status");
  auto checked = records::date(c.main->root, "eligibility.checked");
  if (status.empty() || (checked && *checked > b.in.to)) return "no decision yet";
  if (status == "ineligible") return "ineligible";
  return records::flag(c.main->root, "eligibility.waiting") == true ? "eligible, waiting for a place" : "eligible";
}

const std::vector<std::string>& organisation_kinds() {
  static const std::vector<std::string> kinds = {"ngo",        "shelter",     "service_provider", "law_enforcement",
                                                 "government", "avr_operator", "self",            "other"};
  return kinds;
}

const std::vector<std::string>& closure_reasons() {
  static const std::vector<std::string> reasons = {
      "completed",     "no_longer_eligible", "chose_to_stop", "moved_or_migrated", "lost_contact",
      "died",          "security_or_funding", "did_not_return", "referred", "re_trafficked",
      "return_not_in_best_interest"};
  return reasons;
}

std::string escort_of(const Case& c) {
  std::string by = c.journey ? records::text(c.journey->root, "escort.by") : "";
  if (by.empty() && c.minor) by = records::text(c.minor->root, "escort.by");
  return by;
}

// A minor returned to the family: reunification confirmed, or the family
// assessment found it possible.
bool to_family(const Case& c) {
  return c.minor && (records::flag(c.minor->root, "reunification.confirmed") == true ||
                     records::text(c.minor->root, "family_assessment.outcome") == "reunification_possible");
}

}  // namespace

People key_populations(const Builder& b) {
  People p;
  for (const Case* c : b.cases()) {
    std::string col = b.column(*c);
    if (b.inside(records::referral_date(*c))) p.add("referred", *c, col);
    if (assessed_in(b, *c)) p.add("assessed", *c, col);
    if (b.inside(agreed(*c))) p.add("plan agreed", *c, col);
    if (b.inside(records::arrival_date(*c))) p.add("returned", *c, col);
    for (const auto& d : deliveries_of(*c))
      if (b.inside(d.on)) p.add("assisted", *c, col);
    if (b.inside(completed_monitoring(*c, b.in.to))) p.add("completed 12 months of monitoring", *c, col);
  }
  return p;
}

Table persons_table(const Builder& b, const People& key) {
  return b.table(key.tally(), "persons", "Persons in the period (each counted once per row)", "persons",
                 key_rows(), false);
}

std::vector<Table> referral_tables(const Builder& b) {
  People outcome, kind;
  for (const Case* c : b.cases()) {
    if (!b.inside(records::referral_date(*c))) continue;
    outcome.add(eligibility_at_end(b, *c), *c, b.column(*c));
    std::string k = records::text(c->main->root, "referral.organisation_kind");
    kind.add(k.empty() ? "unknown" : k, *c, b.column(*c));
  }
  return {b.table(outcome.tally(), "referrals", "Referrals received (persons), by eligibility at the end of the period",
                  "referrals", {"eligible", "eligible, waiting for a place", "no decision yet", "ineligible"}, true),
          b.table(kind.tally(), "referrals_by_organisation",
                  "Referrals received (persons), by kind of referring organisation", "organisation kind",
                  organisation_kinds(), true)};
}

// Post-arrival help is asked for in the plan and given after the return;
// reintegration assistance follows. A person is counted once per type.
std::vector<Table> assistance_person_tables(const Builder& b) {
  People post, reint;
  const std::string asked = "asked for post-arrival help (returned in the period)";
  const std::string any_post = "received post-arrival help (any type)";
  const std::string any_reint = "received reintegration assistance (any type)";
  for (const Case* c : b.cases()) {
    std::string col = b.column(*c);
    if (b.inside(records::arrival_date(*c)) && c->plan &&
        records::flag(c->plan->root, "post_arrival_requested") == true)
      post.add(asked, *c, col);
    for (const auto& d : deliveries_of(*c)) {
      if (!b.inside(d.on)) continue;
      if (d.phase == "post_arrival") {
        post.add(any_post, *c, col);
        post.add(d.type, *c, col);
      } else if (d.phase == "reintegration") {
        reint.add(any_reint, *c, col);
        reint.add(d.type, *c, col);
      }
    }
  }
  return {b.table(post.tally(), "post_arrival", "Post-arrival help (persons; by type of item delivered)", "persons",
                  {asked, any_post}, false),
          b.table(reint.tally(), "reintegration", "Reintegration assistance (persons; by type of item delivered)",
                  "persons", {any_reint}, false)};
}

Table minors_table(const Builder& b) {
  People p;
  for (const Case* c : b.cases()) {
    if (!records::is_minor_case(*c)) continue;
    std::string col = b.column(*c);
    if (b.inside(records::referral_date(*c))) p.add("minors referred", *c, col);
    if (b.inside(agreed(*c))) p.add("minors with a plan agreed", *c, col);
    if (c->minor && b.inside(records::date(c->minor->root, "bid.decided")))
      p.add("best interests determinations completed", *c, col);
    if (!b.inside(records::arrival_date(*c))) continue;
    p.add("minors returned", *c, col);
    if (to_family(*c)) p.add("returned to family", *c, col);
    else if (c->minor && records::field(c->minor->root, "receiving_organisation.confirmed"))
      p.add("returned to a care organisation", *c, col);
    std::string escort = escort_of(*c);
    if (escort == "guardian") p.add("escorted by the guardian", *c, col);
    if (escort == "program_staff") p.add("escorted by staff", *c, col);
    if (c->minor && b.by_end(records::date(c->minor->root, "follow_up.agreed")))
      p.add("with child-protection follow-up arranged", *c, col);
  }
  return b.table(p.tally(), "minors", "Minors (persons; minor at referral)", "minors",
                 {"minors referred", "minors with a plan agreed", "best interests determinations completed",
                  "minors returned", "returned to family", "returned to a care organisation",
                  "escorted by the guardian", "escorted by staff", "with child-protection follow-up arranged"},
                 false);
}

Table protection_table(const Builder& b) {
  People p;
  for (const Case* c : b.cases()) {
    std::string col = b.column(*c);
    if (b.inside(records::arrival_date(*c)) && records::high_risk_return(*c)) {
      p.add("returned at high risk", *c, col);
      auto departure = records::date(c->journey->root, "departure");
      for (const auto& review : c->plan ? records::list(c->plan->root, "risk_reviews") : std::vector<doc::Node>{})
        if (departure && records::date(review, "date") && *records::date(review, "date") <= *departure)
          p.add("of whom reviewed before departure", *c, col);
    }
    for (const auto& contact : c->contacts)
      for (const auto& flag : records::list(contact.root, "flags")) {
        if (b.inside(records::date(contact.root, "date"))) p.add("with a flag raised", *c, col);
        if (b.inside(records::date(flag, "cleared.date"))) p.add("with a flag cleared", *c, col);
      }
    if (c->closure && b.inside(records::date(c->closure->root, "date")) &&
        records::text(c->closure->root, "reason") == "re_trafficked")
      p.add("known re-trafficked (closed as re_trafficked)", *c, col);
  }
  return b.table(p.tally(), "protection", "Protection (persons)", "persons",
                 {"returned at high risk", "of whom reviewed before departure", "with a flag raised",
                  "with a flag cleared", "known re-trafficked (closed as re_trafficked)"},
                 false);
}

std::vector<Table> closure_tables(const Builder& b) {
  People closed, ineligible;
  for (const Case* c : b.cases()) {
    if (!c->closure || !b.inside(records::date(c->closure->root, "date"))) continue;
    std::string reason = records::text(c->closure->root, "reason");
    if (reason == "ineligible_at_referral") ineligible.add("referrals closed as ineligible", *c, b.column(*c));
    else closed.add(reason.empty() ? "unknown" : reason, *c, b.column(*c));
  }
  return {b.table(closed.tally(), "closures", "Cases closed (persons), by reason", "reason", closure_reasons(), true),
          b.table(ineligible.tally(), "closures_ineligible", "Ineligible referrals closed (persons), apart",
                  "closures", {"referrals closed as ineligible"}, false)};
}

// From the program's start to the end of the period, against care.toml's
// [targets]: not broken down, and only the achieved count is suppressed.
Table targets_table(const Builder& b) {
  const auto& cfg = b.in.folder.config;
  PeriodInput whole{b.in.folder, cfg.start, b.in.to, {}, b.in.audience};
  Builder since{whole, b.min_cell, {}};
  int assessed = 0, assisted = 0, minors = 0;
  for (const Case* c : since.cases()) {
    assessed += assessed_in(since, *c);
    bool plan = since.inside(agreed(*c));
    assisted += plan;
    minors += plan && records::is_minor_case(*c);
  }
  Table t{"targets", fmt::format("Progress against targets, {} to {}", cfg.start.str(), b.in.to.str()),
          {"persons", "since the start", "target", "share of target"}, {}, Chart{{0}}, false, {}};
  auto row = [&](std::string label, int done, int target) {
    std::string share = target > 0 ? fmt::format("{}%", done * 100 / target) : "";
    t.rows.push_back({std::move(label),
                      {Value::of_count(done), Value::of_text(target > 0 ? std::to_string(target) : "none"),
                       Value::of_text(share)},
                      false});
  };
  row("assessed", assessed, cfg.target_assessed);
  row("assisted (plan agreed)", assisted, cfg.target_assisted);
  row("minors assisted (plan agreed)", minors, cfg.target_minors);
  if (b.in.suppress()) suppress_table(t, b.min_cell, false);
  return t;
}

}  // namespace care::report::period_detail
