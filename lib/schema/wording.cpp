#include "schema/wording.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "util/json_text.h"

namespace care::schema::wording {

using doc::Node;

namespace {

bool is_plain_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), is_plain_key_char);
}

// At most max_points code points of text, with "..." when cut.
std::string shorten(std::string_view text, std::size_t max_points) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points > max_points) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

std::string number_text(const Node& value) {
  return value.text().empty() ? fmt::format("{}", value.as_number()) : value.text();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Edit distance counting a swap of two neighbours as one edit (optimal
// string alignment), since swapped letters are the commonest typo.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool contains(const std::vector<std::string>& all, std::string_view one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits with a sign and a decimal point or comma, spaces around allowed:
// what a person means as a number when they quote it.
bool looks_numeric(std::string_view text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  std::size_t mark = text.find_first_of(".,");
  std::string_view whole = text.substr(0, mark);
  std::string_view fraction = mark == std::string_view::npos ? "0" : text.substr(mark + 1);
  auto digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); };
  return digits(whole) && digits(fraction);
}

}  // namespace

bool is_plain_key_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string child_path(std::string_view path, std::string_view key) {
  if (!is_plain_key(key)) return fmt::format("{}[{}]", path, util::json_string(key));
  if (path.empty()) return std::string(key);
  return fmt::format("{}.{}", path, key);
}

std::string item_path(std::string_view path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

std::string subject(std::string_view path) {
  return path.empty() ? "the top level" : std::string(path);
}

std::string in_place(std::string_view path) {
  return path.empty() ? std::string() : fmt::format(" in {}", path);
}

std::string to_place(std::string_view path) {
  return path.empty() ? "at the top level of the file" : fmt::format("to {}", path);
}

std::string show(const Node& value) {
  switch (value.type()) {
    case Node::Type::Null: return "an empty value";
    case Node::Type::Bool: return value.as_bool() ? "true" : "false";
    case Node::Type::Integer:
    case Node::Type::Number: return number_text(value);
    case Node::Type::String: return util::json_string(shorten(value.text(), 60));
    case Node::Type::Sequence: return "a list";
    case Node::Type::Mapping: return "a mapping";
  }
  return "a value";
}

std::string show_choice(const Node& value) {
  if (value.is_string()) return shorten(value.text(), 60);
  if (value.is_null()) return "null";
  return show(value);
}

std::string show_choices(const std::vector<const Node*>& choices) {
  std::string out;
  for (const Node* choice : choices) {
    if (!out.empty()) out += ", ";
    out += show_choice(*choice);
  }
  return out;
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const std::string typed = lower(word);
  // Short words are too easily "close" to anything, so they only match on case.
  const std::size_t allowed = typed.size() < 3 ? 0 : std::max<std::size_t>(1, typed.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(typed, lower(candidate));
    if (distance < best_distance && distance < candidate.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string type_name(std::string_view json_type) {
  if (json_type == "null") return "an empty value";
  if (json_type == "boolean") return "true or false";
  if (json_type == "integer") return "an integer";
  if (json_type == "number") return "a number";
  if (json_type == "string") return "a string";
  if (json_type == "array") return "a list";
  if (json_type == "object") return "a mapping";
  return fmt::format("a value of type \"{}\"", json_type);
}

namespace {

std::string join(const std::vector<std::string>& phrases, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += i + 1 == phrases.size() ? last : ", ";
    out += phrases[i];
  }
  return out;
}

}  // namespace

std::string join_or(const std::vector<std::string>& phrases) { return join(phrases, " or "); }

std::string join_and(const std::vector<std::string>& phrases) { return join(phrases, " and "); }

std::string found(const Node& value, const std::vector<std::string>& expected_types) {
  switch (value.type()) {
    case Node::Type::Null: return "an empty value";
    case Node::Type::Bool: return value.as_bool() ? "true" : "false";
    case Node::Type::Integer: return "a number";
    case Node::Type::Number:
      return contains(expected_types, "integer") ? number_text(value) : "a number";
    case Node::Type::String: return "a string";
    case Node::Type::Sequence: return "a list";
    case Node::Type::Mapping: return "a mapping";
  }
  return "a value";
}

std::string type_hint(const std::vector<std::string>& expected, const Node& value) {
  const bool wants_number = contains(expected, "number") || contains(expected, "integer");
  if (value.is_string() && wants_number && looks_numeric(value.text()))
    return fmt::format("Remove the quotes around {} so that it is read as a number.",
                       value.text());
  if (value.is_string() && contains(expected, "boolean"))
    return "Write true or false, without quotes.";
  if (value.type() == Node::Type::Number && contains(expected, "integer"))
    return "Write a whole number, without decimals.";
  if (value.is_scalar() && !value.is_null() && contains(expected, "string"))
    return fmt::format("Put the value in double quotes, like \"{}\", so that it is read as text.",
                       value.text());
  if (value.is_null()) return "Fill in a value here.";
  if (expected.size() == 1 && expected[0] == "object")
    return "Write the fields here as indented \"name: value\" lines.";
  if (expected.size() == 1 && expected[0] == "array")
    return "Write a list here, one entry per line, each starting with \"- \".";
  if (expected.size() == 1 && expected[0] == "null") return "Leave the value empty.";
  std::vector<std::string> names;
  for (const std::string& type : expected) names.push_back(type_name(type));
  return fmt::format("Change the value to {}.", join_or(names));
}

}  // namespace care::schema::wording
