// The schema validator on small YAML documents: what each keyword says, and
// where it says it.
#include <doctest/doctest.h>

#include <string>

#include "doc/yaml_io.h"
#include "schema/validator.h"

namespace {

using care::diag::Diagnostic;
using care::diag::Diagnostics;
using care::doc::Node;
using care::schema::Registry;

const std::string kUri = "https://test.invalid/schemas/case.schema.json";

Node read(std::string text, std::string path) {
  auto parsed = care::doc::parse(std::move(text), std::move(path));
  INFO(text);
  REQUIRE(parsed.root.has_value());
  return *parsed.root;
}

Registry registry_of(const std::string& schema_json) {
  Registry registry;
  registry.add(read(schema_json, "case.schema.json"), kUri);
  return registry;
}

Diagnostics validate(const std::string& schema_json, const std::string& record_yaml) {
  return care::schema::validate(registry_of(schema_json), read(record_yaml, "case.yaml"), kUri);
}

// Exactly one problem, with this code, at this place.
Diagnostic only(const Diagnostics& all, const std::string& code, int line, int column) {
  REQUIRE(all.size() == 1);
  CHECK(all[0].code == code);
  CHECK(all[0].file == "case.yaml");
  CHECK(all[0].line == line);
  CHECK(all[0].column == column);
  return all[0];
}

std::string keys_of(const Node& mapping) {
  std::string out;
  for (const auto& entry : mapping.entries()) out += (out.empty() ? "" : ",") + entry.key;
  return out;
}

}  // namespace

TEST_CASE("validator: type names the field, what was expected and what was found") {
  const std::string schema = R"({"properties": {"participants": {"type": "integer"},
                                                "code": {"type": "string"}}})";
  Diagnostic d = only(validate(schema, "participants: \"12\"\n"), "schema.type", 1, 15);
  CHECK(d.message == "participants: expected an integer, found a string");
  CHECK(d.hint == "Remove the quotes around 12 so that it is read as a number.");
  CHECK(d.excerpt == "participants: \"12\"");

  d = only(validate(schema, "participants: 2.5\n"), "schema.type", 1, 15);
  CHECK(d.message == "participants: expected an integer, found 2.5");
  CHECK(d.hint == "Write a whole number, without decimals.");

  d = only(validate(schema, "code: 12\n"), "schema.type", 1, 7);
  CHECK(d.message == "code: expected a string, found a number");
  CHECK(d.hint == "Put the value in double quotes, like \"12\", so that it is read as text.");

  CHECK(validate(schema, "participants: 1.0\n").empty());
  CHECK(validate(schema, "participants: 3\ncode: \"0012\"\n").empty());
}

TEST_CASE("validator: type lists several allowed types") {
  Diagnostic d = only(validate(R"({"type": ["string", "null"]})", "- a\n"), "schema.type", 1, 1);
  CHECK(d.message == "the top level: expected a string or an empty value, found a list");
}

TEST_CASE("validator: enum lists the allowed values and suggests a near miss") {
  const std::string schema =
      R"({"properties": {"sex": {"enum": ["female", "male", "other", "unknown"]}}})";
  Diagnostic d = only(validate(schema, "sex: F\n"), "schema.enum", 1, 6);
  CHECK(d.message == "sex: \"F\" is not one of: female, male, other, unknown");
  CHECK(d.hint == "Use one of the listed values, spelt exactly as shown.");

  d = only(validate(schema, "sex: Female\n"), "schema.enum", 1, 6);
  CHECK(d.hint ==
        "Use one of the listed values, spelt exactly as shown (did you mean \"female\"?).");
  CHECK(validate(schema, "sex: other\n").empty());
}

TEST_CASE("validator: a long enum is not listed; the description or a suggestion helps instead") {
  std::string codes;
  for (char c = 'A'; c <= 'Z'; ++c) codes += std::string(codes.empty() ? "" : ", ") + "\"A" + c + "\"";
  const std::string schema = R"({"properties": {"office": {"enum": [)" + codes +
                             R"(], "description": "A country code in capitals, e.g. AT"}}})";
  Diagnostic d = only(validate(schema, "office: UK\n"), "schema.enum", 1, 9);
  CHECK(d.message == "office: \"UK\" is not an allowed value");
  CHECK(d.hint == "Expected: A country code in capitals, e.g. AT.");
  d = only(validate(schema, "office: at\n"), "schema.enum", 1, 9);
  CHECK(d.hint == "Did you mean \"AT\"?");
}

