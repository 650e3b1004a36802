#include "folder/config_edit.h"

#include <fmt/format.h>

#include "util/json_text.h"
#include "util/text.h"

namespace care::folder {
namespace {

using util::trim;

// "[identity.recipients]  # comment" -> "identity.recipients"; "" for any other line.
std::string_view header_of(std::string_view line) {
  line = trim(line);
  if (!line.starts_with('[') || line.starts_with("[[")) return {};
  auto end = line.find(']');
  return end == std::string_view::npos ? std::string_view() : trim(line.substr(1, end - 1));
}

// The key a line sets ("AT" of "AT = [...]"), or "".
std::string_view key_of(std::string_view line) {
  line = trim(line);
  auto eq = line.find('=');
  if (line.empty() || line[0] == '#' || eq == std::string_view::npos) return {};
  std::string_view key = trim(line.substr(0, eq));
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  return key;
}

// "  # Vienna office" of `AT = ["x"]  # Vienna office`: kept when the value changes.
std::string trailing_comment(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = line.find('=') + 1; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '\\') ++i;
    else if (c == '"') quoted = !quoted;
    else if (!quoted && c == '#') {
      std::size_t start = i;
      while (start > 0 && (line[start - 1] == ' ' || line[start - 1] == '\t')) --start;
      return std::string(line.substr(start));
    }
  }
  return {};
}

// Whether the value on this line is complete (its brackets and quotes closed).
bool complete(std::string_view line) {
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = line.find('=') + 1; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == '"') quoted = false;
    } else if (c == '"') quoted = true;
    else if (c == '#') break;
    else if (c == '[' || c == '{') ++depth;
    else if (c == ']' || c == '}') --depth;
  }
  return depth == 0 && !quoted;
}

}  // namespace

std::string toml_strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + util::json_string(values[i]);
  return out + "]";
}

std::optional<std::string> set_setting(const std::string& text, std::string_view table, std::string_view key,
                                       std::string_view value, std::string& error) {
  auto lines = util::split_lines(text);
  std::string wanted = fmt::format("{} = {}", key, value);
  std::optional<std::size_t> header, insert_at;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view h = header_of(lines[i]);
    if (!h.empty()) {
      if (header && !insert_at) insert_at = i;  // the table ended here
      if (h == table) header = i;
      continue;
    }
    if (!header || insert_at || key_of(lines[i]) != key) continue;
    if (!complete(lines[i])) {
      error = fmt::format("{}.{} spans several lines in care.toml; write it on one line, then run the command again",
                          table, key);
      return std::nullopt;
    }
    lines[i] = wanted + trailing_comment(lines[i]);
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
  if (!header) {
    lines.push_back("");
    lines.push_back(fmt::format("[{}]", table));
    lines.push_back(wanted);
  } else {
    std::size_t at = insert_at.value_or(lines.size());
    while (at > *header + 1 && trim(lines[at - 1]).empty()) --at;  // before the blank lines that end the table
    lines.insert(lines.begin() + static_cast<long>(at), wanted);
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace care::folder
