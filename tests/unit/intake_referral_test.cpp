// care-intake new --from: the identity part of a referral is found in its
// text, and a problem on one of its lines is told without the line.
#include <doctest/doctest.h>

#include <string>

#include "diag/diagnostic.h"
#include "intake/referral_input.h"
#include "test_support.h"

using care::intake::identity_lines;

namespace {

const std::string kReferral =
    "host_country: AT\n"          // 1
    "referral:\n"                 // 2
    "  date: \"2014-05-02\"\n"    // 3
    "identity:\n"                 // 4
    "  names:\n"                  // 5
    "    given: Testa\n"          // 6
    "# Exemplova, by phone\n"     // 7
    "\n"                          // 8
    "  contacts:\n"               // 9
    "- type: phone\n"             // 10
    "sex: female\n";              // 11

}  // namespace

TEST_CASE("identity_lines: the top-level identity mapping, with its comments and blank lines") {
  auto spans = identity_lines(kReferral);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].first == 4);
  CHECK(spans[0].last == 10);
}

TEST_CASE("identity_lines: none without identity; every line when it cannot be told") {
  CHECK(identity_lines("host_country: AT\nnotes: identity checked\n").empty());
  auto json = identity_lines("{\"host_country\": \"AT\",\n \"identity\": {\"names\": {\"given\": \"Testa\"}}}\n");
  REQUIRE(json.size() == 1);
  CHECK(json[0].first == 1);
  CHECK(json[0].last >= 2);
  auto quoted = identity_lines("'identity': {names: {given: Testa}}\nsex: female\n");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].first == 1);
  CHECK(quoted[0].last == 1);
}

TEST_CASE("identity_lines: quoted keys, spaces before the colon, and very long lines") {
  CHECK(identity_lines("\"identity\" :\n  names: {given: Testa}\n").size() == 1);
  CHECK(identity_lines("identity\t:\n  names: {given: Testa}\n").size() == 1);
  CHECK(identity_lines("identityx: 1\nidentity_note: 2\n").empty());
  // A key followed by a long run of blanks, then no colon: no finding, and no
  // matcher that recurses once per character to crash on it.
  CHECK(identity_lines("identity" + std::string(100000, ' ') + "x\n").empty());
  auto late = identity_lines("{a: 1, \"identity\"" + std::string(100000, ' ') + ": {}}\n");
  REQUIRE(late.size() == 1);
  CHECK(late[0].first == 1);
}

TEST_CASE("read_referral: a YAML problem inside identity: is told without its line or value") {
  care::test::TempDir dir;
  std::string file = (dir.path() / "referral.yaml").string();
  care::test::spit(file, "host_country: AT\nidentity:\n  names:\n    given: Testa: Exemplova\nsex: female\n");
  care::diag::Diagnostics problems;
  CHECK_FALSE(care::intake::read_referral(file, problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 4);
  CHECK(problems[0].excerpt.empty());
  std::string text = care::diag::render_text(problems[0], "t");
  CHECK(text.find("Testa") == std::string::npos);
  CHECK(text.find("Exemplova") == std::string::npos);
  CHECK(text.find("YAML syntax error") != std::string::npos);
}

TEST_CASE("read_referral: a YAML problem outside identity: keeps its excerpt") {
  care::test::TempDir dir;
  std::string file = (dir.path() / "referral.yaml").string();
  care::test::spit(file, "identity:\n  names:\n    given: Testa\nreferral:\n  organisation_kind: ngo: x\n");
  care::diag::Diagnostics problems;
  CHECK_FALSE(care::intake::read_referral(file, problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 5);
  CHECK(problems[0].excerpt == "  organisation_kind: ngo: x");
}

TEST_CASE("read_referral: a good referral is read whole; a missing one is said to be missing") {
  care::test::TempDir dir;
  std::string file = (dir.path() / "referral.yaml").string();
  care::test::spit(file, "host_country: AT\nidentity:\n  names:\n    given: Testa\n# a comment\nsex: female\n");
  care::diag::Diagnostics problems;
  auto read = care::intake::read_referral(file, problems);
  CHECK(problems.empty());
  REQUIRE(read);
  CHECK(read->find("identity"));
  CHECK_FALSE(care::intake::read_referral((dir.path() / "none.yaml").string(), problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "file.unreadable");
}