TEST_CASE("validator: const") {
  Diagnostic d = only(validate(R"({"properties": {"kind": {"const": "referral"}}})", "kind: refer\n"),
                      "schema.const", 1, 7);
  CHECK(d.message == "kind: must be \"referral\", found \"refer\"");
  CHECK(d.hint == "Write exactly \"referral\" here.");
}

TEST_CASE("validator: required is reported at the mapping that lacks the field") {
  const std::string schema = R"({
    "required": ["id"],
    "properties": {"referral": {"required": ["source", "date"]}}})";
  Diagnostics all = validate(schema, "id: C-1\nreferral:\n  source: police\n");
  Diagnostic d = only(all, "schema.required", 3, 3);
  CHECK(d.message == "missing required field \"date\" in referral");
  CHECK(d.hint == "Add the field \"date\" to referral.");

  d = only(validate(schema, "referral:\n  source: police\n  date: 2024-01-01\n"), "schema.required", 1, 1);
  CHECK(d.message == "missing required field \"id\"");
  CHECK(d.hint == "Add the field \"id\" at the top level of the file.");
}

TEST_CASE("validator: additionalProperties points at the unknown key and suggests a spelling") {
  const std::string schema = R"({
    "properties": {"referral": {}, "id": {}},
    "patternProperties": {"^x-": {}},
    "additionalProperties": false})";
  Diagnostic d = only(validate(schema, "id: C-1\nrefferal: yes\n"), "schema.additionalProperties", 2, 1);
  CHECK(d.message == "unknown field \"refferal\"");
  CHECK(d.hint == "Check the spelling: did you mean \"referral\"?");

  d = only(validate(schema, "id: C-1\n  # note\nweather: fine\n"), "schema.additionalProperties", 3, 1);
  CHECK(d.hint == "Remove it, or put your own notes under a key starting with x-.");
  CHECK(validate(schema, "x-weather: fine\n").empty());

  // Without an x- pattern there is nowhere else to put it.
  d = only(validate(R"({"properties": {"a": {"additionalProperties": false}}})", "a:\n  zzz: 1\n"),
           "schema.additionalProperties", 2, 3);
  CHECK(d.message == "unknown field \"zzz\" in a");
  CHECK(d.hint == "Remove it.");
}

TEST_CASE("validator: additionalProperties as a schema, and patternProperties") {
  const std::string schema = R"({
    "patternProperties": {"^n_": {"type": "integer"}},
    "additionalProperties": {"type": "string"}})";
  Diagnostics all = validate(schema, "n_a: x\nb: 2\nc: ok\n");
  REQUIRE(all.size() == 2);
  CHECK(all[0].message == "n_a: expected an integer, found a string");
  CHECK(all[1].message == "b: expected a string, found a number");
  CHECK(all[1].line == 2);
}

TEST_CASE("validator: paths name list entries and nested fields") {
  const std::string schema = R"({"properties": {"items": {"items": {
      "properties": {"budget": {"properties": {"amount": {"minimum": 0}}}}}}}})";
  Diagnostic d = only(validate(schema, "items:\n  - {}\n  - {}\n  - budget:\n      amount: -5\n"),
                      "schema.minimum", 5, 15);
  CHECK(d.message == "items[2].budget.amount: -5 is less than the minimum of 0");
  CHECK(d.hint == "Use a value of 0 or more.");
}

TEST_CASE("validator: numeric bounds") {
  const std::string schema = R"({"properties": {
      "age": {"maximum": 120, "exclusiveMinimum": 0},
      "share": {"exclusiveMaximum": 1, "minimum": 0.5}}})";
  CHECK(only(validate(schema, "age: 130\n"), "schema.maximum", 1, 6).message ==
        "age: 130 is more than the maximum of 120");
  CHECK(only(validate(schema, "age: 0\n"), "schema.exclusiveMinimum", 1, 6).message ==
        "age: 0 must be more than 0");
  CHECK(only(validate(schema, "share: 1\n"), "schema.exclusiveMaximum", 1, 8).message ==
        "share: 1 must be less than 1");
  CHECK(only(validate(schema, "share: 0.25\n"), "schema.minimum", 1, 8).hint ==
        "Use a value of 0.5 or more.");
  CHECK(validate(schema, "age: 120\nshare: 0.5\n").empty());
}

