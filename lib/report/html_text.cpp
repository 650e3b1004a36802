// The HTML renderer's text: escaping, counting characters, shortening labels
// and writing coordinates.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "report/html_parts.h"

namespace care::report::html {

namespace {

// The length of the valid UTF-8 sequence at the start of s, or 0.
std::size_t utf8_length(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

// Escapes text for HTML content and attribute values alike. Bytes that are not
// UTF-8 and control characters other than tab and newline become U+FFFD, so
// the page is valid whatever the records hold.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s.substr(i));
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
          out += "\xEF\xBF\xBD";
        else
          out.append(s, i, n);
    }
    i += n;
  }
  return out;
}

// The number of characters (code points; invalid bytes count one each).
std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += std::max<std::size_t>(1, utf8_length(s.substr(i)));
  return n;
}

// At most `max` characters of s, ending in an ellipsis when cut.
std::string shorten(std::string_view s, std::size_t max) {
  if (chars(s) <= max) return std::string(s);
  std::size_t i = 0;
  for (std::size_t n = 0; n + 1 < max && i < s.size(); ++n) i += std::max<std::size_t>(1, utf8_length(s.substr(i)));
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

// A coordinate with at most one decimal and never "-0": "12", "7.5".
std::string num(double x) {
  long long tenths = std::llround(x * 10);
  if (tenths % 10 == 0) return std::to_string(tenths / 10);
  return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", std::llabs(tenths) / 10, std::llabs(tenths) % 10);
}

std::optional<double> number_of(const Value& v) {
  if (v.kind == Value::Kind::Count) {
    if (v.count.hidden) return std::nullopt;
    return static_cast<double>(v.count.count);
  }
  if (v.kind == Value::Kind::Amount) {
    double d = 0;
    const char* first = v.text.data();
    const char* last = first + v.text.size();
    if (first != last && *first == '+') ++first;
    auto [end, ec] = std::from_chars(first, last, d);
    if (ec == std::errc() && end == last && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

}  // namespace care::report::html
