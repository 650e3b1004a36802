// The return gate's rules on whole cases that meet every condition, each then
// broken one way (lib/rules/return_rules.cpp, lib/rules/minor_rules.cpp): the
// risk review that decides, and the guardian's signature of a child's
// declaration. The black-box suite tests/blackbox/return_gate.sh drives every other
// condition through the real binaries.
#include <doctest/doctest.h>

#include <string>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "records/store.h"
#include "rules/rules.h"
#include "test_support.h"

using care::diag::Diagnostics;

namespace {

const std::string kDir = "cases/AT-2014-001/";

const std::string kToml = R"y(format = 1
[program]
name = "Return gate test program (fictional)"
start = 2013-09-02
end = 2016-02-29
host_countries = ["AT"]
eu_countries = ["AT", "DE"]
[targets]
assisted = 130
minors = 10
assessed = 260
[budget]
cap_per_person = "3000.00"
currency = "EUR"
)y";

std::string consent(const std::string& purpose, const std::string& by) {
  return "  - purpose: " + purpose + "\n    action: granted\n    date: \"2014-03-03\"\n    given_by: " + by + "\n";
}

std::string a_case(const std::string& birth, bool minor) {
  std::string text = "kind: case\nversion: 1\nid: AT-2014-001\noffice: AT\nreferral:\n  date: \"2014-03-03\"\n"
                     "  organisation_kind: shelter\nhost_country: AT\nnationality: NG\nreturn_country: NG\n"
                     "sex: female\ndate_of_birth: \"" + birth + "\"\neligibility:\n  status: eligible\n"
                     "  checked: \"2014-03-03\"\nconsents:\n";
  for (const char* purpose : {"data_processing", "assistance", "sharing_return_country"}) {
    text += consent(purpose, "person");
    if (minor) text += consent(purpose, "guardian");
  }
  return text;
}

std::string assessment(const std::string& risk, bool with_guardian) {
  return "kind: assessment\nversion: 1\ncase: AT-2014-001\ndate: \"2014-03-10\"\n"
         "assessed_by: caseworker, test office\nneeds:\n  - domain: livelihood\n    level: medium\n"
         "overall_risk: " + risk + "\n" + (with_guardian ? "with_guardian: true\n" : "");
}

std::string plan(bool guardian, const std::string& reviews = "") {
  return "kind: plan\nversion: 1\ncase: AT-2014-001\ndrafted: \"2014-03-20\"\nagreement:\n"
         "  date: \"2014-04-01\"\n  beneficiary: true\n" + std::string(guardian ? "  guardian: true\n" : "") +
         "items:\n  - id: 1\n    phase: reintegration\n    type: other\n    budget:\n      amount: \"800.00\"\n"
         "      currency: EUR\n    status: planned\n" + reviews;
}

std::string a_return(const std::string& escort, bool guardian_signed) {
  return "kind: return\nversion: 1\ncase: AT-2014-001\ndeparture: \"2014-05-20\"\narrival: \"2014-05-20\"\n"
         "destination:\n  country: NG\n  place: Edo State\nescort:\n  by: " + escort + "\n"
         "declaration:\n  signed: \"2014-05-02\"\n  alternatives_explained: true\n  language: English\n" +
         (guardian_signed ? "  guardian_signed: \"2014-05-02\"\n" : "");
}

const std::string kMinor = R"y(kind: minor
version: 1
case: AT-2014-001
guardian:
  appointed: "2014-03-05"
  type: legal_guardian
views:
  heard: "2014-04-10"
  heard_by: social worker, test office
  wants_return: "yes"
bid:
  outcome: return_in_best_interest
  decided: "2014-04-15"
  panel: true
family_tracing:
  status: found
  date: "2014-04-05"
family_assessment:
  date: "2014-04-12"
  willing_and_able: true
  implicated_in_trafficking: false
  outcome: reunification_possible
coordination:
  date: "2014-04-25"
  host_country_parties:
    - Example Youth Welfare Office (fictional)
  return_country_parties:
    - Example Child Protection Unit (fictional)
escort:
  by: guardian
  agreed: "2014-04-25"
care_arrangement:
  lives_with: parents
  place: Edo State