TEST_CASE("validator: multipleOf is exact for decimals") {
  const std::string schema = R"({"properties": {"amount": {"multipleOf": 0.01},
                                                "tiny": {"multipleOf": 0.0001}}})";
  Diagnostic d = only(validate(schema, "amount: 10.005\n"), "schema.multipleOf", 1, 9);
  CHECK(d.message == "amount: 10.005 is not a multiple of 0.01");
  CHECK(d.hint == "Round it to 2 decimal places.");
  CHECK(validate(schema, "amount: 10.05\n").empty());
  CHECK(validate(schema, "amount: 0.07\n").empty());  // 0.07 / 0.01 is not whole in binary
  CHECK(validate(schema, "tiny: 0.0075\n").empty());
  CHECK(validate(schema, "tiny: 0.00751\n").size() == 1);
  CHECK(validate(schema, "amount: 12\n").empty());
}

TEST_CASE("validator: string lengths count characters, not bytes") {
  const std::string schema = R"({"properties": {"name": {"maxLength": 3, "minLength": 2}}})";
  CHECK(validate(schema, "name: élé\n").empty());      // 6 bytes, 3 characters
  CHECK(validate(schema, "name: \"💩💩\"\n").empty());  // 8 bytes, 2 characters
  Diagnostic d = only(validate(schema, "name: élan\n"), "schema.maxLength", 1, 7);
  CHECK(d.message == "name: is too long (4 characters; at most 3 allowed)");
  CHECK(d.hint == "Shorten it to 3 characters or fewer.");
  d = only(validate(schema, "name: \"💩\"\n"), "schema.minLength", 1, 7);
  CHECK(d.message == "name: \"💩\" is too short (1 character; at least 2 needed)");
  CHECK(only(validate(schema, "name: \"\"\n"), "schema.minLength", 1, 7).message == "name: is empty");
}

TEST_CASE("validator: pattern uses the schema's example in its hint") {
  const std::string schema = R"({"properties": {
      "id": {"pattern": "^C-[0-9]{4}$", "examples": ["C-0001"]},
      "code": {"pattern": "^[A-Z]{2}$"}}})";
  Diagnostic d = only(validate(schema, "id: C-12\n"), "schema.pattern", 1, 5);
  CHECK(d.message == "id: \"C-12\" is not in the expected form");
  CHECK(d.hint == "Write it in the same form as \"C-0001\".");
  CHECK(only(validate(schema, "code: abc\n"), "schema.pattern", 1, 7).hint ==
        "Write it in the form the pattern \"^[A-Z]{2}$\" describes.");
  CHECK(validate(schema, "id: C-1234\ncode: UA\n").empty());
  d = only(validate(R"({"pattern": "^[A-Z]{2}-[0-9]{4}$", "description": "A case ID, e.g. AT-2014."})",
                    "AT-14\n"),
           "schema.pattern", 1, 1);
  CHECK(d.hint == "Expected: A case ID, e.g. AT-2014.");
  // The pattern is searched for, not matched against the whole value.
  CHECK(validate(R"({"pattern": "b"})", "abc\n").empty());
}

TEST_CASE("validator: a pattern the matcher refuses is reported as the schema's fault") {
  // Lookahead is not supported: the value cannot be checked, and says so.
  Diagnostic d = only(validate(R"js({"properties": {"id": {"pattern": "^(?=C)C-[0-9]+$"}}})js", "id: C-12\n"),
                      "schema.pattern", 1, 5);
  CHECK(d.message == "id: cannot be checked, because the schema's pattern \"^(?=C)C-[0-9]+$\" is not valid");
  CHECK(d.hint.find("fault in the schema") != std::string::npos);
  // In patternProperties it matches no key, as an invalid one always did.
  CHECK(only(validate(R"js({"patternProperties": {"(?=x)": {}}, "additionalProperties": false})js", "x-a: 1\n"),
             "schema.additionalProperties", 1, 1)
            .message == "unknown field \"x-a\"");
}

