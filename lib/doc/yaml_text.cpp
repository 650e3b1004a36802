#include "doc/yaml_text.h"

#include <cstdint>

#include <fmt/format.h>

namespace care::doc::text {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The character a YAML escape gives when it may be a forbidden one; the
// others (\n, \t, \", \\, \L, ...) give nothing here.
std::optional<char32_t> control_escape(char e) {
  switch (e) {
    case '0': return 0x00;
    case 'a': return 0x07;
    case 'b': return 0x08;
    case 'v': return 0x0B;
    case 'f': return 0x0C;
    case 'r': return 0x0D;
    case 'e': return 0x1B;
    case 'N': return 0x85;
    default: return std::nullopt;
  }
}

// The escape at text[i] (a backslash): its length, and the character it
// gives when that may be forbidden.
std::size_t read_escape(std::string_view text, std::size_t i, std::optional<char32_t>& gives) {
  gives.reset();
  if (i + 1 >= text.size()) return 1;
  const char e = text[i + 1];
  const int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0) {
    gives = control_escape(e);
    return 2;
  }
  char32_t value = 0;
  std::size_t k = i + 2;
  for (; k < text.size() && k < i + 2 + static_cast<std::size_t>(digits) && hex_value(text[k]) >= 0; ++k)
    value = value * 16 + static_cast<char32_t>(hex_value(text[k]));
  gives = value;
  return k - i;
}

void scan_single_quoted(std::string_view text, std::size_t i, Quoted& q) {
  while (i < text.size()) {
    if (text[i] != '\'') {
      ++i;
    } else if (i + 1 < text.size() && text[i + 1] == '\'') {
      i += 2;  // '' is a quote inside the value
    } else {
      q.closed = true;
      return;
    }
  }
}

void scan_double_quoted(std::string_view text, std::size_t i, Quoted& q) {
  while (i < text.size()) {
    if (text[i] == '"') {
      q.closed = true;
      return;
    }
    if (text[i] != '\\') {
      ++i;
      continue;
    }
    std::optional<char32_t> gives;
    std::size_t length = read_escape(text, i, gives);
    if (!q.bad_escape && gives && is_forbidden(*gives)) {
      q.bad_escape = i;
      q.bad_character = *gives;
    }
    i += length;
  }
}

}  // namespace

bool is_forbidden(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

std::string name_of(char32_t c) {
  std::string_view name;
  switch (c) {
    case 0x00: name = "null"; break;
    case 0x07: name = "bell"; break;
    case 0x08: name = "backspace"; break;
    case 0x0B: name = "vertical tab"; break;
    case 0x0C: name = "form feed"; break;
    case 0x0D: name = "carriage return"; break;
    case 0x1B: name = "escape"; break;
    case 0x7F: name = "delete"; break;
    case 0x85: name = "next line"; break;
    default: break;
  }
  std::string code = fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
  return name.empty() ? code : fmt::format("{} ({})", code, name);
}

std::optional<Found> first_forbidden(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && is_forbidden(b)) return Found{i, b};
    // U+0080 to U+009F are C2 80 to C2 9F in UTF-8; C2 never continues a sequence.
    if (b == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return Found{i, next};
    }
  }
  return std::nullopt;
}

ValueCheck check_value(std::string_view value) {
  if (auto found = first_forbidden(value)) return ValueCheck{ValueFault::Control, found->character};
  if (util::find_invalid_utf8(value)) return ValueCheck{ValueFault::Encoding, 0};
  return {};
}

std::optional<Quoted> quoted_at(std::string_view text, std::size_t at) {
  std::size_t i = at;
  // A tag (!!str) or an anchor (&name) may stand before the value.
  while (i < text.size() && (text[i] == '!' || text[i] == '&')) {
    while (i < text.size() && !is_blank(text[i])) ++i;
    while (i < text.size() && is_blank(text[i])) ++i;
  }
  if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return std::nullopt;
  Quoted q;
  q.open = i;
  if (text[i] == '"')
    scan_double_quoted(text, i + 1, q);
  else
    scan_single_quoted(text, i + 1, q);
  return q;
}

util::TextPosition advance(std::string_view text, std::size_t from, util::TextPosition known,
                           std::size_t to) {
  for (std::size_t k = from; k < to && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++known.line;
      known.column = 1;
    } else {
      ++known.column;
    }
  }
  return known;
}

}  // namespace care::doc::text
