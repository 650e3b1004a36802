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
  cx.report(records::where(r.root, field), "consent",
            fmt::format("{} on {} without consent to {} in force", what, on->str(), purpose),
            fmt::format("Record the consent (care-intake consent {} --grant {}) with the date it was given.", c.id,
                        purpose));
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
  if (records::is_minor_case(c) && records::usable(c.plan) && !records::consent_given_by(c, "assistance", "guardian"))
    cx.report(records::where(main.root, "consents"), "consent",
              "a minor's consent to assistance needs the guardian's consent too",
              "Record the guardian's consent (given_by: guardian).");
}

}  // namespace care::rules