TEST_CASE("validator: format date accepts only real calendar dates") {
  const std::string schema = R"({"properties": {"referral": {"properties": {
      "date": {"type": "string", "format": "date"}}}}})";
  auto date = [&](const std::string& value) {
    return validate(schema, "referral:\n  date: \"" + value + "\"\n");
  };
  CHECK(date("2024-02-29").empty());
  CHECK(date("2023-02-28").empty());
  CHECK(date("2000-02-29").empty());
  CHECK(date("2023-02-29").size() == 1);
  CHECK(date("2024-02-30").size() == 1);
  CHECK(date("1900-02-29").size() == 1);
  CHECK(date("2024-04-31").size() == 1);
  CHECK(date("2024-13-01").size() == 1);
  CHECK(date("2024-00-10").size() == 1);
  Diagnostic d = only(date("2014-02-30"), "schema.format", 2, 9);
  CHECK(d.message == "referral.date: \"2014-02-30\" is not a real calendar date");
  CHECK(d.hint == "Write the date as YYYY-MM-DD with a day that exists in that month.");
  // With a pattern as well (as common.schema.json has), only the format speaks.
  Diagnostics both = validate(R"({"type": "string", "format": "date",
                                  "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})", "03/12/2024\n");
  CHECK(only(both, "schema.format", 1, 1).message ==
        "the top level: \"03/12/2024\" is not a date in the form YYYY-MM-DD");
  for (const char* wrong : {"12/03/2024", "2024-3-09", "2024-03-09 ", "20240309", ""}) {
    CAPTURE(wrong);
    d = only(date(wrong), "schema.format", 2, 9);
    CHECK(d.message.find("is not a date in the form YYYY-MM-DD") != std::string::npos);
  }
}

TEST_CASE("validator: format date-time, and unknown formats pass") {
  const std::string schema = R"({"properties": {"at": {"format": "date-time"},
                                                "x": {"format": "no-such-format"}}})";
  auto at = [&](const std::string& value) { return validate(schema, "at: \"" + value + "\"\n"); };
  CHECK(at("2024-03-09T14:30:00Z").empty());
  CHECK(at("2024-03-09T14:30:00.250+02:00").empty());
  CHECK(at("2024-03-09t14:30:00z").empty());
  CHECK(at("2024-03-09T14:30:00").size() == 1);    // no offset
  CHECK(at("2024-03-09T24:00:00Z").size() == 1);
  CHECK(at("2024-03-09 14:30:00Z").size() == 1);
  CHECK(at("2024-02-30T10:00:00Z")[0].message == "at: \"2024-02-30T10:00:00Z\" is not a real calendar date");
  CHECK(validate(schema, "x: anything\n").empty());
  // Formats only concern strings.
  CHECK(validate(R"({"format": "date"})", "12\n").empty());
}

TEST_CASE("validator: items, additionalItems, list sizes and uniqueness") {
  const std::string tuple = R"({"items": [{"type": "string"}, {"type": "integer"}],
                                "additionalItems": false})";
  Diagnostic d = only(validate(tuple, "- a\n- 1\n- extra\n"), "schema.additionalItems", 3, 3);
  CHECK(d.message == "the top level: has 3 entries, but at most 2 allowed");
  CHECK(only(validate(tuple, "- a\n- b\n"), "schema.type", 2, 3).message ==
        "[1]: expected an integer, found a string");

  const std::string list = R"({"properties": {"languages": {
      "minItems": 1, "maxItems": 3, "uniqueItems": true}}})";
  d = only(validate(list, "languages:\n  - fr\n  - en\n  - fr\n"), "schema.uniqueItems", 4, 5);
  CHECK(d.message == "languages[2]: \"fr\" is already listed at languages[0]");
  CHECK(only(validate(list, "languages:\n  - {a: 1}\n  - {a: 1.0}\n"), "schema.uniqueItems", 3, 5)
            .message == "languages[1]: repeats languages[0]");
  CHECK(only(validate(list, "languages: []\n"), "schema.minItems", 1, 12).message ==
        "languages: has 0 entries, but needs at least 1");
  CHECK(only(validate(list, "languages: [a, b, c, d]\n"), "schema.maxItems", 1, 12).message ==
        "languages: has 4 entries, but at most 3 allowed");
  // 1 and 1.0 are the same number.
  CHECK(validate(list, "languages: [1, 1.0]\n").size() == 1);
}

TEST_CASE("validator: contains") {
  const std::string schema = R"({"contains": {"const": "lead"}})";
  Diagnostic d = only(validate(schema, "- a\n- b\n"), "schema.contains", 1, 1);
  CHECK(d.message == "the top level: has no entry of the required kind");
  CHECK(d.hint == "Add the entry \"lead\".");
  CHECK(validate(schema, "- a\n- lead\n").empty());
}

