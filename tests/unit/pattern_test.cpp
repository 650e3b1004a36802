// The schema pattern matcher (lib/schema/pattern.h): what each construct
// matches, what is refused, and that a huge value is matched without
// recursion, also through the reader and the validator.
#include <doctest/doctest.h>

#include <string>

#include "doc/yaml_io.h"
#include "schema/catalog.h"
#include "schema/pattern.h"
#include "schema/validator.h"

using care::schema::Pattern;

namespace {

// Whether pattern (which must compile) is found in text.
bool found(const std::string& pattern, const std::string& text) {
  auto compiled = Pattern::compile(pattern);
  INFO("pattern: " << pattern);
  REQUIRE(compiled.has_value());
  return compiled->search(text);
}

bool refused(const std::string& pattern) { return !Pattern::compile(pattern).has_value(); }

}  // namespace

TEST_CASE("pattern: the patterns of care's own schemas") {
  const std::string case_id = "^[A-Z]{2}-[0-9]{4}-[0-9]{3}$";
  CHECK(found(case_id, "AT-2014-001"));
  CHECK_FALSE(found(case_id, "AT-2014-01"));
  CHECK_FALSE(found(case_id, "AT-2014-0012"));
  CHECK_FALSE(found(case_id, "at-2014-001"));
  CHECK_FALSE(found(case_id, " AT-2014-001"));
  CHECK_FALSE(found(case_id, "AT-2014-001\n"));  // $ is the end, not the end of a line

  const std::string money = "^(0|[1-9][0-9]*)(\\.[0-9]{1,2})?$";
  for (const char* ok : {"0", "12", "3000.00", "0.5", "1234567.89"}) CHECK(found(money, ok));
  for (const char* bad : {"", "012", "1.", "1.234", ".5", "-1", "1,00", "1e3"}) CHECK_FALSE(found(money, bad));

  CHECK(found("^x-", "x-notes"));
  CHECK_FALSE(found("^x-", "notes-x-"));
  CHECK(found("^[A-Za-z0-9_.-]+$", "econ.income"));
  CHECK_FALSE(found("^[A-Za-z0-9_.-]+$", "econ income"));
}

TEST_CASE("pattern: search is unanchored unless the pattern says ^ or $") {
  CHECK(found("b", "abc"));
  CHECK(found("", "anything"));
  CHECK(found("", ""));
  CHECK(found("^", ""));
  CHECK(found("$", "abc"));
  CHECK(found("^abc$", "abc"));
  CHECK_FALSE(found("^b", "abc"));
  CHECK_FALSE(found("b$", "abc"));
  CHECK(found("c$", "abc"));
  CHECK_FALSE(found("x", ""));
  CHECK(found("a^|c", "abc"));  // an alternative may still match where another cannot
  CHECK_FALSE(found("a^b", "ab"));
}

