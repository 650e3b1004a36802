// What erasing a case leaves: the pseudonymous facts statistics need, and
// nothing a person wrote about the beneficiary in their own words.
#pragma once

#include "doc/node.h"
#include "records/kind.h"

namespace care::intake {

// The word every free-text value of an erased case becomes.
inline constexpr std::string_view kErased = "erased";

// Blanks, in place, every free-text value of a record of this kind that
// could identify the person: notes at any depth, every string of an x-
// extension field, places below the country,
// descriptions, views, reasons typed by staff, safety-plan details. Codes,
// dates, amounts and enumerations stay. True when anything changed.
bool blank_free_text(records::Kind kind, doc::Node& record);

}  // namespace care::intake