TEST_CASE("validator: object sizes, dependencies and property names") {
  CHECK(only(validate(R"({"maxProperties": 1})", "a: 1\nb: 2\n"), "schema.maxProperties", 1, 1)
            .message == "the top level: has 2 fields, but at most 1 allowed");
  CHECK(only(validate(R"({"minProperties": 2})", "a: 1\n"), "schema.minProperties", 1, 1).message ==
        "the top level: has 1 field, but needs at least 2");

  const std::string deps = R"({"dependencies": {"end_date": ["start_date"],
                                                "amount": {"required": ["currency"]}}})";
  Diagnostic d = only(validate(deps, "id: 1\nend_date: 2024-01-01\n"), "schema.dependencies", 2, 1);
  CHECK(d.message == "missing field \"start_date\", needed because \"end_date\" is given");
  CHECK(d.hint == "Add the field \"start_date\" at the top level of the file, or remove \"end_date\".");
  CHECK(only(validate(deps, "amount: 5\n"), "schema.required", 1, 1).message ==
        "missing required field \"currency\"");

  d = only(validate(R"({"propertyNames": {"pattern": "^[a-z_]+$"}})", "ok: 1\nNot OK: 2\n"),
           "schema.propertyNames", 2, 1);
  CHECK(d.message == "field name \"Not OK\" is not allowed");
}

TEST_CASE("validator: if/then/else, not, allOf and boolean schemas") {
  const std::string conditional = R"({
    "if": {"properties": {"minor": {"const": true}}, "required": ["minor"]},
    "then": {"required": ["guardian"]},
    "else": {"properties": {"guardian": false}}})";
  CHECK(only(validate(conditional, "minor: true\n"), "schema.required", 1, 1).message ==
        "missing required field \"guardian\"");
  CHECK(validate(conditional, "minor: true\nguardian: aunt\n").empty());
  CHECK(only(validate(conditional, "minor: false\nguardian: aunt\n"), "schema.false", 2, 11).message ==
        "guardian: no value is allowed here");

  Diagnostic d = only(validate(R"({"not": {"required": ["password"]}})", "password: x\n"),
                      "schema.not", 1, 1);
  CHECK(d.message == "field \"password\" is not allowed");
  CHECK(d.hint == "Remove the field \"password\".");

  Diagnostics all = validate(R"({"allOf": [{"required": ["a"]}, {"required": ["b"]}]})", "c: 1\n");
  REQUIRE(all.size() == 2);
  CHECK(all[0].message == "missing required field \"a\"");
  CHECK(all[1].message == "missing required field \"b\"");

  CHECK(validate("true", "anything: [1, 2]\n").empty());
  CHECK(only(validate("false", "a: 1\n"), "schema.false", 1, 1).message ==
        "the top level: no value is allowed here");
}

TEST_CASE("validator: oneOf told apart by a tag field reports only the matching form") {
  const std::string schema = R"({"properties": {"event": {"oneOf": [
      {"properties": {"kind": {"const": "referral"}, "by": {"type": "string"}},
       "required": ["kind", "by"]},
      {"properties": {"kind": {"const": "transfer"}, "to": {"type": "string"}},
       "required": ["kind", "to"]}]}}})";
  Diagnostic d = only(validate(schema, "event:\n  kind: transfer\n  to: 5\n"), "schema.type", 3, 7);
  CHECK(d.message == "event.to: expected a string, found a number");

  d = only(validate(schema, "event:\n  kind: transfre\n"), "schema.oneOf", 2, 9);
  CHECK(d.message == "event.kind: \"transfre\" is not one of: referral, transfer");
  CHECK(d.hint ==
        "Use one of the listed values, spelt exactly as shown (did you mean \"transfer\"?).");

  d = only(validate(schema, "event:\n  to: x\n"), "schema.oneOf", 2, 3);
  CHECK(d.message == "missing required field \"kind\" in event");
  CHECK(validate(schema, "event:\n  kind: referral\n  by: police\n").empty());
}

