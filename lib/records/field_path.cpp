#include "records/field_path.h"

#include <fmt/format.h>

#include "schema/wording.h"

namespace care::records {
using doc::Node;
namespace {

struct Found {
  FieldPath path;
  const Node* node = nullptr;  // the value (for a key: the value it names)
  bool at_key = false;
};

struct Place {
  std::string_view file;
  int line, column;
  bool is(const doc::Location& at) const {
    return at.line == line && at.column == column && at.path() == file;
  }
};

void collect(const Node& node, FieldPath& path, const Place& place, std::vector<Found>& out) {
  if (place.is(node.location())) out.push_back({path, &node, false});
  if (node.is_sequence()) {
    for (std::size_t i = 0; i < node.items().size(); ++i) {
      path.push_back({{}, i});
      collect(node.items()[i], path, place, out);
      path.pop_back();
    }
  }
  for (const Node::Entry& entry : node.entries()) {
    path.push_back({entry.key, std::nullopt});
    if (place.is(entry.key_at)) out.push_back({path, &entry.value, true});
    collect(entry.value, path, place, out);
    path.pop_back();
  }
}

// The deepest of the candidates that pass `wanted`, if any.
const Found* deepest(const std::vector<Found>& all, bool (*wanted)(const Found&)) {
  const Found* best = nullptr;
  for (const Found& f : all)
    if (wanted(f) && (!best || f.path.size() > best->path.size())) best = &f;
  return best;
}

bool is_key(const Found& f) { return f.at_key; }
bool is_node(const Found& f) { return !f.at_key; }
bool is_container(const Found& f) { return !f.at_key && !f.node->is_scalar(); }

// "[12]" at the front of text: the index, and text moved past it.
std::optional<std::size_t> take_index(std::string_view& text) {
  std::size_t close = text.find(']');
  if (!text.starts_with('[') || close == std::string_view::npos || close == 1) return std::nullopt;
  std::size_t n = 0;
  for (char c : text.substr(1, close - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  text.remove_prefix(close + 1);
  return n;
}

}  // namespace

std::string path_text(const FieldPath& path) {
  std::string out;
  for (const FieldStep& step : path) {
    if (step.index) out += fmt::format("[{}]", *step.index);
    else out += (out.empty() ? "" : ".") + step.key;
  }
  return out;
}

std::optional<FieldPath> field_at(const Node& record, std::string_view file, int line, int column, Pointing how) {
  if (line <= 0) return std::nullopt;
  std::vector<Found> all;
  FieldPath path;
  collect(record, path, Place{file, line, column}, all);
  const Found* found = nullptr;
  if (how == Pointing::AtKey) found = deepest(all, is_key);
  if (!found && how != Pointing::AtValue) found = deepest(all, is_container);
  if (!found) found = deepest(all, is_node);
  if (!found) found = deepest(all, is_key);
  if (!found) return std::nullopt;
  return found->path;
}

const Node* node_at(const Node& record, const FieldPath& path) {
  const Node* at = &record;
  for (const FieldStep& step : path) {
    if (step.index) at = *step.index < at->items().size() ? &at->items()[*step.index] : nullptr;
    else at = at->find(step.key);
    if (!at) return nullptr;
  }
  return at;
}

std::optional<FieldPath> path_in_message(std::string_view message) {
  std::size_t colon = message.find(": ");
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view text = message.substr(0, colon);
  FieldPath path;
  if (text == "the top level") return path;
  while (!text.empty()) {
    if (text.starts_with('[')) {
      auto index = take_index(text);
      if (!index) return std::nullopt;
      path.push_back({{}, index});
      continue;
    }
    if (!path.empty()) {
      if (!text.starts_with('.')) return std::nullopt;
      text.remove_prefix(1);
    }
    std::size_t end = 0;
    while (end < text.size() && schema::wording::is_plain_key_char(text[end])) ++end;
    if (end == 0) return std::nullopt;
    path.push_back({std::string(text.substr(0, end)), std::nullopt});
    text.remove_prefix(end);
  }
  return path;
}

}  // namespace care::records
