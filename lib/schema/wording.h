// How the validator talks about fields, values and types to a coordinator
// who has never heard of JSON Schema. Internal to lib/schema, but for the
// shape of paths, which records/field_path reads back.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"

namespace care::schema::wording {

// Paths name a value by how one reaches it: "referral.date", "items[2].amount".
// The empty path is the whole document. A key made only of these characters
// is written bare, any other in brackets and quotes (["a key"]);
// records/field_path reads paths back by the same test.
bool is_plain_key_char(char c);
std::string child_path(std::string_view path, std::string_view key);
std::string item_path(std::string_view path, std::size_t index);

// The path as the start of a message ("referral.date" or "the top level").
std::string subject(std::string_view path);
// " in referral", or "" for the top level.
std::string in_place(std::string_view path);
// "to referral", or "at the top level of the file".
std::string to_place(std::string_view path);

// A value as quoted in a message: strings in double quotes, numbers as
// written, long values shortened.
std::string show(const doc::Node& value);
// A value offered as a choice: like show(), but strings without quotes.
std::string show_choice(const doc::Node& value);
// Choices joined with ", ".
std::string show_choices(const std::vector<const doc::Node*>& choices);

// "1 entry", "3 entries".
std::string count(std::size_t n, std::string_view one, std::string_view many);

// The candidate a person most likely meant when writing word, if one is
// close enough (a typo, a transposition, a different case).
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// A JSON Schema type name as a person says it: "integer" gives "an integer".
std::string type_name(std::string_view json_type);
// "a string or null"; "a, b or c".
std::string join_or(const std::vector<std::string>& phrases);
// "a and b"; "a, b and c".
std::string join_and(const std::vector<std::string>& phrases);
// What was found instead, e.g. "a string", or "2.5" where a whole number was due.
std::string found(const doc::Node& value, const std::vector<std::string>& expected_types);
// One sentence on turning value into one of the expected types.
std::string type_hint(const std::vector<std::string>& expected_types, const doc::Node& value);

}  // namespace care::schema::wording