TEST_CASE("validator: anyOf of different types reports the form of the value's type") {
  const std::string schema = R"({"properties": {"closed": {"anyOf": [
      {"type": "string", "format": "date"}, {"type": "null"}]}}})";
  CHECK(validate(schema, "closed:\n").empty());
  Diagnostic d = only(validate(schema, "closed: \"2024-02-30\"\n"), "schema.format", 1, 9);
  CHECK(d.message == "closed: \"2024-02-30\" is not a real calendar date");
  d = only(validate(schema, "closed: 5\n"), "schema.anyOf", 1, 9);
  CHECK(d.message == "closed: expected a string or an empty value, found a number");
}

TEST_CASE("validator: anyOf of required fields says which fields would do") {
  const std::string schema = R"({"properties": {"name": {
      "anyOf": [{"required": ["given"]}, {"required": ["family", "initial"]}]}}})";
  Diagnostic d = only(validate(schema, "name:\n  nick: A\n"), "schema.anyOf", 2, 3);
  CHECK(d.message == "missing field \"given\" or both \"family\" and \"initial\" in name");
  CHECK(d.hint == "Add \"given\" or both \"family\" and \"initial\" to name.");
  CHECK(validate(schema, "name:\n  given: A\n").empty());
}

TEST_CASE("validator: anyOf that cannot tell the forms apart gives one summary") {
  const std::string schema = R"({"anyOf": [
      {"properties": {"a": {"type": "integer"}}, "required": ["a"]},
      {"required": ["b"], "properties": {"b": {"type": "string"}, "c": {"type": "string"}}}]})";
  Diagnostic d = only(validate(schema, "a: x\nc: 1\n"), "schema.anyOf", 1, 1);
  CHECK(d.message == "the top level: does not match any of the allowed forms");
  CHECK(d.hint == "The closest form says: a: expected an integer, found a string.");
  CHECK(validate(schema, "a: 1\n").empty());

  d = only(validate(R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})", "3\n"), "schema.oneOf", 1, 1);
  CHECK(d.message == "the top level: fits more than one of the allowed forms, but must fit exactly one");
}

TEST_CASE("validator: $ref within a document and across two registered documents") {
  Registry registry;
  registry.add(read(R"({"definitions": {
      "date": {"type": "string", "format": "date"},
      "a~b/c%d": {"type": "integer"}}})", "common.schema.json"),
               "https://test.invalid/schemas/common.schema.json");
  registry.add(read(R"({"properties": {
      "opened": {"$ref": "common.schema.json#/definitions/date", "maxLength": 1},
      "odd": {"$ref": "common.schema.json#/definitions/a~0b~1c%25d"},
      "again": {"$ref": "#/properties/opened"}}})", "case.schema.json"),
               kUri);
  Diagnostics all = care::schema::validate(
      registry, read("opened: \"2024-02-30\"\nodd: x\nagain: \"2024-01-01\"\n", "case.yaml"), kUri);
  REQUIRE(all.size() == 2);
  CHECK(all[0].code == "schema.format");
  CHECK(all[0].line == 1);
  CHECK(all[0].message == "opened: \"2024-02-30\" is not a real calendar date");
  CHECK(all[1].code == "schema.type");
  CHECK(all[1].line == 2);
  CHECK(registry.find(kUri + "#/properties/odd") != nullptr);
  CHECK(registry.find("https://test.invalid/schemas/common.schema.json#/definitions/date") != nullptr);
  CHECK(registry.find("https://test.invalid/schemas/nothing.json") == nullptr);
}

TEST_CASE("validator: $id changes the base URI, also in nested subschemas") {
  Registry registry;
  registry.add(read(R"({"type": "integer"})", "n.json"), "https://test.invalid/other/n.json");
  registry.add(read(R"({"$id": "https://test.invalid/root.json",
      "properties": {"a": {"$id": "other/", "items": {"$ref": "n.json"}},
                     "b": {"$ref": "#/properties/a"}}})", "root.json"), "ignored.json");
  Diagnostics all = care::schema::validate(registry, read("a: [1, x]\nb: [y]\n", "r.yaml"),
                                           "https://test.invalid/root.json");
  REQUIRE(all.size() == 2);
  CHECK(all[0].message == "a[1]: expected an integer, found a string");
  CHECK(all[1].message == "b[0]: expected an integer, found a string");
  // The schema was also registered under the URI given.
  CHECK(registry.find("ignored.json#/properties/a") != nullptr);
}

