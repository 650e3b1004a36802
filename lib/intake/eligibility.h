// Eligibility at registration, against care.toml: non-EU nationality and
// country of return, a host country of the program, and a referral inside
// the program's dates. Capacity is not a criterion: a referral that finds
// the program full is eligible and waits for a place (at_capacity).
#pragma once

#include <string>
#include <vector>

#include "doc/node.h"
#include "records/store.h"

namespace care::intake {

// The reasons a referral (a case record being registered) is not eligible;
// empty when it is.
std::vector<std::string> ineligibility(const doc::Node& referral, const records::Folder& folder);

// True when the cases registered as eligible have reached the program's
// capacity to assess (targets.assessed): a new eligible referral waits.
bool at_capacity(const records::Folder& folder);

}  // namespace care::intake
