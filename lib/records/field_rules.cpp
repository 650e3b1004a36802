#include "records/field_rules.h"

#include "schema/catalog.h"

namespace care::records {
using doc::Node;
namespace {

// A schema object that applies to the field, with the document its "$ref"s
// are read against.
struct Facet {
  const Node* node = nullptr;
  std::string document;
};

std::string without_fragment(const std::string& uri) { return uri.substr(0, uri.find('#')); }

// The catalog's schemas all sit under one base URI and refer to each other
// by file name ("common.schema.json#/definitions/date") or by fragment.
std::optional<Facet> follow(const Facet& from, const std::string& ref) {
  std::string uri = ref.starts_with('#')                      ? from.document + ref
                    : ref.find("://") != std::string::npos ? ref
                                                              : std::string(schema::kBaseUri) + ref;
  auto found = schema::catalog().resolve(uri);
  if (!found || !found->schema) return std::nullopt;
  return Facet{found->schema, without_fragment(found->base)};
}

// f and every schema it brings in through "$ref" and "allOf".
void gather(const Facet& f, std::vector<Facet>& out, int depth = 0) {
  if (depth > 16 || !f.node || !f.node->is_mapping()) return;
  out.push_back(f);
  if (const Node* ref = f.node->find("$ref"); ref && ref->is_string())
    if (auto target = follow(f, ref->text())) gather(*target, out, depth + 1);
  if (const Node* all = f.node->find("allOf"))
    for (const Node& part : all->items()) gather(Facet{&part, f.document}, out, depth + 1);
}

std::vector<Facet> child_by_key(const std::vector<Facet>& here, const std::string& key) {
  std::vector<Facet> out;
  for (const Facet& f : here)
    if (const Node* properties = f.node->find("properties"))
      if (const Node* s = properties->find(key)) gather(Facet{s, f.document}, out);
  return out;
}

std::vector<Facet> child_by_index(const std::vector<Facet>& here, std::size_t index) {
  std::vector<Facet> out;
  for (const Facet& f : here) {
    const Node* items = f.node->find("items");
    if (items && items->is_mapping()) gather(Facet{items, f.document}, out);
    if (items && items->is_sequence() && index < items->items().size())
      gather(Facet{&items->items()[index], f.document}, out);
  }
  return out;
}

std::string as_text(const Node& n) {
  if (n.is_bool()) return n.as_bool() ? "true" : "false";
  if (n.is_null()) return "null";
  return n.text();
}

std::optional<std::int64_t> whole(const Node* n) {
  if (!n || !n->is_number()) return std::nullopt;
  return static_cast<std::int64_t>(n->as_number());
}

std::vector<std::string> texts(const Node* list) {
  std::vector<std::string> out;
  if (list && list->is_string()) out.push_back(list->text());
  if (list)
    for (const Node& item : list->items()) out.push_back(as_text(item));
  return out;
}

void add_alternatives(const Node* list, FieldRules& r) {
  if (!list || list->items().empty()) return;
  std::vector<std::vector<std::string>> sets;
  for (const Node& branch : list->items()) {
    if (!branch.is_mapping() || branch.size() != 1 || !branch.find("required")) return;
    sets.push_back(texts(branch.find("required")));
  }
  r.any_of_required = std::move(sets);
}

// Outer facets speak for the field first; the description is taken from the
// innermost, which is the one that says what form the value takes.
void read_facet(const Facet& f, FieldRules& r) {
  const Node& s = *f.node;
  auto set_once = [](auto& slot, auto value) {
    if (!slot && value) slot = value;
  };
  if (r.types.empty()) r.types = texts(s.find("type"));
  if (r.choices.empty()) r.choices = texts(s.find("enum"));
  if (const Node* c = s.find("const"); c && !r.constant) r.constant = as_text(*c);
  if (const Node* e = s.find("examples"); e && !e->items().empty() && !r.example) r.example = as_text(e->items()[0]);
  if (const Node* d = s.find("description"); d && d->is_string()) r.description = d->text();
  if (const Node* fm = s.find("format"); fm && fm->is_string() && !r.format) r.format = fm->text();
  set_once(r.min_length, whole(s.find("minLength")));
  set_once(r.max_length, whole(s.find("maxLength")));
  set_once(r.min_items, whole(s.find("minItems")));
  set_once(r.max_items, whole(s.find("maxItems")));
  if (const Node* p = s.find("properties"))
    for (const Node::Entry& e : p->entries()) r.fields.push_back(e.key);
  for (const std::string& name : texts(s.find("required"))) r.required.push_back(name);
  if (const Node* patterns = s.find("patternProperties"))
    r.own_keys = r.own_keys || patterns->find("^x-") != nullptr;
  if (r.any_of_required.empty()) add_alternatives(s.find("anyOf"), r);
  if (r.any_of_required.empty()) add_alternatives(s.find("oneOf"), r);
}

}  // namespace

FieldRules rules_at(std::string_view schema_uri, const FieldPath& path) {
  FieldRules rules;
  std::vector<Facet> here;
  auto root = schema::catalog().resolve(schema_uri);
  if (root && root->schema) gather(Facet{root->schema, without_fragment(root->base)}, here);
  for (const FieldStep& step : path) {
    auto next = step.index ? child_by_index(here, *step.index) : child_by_key(here, step.key);
    if (next.empty()) break;
    here = std::move(next);
    ++rules.named;
  }
  for (const Facet& f : here) read_facet(f, rules);
  return rules;
}

}  // namespace care::records
