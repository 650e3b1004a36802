// URI references as JSON Schema uses them: "$id" and "$ref" values are
// resolved against a base URI (RFC 3986, section 5), and fragments are JSON
// pointers or plain names. Internal to lib/schema.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::schema::uri {

// ref resolved against base. Works for relative bases too ("a/b.json"), so
// that schemas registered under file names can refer to each other.
std::string resolve(std::string_view base, std::string_view ref);

// The URI without its fragment, and the fragment without its '#'.
struct Split {
  std::string document;
  std::string fragment;
};
Split split_fragment(std::string_view uri);

// %XX escapes decoded; malformed escapes are kept as written.
std::string percent_decode(std::string_view text);

// The reference tokens of a JSON pointer ("/a~1b/0" gives "a/b", "0"), or
// nullopt when text is neither empty nor starts with '/'.
std::optional<std::vector<std::string>> pointer_tokens(std::string_view text);

// key escaped as one JSON pointer token ("~" as "~0", "/" as "~1").
std::string pointer_escape(std::string_view key);

}  // namespace care::schema::uri
