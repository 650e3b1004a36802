// anyOf and oneOf. When no alternative fits, listing every alternative's
// problems would bury the one that matters, so the checks below try to work
// out which alternative was meant and report only that one's problems; if
// they cannot tell, they give a single summary.
#include <algorithm>

#include <fmt/format.h>

#include "schema/checker.h"
#include "schema/wording.h"

namespace care::schema::detail {

using doc::Node;
using wording::subject;

namespace {

const Node* property_schema(const Node& schema, const std::string& name) {
  const Node* properties = schema.is_mapping() ? schema.find("properties") : nullptr;
  return properties && properties->is_mapping() ? properties->find(name) : nullptr;
}

bool requires_field(const Node& schema, const std::string& name) {
  const Node* required = schema.is_mapping() ? schema.find("required") : nullptr;
  if (!required) return false;
  return std::any_of(required->items().begin(), required->items().end(),
                     [&](const Node& n) { return n.is_string() && n.text() == name; });
}

bool is_false_schema(const Node& schema) { return schema.is_bool() && !schema.as_bool(); }

void add_choice(std::vector<const Node*>& choices, const Node& value) {
  for (const Node* known : choices)
    if (doc::equal(*known, value)) return;
  choices.push_back(&value);
}

}  // namespace

std::vector<SchemaAt> Checker::branches(const Here& here, const Node& list) const {
  std::vector<SchemaAt> out;
  for (const Node& item : list.items()) out.push_back(child(here.schema, item));
  return out;
}

void Checker::check_any_of(const Here& here) {
  const Node* list = here.keyword("anyOf");
  if (!list || list->items().empty()) return;
  std::vector<SchemaAt> options = branches(here, *list);
  std::vector<diag::Diagnostics> results(options.size());
  for (std::size_t i = 0; i < options.size(); ++i) {
    check(options[i], here.value, here.path, results[i]);
    if (results[i].empty()) return;
  }
  explain_no_match(here, "anyOf", options, results);
}

void Checker::check_one_of(const Here& here) {
  const Node* list = here.keyword("oneOf");
  if (!list || list->items().empty()) return;
  std::vector<SchemaAt> options = branches(here, *list);
  std::vector<diag::Diagnostics> results(options.size());
  std::size_t fitting = 0;
  for (std::size_t i = 0; i < options.size(); ++i) {
    check(options[i], here.value, here.path, results[i]);
    if (results[i].empty()) ++fitting;
  }
  if (fitting == 1) return;
  if (fitting == 0) {
    explain_no_match(here, "oneOf", options, results);
    return;
  }
  report(here, here.value.location(), "oneOf",
         fmt::format("{}: fits more than one of the allowed forms, but must fit exactly one",
                     subject(here.path)),
         "Change it so that it fits only one form; if it looks right, tell whoever maintains the "
         "schemas.");
}

void Checker::explain_no_match(const Here& here, std::string_view keyword,
                               const std::vector<SchemaAt>& options,
                               std::vector<diag::Diagnostics>& results) {
  if (explain_by_tag(here, keyword, options, results)) return;
  if (explain_by_required(here, keyword, options, results)) return;
  if (explain_by_type(here, keyword, options, results)) return;
  auto closest = std::min_element(results.begin(), results.end(),
                                  [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::string hint = "Compare it with the forms the schema allows.";
  if (!closest->empty())
    hint = fmt::format("The closest form says: {}.", closest->front().message);
  report(here, here.value.location(), keyword,
         fmt::format("{}: does not match any of the allowed forms", subject(here.path)),
         std::move(hint));
}

// The field that tells the alternatives apart, if any: the first one that
// every alternative pins to fixed values with "const" or "enum".
std::optional<Checker::Tag> Checker::find_tag(const std::vector<SchemaAt>& resolved) {
  const Node* first_properties =
      resolved[0].node->is_mapping() ? resolved[0].node->find("properties") : nullptr;
  if (!first_properties) return std::nullopt;
  for (const Node::Entry& candidate : first_properties->entries()) {
    Tag tag{candidate.key, {}};
    bool pinned = std::all_of(resolved.begin(), resolved.end(), [&](const SchemaAt& option) {
      const Node* p = property_schema(*option.node, candidate.key);
      if (!p) return false;
      const Node& s = *follow_refs(child(option, *p)).node;
      const Node* c = s.is_mapping() ? s.find("const") : nullptr;
      const Node* e = s.is_mapping() ? s.find("enum") : nullptr;
      if (c) add_choice(tag.choices, *c);
      if (e) for (const Node& v : e->items()) add_choice(tag.choices, v);
      return c || (e && e->is_sequence());
    });
    if (pinned) return tag;
  }
  return std::nullopt;
}

// Alternatives that are all mappings told apart by one field with a fixed
// value ("kind": "referral" / "kind": "transfer"): the value of that field
// in the document says which alternative was meant.
bool Checker::explain_by_tag(const Here& here, std::string_view keyword,
                             const std::vector<SchemaAt>& options,
                             std::vector<diag::Diagnostics>& results) {
  if (!here.value.is_mapping() || options.size() < 2) return false;
  std::vector<SchemaAt> resolved;
  for (const SchemaAt& option : options) resolved.push_back(follow_refs(option));
  std::optional<Tag> tag = find_tag(resolved);
  if (!tag) return false;
  const Node* given = here.value.find(tag->field);
  if (!given) {
    bool all_require = std::all_of(resolved.begin(), resolved.end(), [&](const SchemaAt& o) {
      return requires_field(*o.node, tag->field);
    });
    if (!all_require) return false;
    report(here, here.value.location(), keyword,
           fmt::format("missing required field \"{}\"{}", tag->field, wording::in_place(here.path)),
           fmt::format("Add the field \"{}\" {}, with one of: {}.", tag->field,
                       wording::to_place(here.path), wording::show_choices(tag->choices)));
    return true;
  }
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    if (!valid(child(resolved[i], *property_schema(*resolved[i].node, tag->field)), *given)) continue;
    here.out.insert(here.out.end(), results[i].begin(), results[i].end());
    return true;
  }
  report_bad_tag(here, keyword, *tag, *given);
  return true;
}

void Checker::report_bad_tag(const Here& here, std::string_view keyword, const Tag& tag,
                             const Node& given) {
  std::vector<std::string> words;
  for (const Node* c : tag.choices)
    if (c->is_string()) words.push_back(c->text());
  std::string hint = "Use one of the listed values, spelt exactly as shown.";
  if (given.is_string())
    if (auto meant = wording::closest(given.text(), words))
      hint = fmt::format("Use one of the listed values, spelt exactly as shown (did you mean \"{}\"?).",
                         *meant);
  report(here, given.location(), keyword,
         fmt::format("{}: {} is not one of: {}", wording::child_path(here.path, tag.field),
                     wording::show(given), wording::show_choices(tag.choices)),
         std::move(hint));
}

// Alternatives that only differ in which fields they require ("given" or
// "family"): say which fields would do.
bool Checker::explain_by_required(const Here& here, std::string_view keyword,
                                  const std::vector<SchemaAt>& options,
                                  const std::vector<diag::Diagnostics>& results) {
  if (!here.value.is_mapping()) return false;
  const doc::Location& at = here.value.location();
  std::vector<std::string> alternatives;
  for (std::size_t i = 0; i < options.size(); ++i) {
    bool only_missing = std::all_of(results[i].begin(), results[i].end(), [&](const auto& d) {
      return d.code == "schema.required" && d.line == at.line && d.column == at.column;
    });
    const Node& s = *follow_refs(options[i]).node;
    const Node* required = s.is_mapping() ? s.find("required") : nullptr;
    if (!only_missing || !required) return false;
    std::vector<std::string> missing;
    for (const Node& name : required->items())
      if (name.is_string() && !here.value.find(name.text()))
        missing.push_back(fmt::format("\"{}\"", name.text()));
    if (missing.empty()) return false;
    std::string fields = missing.size() == 1 ? missing[0] : "both " + wording::join_and(missing);
    if (std::find(alternatives.begin(), alternatives.end(), fields) == alternatives.end())
      alternatives.push_back(fields);
  }
  std::string either = wording::join_or(alternatives);
  report(here, at, keyword, fmt::format("missing field {}{}", either, wording::in_place(here.path)),
         fmt::format("Add {} {}.", either, wording::to_place(here.path)));
  return true;
}

// Alternatives of different types ("a date, or empty"): if the value's type
// rules out all but one, that one was meant; if it rules out all, the type
// is what is wrong.
bool Checker::explain_by_type(const Here& here, std::string_view keyword,
                              const std::vector<SchemaAt>& options,
                              std::vector<diag::Diagnostics>& results) {
  std::vector<std::size_t> admitting;
  std::vector<std::string> types;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const Node& s = *follow_refs(options[i]).node;
    if (is_false_schema(s)) continue;
    const Node* type = s.is_mapping() ? s.find("type") : nullptr;
    if (!type) {
      admitting.push_back(i);
      continue;
    }
    std::vector<std::string> names = declared_types(*type);
    for (const std::string& name : names)
      if (std::find(types.begin(), types.end(), name) == types.end()) types.push_back(name);
    if (names.empty() || std::any_of(names.begin(), names.end(),
                                     [&](const std::string& n) { return has_type(here.value, n); }))
      admitting.push_back(i);
  }
  if (admitting.size() == 1) {
    here.out.insert(here.out.end(), results[admitting[0]].begin(), results[admitting[0]].end());
    return true;
  }
  if (!admitting.empty() || types.empty()) return false;
  std::vector<std::string> phrases;
  for (const std::string& name : types) phrases.push_back(wording::type_name(name));
  report(here, here.value.location(), keyword,
         fmt::format("{}: expected {}, found {}", subject(here.path), wording::join_or(phrases),
                     wording::found(here.value, types)),
         wording::type_hint(types, here.value));
  return true;
}

}  // namespace care::schema::detail
