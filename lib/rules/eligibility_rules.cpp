// The program serves non-EU nationals returning to a non-EU country from one
// of its host countries, referred while it runs. A referral that does not fit
// is kept only as a closed, ineligible case, for the statistics.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

constexpr std::string_view kIneligibleHint =
    "If the person is not eligible, set eligibility.status: ineligible with a reason and close the case.";

void country_outside_eu(const Context& cx, const Record& main, std::string_view key, std::string_view what) {
  std::string code = records::text(main.root, key);
  if (code.empty() || !cx.config().is_eu(code)) return;
  cx.report(records::where(main.root, key), "eligibility",
            fmt::format("{} {} is an EU country, but the program serves non-EU {}", key, code, what),
            std::string(kIneligibleHint));
}

void eligible_facts(const Context& cx, const Record& main) {
  const auto& cfg = cx.config();
  country_outside_eu(cx, main, "nationality", "nationals");
  country_outside_eu(cx, main, "return_country", "countries of return");
  std::string host = records::text(main.root, "host_country");
  if (!host.empty() && !cfg.is_host(host))
    cx.report(records::where(main.root, "host_country"), "eligibility",
              fmt::format("host country {} is not one of the program's host countries", host),
              "Check the code against program.host_countries in care.toml.");
  auto referred = records::date(main.root, "referral.date");
  if (referred && (*referred < cfg.start || *referred > cfg.end))
    cx.report(records::where(main.root, "referral.date"), "eligibility",
              fmt::format("referral on {} is outside the program ({} to {})", referred->str(), cfg.start.str(),
                          cfg.end.str()),
              std::string(kIneligibleHint));
}

void ineligible_case_is_closed(const Context& cx, const records::Case& c) {
  bool closed_as_ineligible =
      c.closure && records::text(c.closure->root, "reason") == "ineligible_at_referral";
  if (!closed_as_ineligible)
    cx.report(records::where(c.main->root, "eligibility.status"), "ineligible-open",
              "an ineligible referral must be closed with reason ineligible_at_referral",
              "Add closure.yaml with reason: ineligible_at_referral and the date of the decision.");
  for (const auto* r : {&c.minor, &c.plan, &c.journey, &c.monitoring_plan})
    if (*r)
      cx.report_file(**r, "ineligible-assisted", "an ineligible case has assistance records",
                     "Either the person is eligible (correct eligibility.status) or this record does not belong here.");
  for (const auto& a : c.assessments)
    cx.report_file(a, "ineligible-assisted", "an ineligible case has an assessment",
                   "Either the person is eligible (correct eligibility.status) or this record does not belong here.");
}

}  // namespace

void check_eligibility(const Context& cx, const records::Case& c) {
  const Record& main = *c.main;
  std::string office = records::text(main.root, "office");
  if (!office.empty() && c.id.substr(0, 2) != office)
    cx.report(records::where(main.root, "office"), "office",
              fmt::format("office {} does not match the case ID {}", office, c.id),
              "The ID starts with the office that registered the case; correct one of them.");
  if (records::is_ineligible(c)) return ineligible_case_is_closed(cx, c);
  eligible_facts(cx, main);
  if (records::usable(c.closure) && records::text(c.closure->root, "reason") == "ineligible_at_referral")
    cx.report(records::where(c.closure->root, "reason"), "ineligible-open",
              "closed as ineligible, but the case says it is eligible",
              "Set eligibility.status: ineligible with a reason in case.yaml, or choose another closure reason.");
}

}  // namespace care::rules
