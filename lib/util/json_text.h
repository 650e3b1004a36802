// Writing JSON text by hand: small enough not to need a library, and exact
// about escaping so that machine output is byte-stable.
#pragma once

#include <string>
#include <string_view>

namespace care::util {

// s as a JSON string literal, quotes included; C0 controls, DEL and C1
// controls escaped as \uXXXX (\n \r \t as such), other UTF-8 passed through.
std::string json_string(std::string_view s);

}  // namespace care::util
