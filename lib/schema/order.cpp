// order_keys(): puts every mapping's keys in the order the schema lists
// them, so that writing the same record always gives the same bytes.
#include <algorithm>

#include "schema/checker.h"
#include "schema/validator.h"

namespace care::schema {

using doc::Node;
using detail::SchemaAt;

namespace {

class Orderer {
 public:
  explicit Orderer(const Registry& registry) : checker_(registry) {}

  void order(Node& value, const std::vector<SchemaAt>& schemas) {
    std::vector<SchemaAt> applying;
    for (const SchemaAt& s : schemas) collect(s, value, applying, 0);
    if (value.is_mapping()) order_mapping(value, applying);
    if (value.is_sequence()) order_sequence(value, applying);
  }

 private:
  // Every schema that applies to value itself: through $ref and allOf, and
  // through the first alternative of anyOf/oneOf (or the if/then/else
  // branch) that the value satisfies.
  void collect(const SchemaAt& schema, const Node& value, std::vector<SchemaAt>& out, int depth) {
    if (depth > 64 || !schema.node->is_mapping()) return;  // 64: refs that go round
    if (schema.node->find("$ref")) {
      if (auto target = checker_.follow_ref(schema)) collect(*target, value, out, depth + 1);
      return;
    }
    out.push_back(schema);
    auto sub = [&](const Node& node) { return checker_.child(schema, node); };
    if (const Node* all = schema.node->find("allOf"))
      for (const Node& part : all->items()) collect(sub(part), value, out, depth + 1);
    for (const char* keyword : {"anyOf", "oneOf"}) {
      const Node* list = schema.node->find(keyword);
      if (!list) continue;
      for (const Node& option : list->items()) {
        if (!checker_.valid(sub(option), value)) continue;
        collect(sub(option), value, out, depth + 1);
        break;
      }
    }
    if (const Node* condition = schema.node->find("if")) {
      const Node* branch = schema.node->find(checker_.valid(sub(*condition), value) ? "then" : "else");
      if (branch) collect(sub(*branch), value, out, depth + 1);
    }
  }

  static std::vector<std::string> listed_order(const std::vector<SchemaAt>& schemas) {
    std::vector<std::string> names;
    for (const SchemaAt& s : schemas) {
      const Node* properties = s.node->find("properties");
      if (!properties) continue;
      for (const Node::Entry& e : properties->entries())
        if (std::find(names.begin(), names.end(), e.key) == names.end()) names.push_back(e.key);
    }
    return names;
  }

  // The schemas that apply to the value under key, as validation picks them.
  std::vector<SchemaAt> member_schemas(const std::vector<SchemaAt>& schemas, const std::string& key) {
    std::vector<SchemaAt> out;
    for (const SchemaAt& s : schemas) {
      bool known = false;
      const Node* properties = s.node->find("properties");
      if (const Node* p = properties ? properties->find(key) : nullptr) {
        out.push_back(checker_.child(s, *p));
        known = true;
      }
      if (const Node* patterns = s.node->find("patternProperties")) {
        for (const Node::Entry& e : patterns->entries()) {
          const Pattern* re = detail::compiled_pattern(e.key);
          if (!re || !re->search(key)) continue;
          out.push_back(checker_.child(s, e.value));
          known = true;
        }
      }
      const Node* extra = s.node->find("additionalProperties");
      if (!known && extra) out.push_back(checker_.child(s, *extra));
    }
    return out;
  }

  std::vector<SchemaAt> item_schemas(const std::vector<SchemaAt>& schemas, std::size_t index) {
    std::vector<SchemaAt> out;
    for (const SchemaAt& s : schemas) {
      const Node* items = s.node->find("items");
      if (!items) continue;
      if (!items->is_sequence())
        out.push_back(checker_.child(s, *items));
      else if (index < items->items().size())
        out.push_back(checker_.child(s, items->items()[index]));
      else if (const Node* extra = s.node->find("additionalItems"))
        out.push_back(checker_.child(s, *extra));
    }
    return out;
  }

  void order_mapping(Node& value, const std::vector<SchemaAt>& schemas) {
    const std::vector<std::string> names = listed_order(schemas);
    auto rank = [&](const Node::Entry& e) {
      return static_cast<std::size_t>(std::find(names.begin(), names.end(), e.key) - names.begin());
    };
    // Stable, so that keys the schema does not list keep their own order.
    std::stable_sort(value.entries().begin(), value.entries().end(),
                     [&](const Node::Entry& a, const Node::Entry& b) { return rank(a) < rank(b); });
    for (Node::Entry& entry : value.entries()) order(entry.value, member_schemas(schemas, entry.key));
  }

  void order_sequence(Node& value, const std::vector<SchemaAt>& schemas) {
    for (std::size_t i = 0; i < value.items().size(); ++i)
      order(value.items()[i], item_schemas(schemas, i));
  }

  detail::Checker checker_;
};

}  // namespace

void order_keys(const Registry& registry, Node& instance, std::string_view schema_uri) {
  std::optional<Registry::Resolved> root = registry.resolve(schema_uri);
  if (!root) return;
  Orderer(registry).order(instance, {SchemaAt{root->schema, root->base}});
}

}  // namespace care::schema