follow_up:
  organisation: Example Child Protection Service (fictional)
  agreed: "2014-04-28"
)y";

std::string listing(const Diagnostics& all) {
  std::string out;
  for (const auto& d : all) out += d.file + ":" + std::to_string(d.line) + ": " + d.code + ": " + d.message + "\n";
  return out;
}

class Folder {
 public:
  Folder() { put("care.toml", kToml); }
  void put(const std::string& relative, const std::string& text) { care::test::spit(dir_.path() / relative, text); }
  // The errors of the rules (warnings left out); the records must pass their schemas.
  Diagnostics errors() {
    auto config = care::folder::parse_config(care::test::slurp(dir_.path() / "care.toml"), "care.toml");
    REQUIRE(config.config);
    auto loaded = care::records::load(dir_.path(), *config.config, dir_.path());
    INFO("schema problems in the test data:\n" << listing(loaded.problems));
    REQUIRE(loaded.problems.empty());
    Diagnostics out;
    for (auto& d : care::rules::check(loaded.folder, *care::util::Date::parse("2016-06-30")))
      if (d.severity == care::diag::Severity::Error) out.push_back(std::move(d));
    return out;
  }

 private:
  care::test::TempDir dir_;
};

std::string review(const std::string& date, const std::string& decision) {
  return "  - date: \"" + date + "\"\n    reviewer: social worker, test office\n    decision: " + decision +
         "\n    safety_measures:\n      - shelter place on arrival\n";
}

}  // namespace

TEST_CASE("return-risk-review: the latest review after the high-risk assessment and by departure decides") {
  Folder f;
  f.put(kDir + "case.yaml", a_case("1990-06-15", false));
  f.put(kDir + "assessments/2014-03-10.yaml", assessment("high", false));
  f.put(kDir + "return.yaml", a_return("none", false));
  auto refused_saying = [&](const std::string& reviews, const std::string& message) {
    f.put(kDir + "plan.yaml", plan(false, reviews.empty() ? "" : "risk_reviews:\n" + reviews));
    auto found = f.errors();
    INFO(listing(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "rule.return-risk-review");
    CHECK(found[0].message == message);
    CHECK(found[0].hint.find("care-plan review") != std::string::npos);
  };
  refused_saying("", "the overall risk was high at the assessment of 2014-03-10, and no review before departure "
                     "decided to proceed");
  // The decision of the review is named (it was read from a list that no longer existed).
  refused_saying(review("2014-04-02", "postpone"), "the risk review of 2014-04-02 decided to postpone, not to proceed");
  refused_saying(review("2014-04-05", "proceed") + review("2014-04-08", "cancel"),
                 "the risk review of 2014-04-08 decided to cancel, not to proceed");
  // Before the assessment, or after departure: not counted.
  refused_saying(review("2014-03-09", "proceed"), "the overall risk was high at the assessment of 2014-03-10, and no "
                                                  "review before departure decided to proceed");
  refused_saying(review("2014-04-02", "postpone") + review("2014-05-21", "proceed"),
                 "the risk review of 2014-04-02 decided to postpone, not to proceed");

  f.put(kDir + "plan.yaml", plan(false, "risk_reviews:\n" + review("2014-04-02", "postpone") +
                                            review("2014-04-09", "proceed")));
  auto found = f.errors();
  INFO(listing(found));
  CHECK(found.empty());
}

TEST_CASE("a minor's case that meets every condition of the return raises no error; the guardian signs too") {
  Folder f;
  f.put(kDir + "case.yaml", a_case("2000-01-15", true));
  f.put(kDir + "assessments/2014-03-10.yaml", assessment("medium", true));
  f.put(kDir + "plan.yaml", plan(true));
  f.put(kDir + "return.yaml", a_return("guardian", true));
  f.put(kDir + "minor.yaml", kMinor);
  {
    auto found = f.errors();
    INFO(listing(found));
    CHECK(found.empty());
  }
  f.put(kDir + "return.yaml", a_return("guardian", false));
  auto found = f.errors();
  INFO(listing(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "rule.return-declaration");
  CHECK(found[0].message == "the guardian has not signed the child's return declaration");
  CHECK(found[0].hint.find("care-plan return --guardian-signed") != std::string::npos);
}
