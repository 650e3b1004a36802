#include "intake/eligibility.h"

#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"

namespace care::intake {
namespace {

// Cases registered as eligible count against the program's capacity to
// assess (targets.assessed).
int eligible_cases(const records::Folder& folder) {
  int n = 0;
  for (const auto& [id, c] : folder.cases) n += c.main && !records::is_ineligible(c);
  return n;
}

}  // namespace

std::vector<std::string> ineligibility(const doc::Node& referral, const records::Folder& folder) {
  const auto& cfg = folder.config;
  std::vector<std::string> reasons;
  std::string nationality = records::text(referral, "nationality");
  std::string destination = records::text(referral, "return_country");
  std::string host = records::text(referral, "host_country");
  if (cfg.is_eu(nationality)) reasons.push_back(fmt::format("nationality {} is an EU country", nationality));
  if (cfg.is_eu(destination)) reasons.push_back(fmt::format("country of return {} is an EU country", destination));
  if (!host.empty() && !cfg.is_host(host)) reasons.push_back(fmt::format("host country {} is not in the program", host));
  auto referred = records::date(referral, "referral.date");
  if (referred && (*referred < cfg.start || *referred > cfg.end))
    reasons.push_back(fmt::format("referral on {} is outside the program ({} to {})", referred->str(),
                                  cfg.start.str(), cfg.end.str()));
  return reasons;
}

bool at_capacity(const records::Folder& folder) { return eligible_cases(folder) >= folder.config.target_assessed; }

}  // namespace care::intake
