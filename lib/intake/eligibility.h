// Eligibility at registration, against care.toml: non-EU nationality and
// country of return, a host country of the program, a referral inside the
// program's dates, and room left in its capacity.
#pragma once

#include <string>
#include <vector>

#include "doc/node.h"
#include "records/store.h"

namespace care::intake {

// The reasons a referral (a case record being registered) is not eligible;
// empty when it is.
std::vector<std::string> ineligibility(const doc::Node& referral, const records::Folder& folder);

}  // namespace care::intake
