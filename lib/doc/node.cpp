#include "doc/node.h"

#include <algorithm>

namespace care::doc {

std::string_view Source::line(int n) const {
  if (n < 1) return {};
  std::size_t start = 0;
  for (int i = 1; i < n; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string_view out(text.data() + start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

Node Node::null(Location at) {
  Node n;
  n.at_ = std::move(at);
  return n;
}

Node Node::boolean(bool value, Location at) {
  Node n;
  n.type_ = Type::Bool;
  n.bool_ = value;
  n.text_ = value ? "true" : "false";
  n.at_ = std::move(at);
  return n;
}

Node Node::integer(std::int64_t value, std::string text, Location at) {
  Node n;
  n.type_ = Type::Integer;
  n.int_ = value;
  n.num_ = static_cast<double>(value);
  n.text_ = text.empty() ? std::to_string(value) : std::move(text);
  n.at_ = std::move(at);
  return n;
}

Node Node::number(double value, std::string text, Location at) {
  Node n;
  n.type_ = Type::Number;
  n.num_ = value;
  n.text_ = std::move(text);
  n.at_ = std::move(at);
  return n;
}

Node Node::string(std::string value, Location at) {
  Node n;
  n.type_ = Type::String;
  n.text_ = std::move(value);
  n.at_ = std::move(at);
  return n;
}

Node Node::sequence(Location at) {
  Node n;
  n.type_ = Type::Sequence;
  n.at_ = std::move(at);
  return n;
}

Node Node::mapping(Location at) {
  Node n;
  n.type_ = Type::Mapping;
  n.at_ = std::move(at);
  return n;
}

const Node::Entry* Node::find_entry(std::string_view key) const {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.key == key; });
  return it == entries_.end() ? nullptr : &*it;
}

const Node* Node::find(std::string_view key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

Node* Node::find(std::string_view key) {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.key == key; });
  return it == entries_.end() ? nullptr : &it->value;
}

void Node::set(std::string key, Node value) {
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  entries_.push_back(Entry{std::move(key), value.location(), std::move(value)});
}

bool Node::erase(std::string_view key) {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.key == key; });
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

std::size_t Node::size() const {
  if (is_sequence()) return items_.size();
  if (is_mapping()) return entries_.size();
  return 0;
}

std::string_view describe(Node::Type type) {
  switch (type) {
    case Node::Type::Null: return "null";
    case Node::Type::Bool: return "a boolean";
    case Node::Type::Integer: return "an integer";
    case Node::Type::Number: return "a number";
    case Node::Type::String: return "a string";
    case Node::Type::Sequence: return "a list";
    case Node::Type::Mapping: return "a mapping";
  }
  return "a value";
}

bool equal(const Node& a, const Node& b) {
  if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Node::Type::Null: return true;
    case Node::Type::Bool: return a.as_bool() == b.as_bool();
    case Node::Type::String: return a.text() == b.text();
    case Node::Type::Sequence:
      return std::equal(a.items().begin(), a.items().end(), b.items().begin(),
                        b.items().end(), [](const Node& x, const Node& y) { return equal(x, y); });
    case Node::Type::Mapping:
      if (a.size() != b.size()) return false;
      for (const auto& e : a.entries()) {
        const Node* other = b.find(e.key);
        if (!other || !equal(e.value, *other)) return false;
      }
      return true;
    default: return false;
  }
}

}  // namespace care::doc
