// UTF-8 helpers that know nothing of the domain.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace care::util {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

// Position of the first byte that is not part of well-formed UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF count as malformed), or of
// a NUL byte; nullopt when the whole text is fine.
std::optional<TextPosition> find_invalid_utf8(std::string_view text);

// The text with every byte that is not well-formed UTF-8, and every control
// character but tab, replaced by U+FFFD, so that a quoted line can be shown.
std::string printable(std::string_view text);

// Number of code points in well-formed UTF-8 text.
std::size_t code_points(std::string_view text);

// The code point that starts at byte i, moving i past it. A byte that does
// not start a well-formed sequence is taken alone, as U+FFFD, so that a caller
// walking any text always moves on.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace care::util
