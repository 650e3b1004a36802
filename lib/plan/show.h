// The plan as a coordinator reads it: planned, delivered and remaining
// amounts per item and in total; and the same as versioned JSON for scripts.
#pragma once

#include <string>

#include "records/store.h"

namespace care::plan {

std::string show_text(const records::Case& c, const folder::Config& config);
std::string show_json(const records::Case& c, const folder::Config& config);

}  // namespace care::plan
