// Nothing is done without the consent it needs, in force on the day it was
// done: processing from referral, assistance for the plan and the return,
// monitoring for contacts, sharing for contacts through a partner.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

void needs(const Context& cx, const records::Case& c, std::string_view purpose, const Record& r,
           std::string_view field, std::string_view what) {
  auto on = records::date(r.root, field);
  if (!on || records::consent_in_force(c, purpose, *on)) return;
  // A child's own consent in force: what is missing is the guardian's.
  bool guardian = records::child_safeguards_apply(c, *on) && records::consent_in_force_by(c, purpose, "person", *on);
  cx.report(records::where(r.root, field), "consent",
            fmt::format("{} on {} without {}consent to {} in force", what, on->str(), guardian ? "the guardian's " : "",
                        purpose),
            field == "referral.date"
                // At registration the case does not exist yet: say how `new` takes it.
                ? fmt::format("Give it when registering (care-intake new --consent {}{}), or record it with the "
                              "date it was given (care-intake consent {} --grant {}{}).",
                              purpose, guardian ? " --consent-by both" : "", c.id, purpose,
                              guardian ? " --by guardian" : "")
                : fmt::format("Record the consent (care-intake consent {} --grant {}{}) with the date it was given.",
                              c.id, purpose, guardian ? " --by guardian" : ""));
}

void not_before_referral(const Context& cx, const records::Case& c) {
  auto referred = records::referral_date(c);
  for (const auto& entry : records::list(c.main->root, "consents"))
    if (auto on = records::date(entry, "date"); on && referred && *on < *referred)
      cx.report(records::where(entry, "date"), "consent-date",
                fmt::format("consent dated {}, before the referral ({})", on->str(), referred->str()),
                "Consent is given once the person is referred: check the date.");
}

// Help after arrival and reintegration are given in the country of return:
// a provider named for them is there.
bool plans_with_providers_there(const doc::Node& plan) {
  for (const auto& item : records::list(plan, "items")) {
    std::string phase = records::text(item, "phase");
    if ((phase == "post_arrival" || phase == "reintegration") && !records::text(item, "provider").empty()) return true;
  }
  return false;
}

// Sharing with the country of return comes before anyone there is involved:
// tracing the family, coordinating a child's return, planning with providers.
void sharing_with_return_country(const Context& cx, const records::Case& c) {
  auto needs_sharing = [&](const Record& r, std::string_view field, std::string_view what) {
    needs(cx, c, "sharing_return_country", r, field, what);
  };
  if (records::usable(c.minor)) {
    std::string tracing = records::text(c.minor->root, "family_tracing.status");
    if (!tracing.empty() && tracing != "not_started")
      needs_sharing(*c.minor, "family_tracing.date", "family tracing was under way");
    needs_sharing(*c.minor, "coordination.date", "the return was coordinated with the country of return");
  }
  if (records::usable(c.plan) && plans_with_providers_there(c.plan->root))
    needs_sharing(*c.plan, "drafted", "the plan was drafted with service providers in the country of return");
}

}  // namespace

void check_consent(const Context& cx, const records::Case& c) {
  if (records::is_ineligible(c)) return;
  const Record& main = *c.main;
  needs(cx, c, "data_processing", main, "referral.date", "the referral was recorded");
  for (const auto& a : c.assessments)
    if (a.valid) needs(cx, c, "data_processing", a, "date", "an assessment was recorded");
  if (records::usable(c.plan)) needs(cx, c, "assistance", *c.plan, "agreement.date", "the plan was agreed");
  if (records::usable(c.journey)) needs(cx, c, "assistance", *c.journey, "departure", "the return took place");
  for (const auto& contact : c.contacts) {
    if (!contact.valid) continue;
    needs(cx, c, "monitoring_contacts", contact, "date", "a monitoring contact took place");
    if (records::text(contact.root, "mode") == "partner")
      needs(cx, c, "sharing_return_country", contact, "date", "a contact through a partner took place");
  }
  not_before_referral(cx, c);
  sharing_with_return_country(cx, c);
}

}  // namespace care::rules