TEST_CASE("validator: relative references with .. and plain-name ids; a copied registry works") {
  Registry original;
  original.add(read(R"({"definitions": {"code": {"$id": "#code", "type": "string", "maxLength": 2}}})",
                    "shared.json"),
               "https://test.invalid/lib/shared.json");
  original.add(read(R"({"properties": {"a": {"$ref": "../lib/shared.json#/definitions/code"},
                                       "b": {"$ref": "../lib/shared.json#code"}}})", "main.json"),
               "https://test.invalid/app/main.json");
  Registry registry = original;  // copies must not point into the original
  original = Registry();
  Diagnostics all = care::schema::validate(registry, read("a: abc\nb: xyz\n", "r.yaml"),
                                           "https://test.invalid/app/main.json");
  REQUIRE(all.size() == 2);
  CHECK(all[0].code == "schema.maxLength");
  CHECK(all[1].message == "b: is too long (3 characters; at most 2 allowed)");
}

TEST_CASE("validator: recursive references end, and missing ones are reported") {
  CHECK(validate(R"({"$ref": "#"})", "a: 1\n").empty());
  CHECK(validate(R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
                     "$ref": "#/definitions/a"})", "a: 1\n").empty());
  const std::string tree = R"({"properties": {"name": {"type": "string"},
                                              "children": {"items": {"$ref": "#"}}}})";
  Diagnostic d = only(validate(tree, "name: a\nchildren:\n  - name: b\n    children:\n      - name: 3\n"),
                      "schema.type", 5, 15);
  CHECK(d.message == "children[0].children[0].name: expected a string, found a number");

  d = only(validate(R"({"properties": {"a": {"$ref": "#/definitions/none"}}})", "a: 1\n"),
           "schema.$ref", 1, 4);
  CHECK(d.message == "a: the schema refers to \"#/definitions/none\", which cannot be found");
  CHECK(care::schema::validate(Registry(), read("a: 1\n", "x.yaml"), "nowhere.json").size() == 1);
}

TEST_CASE("validator: problems come in document order, the same every time") {
  const std::string schema = R"({
    "required": ["zeta"],
    "properties": {"b": {"type": "integer"}, "a": {"type": "integer"}},
    "additionalProperties": false})";
  const std::string record = "a: x\nb: y\nc: 1\n";
  Diagnostics first = validate(schema, record);
  REQUIRE(first.size() == 4);
  CHECK(first[0].line == 1);
  CHECK(first[0].code == "schema.required");  // at the top mapping, line 1 column 1
  CHECK(first[1].message == "a: expected an integer, found a string");
  CHECK(first[2].message == "b: expected an integer, found a string");
  CHECK(first[3].message == "unknown field \"c\"");
  for (int i = 0; i < 3; ++i) {
    Diagnostics again = validate(schema, record);
    REQUIRE(again.size() == first.size());
    for (std::size_t k = 0; k < first.size(); ++k) CHECK(again[k].message == first[k].message);
  }
}

TEST_CASE("validator: order_keys follows properties through $ref, items, allOf and oneOf") {
  Registry registry = registry_of(R"({
    "definitions": {"person": {"properties": {"name": {}, "age": {}}}},
    "properties": {
      "id": {},
      "people": {"items": {"$ref": "#/definitions/person"}},
      "extra": {"additionalProperties": {"properties": {"z": {}, "y": {}}}},
      "event": {"oneOf": [
        {"properties": {"kind": {"const": "a"}, "p": {}, "q": {}}},
        {"properties": {"kind": {"const": "b"}, "q": {}, "p": {}}}]}},
    "allOf": [{"properties": {"status": {}}}]})");
  Node record = read(
      "note: keep\nstatus: open\npeople:\n  - age: 3\n    x: 1\n    name: A\nid: C-1\n"
      "extra:\n  k:\n    y: 1\n    z: 2\nevent:\n  p: 1\n  q: 2\n  kind: b\n",
      "case.yaml");
  care::schema::order_keys(registry, record, kUri);
  CHECK(keys_of(record) == "id,people,extra,event,status,note");
  CHECK(keys_of(record.find("people")->items()[0]) == "name,age,x");
  CHECK(keys_of(*record.find("extra")->find("k")) == "z,y");
  CHECK(keys_of(*record.find("event")) == "kind,q,p");
  // Locations travel with their keys.
  CHECK(record.entries()[0].key_at.line == 7);
}
