// Problems in identity data: every one names its field and rule, none shows a value.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "records/field_path.h"
#include "records/redact.h"
#include "records/store.h"
#include "rules/rules.h"
#include "test_support.h"
#include "util/date.h"

namespace fs = std::filesystem;
using care::records::FieldPath;

namespace {

const std::string kToml = R"y(format = 1
[program]
name = "Redact test program (fictional)"
start = 2013-09-02
end = 2016-02-29
host_countries = ["AT"]
eu_countries = ["AT", "FR"]
[targets]
assisted = 130
minors = 10
assessed = 260
[budget]
cap_per_person = "3000.00"
currency = "EUR"
)y";

const std::string kCase =
    "kind: case\nversion: 1\nid: AT-2014-001\noffice: AT\nreferral:\n  date: \"2014-03-03\"\n"
    "  organisation_kind: ngo\nhost_country: AT\nnationality: NG\nreturn_country: NG\nsex: female\n"
    "date_of_birth: \"1990-06-15\"\nconsents:\n  - purpose: data_processing\n    action: granted\n"
    "    date: \"2014-03-03\"\n    given_by: person\n";

const std::string kHead = "kind: identity\nversion: 1\ncase: AT-2014-001\n";
const std::string kNames = "names:\n  given: Testa\n  family: Exemplova\n";

// One way to break the identity record: the whole file, and the values in
// it that must not be shown (the names above are shown nowhere either).
struct Violation {
  std::string what;
  std::string text;
  std::vector<std::string> secrets;
  std::string expected;  // the start of one of its messages, when it matters
};

