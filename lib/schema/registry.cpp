// Registry: schema documents by URI, and every "$id" inside them, so that a
// "$ref" can be followed to any document or subschema.
#include <functional>

#include "schema/uri.h"
#include "schema/validator.h"
#include "schema/walk.h"

namespace care::schema {

using doc::Node;

namespace {

// One step of a JSON pointer: a key of a mapping or an index of a list.
const Node* step(const Node& node, const std::string& token) {
  if (node.is_mapping()) return node.find(token);
  if (!node.is_sequence() || token.empty() || token.size() > 9) return nullptr;
  if (token.size() > 1 && token[0] == '0') return nullptr;
  std::size_t index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return nullptr;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index < node.items().size() ? &node.items()[index] : nullptr;
}

}  // namespace

void Registry::add(Node schema, std::string given_uri) {
  std::string given = uri::split_fragment(given_uri).document;
  std::string key = given;
  if (const std::string* id = detail::own_id(schema))
    key = uri::split_fragment(uri::resolve(given, *id)).document;
  documents_.insert_or_assign(key, std::move(schema));
  add_anchor(key, Anchor{key, "", key});
  if (given != key) add_anchor(given, Anchor{key, "", key});
  index_ids(documents_.at(key), key, "", key);
}

void Registry::add_anchor(std::string uri, Anchor anchor) {
  anchors_.insert_or_assign(std::move(uri), std::move(anchor));
}

void Registry::index_ids(const Node& schema, const std::string& document,
                         const std::string& pointer, const std::string& parent_base) {
  std::string base = parent_base;
  if (const std::string* id = detail::own_id(schema)) {
    uri::Split target = uri::split_fragment(uri::resolve(parent_base, *id));
    base = target.document;
    if (target.fragment.empty())
      add_anchor(target.document, Anchor{document, pointer, base});
    else if (target.fragment[0] != '/')  // a plain name: "$id": "#address"
      add_anchor(target.document + "#" + target.fragment, Anchor{document, pointer, base});
  }
  detail::for_each_subschema(schema, [&](const std::string& suffix, const Node& child) {
    index_ids(child, document, pointer + suffix, base);
  });
}

std::optional<Registry::Resolved> Registry::locate(const Anchor& anchor) const {
  auto doc = documents_.find(anchor.document);
  if (doc == documents_.end()) return std::nullopt;
  const Node* node = &doc->second;
  const auto tokens = uri::pointer_tokens(anchor.pointer);  // always a pointer: made by index_ids
  for (const std::string& token : tokens.value_or(std::vector<std::string>{})) {
    node = step(*node, token);
    if (!node) return std::nullopt;
  }
  return Resolved{node, anchor.base};
}

std::optional<Registry::Resolved> Registry::resolve(std::string_view target) const {
  uri::Split parts = uri::split_fragment(target);
  std::string pointer = uri::percent_decode(parts.fragment);
  if (!pointer.empty() && pointer[0] != '/') {
    auto named = anchors_.find(parts.document + "#" + parts.fragment);
    return named == anchors_.end() ? std::nullopt : locate(named->second);
  }
  auto anchor = anchors_.find(parts.document);
  if (anchor == anchors_.end()) return std::nullopt;
  std::optional<Resolved> found = locate(anchor->second);
  if (!found) return std::nullopt;
  // Walking down may pass through subschemas with their own "$id", which
  // change the base that relative references below them resolve against.
  const auto tokens = uri::pointer_tokens(pointer);
  for (const std::string& token : tokens.value_or(std::vector<std::string>{})) {
    found->schema = step(*found->schema, token);
    if (!found->schema) return std::nullopt;
    if (const std::string* id = detail::own_id(*found->schema))
      found->base = uri::split_fragment(uri::resolve(found->base, *id)).document;
  }
  return found;
}

const Node* Registry::find(std::string_view target) const {
  std::optional<Resolved> found = resolve(target);
  return found ? found->schema : nullptr;
}

}  // namespace care::schema
