#include "schema/walk.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "schema/uri.h"

namespace care::schema::detail {

using doc::Node;

namespace {

bool is_schema(const Node& node) { return node.is_mapping() || node.is_bool(); }

template <std::size_t N>
bool one_of(std::string_view key, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

constexpr std::array<std::string_view, 9> kSingle = {
    "additionalItems", "additionalProperties", "contains", "propertyNames", "if",
    "then",            "else",                 "not",      "items"};
constexpr std::array<std::string_view, 4> kList = {"allOf", "anyOf", "oneOf", "items"};
constexpr std::array<std::string_view, 4> kNamed = {"definitions", "properties",
                                                    "patternProperties", "dependencies"};

}  // namespace

const std::string* own_id(const Node& schema) {
  if (!schema.is_mapping()) return nullptr;
  const Node* ref = schema.find("$ref");
  if (ref && ref->is_string()) return nullptr;
  const Node* id = schema.find("$id");
  return id && id->is_string() ? &id->text() : nullptr;
}

void for_each_subschema(
    const Node& schema,
    const std::function<void(const std::string& suffix, const Node& child)>& visit) {
  if (!schema.is_mapping()) return;
  for (const Node::Entry& entry : schema.entries()) {
    const std::string prefix = std::string("/").append(uri::pointer_escape(entry.key));
    const Node& value = entry.value;
    if (one_of(entry.key, kSingle) && is_schema(value)) {
      visit(prefix, value);
    } else if (one_of(entry.key, kList) && value.is_sequence()) {
      for (std::size_t i = 0; i < value.items().size(); ++i)
        visit(prefix + "/" + std::to_string(i), value.items()[i]);
    } else if (one_of(entry.key, kNamed) && value.is_mapping()) {
      for (const Node::Entry& named : value.entries())
        if (is_schema(named.value)) visit(prefix + std::string("/").append(uri::pointer_escape(named.key)), named.value);
    }
  }
}

}  // namespace care::schema::detail
