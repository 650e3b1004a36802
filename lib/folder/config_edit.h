// Changing a few settings of care.toml in place, line by line, so that the
// person's comments and layout stay: the [identity] settings that
// care-intake keys and care-intake encrypt own. The result is always read
// back with parse_config before it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::folder {

// `text` with `key = value` set in table `table` ("identity",
// "identity.recipients"): the key's line replaced when it is there on one
// line, else added below the table's header; the table added at the end
// when there is none. nullopt, with the reason, when the key spans
// several lines (a multi-line array), which this editor does not rewrite.
std::optional<std::string> set_setting(const std::string& text, std::string_view table, std::string_view key,
                                       std::string_view value, std::string& error);

// A TOML array of strings on one line: ["a", "b"].
std::string toml_strings(const std::vector<std::string>& values);

}  // namespace care::folder
