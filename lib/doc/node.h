// The typed document tree that every record, schema and test file is read
// into. It knows nothing of YAML or JSON syntax: lib/doc/yaml_io reads and
// writes it. Every node remembers where it came from so that any problem found
// later (by the schema validator or the rules) can point at file, line, column.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace care::doc {

// One file's text, shared by every node read from it; kept so that messages
// can quote the offending line without reading the file again.
struct Source {
  std::string path;  // as shown to the user
  std::string text;
  // The text of line n (1-based), without its line break; empty if out of range.
  std::string_view line(int n) const;
};

struct Location {
  std::shared_ptr<const Source> source;
  int line = 0;    // 1-based; 0 when unknown (a node built in memory)
  int column = 0;  // 1-based, counted in bytes
  std::string path() const { return source ? source->path : std::string(); }
  bool known() const { return source && line > 0; }
};

class Node {
 public:
  enum class Type { Null, Bool, Integer, Number, String, Sequence, Mapping };
  struct Entry;

  Node() = default;
  static Node null(Location at = {});
  static Node boolean(bool value, Location at = {});
  // text is the number as written; kept so that money can be read exactly.
  static Node integer(std::int64_t value, std::string text = {}, Location at = {});
  static Node number(double value, std::string text = {}, Location at = {});
  static Node string(std::string value, Location at = {});
  static Node sequence(Location at = {});
  static Node mapping(Location at = {});

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_integer() const { return type_ == Type::Integer; }
  // Integer or Number.
  bool is_number() const { return type_ == Type::Integer || type_ == Type::Number; }
  bool is_string() const { return type_ == Type::String; }
  bool is_sequence() const { return type_ == Type::Sequence; }
  bool is_mapping() const { return type_ == Type::Mapping; }
  bool is_scalar() const { return !is_sequence() && !is_mapping(); }

  bool as_bool() const { return bool_; }
  std::int64_t as_integer() const { return int_; }
  double as_number() const { return type_ == Type::Integer ? static_cast<double>(int_) : num_; }
  // The string value; for numbers, the number as written.
  const std::string& text() const { return text_; }

  const std::vector<Node>& items() const { return items_; }
  std::vector<Node>& items() { return items_; }
  void push_back(Node item);

  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  const Entry* find_entry(std::string_view key) const;
  // Replaces the value of key in place, or appends key at the end.
  void set(std::string key, Node value);
  bool erase(std::string_view key);
  std::size_t size() const;

  const Location& location() const { return at_; }
  void set_location(Location at) { at_ = std::move(at); }

 private:
  Type type_ = Type::Null;
  bool bool_ = false;
  std::int64_t int_ = 0;
  double num_ = 0;
  std::string text_;
  std::vector<Node> items_;
  std::vector<Entry> entries_;
  Location at_;
};

struct Node::Entry {
  std::string key;
  Location key_at;
  Node value;
};

// Defined here, not in the class: moving a Node needs Entry complete, and
// clang (unlike gcc) instantiates the body at the end of the class.
inline void Node::push_back(Node item) { items_.push_back(std::move(item)); }

// Name of a type as a person reads it: "a string", "a list", ...
std::string_view describe(Node::Type type);

// Deep equality by value, as JSON defines it (1 == 1.0; key order ignored).
bool equal(const Node& a, const Node& b);

}  // namespace care::doc
