#include "intake/referral_input.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "cli/input.h"
#include "doc/yaml_io.h"
#include "records/redact.h"

namespace care::intake {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A line that still belongs to the mapping above it: indented, blank, a
// comment, a list entry written flush left, or the end of a flow collection.
bool continues(std::string_view line) {
  if (line.empty()) return true;
  if (line.starts_with("---") || line.starts_with("...")) return false;
  return std::string_view(" \t\r#-]},").find(line.front()) != std::string_view::npos;
}

// Whether `text` has a colon at `at`, after spaces and tabs: the end of a key.
bool colon_after(std::string_view text, std::size_t at) {
  at = text.find_first_not_of(" \t", std::min(at, text.size()));
  return at != std::string_view::npos && text[at] == ':';
}

// The key identity at the start of a line, bare or quoted: `identity:`,
// `"identity" :`, `'identity':`.
bool identity_key_starts(std::string_view line) {
  for (std::string_view key : {"identity", "\"identity\"", "'identity'"})
    if (line.starts_with(key) && colon_after(line, key.size())) return true;
  return false;
}

// The key identity anywhere in the text, perhaps with a closing quote:
// enough to mask the whole input when the mapping could not be found.
bool identity_key_anywhere(std::string_view text) {
  for (std::size_t at = text.find("identity"); at != std::string_view::npos; at = text.find("identity", at + 1)) {
    std::size_t after = at + 8;
    if (after < text.size() && (text[after] == '"' || text[after] == '\'')) ++after;
    if (colon_after(text, after)) return true;
  }
  return false;
}

bool on_a_span(const std::vector<LineSpan>& spans, int line) {
  for (const LineSpan& s : spans)
    if (line >= s.first && line <= s.last) return true;
  return false;
}

// The text of the file or of stdin, read to one byte past the size a record
// may have (enough for the parser to refuse it); nullopt if it cannot be opened.
std::optional<std::string> read_text(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return std::nullopt;
    in = &file;
  }
  std::string text;
  char buffer[8192];
  while (*in && text.size() <= doc::Limits{}.max_bytes) {
    in->read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in->gcount()));
  }
  return text;
}

}  // namespace

std::vector<LineSpan> identity_lines(std::string_view text) {
  // Scanned by hand, never with std::regex: its matcher recurses once per
  // character, and the input may be as long as a record may be.
  auto lines = lines_of(text);
  std::vector<LineSpan> spans;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!identity_key_starts(lines[i])) continue;
    std::size_t j = i + 1;
    while (j < lines.size() && continues(lines[j])) ++j;
    spans.push_back({static_cast<int>(i + 1), static_cast<int>(j)});
  }
  if (spans.empty() && identity_key_anywhere(text))
    spans.push_back({1, static_cast<int>(lines.size())});
  return spans;
}

std::optional<doc::Node> read_referral(const std::string& path, diag::Diagnostics& problems) {
  auto text = read_text(path);
  if (!text) return cli::read_input(path, problems);  // cannot be opened: said as for every --from
  std::string shown = path == "-" ? "<stdin>" : path;
  auto spans = identity_lines(*text);
  auto parsed = doc::parse(*text, shown);
  for (auto& d : parsed.problems) {
    if (d.file == shown && on_a_span(spans, d.line)) records::redact(d);
    problems.push_back(std::move(d));
  }
  if (!parsed.root) return std::nullopt;
  if (!parsed.root->is_mapping()) {
    problems.push_back(diag::at(parsed.root->location(), "input.shape", "the input must be a mapping of fields",
                                "Write the input as \"field: value\" lines, in the shape of the record."));
    return std::nullopt;
  }
  return parsed.root;
}

}  // namespace care::intake
