// Writing the typed tree as canonical YAML. The emitter is our own rather than
// yaml-cpp's because yaml-cpp writes `NO`, `on` or `2014-03-01` unquoted,
// which YAML 1.1 readers take for a boolean or a date.
#include <algorithm>
#include <array>
#include <initializer_list>

#include <fmt/format.h>

#include "doc/yaml_io.h"

namespace care::doc {
namespace {

bool is_yaml11_keyword(std::string_view s) {
  static const std::array<std::string_view, 26> words = {
      "y",    "Y",    "yes",  "Yes",  "YES",   "n",     "N",     "no",   "No",
      "NO",   "true", "True", "TRUE", "false", "False", "FALSE", "on",   "On",
      "ON",   "off",  "Off",  "OFF",  "null",  "Null",  "NULL",  "~"};
  for (auto w : words)
    if (s == w) return true;
  return false;
}

// Anything starting like a number, a date, a time or a special float.
bool looks_numeric(std::string_view s) {
  auto one_of = [](std::string_view word, std::initializer_list<std::string_view> spellings) {
    return std::find(spellings.begin(), spellings.end(), word) != spellings.end();
  };
  if (one_of(s, {".nan", ".NaN", ".NAN"})) return true;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (one_of(s, {".inf", ".Inf", ".INF"})) return true;
  if (!s.empty() && s.front() == '.') s.remove_prefix(1);
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

bool has_control(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  return false;
}

bool starts_with_indicator(std::string_view s) {
  static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
  return indicators.find(s.front()) != std::string_view::npos;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

// A literal block keeps multi-line notes readable in diffs; it is used only
// when it can hold the text exactly.
bool fits_literal_block(std::string_view s) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (s.front() == ' ' || s.front() == '\n' || s.front() == '\t') return false;
  if (s.find_first_not_of('\n') == std::string_view::npos) return false;
  for (char c : s)
    if (c != '\n' && c != '\t' && (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)) return false;
  return true;
}

void literal_block(std::string& out, std::string_view s, int indent) {
  std::size_t body_end = s.find_last_not_of('\n') + 1;
  std::size_t trailing = s.size() - body_end;
  out += trailing == 0 ? "|-\n" : trailing == 1 ? "|\n" : "|+\n";
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::size_t start = 0;
  std::string_view body = s.substr(0, body_end + (trailing > 1 ? trailing - 1 : 0));
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    if (!line.empty()) out += pad;
    out += line;
    out += '\n';
    start = end + 1;
  }
}

void scalar(std::string& out, const Node& n, int indent) {
  switch (n.type()) {
    case Node::Type::Null: out += "null\n"; return;
    case Node::Type::Bool: out += n.as_bool() ? "true\n" : "false\n"; return;
    case Node::Type::Integer: out += fmt::format("{}\n", n.as_integer()); return;
    case Node::Type::Number:
      out += (n.text().empty() ? fmt::format("{}", n.as_number()) : n.text()) + "\n";
      return;
    case Node::Type::String:
      if (!needs_quotes(n.text())) out += n.text() + "\n";
      else if (fits_literal_block(n.text())) literal_block(out, n.text(), indent);
      else out += double_quoted(n.text()) + "\n";
      return;
    default: return;
  }
}

std::string key_text(const std::string& key) {
  return needs_quotes(key) ? double_quoted(key) : key;
}

void node(std::string& out, const Node& n, int indent);

bool is_empty_collection(const Node& n) { return !n.is_scalar() && n.size() == 0; }

// What follows "key:" or "- ": a scalar on the same line, or a collection on
// the next lines.
void value_after_indicator(std::string& out, const Node& n, int indent) {
  if (is_empty_collection(n)) {
    out += n.is_mapping() ? " {}\n" : " []\n";
  } else if (n.is_scalar()) {
    out += ' ';
    scalar(out, n, indent + 2);
  } else {
    out += '\n';
    node(out, n, indent + 2);
  }
}

// YAML readers (yaml-cpp among them) refuse a key written on one line with
// its colon when it is longer than 1024 characters; a longer key is written
// as an explicit key, "? key" with ": value" on the next line.
constexpr std::size_t kLongestImplicitKey = 1000;

void mapping(std::string& out, const Node& n, int indent, bool first_inline) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  bool first = true;
  for (const auto& e : n.entries()) {
    if (!(first && first_inline)) out += pad;
    first = false;
    std::string key = key_text(e.key);
    if (key.size() > kLongestImplicitKey) out += "? " + key + "\n" + pad;
    else out += key;
    out += ':';
    value_after_indicator(out, e.value, indent);
  }
}

void sequence(std::string& out, const Node& n, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const auto& item : n.items()) {
    out += pad + '-';
    if (item.is_mapping() && item.size() > 0) {
      out += ' ';
      mapping(out, item, indent + 2, true);
    } else {
      value_after_indicator(out, item, indent);
    }
  }
}

void node(std::string& out, const Node& n, int indent) {
  if (n.is_mapping()) return mapping(out, n, indent, false);
  if (n.is_sequence()) return sequence(out, n, indent);
  scalar(out, n, indent);
}

}  // namespace

bool needs_quotes(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (has_control(s) || starts_with_indicator(s)) return true;
  if (is_yaml11_keyword(s) || looks_numeric(s)) return true;
  if (s == "<<" || s == "=") return true;
  // A byte order mark (U+FEFF) at the start of a stream is dropped by readers.
  if (s.find("\xEF\xBB\xBF") != std::string_view::npos) return true;
  // "---" and "..." begin and end a document when a top-level string starts
  // the line with them.
  if (s.rfind("---", 0) == 0 || s.rfind("...", 0) == 0) return true;
  if (s.back() == ':') return true;
  return s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos;
}

std::string emit(const Node& root) {
  std::string out;
  if (is_empty_collection(root)) return root.is_mapping() ? "{}\n" : "[]\n";
  // A string alone at the top still needs its literal block indented: at
  // column 0 the lines do not read back as the block's content.
  node(out, root, root.is_scalar() ? 2 : 0);
  return out;
}

}  // namespace care::doc
