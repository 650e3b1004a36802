// The "format" keyword: which formats are checked, and what to tell a person
// whose value does not fit. Internal to lib/schema.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace care::schema::format {

struct Problem {
  std::string complaint;  // follows the quoted value: "is not a real calendar date"
  std::string hint;
};

// The problem with text as format, or nullopt when it fits. Formats this
// module does not know always fit, as draft-07 allows.
std::optional<Problem> check(std::string_view format, std::string_view text);

}  // namespace care::schema::format
