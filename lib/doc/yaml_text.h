// Checks on the text of a YAML file, and on the values read from it, that
// yaml-cpp does not make: control characters, which can hide text or drive a
// terminal when a record is shown, and a quote that the end of the file cut
// short, which yaml-cpp takes as closed there. Internal to lib/doc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/utf8.h"

namespace care::doc::text {

// Whether c may not stand in a record: the C0 controls but tab and line
// feed, DEL, and the C1 controls (U+0080 to U+009F).
bool is_forbidden(char32_t c);

// "U+001B (escape)": a control character as a message names it.
std::string name_of(char32_t c);

struct Found {
  std::size_t offset = 0;  // in bytes
  char32_t character = 0;
};

// The first forbidden character in the raw text of a file (a CR included).
std::optional<Found> first_forbidden(std::string_view text);

enum class ValueFault { None, Control, Encoding };
struct ValueCheck {
  ValueFault fault = ValueFault::None;
  char32_t character = 0;  // the control character, for ValueFault::Control
};
// A value as read (escapes decoded): a forbidden character, or bytes that are
// not UTF-8 (yaml-cpp writes the escapes \N and \_ as single bytes).
ValueCheck check_value(std::string_view value);

struct Quoted {
  std::size_t open = 0;  // offset of the opening quote
  bool closed = false;
  // Offset of the first escape in a double-quoted scalar that gives a
  // forbidden character ("\x1b", "\0", "\r").
  std::optional<std::size_t> bad_escape;
  char32_t bad_character = 0;  // what that escape gives
};
// The quoted scalar of the node that starts at offset at (after any tag or
// anchor); nullopt when that node is not a quoted scalar.
std::optional<Quoted> quoted_at(std::string_view text, std::size_t at);

// The position of offset to, counting from from, whose position is known.
util::TextPosition advance(std::string_view text, std::size_t from, util::TextPosition known,
                           std::size_t to);

}  // namespace care::doc::text