std::vector<Violation> violations() {
  return {
      {"kind: wrong constant", "kind: Secretkind\nversion: 1\ncase: AT-2014-001\n" + kNames, {"Secretkind"},
       "kind: must be exactly \"identity\""},
      {"kind: a list", "kind: [Secretkind]\nversion: 1\ncase: AT-2014-001\n" + kNames, {"Secretkind"}, "kind: must be text"},
      {"version: wrong number", "kind: identity\nversion: 7654\ncase: AT-2014-001\n" + kNames, {"7654"},
       "version: must be exactly 1"},
      {"version: text", "kind: identity\nversion: \"Secretversion\"\ncase: AT-2014-001\n" + kNames, {"Secretversion"}, ""},
      {"case: pattern", "kind: identity\nversion: 1\ncase: Secretcase\n" + kNames, {"Secretcase"},
       "case: does not match the required pattern"},
      {"case: another case's ID (a rule)", "kind: identity\nversion: 1\ncase: AT-2014-987\n" + kNames, {"987"},
       "case: does not match the case folder"},
      {"required fields missing", "version: 1\n", {}, "the top level: misses the required field \"kind\""},
      {"names: text", kHead + "names: Secretnames\n", {"Secretnames"}, "names: must be a mapping of fields"},
      {"names: neither given nor family", kHead + "names:\n  other: [Secretother]\n", {"Secretother"},
       "names: needs one of the fields given or family"},
      {"names.given: a number", kHead + "names:\n  given: 918273\n", {"918273"}, "names.given: must be text"},
      {"names.given: a list", kHead + "names:\n  given: [Secretgiven]\n", {"Secretgiven"}, "names.given: must be text"},
      {"names.given: empty text", kHead + "names:\n  given: \"\"\n  family: Secretfamily\n", {"Secretfamily"},
       "names.given: must not be empty"},
      {"names.given: no value", kHead + "names:\n  given:\n  family: Secretfamily\n", {"Secretfamily"},
       "names.given: must be text"},
      {"names.family: a boolean", kHead + "names:\n  given: Secretgiven\n  family: true\n", {"Secretgiven"},
       "names.family: must be text"},
      {"names: unknown field", kHead + "names:\n  given: Testa\n  Secretkey: Secretvalue\n", {"Secretkey", "Secretvalue"},
       "names: has a field that is not allowed here"},
      {"names.other: text", kHead + kNames + "  other: Secretother\n", {"Secretother"}, "names.other: must be a list"},
      {"names.other[1]: a number", kHead + kNames + "  other: [Secretother, 55443]\n", {"Secretother", "55443"},
       "names.other[1]: must be text"},
      {"contacts: a mapping", kHead + kNames + "contacts:\n  Secretkey: Secretvalue\n", {"Secretkey", "Secretvalue"},
       "contacts: must be a list"},
      {"contacts[0].type: not allowed", kHead + kNames + "contacts:\n  - type: Secrettype\n    value: \"+000 555 0161\"\n",
       {"Secrettype", "555 0161"}, "contacts[0].type: is not one of the allowed values"},
      {"contacts[0].value: a number", kHead + kNames + "contacts:\n  - type: phone\n    value: 4930000001\n",
       {"4930000001"}, "contacts[0].value: must be text"},
      {"contacts[0]: value missing", kHead + kNames + "contacts:\n  - type: phone\n    valeu: \"Secretvalue\"\n",
       {"Secretvalue", "valeu"}, "contacts[0]: misses the required field \"value\""},
      {"contacts[0]: an entry that is text", kHead + kNames + "contacts:\n  - Secretcontact\n", {"Secretcontact"},
       "contacts[0]: must be a mapping of fields"},
      {"addresses[0].country: not a country", kHead + kNames + "addresses:\n  - country: QZ\n    lines: [Secretline]\n",
       {"QZ", "Secretline"}, "addresses[0].country: is not one of the allowed values"},
      {"addresses[0].lines: empty list", kHead + kNames + "addresses:\n  - country: NG\n    lines: []\n    note: Secretnote\n",
       {"Secretnote"}, "addresses[0].lines: must have at least 1 entry"},
      {"addresses[0].lines: text", kHead + kNames + "addresses:\n  - country: NG\n    lines: 99 Secret Road\n",
       {"Secret Road"}, "addresses[0].lines: must be a list"},
      {"addresses[0].lines[0]: a number", kHead + kNames + "addresses:\n  - country: NG\n    lines: [31415]\n",
       {"31415"}, "addresses[0].lines[0]: must be text"},
      {"addresses[0]: unknown field", kHead + kNames + "addresses:\n  - country: NG\n    lines: [a]\n    Secretstreet: 12\n",
       {"Secretstreet"}, "addresses[0]: has a field that is not allowed here"},
      {"documents[0].type: not allowed", kHead + kNames + "documents:\n  - type: Secretdoc\n    number: X7654321\n",
       {"Secretdoc", "X7654321"}, "documents[0].type: is not one of the allowed values"},
      {"documents[0].number: a number", kHead + kNames + "documents:\n  - type: passport\n    number: 7654321\n",
       {"7654321"}, "documents[0].number: must be text"},
      {"documents[0].number: empty", kHead + kNames + "documents:\n  - type: passport\n    number: \"\"\n    issuer: NG\n",
       {}, "documents[0].number: must not be empty"},
      {"documents[0].issuer: not a country", kHead + kNames + "documents:\n  - type: passport\n    number: X7654321\n    issuer: QX\n",
       {"X7654321", "QX"}, "documents[0].issuer: is not one of the allowed values"},
      {"documents[0].expires: impossible date",
       kHead + kNames + "documents:\n  - type: passport\n    number: X7654321\n    expires: \"2019-02-30\"\n",
       {"X7654321", "2019-02-30"}, "documents[0].expires: is not a valid date"},
      {"documents[1]: number missing",
       kHead + kNames + "documents:\n  - type: passport\n    number: X7654321\n  - {type: national_id, numbr: Y1234}\n",
       {"X7654321", "Y1234", "numbr"}, "documents[1]: misses the required field \"number\""},
      {"guardian_name: a mapping", kHead + kNames + "guardian_name: {given: Secretguardian}\n", {"Secretguardian"},
       "guardian_name: must be text"},
      {"notes: a list", kHead + kNames + "notes: [Secretnote]\n", {"Secretnote"}, "notes: must be text"},
      {"top level: unknown field", kHead + kNames + "Secretkey: Secretvalue\n", {"Secretkey", "Secretvalue"},
       "the top level: has a field that is not allowed here"},
      {"YAML: duplicate key", kHead + "names:\n  given: Secretone\n  given: Secrettwo\n", {"Secretone", "Secrettwo"},
       "a key is given twice"},
      {"YAML: duplicate key that is a name", kHead + kNames + "  Secretkey: 1\n  Secretkey: 2\n", {"Secretkey"}, ""},
      {"YAML: a tag", kHead + "names:\n  given: !Secrettag Testa\n", {"Secrettag"}, "tags (!name) are not allowed"},
      {"YAML: syntax", kHead + "names:\n  given: Secretone: Secrettwo\n", {"Secretone", "Secrettwo"}, "YAML syntax error"},
      {"YAML: unknown escape", kHead + "names:\n  given: \"Secret\\qname\"\n", {"Secret", "qname"},
       "YAML syntax error: unknown escape character"},
      {"YAML: unclosed list", kHead + "names:\n  given: [Secretgiven\n", {"Secretgiven"}, "YAML syntax error"},
      {"YAML: anchor and alias", kHead + "names:\n  given: &Secretanchor Testa\n  family: *Secretanchor\n",
       {"Secretanchor"}, "anchors (&name)"},
      {"YAML: tab indentation", kHead + "names:\n\tgiven: Secretgiven\n", {"Secretgiven"}, "YAML syntax error"},
      {"YAML: not UTF-8", kHead + "names:\n  given: Secret\xe9name\n", {"Secret"}, "the file is not valid UTF-8"},
  };
}

