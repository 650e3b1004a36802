#include "util/utf8.h"

#include <fmt/format.h>

namespace care::util {
namespace {

// Length of the well-formed sequence starting at i, or 0 if malformed.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 == 0) return 0;
  if (b0 < 0x80) return 1;
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char b1 = byte(i + 1);
  if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
  if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
  if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
  if (b0 == 0xF4 && b1 > 0x8F) return 0;  // past U+10FFFF
  return len;
}

// A single-byte character that must not reach a terminal as it is.
bool is_control(unsigned char c, bool keep_line_feeds) {
  if (c == '\t' || (c == '\n' && keep_line_feeds)) return false;
  return c < 0x20 || c == 0x7F;
}

}  // namespace

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
  TextPosition at;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = sequence_length(text, i);
    if (len == 0) return at;
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      at.column += static_cast<int>(len);
    }
    i += len;
  }
  return std::nullopt;
}

std::string visible(std::string_view text, bool keep_line_feeds) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = sequence_length(text, i);
    auto lead = static_cast<unsigned char>(text[i]);
    if (len == 0 || (len == 1 && is_control(lead, keep_line_feeds))) {
      out += fmt::format("\\x{:02x}", lead);
      len = 1;
    } else if (len == 2 && lead == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1: U+0080..U+009F
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
  std::size_t len = sequence_length(text, i);
  if (text[i] == '\0') len = 1;  // NUL is well-formed here; only find_invalid_utf8 refuses it
  if (len == 0) {
    ++i;
    return U'\uFFFD';
  }
  auto b0 = static_cast<unsigned char>(text[i]);
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  i += len;
  return cp;
}

}  // namespace care::util
