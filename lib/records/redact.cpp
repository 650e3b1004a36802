#include "records/redact.h"

#include <algorithm>

#include <fmt/format.h>

#include "records/field_rules.h"
#include "records/kind.h"
#include "schema/catalog.h"

namespace care::records {
namespace {

constexpr std::string_view kManual = "care-records(5) describes the identity record.";
constexpr std::string_view kFixHere = "Correct it at this line and column; care-records(5) describes the identity record.";
constexpr std::string_view kSyntaxHint =
    "Check the indentation and that each \"key: value\" has a space after the colon; "
    "quote values that contain \": \" or \" #\".";

struct Told {
  std::string message;
  std::string hint;
};

Pointing pointing_of(std::string_view keyword) {
  if (keyword == "additionalProperties" || keyword == "propertyNames" || keyword == "dependencies")
    return Pointing::AtKey;
  for (std::string_view k : {"required", "minProperties", "maxProperties", "anyOf", "oneOf", "not", "contains"})
    if (keyword == k) return Pointing::AtContainer;
  return Pointing::AtValue;
}

std::string listed(const std::vector<std::string>& words, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? std::string(last) : std::string(", ")) + words[i];
  return out;
}

std::string type_words(const std::vector<std::string>& types) {
  std::vector<std::string> words;
  for (const std::string& t : types)
    words.push_back(t == "string"    ? "text"
                    : t == "integer" ? "a whole number"
                    : t == "number"  ? "a number"
                    : t == "boolean" ? "true or false"
                    : t == "array"   ? "a list"
                    : t == "object"  ? "a mapping of fields"
                    : t == "null"    ? "empty"
                                     : "of type " + t);
  return listed(words, " or ");
}

std::string type_hint(const std::vector<std::string>& types) {
  if (types.size() != 1) return std::string(kManual);
  const std::string& t = types[0];
  if (t == "string") return "Write it as text; quote it if it could be taken for a number, a date or true/false.";
  if (t == "integer") return "Write a whole number, without quotes or decimals.";
  if (t == "boolean") return "Write true or false, without quotes.";
  if (t == "array") return "Write a list here, one entry per line, each starting with \"- \".";
  if (t == "object") return "Write the fields here as indented \"name: value\" lines.";
  return std::string(kManual);
}

std::string described(const FieldRules& r) {
  if (!r.description || r.description->empty()) return std::string(kManual);
  std::string text = *r.description;
  return "Expected: " + text + (text.back() == '.' ? "" : ".");
}

std::string count(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The first "quoted" word of a message, if the schema requires a field of that name here.
std::optional<std::string> required_named(const std::string& message, const FieldRules& r) {
  std::size_t open = message.find('"');
  std::size_t close = open == std::string::npos ? open : message.find('"', open + 1);
  if (close == std::string::npos) return std::nullopt;
  std::string name = message.substr(open + 1, close - open - 1);
  for (const std::string& f : r.required)
    if (f == name) return name;
  return std::nullopt;
}

std::string alternatives(const FieldRules& r) {
  std::vector<std::string> sets;
  for (const auto& set : r.any_of_required) sets.push_back(listed(set, " and "));
  return listed(sets, " or ");
}

Told unknown_field(const FieldRules& r) {
  std::string hint = r.fields.empty() ? "Remove it" : "Remove it, or rename it to one of: " + listed(r.fields, ", ");
  hint += r.own_keys ? "; notes of your own may go under a key starting with x-." : ".";
  return {"has a field that is not allowed here", hint};
}

Told missing_field(const diag::Diagnostic& d, const FieldRules& r) {
  if (auto name = required_named(d.message, r))
    return {fmt::format("misses the required field \"{}\"", *name), fmt::format("Add the field \"{}\".", *name)};
  if (r.required.empty()) return {"misses a required field", std::string(kManual)};
  return {"misses a required field", fmt::format("The fields required here are: {}.", listed(r.required, ", "))};
}

Told by_shape(std::string_view keyword, const FieldRules& r) {
  if (keyword == "minItems")
    return {fmt::format("must have at least {}", count(r.min_items.value_or(1), "entry", "entries")),
            "Add the missing entries, or remove the field."};
  if (keyword == "maxItems")
    return {fmt::format("must have at most {}", count(r.max_items.value_or(0), "entry", "entries")),
            "Remove entries."};
  if (keyword == "uniqueItems") return {"repeats an entry of the list", "Remove the repeated entry."};
  if ((keyword == "anyOf" || keyword == "oneOf") && !r.any_of_required.empty())
    return {"needs one of the fields " + alternatives(r), "Add " + alternatives(r) + "."};
  if (keyword == "anyOf" || keyword == "oneOf") return {"does not have any of the allowed forms", std::string(kManual)};
  if (keyword == "not") return {"is not allowed here", "Remove it."};
  if (keyword == "false") return {"no value is allowed here", "Remove it."};
  return {fmt::format("breaks the identity schema's \"{}\" rule", keyword), std::string(kFixHere)};
}

// value: the value itself, when the record is known; only its type is looked at.
Told by_value(std::string_view keyword, const FieldRules& r, const doc::Node* value) {
  bool text = !r.types.empty() && r.types[0] == "string";
  if (keyword == "type" && value && value->is_null()) return {"must be " + type_words(r.types), "Fill in a value here."};
  if (keyword == "type") return {"must be " + type_words(r.types), type_hint(r.types)};
  if (keyword == "enum")
    return {"is not one of the allowed values",
            !r.choices.empty() && r.choices.size() <= 12 ? "Use one of: " + listed(r.choices, ", ") + "." : described(r)};
  if (keyword == "const") {
    std::string c = text ? fmt::format("\"{}\"", r.constant.value_or("")) : r.constant.value_or("");
    return {"must be exactly " + c, "Write exactly " + c + " here."};
  }
  if (keyword == "pattern")
    return {"does not match the required pattern",
            r.example ? fmt::format("Write it in the same form as \"{}\".", *r.example) : described(r)};
  if (keyword == "format")
    return {r.format == "date" ? "is not a valid date" : "is not a valid " + r.format.value_or("value"), described(r)};
  if (keyword == "minLength" && r.min_length.value_or(1) <= 1) return {"must not be empty", "Fill it in, or remove the field."};
  if (keyword == "minLength")
    return {fmt::format("is too short (at least {})", count(*r.min_length, "character", "characters")),
            fmt::format("Write at least {}.", count(*r.min_length, "character", "characters"))};
  if (keyword == "maxLength")
    return {fmt::format("is too long (at most {})", count(r.max_length.value_or(0), "character", "characters")),
            fmt::format("Shorten it to {} or fewer.", count(r.max_length.value_or(0), "character", "characters"))};
  return by_shape(keyword, r);
}

const std::string& identity_schema() {
  static const std::string uri = schema::uri_for(info(Kind::Identity).schema_file);
  return uri;
}

// The field d is about: from the record's tree when known, else read back
// from the start of d's message.
std::optional<FieldPath> field_of(const diag::Diagnostic& d, const doc::Node* record, Pointing how) {
  std::optional<FieldPath> path;
  if (record) path = field_at(*record, d.file, d.line, d.column, how);
  if (path && how == Pointing::AtKey && !path->empty()) path->pop_back();  // the mapping that has the key
  return path ? path : path_in_message(d.message);
}

// The path as far as the schema names it: a key it does not name is a
// person's text. "the top level" for the record itself.
std::string shown(FieldPath path) {
  path.resize(std::min(path.size(), rules_at(identity_schema(), path).named));
  return path.empty() ? "the top level" : path_text(path);
}

Told schema_problem(const diag::Diagnostic& d, const doc::Node* record) {
  std::string keyword = d.code.substr(7);
  Pointing how = pointing_of(keyword);
  auto path = field_of(d, record, how);
  FieldPath field = path.value_or(FieldPath{});
  FieldRules rules = rules_at(identity_schema(), field);
  Told told = !path || rules.named != field.size()
                  ? Told{fmt::format("breaks the identity schema's \"{}\" rule", keyword), std::string(kFixHere)}
              : how == Pointing::AtKey && keyword != "dependencies" ? unknown_field(rules)
              : keyword == "required"                              ? missing_field(d, rules)
                                                                   : by_value(keyword, rules, record ? node_at(*record, field) : nullptr);
  return {shown(field) + ": " + told.message, told.hint};
}

// The parser's own words, only as far as they are its fixed wording: a
// value it quotes always follows a colon.
std::string parser_reason(const std::string& message) {
  std::string_view text = message;
  if (text.starts_with("YAML syntax error: ")) text.remove_prefix(19);
  text = text.substr(0, text.find(':'));
  bool fixed = !text.empty() && text.size() <= 80 && text.find_first_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -,'") == std::string_view::npos;
  return fixed ? ": " + std::string(text) : "";
}

// Problems of reading and writing: the wording is fixed here, so that no
// later change to the words of the reader or the writer can bring a value in.
std::optional<Told> fixed_problem(const diag::Diagnostic& d) {
  const std::string& c = d.code;
  if (c == "yaml.syntax") return Told{"YAML syntax error" + parser_reason(d.message), std::string(kSyntaxHint)};
  if (c == "yaml.duplicate-key")
    return Told{"a key is given twice in this mapping", "Keep one of the two entries and delete the other."};
  if (c == "yaml.tag")
    return Told{"tags (!name) are not allowed in records", "Remove the tag; quote the value if it must be read as text."};
  if (c == "yaml.key") return Told{"a key must be a plain word or text", "Write the key as text, such as \"given:\"."};
  if (c == "yaml.alias")
    return Told{"aliases (*name) are not allowed in records", "Write the value out in full where the alias stands."};
  if (c == "yaml.anchor")
    return Told{"anchors (&name) are not allowed in records", "Remove the anchor and write each value out in full."};
  if (c == "yaml.depth")
    return Told{"the nesting is too deep", "Records are shallow; check the indentation of this part of the file."};
  if (c == "yaml.documents")
    return Told{"the file holds more than one YAML document",
                "Keep one record per file; remove the \"---\" separator and what follows it."};
  if (c == "yaml.size")
    return Told{"the file is too large for a record", "Check that this is the right file; records are a few kilobytes."};
  if (c == "yaml.encoding") return Told{"the file is not valid UTF-8 text", "Save the file as UTF-8 in your editor."};
  if (c == "write.comments")
    return Told{"this record holds comments that rewriting it would lose",
                "Move the comments into the notes field (or an x- field) and run the command again, "
                "or pass --drop-comments to let them go."};
  if (c == "input.shape")
    return Told{"the input must be a mapping of fields", "Write the input as \"field: value\" lines, in the shape of the record."};
  if (c.starts_with("yaml.")) return Told{fmt::format("the YAML cannot be read here ({})", c), std::string(kSyntaxHint)};
  return std::nullopt;
}

Told rule_problem(const diag::Diagnostic& d, const doc::Node* record) {
  auto path = field_of(d, record, Pointing::AtValue);
  std::string subject = path ? shown(*path) : "a field";
  if (d.code == "rule.id-matches-folder")
    return {subject + ": does not match the case folder the file is in",
            "Move the file to the folder of its case, or correct the case ID inside it."};
  return {fmt::format("{}: breaks the rule \"{}\"", subject, d.code.substr(5)), std::string(kFixHere)};
}

// Problems about a whole file (it cannot be read, it sits in the wrong
// place) name files and cases, never a value: they are kept as they are.
bool about_the_file(const diag::Diagnostic& d) {
  if (d.line != 0) return false;
  return d.code.starts_with("file.") || d.code.starts_with("folder.") || d.code == "write.failed" ||
         d.code == "write.internal" || d.code == "show.unreadable" || d.code == "rule.case-missing";
}

}  // namespace

void redact(diag::Diagnostic& d, const doc::Node* record) {
  d.excerpt.clear();
  if (about_the_file(d)) return;
  Told told = d.code.starts_with("schema.") ? schema_problem(d, record)
              : d.code.starts_with("rule.")  ? rule_problem(d, record)
                                             : fixed_problem(d).value_or(Told{
                                                   fmt::format("a problem of the kind \"{}\" (identity data is not shown)", d.code),
                                                   std::string(kFixHere)});
  d.message = std::move(told.message);
  d.hint = std::move(told.hint);
}

bool points_into(const diag::Diagnostic& d, const doc::Node& record) {
  return field_at(record, d.file, d.line, d.column, Pointing::AtValue).has_value();
}

}  // namespace care::records
