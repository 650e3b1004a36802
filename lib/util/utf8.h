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

// Text that came from a file or an argument, made safe to print on a
// terminal: C0 controls, DEL and bytes that are not well-formed UTF-8 become
// \xNN, C1 controls (U+0080..U+009F) become \u00NN, so that no escape
// sequence the tools did not write reaches the terminal and every odd byte
// can be seen. Tab stays; line feed stays only when keep_line_feeds (text of
// several lines), else it is \x0a, so that a one-line field stays one line.
std::string visible(std::string_view text, bool keep_line_feeds = false);

// Number of code points in well-formed UTF-8 text.
std::size_t code_points(std::string_view text);

// The code point that starts at byte i, moving i past it. A byte that does
// not start a well-formed sequence is taken alone, as U+FFFD, so that a caller
// walking any text always moves on.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace care::util