TEST_CASE("pattern: literals and escapes") {
  CHECK(found("a\\.b", "a.b"));
  CHECK_FALSE(found("a\\.b", "axb"));
  CHECK(found("\\^\\$\\\\\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "^$\\*+?()[]{}|/"));
  CHECK(found("\\t\\n\\v\\f\\r", "\t\n\v\f\r"));
  CHECK(found("\\x41\\u0042", "AB"));
  CHECK(found("\\u00e9", "é"));
  CHECK(found("\\uD83D\\uDCA9", "💩"));  // a surrogate pair is one code point
  CHECK(found("^\\0$", std::string(1, '\0')));
  CHECK(found("\\cJ", "\n"));
  CHECK(found("]", "]"));
  CHECK(found("}", "}"));
  CHECK(found("é+", "ééé"));  // a literal outside ASCII is one code point
}

TEST_CASE("pattern: the dot takes one code point but not a line break") {
  CHECK(found("^.$", "a"));
  CHECK(found("^.$", "é"));
  CHECK(found("^.$", "💩"));
  CHECK_FALSE(found("^..$", "é"));
  CHECK_FALSE(found("^.$", "\n"));
  CHECK_FALSE(found("^.$", "\r"));
  CHECK_FALSE(found("^.$", "\u2028"));
  CHECK(found("^.$", "\t"));
  CHECK(found("f.o", "foo"));
  CHECK_FALSE(found("f.o", "fo"));
}

TEST_CASE("pattern: classes, ranges and negation") {
  CHECK(found("^[abc]$", "b"));
  CHECK_FALSE(found("^[abc]$", "d"));
  CHECK(found("^[a-c0-2]+$", "ab12c0"));
  CHECK_FALSE(found("^[a-c0-2]+$", "ab3"));
  CHECK(found("^[^a-c]$", "d"));
  CHECK_FALSE(found("^[^a-c]$", "b"));
  CHECK(found("^[^a]$", "é"));
  CHECK(found("^[^a]$", "\n"));  // a negated class takes line breaks too
  CHECK(found("^[-a]+$", "-a-"));
  CHECK(found("^[a-]+$", "-a-"));
  CHECK(found("^[\\]\\\\]+$", "]\\"));
  CHECK(found("^[\\b]$", "\b"));
  CHECK(found("^[.]$", "."));
  CHECK_FALSE(found("^[.]$", "x"));
  CHECK(found("^[à-ü]$", "é"));
  CHECK_FALSE(found("[]", "a"));  // the empty class matches nothing
  CHECK(found("^[^]$", "\n"));    // and its negation anything
  CHECK(found("^[\\d\\s]+$", "1 2\t3"));
  CHECK(found("^[\\D]+$", "ab"));
  CHECK_FALSE(found("^[\\D]+$", "a1"));
  CHECK(found("^[^\\W]+$", "word_1"));
}

TEST_CASE("pattern: the sets \\d \\w \\s and their complements") {
  CHECK(found("^\\d+$", "0123456789"));
  CHECK_FALSE(found("\\d", "٣"));  // only ASCII digits
  CHECK(found("^\\D+$", "abc"));
  CHECK(found("^\\w+$", "a_Z9"));
  CHECK_FALSE(found("\\w", "é"));
  CHECK(found("^\\W+$", "é -"));
  CHECK(found("^\\s+$", " \t\n\r\v\f\u00a0\u2003\ufeff"));
  CHECK_FALSE(found("\\s", "a"));
  CHECK(found("^\\S+$", "a-é"));
}

TEST_CASE("pattern: word boundaries") {
  CHECK(found("\\bcat\\b", "a cat sat"));
  CHECK_FALSE(found("\\bcat\\b", "concatenate"));
  CHECK(found("\\Bcat\\B", "concatenate"));
  CHECK(found("^\\b", "a"));
  CHECK_FALSE(found("^\\b", " "));
}

TEST_CASE("pattern: groups and alternation") {
  CHECK(found("^(ab)+$", "ababab"));
  CHECK_FALSE(found("^(ab)+$", "aba"));
  CHECK(found("^(?:ab|cd)$", "cd"));
  CHECK(found("^(?<pair>ab)c$", "abc"));
  CHECK(found("^(a|b|)$", ""));
  CHECK(found("^(a|bc|def)+$", "defabca"));
  CHECK_FALSE(found("^(a|bc|def)+$", "de"));
  CHECK(found("^((a|b)(c|d))*$", "acbdad"));
  CHECK(found("^()$", ""));
}

TEST_CASE("pattern: quantifiers, greedy or lazy") {
  CHECK(found("^a*$", ""));
  CHECK(found("^a*$", "aaa"));
  CHECK_FALSE(found("^a*$", "aab"));
  CHECK(found("^a+$", "a"));
  CHECK_FALSE(found("^a+$", ""));
  CHECK(found("^ab?c$", "ac"));
  CHECK(found("^ab?c$", "abc"));
  CHECK_FALSE(found("^ab?c$", "abbc"));
  CHECK(found("^a{3}$", "aaa"));
  CHECK_FALSE(found("^a{3}$", "aa"));
  CHECK_FALSE(found("^a{3}$", "aaaa"));
  CHECK(found("^a{2,}$", "aaaaa"));
  CHECK_FALSE(found("^a{2,}$", "a"));
  CHECK(found("^a{2,3}$", "aa"));
  CHECK(found("^a{2,3}$", "aaa"));
  CHECK_FALSE(found("^a{2,3}$", "aaaa"));
  CHECK(found("^a{0}b$", "b"));
  CHECK(found("^a*?b+?c??d{1,2}?$", "bdd"));  // lazy forms: the same answer
  CHECK(found("^(a*)*$", "aaaa"));            // an empty loop ends
  CHECK(found("^(a?){5}a{5}$", "aaaaa"));     // a classic backtracking trap
  CHECK(found("[0-9]{2,}", "x42"));
  CHECK_FALSE(found("[0-9]{2,}", "x4y2"));
}

TEST_CASE("pattern: what is not supported, or not valid, does not compile") {
  for (const char* p : {"(a)\\1", "\\k<x>", "(?=a)", "(?!a)", "(?<=a)", "(?<!a)", "\\p{L}", "\\P{L}",
                        "(", ")", "a)", "[a", "[b-a]", "[\\d-z]", "a{", "a{2", "a{3,2}", "a{,2}", "*a",
                        "a**", "a{2}{3}", "^*", "\\b+", "|+", "\\", "\\x4", "\\u12", "\\c1", "\\a", "\\z",
                        "\\01", "(?i)a", "(?<1a>x)", "a{100001}"}) {
    CAPTURE(p);
    CHECK(refused(p));
  }
  // Too big to run: refused rather than built.
  CHECK(refused("(((a{100}){100}){100})"));
  CHECK(refused("((){99999}){99999}"));
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "(";
  deep += "a";
  for (int i = 0; i < 200; ++i) deep += ")";
  CHECK(refused(deep));
}

TEST_CASE("pattern: a million characters are matched without a crash") {
  const std::string digits(1000000, '7');
  CHECK(found("^[0-9]+$", digits));
  CHECK(found("^(0|[1-9][0-9]*)(\\.[0-9]{1,2})?$", digits));
  CHECK_FALSE(found("^[A-Z]{2}-[0-9]{4}-[0-9]{3}$", digits));
  CHECK_FALSE(found("8", digits));
  CHECK(found("(7|77)*$", digits));
  CHECK(found("^(a|7)*$", digits));
  CHECK_FALSE(found("^.*x", digits + "\n" + "x"));
  std::string accented;
  for (int i = 0; i < 500000; ++i) accented += "é";
  CHECK(found("^é+$", accented));
  CHECK_FALSE(found("^[^é]", accented));
  CHECK(found("^é{3}", accented));
}

TEST_CASE("pattern: invalid UTF-8 in the text is taken one byte at a time") {
  CHECK(found("^.$", "\xff"));
  CHECK(found("^a.b$", "a\xc3" "b"));
}

TEST_CASE("pattern: a 30,000-digit value read and validated gives a diagnostic, not a crash") {
  const std::string digits(30000, '9');
  std::string record =
      "kind: case\n"
      "version: 1\n"
      "id: \"" + digits + "\"\n"
      "office: AT\n"
      "referral:\n"
      "  date: \"2014-03-03\"\n"
      "  organisation: " + digits + "\n"
      "  organisation_kind: shelter\n"
      "x-count: " + digits + "\n";
  auto parsed = care::doc::parse(record, "case.yaml");
  REQUIRE(parsed.problems.empty());
  REQUIRE(parsed.root);
  CHECK(parsed.root->find("id")->is_string());
  CHECK(parsed.root->find("x-count")->is_number());  // a JSON number, if too big for 64 bits
  CHECK(parsed.root->find("x-count")->text() == digits);

  auto problems = care::schema::validate(care::schema::catalog(), *parsed.root,
                                         care::schema::uri_for("case.schema.json"));
  bool id_reported = false;
  for (const auto& d : problems) {
    CHECK(d.file == "case.yaml");
    if (d.code == "schema.pattern" && d.line == 3) id_reported = true;
  }
  CHECK(id_reported);

  // The same value where the pattern allows it passes cleanly.
  care::schema::Registry registry;
  auto schema = care::doc::parse(R"({"properties": {"n": {"type": "string", "pattern": "^[0-9]+$"},
                                                     "m": {"type": "number"}}})",
                                 "s.json");
  REQUIRE(schema.root);
  registry.add(*schema.root, "https://test.invalid/s.json");
  auto value = care::doc::parse("n: \"" + digits + "\"\nm: " + digits + "\n", "v.yaml");
  REQUIRE(value.root);
  CHECK(care::schema::validate(registry, *value.root, "https://test.invalid/s.json").empty());
}