care::folder::Config config() {
  auto r = care::folder::parse_config(kToml, "care.toml");
  REQUIRE(r.config);
  return *r.config;
}

// The problems about identity.yaml, from loading and from the rules.
care::diag::Diagnostics identity_problems(const fs::path& root) {
  auto loaded = care::records::load(root, config(), root);
  auto all = loaded.problems;
  auto ruled = care::rules::check(loaded.folder, *care::util::Date::parse("2016-06-30"));
  all.insert(all.end(), ruled.begin(), ruled.end());
  care::diag::Diagnostics out;
  for (auto& d : all)
    if (d.file == "cases/AT-2014-001/identity.yaml") out.push_back(d);
  return out;
}

void shows_none(const care::diag::Diagnostic& d, const std::vector<std::string>& secrets) {
  const std::string text = care::diag::render_text(d, "t");
  const std::string json = care::diag::render_json({d});
  for (std::string secret : secrets) {
    INFO("secret: " << secret);
    for (const std::string* field : {&d.file, &d.code, &d.message, &d.hint, &d.excerpt, &text, &json})
      CHECK(field->find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("redact: no identity-schema violation shows a value, every one names its field and rule") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "care.toml", kToml);
  care::test::spit(dir.path() / "cases/AT-2014-001/case.yaml", kCase);
  for (const Violation& v : violations()) {
    INFO(v.what);
    care::test::spit(dir.path() / "cases/AT-2014-001/identity.yaml", v.text);
    auto problems = identity_problems(dir.path());
    REQUIRE_FALSE(problems.empty());
    bool expected_seen = v.expected.empty();
    for (const auto& d : problems) {
      INFO(d.code << ": " << d.message << " / " << d.hint);
      CHECK(d.excerpt.empty());
      CHECK(d.line > 0);
      CHECK(d.column > 0);
      CHECK_FALSE(d.hint.empty());
      shows_none(d, v.secrets);
      shows_none(d, {"Testa", "Exemplova"});
      expected_seen = expected_seen || d.message.starts_with(v.expected);
    }
    CHECK(expected_seen);
  }
}

TEST_CASE("redact: the example of the manual") {
  care::diag::Diagnostic d;
  d.code = "schema.type";
  d.file = "cases/AT-2014-001/identity.yaml";
  d.line = 5;
  d.column = 10;
  d.message = "names.given: expected a string, found a list";
  d.hint = "Put the value in double quotes, like \"Testa\", so that it is read as text.";
  d.excerpt = "  given: [Testa]";
  care::records::redact(d);
  CHECK(d.message == "names.given: must be text");
  CHECK(d.hint.find("Testa") == std::string::npos);
  CHECK(d.excerpt.empty());
  CHECK(d.line == 5);
  CHECK(d.column == 10);
  CHECK(d.code == "schema.type");
}

TEST_CASE("redact: a field the schema does not name is not shown, nor are unknown codes' words") {
  care::diag::Diagnostic d;
  d.code = "schema.type";
  d.message = "names.Testa-Exemplova: expected a string, found a list";
  care::records::redact(d);
  CHECK(d.message.find("Testa") == std::string::npos);
  CHECK(d.message.starts_with("names: "));

  care::diag::Diagnostic other;
  other.code = "input.something";
  other.line = 3;
  other.message = "Testa is wrong";
  other.hint = "write Exemplova";
  care::records::redact(other);
  CHECK(other.message.find("Testa") == std::string::npos);
  CHECK(other.hint.find("Exemplova") == std::string::npos);
  CHECK(other.message.find("input.something") != std::string::npos);
}

TEST_CASE("redact: a problem about the whole file keeps its words; redacting again keeps the message") {
  care::diag::Diagnostic file;
  file.code = "file.unreadable";
  file.file = "cases/AT-2014-001/identity.yaml";
  file.message = "cannot open the file for reading";
  care::records::redact(file);
  CHECK(file.message == "cannot open the file for reading");

  care::test::TempDir dir;
  care::test::spit(dir.path() / "care.toml", kToml);
  care::test::spit(dir.path() / "cases/AT-2014-001/case.yaml", kCase);
  for (const Violation& v : violations()) {
    INFO(v.what);
    care::test::spit(dir.path() / "cases/AT-2014-001/identity.yaml", v.text);
    for (auto d : identity_problems(dir.path())) {
      auto once = d;
      care::records::redact(d);
      CHECK(d.message == once.message);  // the hint may be plainer without the record
    }
  }
}

TEST_CASE("field_path: a field found by its place, and read back from a message") {
  auto source = std::make_shared<care::doc::Source>(care::doc::Source{"f.yaml", ""});
  auto at = [&](int line, int column) { return care::doc::Location{source, line, column}; };
  using care::doc::Node;
  Node doc = Node::mapping(at(1, 1));
  Node list = Node::sequence(at(2, 3));
  Node item = Node::mapping(at(2, 5));
  item.entries().push_back({"number", at(2, 5), Node::string("X1", at(2, 13))});
  list.push_back(std::move(item));
  doc.entries().push_back({"documents", at(1, 1), std::move(list)});
  using care::records::Pointing;
  CHECK(care::records::path_text(*care::records::field_at(doc, "f.yaml", 2, 13, Pointing::AtValue)) ==
        "documents[0].number");
  CHECK(care::records::path_text(*care::records::field_at(doc, "f.yaml", 2, 5, Pointing::AtContainer)) ==
        "documents[0]");
  CHECK(care::records::path_text(*care::records::field_at(doc, "f.yaml", 2, 5, Pointing::AtKey)) ==
        "documents[0].number");
  CHECK_FALSE(care::records::field_at(doc, "other.yaml", 2, 13, Pointing::AtValue));
  CHECK(care::records::node_at(doc, *care::records::field_at(doc, "f.yaml", 2, 13, Pointing::AtValue))->text() == "X1");

  CHECK(care::records::path_text(*care::records::path_in_message("documents[0].number: x")) == "documents[0].number");
  CHECK(care::records::path_in_message("the top level: x")->empty());
  CHECK_FALSE(care::records::path_in_message("names[\"a b\"]: x"));
  CHECK_FALSE(care::records::path_in_message("unknown field \"x\" in names"));
}
