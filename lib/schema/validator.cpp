// validate(), and the keywords that apply to any kind of value: $ref, type,
// enum, const, allOf, not, if/then/else. Numbers and strings are checked in
// scalars.cpp, lists and mappings in containers.cpp, anyOf and oneOf in
// alternatives.cpp.
#include "schema/validator.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "schema/checker.h"
#include "schema/uri.h"
#include "schema/walk.h"
#include "schema/wording.h"

namespace care::schema {

using doc::Node;

namespace detail {

using wording::subject;

bool has_type(const Node& value, std::string_view json_type) {
  if (json_type == "null") return value.is_null();
  if (json_type == "boolean") return value.is_bool();
  if (json_type == "string") return value.is_string();
  if (json_type == "array") return value.is_sequence();
  if (json_type == "object") return value.is_mapping();
  if (json_type == "number") return value.is_number();
  if (json_type == "integer") {
    if (value.is_integer()) return true;
    double x = value.as_number();
    return value.is_number() && std::isfinite(x) && std::floor(x) == x;
  }
  return false;
}

std::vector<std::string> declared_types(const Node& type) {
  std::vector<std::string> names;
  if (type.is_string()) names.push_back(type.text());
  for (const Node& item : type.items())
    if (item.is_string()) names.push_back(item.text());
  return names;
}

void Checker::report(const Here& here, const doc::Location& at, std::string_view keyword,
                     std::string message, std::string hint) const {
  here.out.push_back(
      diag::at(at, fmt::format("schema.{}", keyword), std::move(message), std::move(hint)));
}

SchemaAt Checker::child(const SchemaAt& parent, const Node& node) const {
  const std::string* id = own_id(node);
  if (!id) return SchemaAt{&node, parent.base};
  return SchemaAt{&node, uri::split_fragment(uri::resolve(parent.base, *id)).document};
}

std::optional<SchemaAt> Checker::follow_ref(const SchemaAt& schema) {
  const Node* ref = schema.node->is_mapping() ? schema.node->find("$ref") : nullptr;
  if (!ref || !ref->is_string()) return std::nullopt;
  std::string target = uri::resolve(schema.base, ref->text());
  if (auto cached = refs_.find(target); cached != refs_.end()) return cached->second;
  std::optional<SchemaAt> found;
  if (auto resolved = registry_.resolve(target))
    found = SchemaAt{resolved->schema, resolved->base};
  refs_.emplace(target, found);
  return found;
}

SchemaAt Checker::follow_refs(const SchemaAt& schema) {
  SchemaAt at = schema;
  for (int step = 0; step < 32; ++step) {  // a bound, in case the refs go round
    std::optional<SchemaAt> next = follow_ref(at);
    if (!next) break;
    at = *next;
  }
  return at;
}

bool Checker::valid(const SchemaAt& schema, const Node& value) {
  diag::Diagnostics problems;
  check(schema, value, std::string(), problems);
  return problems.empty();
}

void Checker::check(const SchemaAt& schema, const Node& value, const std::string& path,
                    diag::Diagnostics& out) {
  const Node& s = *schema.node;
  Here here{schema, value, path, out};
  if (s.is_bool()) {
    if (!s.as_bool())
      report(here, value.location(), "false", fmt::format("{}: no value is allowed here", subject(path)),
             "Remove it.");
    return;
  }
  if (!s.is_mapping()) return;
  if (const Node* ref = s.find("$ref"); ref && ref->is_string()) {
    check_ref(here, ref->text());  // draft-07: every sibling of "$ref" is ignored
    return;
  }
  // A value of the wrong type breaks every other keyword too; one message
  // about the type says it all.
  if (!check_type(here)) return;
  check_enum(here);
  check_const(here);
  if (value.is_number()) check_number(here);
  if (value.is_string()) check_string(here);
  if (value.is_sequence()) check_array(here);
  if (value.is_mapping()) check_object(here);
  check_all_of(here);
  check_any_of(here);
  check_one_of(here);
  check_not(here);
  check_conditional(here);
}

void Checker::check_ref(const Here& here, const std::string& ref) {
  std::optional<SchemaAt> target = follow_ref(here.schema);
  if (!target) {
    report(here, here.value.location(), "$ref",
           fmt::format("{}: the schema refers to \"{}\", which cannot be found",
                       subject(here.path), ref),
           "This is a fault in the schema, not in your file; tell whoever maintains the schemas.");
    return;
  }
  auto key = std::make_pair(target->node, &here.value);
  if (!active_.insert(key).second) return;
  check(*target, here.value, here.path, here.out);
  active_.erase(key);
}

bool Checker::check_type(const Here& here) {
  const Node* type = here.keyword("type");
  if (!type) return true;
  std::vector<std::string> names = declared_types(*type);
  if (names.empty()) return true;
  for (const std::string& name : names)
    if (has_type(here.value, name)) return true;
  std::vector<std::string> phrases;
  for (const std::string& name : names) phrases.push_back(wording::type_name(name));
  report(here, here.value.location(), "type",
         fmt::format("{}: expected {}, found {}", subject(here.path), wording::join_or(phrases),
                     wording::found(here.value, names)),
         wording::type_hint(names, here.value));
  return false;
}

void Checker::check_enum(const Here& here) {
  const Node* allowed = here.keyword("enum");
  if (!allowed || !allowed->is_sequence()) return;
  std::vector<const Node*> choices;
  std::vector<std::string> words;
  for (const Node& choice : allowed->items()) {
    if (doc::equal(choice, here.value)) return;
    choices.push_back(&choice);
    if (choice.is_string()) words.push_back(choice.text());
  }
  std::optional<std::string> meant;
  if (here.value.is_string()) meant = wording::closest(here.value.text(), words);
  // A list of 250 country codes helps nobody: past a dozen values, the
  // message only says the value is not allowed, and the hint relies on a
  // suggestion or on the schema's own description of the values.
  if (choices.size() > kMaxListedChoices) {
    std::string hint = meant ? fmt::format("Did you mean \"{}\"?", *meant)
                             : described(here, "Check the value against the list in the schema.");
    report(here, here.value.location(), "enum",
           fmt::format("{}: {} is not an allowed value", subject(here.path), wording::show(here.value)),
           std::move(hint));
    return;
  }
  std::string hint = "Use one of the listed values, spelt exactly as shown.";
  if (meant)
    hint = fmt::format("Use one of the listed values, spelt exactly as shown (did you mean \"{}\"?).",
                       *meant);
  report(here, here.value.location(), "enum",
         fmt::format("{}: {} is not one of: {}", subject(here.path), wording::show(here.value),
                     wording::show_choices(choices)),
         std::move(hint));
}

std::string Checker::described(const Here& here, std::string fallback) const {
  const Node* description = here.keyword("description");
  if (!description || !description->is_string() || description->text().empty()) return fallback;
  std::string text = description->text();
  if (text.back() != '.') text += '.';
  return "Expected: " + text;
}

void Checker::check_const(const Here& here) {
  const Node* expected = here.keyword("const");
  if (!expected || doc::equal(*expected, here.value)) return;
  std::string hint = expected->is_null()
                         ? std::string("Leave the value empty.")
                         : fmt::format("Write exactly {} here.", wording::show(*expected));
  report(here, here.value.location(), "const",
         fmt::format("{}: must be {}, found {}", subject(here.path), wording::show(*expected),
                     wording::show(here.value)),
         std::move(hint));
}

void Checker::check_all_of(const Here& here) {
  const Node* all = here.keyword("allOf");
  if (!all || !all->is_sequence()) return;
  for (const Node& part : all->items()) check(child(here.schema, part), here.value, here.path, here.out);
}

void Checker::check_not(const Here& here) {
  const Node* forbidden = here.keyword("not");
  if (!forbidden || !valid(child(here.schema, *forbidden), here.value)) return;
  // "not": {"required": [...]} is how a schema forbids a field; say which.
  const Node& inner = *follow_refs(child(here.schema, *forbidden)).node;
  const Node* required = inner.is_mapping() ? inner.find("required") : nullptr;
  if (required && here.value.is_mapping()) {
    for (const Node& name : required->items()) {
      if (!name.is_string() || !here.value.find(name.text())) continue;
      report(here, here.value.location(), "not",
             fmt::format("field \"{}\" is not allowed{}", name.text(), wording::in_place(here.path)),
             fmt::format("Remove the field \"{}\".", name.text()));
      return;
    }
  }
  report(here, here.value.location(), "not",
         fmt::format("{}: {} is not allowed here", subject(here.path), wording::show(here.value)),
         "Change it to a different value, or remove it.");
}

void Checker::check_conditional(const Here& here) {
  const Node* condition = here.keyword("if");
  if (!condition) return;
  bool holds = valid(child(here.schema, *condition), here.value);
  const Node* branch = here.keyword(holds ? "then" : "else");
  if (branch) check(child(here.schema, *branch), here.value, here.path, here.out);
}

}  // namespace detail

namespace {

// Document order, so that the same file always gives the same list; the
// same problem reached along two routes (allOf, $ref) is told once.
void in_document_order(diag::Diagnostics& all) {
  std::stable_sort(all.begin(), all.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::set<std::tuple<int, int, std::string, std::string>> seen;
  diag::Diagnostics unique;
  for (diag::Diagnostic& d : all) {
    if (seen.emplace(d.line, d.column, d.code, d.message).second) unique.push_back(std::move(d));
  }
  all = std::move(unique);
}

}  // namespace

diag::Diagnostics validate(const Registry& registry, const Node& instance,
                           std::string_view schema_uri) {
  diag::Diagnostics out;
  std::optional<Registry::Resolved> root = registry.resolve(schema_uri);
  if (!root) {
    out.push_back(diag::at(instance.location(), "schema.$ref",
                           fmt::format("the schema \"{}\" is not known", schema_uri),
                           "This is a fault in the program or its schemas, not in your file; "
                           "tell whoever maintains them."));
    return out;
  }
  detail::Checker checker(registry);
  checker.check(detail::SchemaAt{root->schema, root->base}, instance, std::string(), out);
  in_document_order(out);
  return out;
}

}  // namespace care::schema
