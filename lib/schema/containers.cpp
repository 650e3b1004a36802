// Keywords for lists and mappings.
#include <fmt/format.h>

#include "schema/checker.h"
#include "schema/wording.h"

namespace care::schema::detail {

using doc::Node;
using wording::subject;

namespace {

std::optional<std::size_t> count_limit(const Node* keyword) {
  if (!keyword || !keyword->is_number() || keyword->as_number() < 0) return std::nullopt;
  return static_cast<std::size_t>(keyword->as_number());
}

// The entries of a mapping keyword, or none when it is absent.
const std::vector<Node::Entry>& entries_of(const Node* keyword) {
  static const std::vector<Node::Entry> none;
  return keyword ? keyword->entries() : none;
}

bool is_false(const Node& schema) { return schema.is_bool() && !schema.as_bool(); }

// Whether the schema lets a person keep notes under "x-..." keys, so that
// the hint for an unknown field may suggest it.
bool allows_notes(const Node* patterns) {
  for (const Node::Entry& entry : entries_of(patterns)) {
    const Pattern* re = compiled_pattern(entry.key);
    if (re && re->search("x-notes") && !is_false(entry.value)) return true;
  }
  return false;
}

}  // namespace

void Checker::check_array(const Here& here) {
  check_items(here);
  const std::size_t n = here.value.items().size();
  const std::string has =
      fmt::format("{}: has {}", subject(here.path), wording::count(n, "entry", "entries"));
  if (auto most = count_limit(here.keyword("maxItems")); most && n > *most)
    report(here, here.value.location(), "maxItems",
           fmt::format("{}, but at most {} allowed", has, *most),
           fmt::format("Remove entries so that no more than {} remain.", *most));
  if (auto least = count_limit(here.keyword("minItems")); least && n < *least)
    report(here, here.value.location(), "minItems",
           fmt::format("{}, but needs at least {}", has, *least),
           fmt::format("Add entries so that there are at least {}.", *least));
  if (const Node* unique = here.keyword("uniqueItems"); unique && unique->is_bool() && unique->as_bool())
    check_unique(here);
  if (const Node* contains = here.keyword("contains")) check_contains(here, *contains);
}

void Checker::check_items(const Here& here) {
  const Node* items = here.keyword("items");
  if (!items) return;
  const std::vector<Node>& list = here.value.items();
  if (!items->is_sequence()) {
    for (std::size_t i = 0; i < list.size(); ++i)
      check(child(here.schema, *items), list[i], wording::item_path(here.path, i), here.out);
    return;
  }
  const std::size_t fixed = items->items().size();
  for (std::size_t i = 0; i < list.size() && i < fixed; ++i)
    check(child(here.schema, items->items()[i]), list[i], wording::item_path(here.path, i), here.out);
  const Node* extra = here.keyword("additionalItems");
  if (!extra || list.size() <= fixed) return;
  if (is_false(*extra)) {
    report(here, list[fixed].location(), "additionalItems",
           fmt::format("{}: has {}, but at most {} allowed", subject(here.path),
                       wording::count(list.size(), "entry", "entries"), fixed),
           fmt::format("Remove the entries after the first {}.", fixed));
    return;
  }
  for (std::size_t i = fixed; i < list.size(); ++i)
    check(child(here.schema, *extra), list[i], wording::item_path(here.path, i), here.out);
}

void Checker::check_unique(const Here& here) {
  const std::vector<Node>& list = here.value.items();
  for (std::size_t later = 1; later < list.size(); ++later) {
    for (std::size_t first = 0; first < later; ++first) {
      if (!doc::equal(list[first], list[later])) continue;
      std::string where = wording::item_path(here.path, later);
      std::string earlier = wording::item_path(here.path, first);
      report(here, list[later].location(), "uniqueItems",
             list[later].is_scalar()
                 ? fmt::format("{}: {} is already listed at {}", where, wording::show(list[later]), earlier)
                 : fmt::format("{}: repeats {}", where, earlier),
             "Remove the repeated entry.");
      break;
    }
  }
}

void Checker::check_contains(const Here& here, const Node& contains) {
  SchemaAt wanted = child(here.schema, contains);
  for (const Node& item : here.value.items())
    if (valid(wanted, item)) return;
  const Node& inner = *follow_refs(wanted).node;
  std::string hint = "Add an entry of the kind the schema asks for.";
  if (const Node* c = inner.is_mapping() ? inner.find("const") : nullptr)
    hint = fmt::format("Add the entry {}.", wording::show(*c));
  report(here, here.value.location(), "contains",
         fmt::format("{}: has no entry of the required kind", subject(here.path)), std::move(hint));
}

void Checker::check_object(const Here& here) {
  check_required(here);
  check_members(here);
  check_dependencies(here);
  if (const Node* names = here.keyword("propertyNames")) check_property_names(here, *names);
  const std::size_t n = here.value.size();
  const std::string has =
      fmt::format("{}: has {}", subject(here.path), wording::count(n, "field", "fields"));
  if (auto most = count_limit(here.keyword("maxProperties")); most && n > *most)
    report(here, here.value.location(), "maxProperties",
           fmt::format("{}, but at most {} allowed", has, *most),
           fmt::format("Remove fields so that no more than {} remain.", *most));
  if (auto least = count_limit(here.keyword("minProperties")); least && n < *least)
    report(here, here.value.location(), "minProperties",
           fmt::format("{}, but needs at least {}", has, *least),
           fmt::format("Add fields so that there are at least {}.", *least));
}

void Checker::check_required(const Here& here) {
  const Node* required = here.keyword("required");
  if (!required) return;
  for (const Node& name : required->items()) {
    if (!name.is_string() || here.value.find(name.text())) continue;
    report(here, here.value.location(), "required",
           fmt::format("missing required field \"{}\"{}", name.text(), wording::in_place(here.path)),
           fmt::format("Add the field \"{}\" {}.", name.text(), wording::to_place(here.path)));
  }
}

void Checker::check_members(const Here& here) {
  const Node* properties = here.keyword("properties");
  const Node* patterns = here.keyword("patternProperties");
  const Node* extra = here.keyword("additionalProperties");
  for (const Node::Entry& entry : here.value.entries()) {
    const std::string path = wording::child_path(here.path, entry.key);
    bool known = false;
    if (const Node* s = properties && properties->is_mapping() ? properties->find(entry.key) : nullptr) {
      known = true;
      check(child(here.schema, *s), entry.value, path, here.out);
    }
    for (const Node::Entry& pattern : entries_of(patterns)) {
      const Pattern* re = compiled_pattern(pattern.key);
      if (!re || !re->search(entry.key)) continue;
      known = true;
      check(child(here.schema, pattern.value), entry.value, path, here.out);
    }
    if (known || !extra) continue;
    if (is_false(*extra))
      check_unknown(here, entry);
    else
      check(child(here.schema, *extra), entry.value, path, here.out);
  }
}

void Checker::check_unknown(const Here& here, const Node::Entry& entry) {
  const Node* properties = here.keyword("properties");
  std::vector<std::string> candidates;
  for (const Node::Entry& p : entries_of(properties))
    if (!here.value.find(p.key)) candidates.push_back(p.key);
  std::string hint = allows_notes(here.keyword("patternProperties"))
                         ? "Remove it, or put your own notes under a key starting with x-."
                         : "Remove it.";
  if (auto meant = wording::closest(entry.key, candidates))
    hint = fmt::format("Check the spelling: did you mean \"{}\"?", *meant);
  report(here, entry.key_at.known() ? entry.key_at : entry.value.location(), "additionalProperties",
         fmt::format("unknown field \"{}\"{}", entry.key, wording::in_place(here.path)),
         std::move(hint));
}

void Checker::check_dependencies(const Here& here) {
  const Node* dependencies = here.keyword("dependencies");
  if (!dependencies || !dependencies->is_mapping()) return;
  for (const Node::Entry& dependency : dependencies->entries()) {
    const Node::Entry* trigger = here.value.find_entry(dependency.key);
    if (!trigger) continue;
    if (!dependency.value.is_sequence()) {
      check(child(here.schema, dependency.value), here.value, here.path, here.out);
      continue;
    }
    for (const Node& name : dependency.value.items()) {
      if (!name.is_string() || here.value.find(name.text())) continue;
      report(here, trigger->key_at.known() ? trigger->key_at : here.value.location(), "dependencies",
             fmt::format("missing field \"{}\"{}, needed because \"{}\" is given", name.text(),
                         wording::in_place(here.path), dependency.key),
             fmt::format("Add the field \"{}\" {}, or remove \"{}\".", name.text(),
                         wording::to_place(here.path), dependency.key));
    }
  }
}

void Checker::check_property_names(const Here& here, const Node& names) {
  SchemaAt rule = child(here.schema, names);
  for (const Node::Entry& entry : here.value.entries()) {
    // The name is checked as a string value of its own, located at the key.
    const Node name = Node::string(entry.key, entry.key_at);
    if (valid(rule, name)) continue;
    report(here, entry.key_at.known() ? entry.key_at : here.value.location(), "propertyNames",
           fmt::format("field name \"{}\"{} is not allowed", entry.key, wording::in_place(here.path)),
           "Rename the field, or remove it.");
  }
}

}  // namespace care::schema::detail
