// The rules across records: for each rule a record set that passes and one
// that fails, written into a scratch case folder, loaded as care-report
// loads it, and checked. Every scenario first asserts that its records pass
// their schemas, so that a rule is never "proved" on a record it skips.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "records/store.h"
#include "rules/rules.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::diag::Diagnostic;
using care::diag::Diagnostics;
using care::diag::Severity;

namespace {

const std::string kToml = R"y(format = 1
[program]
name = "Rules test program (fictional)"
start = 2013-09-02
end = 2016-02-29
host_countries = ["AT", "FR", "PT", "ES", "GB"]
eu_countries = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR",
                "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
[targets]
assisted = 130
minors = 10
assessed = 260
[budget]
cap_per_person = "3000.00"
currency = "EUR"
)y";

const std::string kDir = "cases/AT-2014-001/";

// An eligible adult referred on 2014-03-03 (line numbers matter to the tests).
const std::string kCase = R"y(kind: case
version: 1
id: AT-2014-001
office: AT
referral:
  date: "2014-03-03"
  organisation: Example Shelter (fictional)
  organisation_kind: shelter
host_country: AT
nationality: NG
return_country: NG
sex: female
date_of_birth: "1990-06-15"
age_uncertain: false
eligibility:
  status: eligible
  checked: "2014-03-03"
consents:
  - purpose: data_processing
    action: granted
    date: "2014-03-03"
    given_by: person
)y";

std::string consent(const std::string& purpose, const std::string& date, const std::string& by = "person",
                    const std::string& action = "granted") {
  return "  - purpose: " + purpose + "\n    action: " + action + "\n    date: \"" + date + "\"\n    given_by: " + by +
         "\n";
}

const std::string kAssistance = consent("assistance", "2014-03-20");
const std::string kMonitoring = consent("monitoring_contacts", "2014-05-01");

const std::string kIdentity = R"y(kind: identity
version: 1
case: AT-2014-001
names:
  given: Example
  family: Person-One
documents:
  - type: passport
    number: X0000001
    expires: "2030-01-31"
)y";

const std::string kAssessment = R"y(kind: assessment
version: 1
case: AT-2014-001
date: "2014-03-10"
assessed_by: caseworker, Vienna office
needs:
  - domain: livelihood
    level: medium
overall_risk: low
)y";

const std::string kPlanHead = R"y(kind: plan
version: 1
case: AT-2014-001
drafted: "2014-03-20"
)y";
const std::string kAgreement = R"y(agreement:
  date: "2014-04-01"
  beneficiary: true
)y";

std::string item(int id, const std::string& amount, const std::string& status = "planned",
                 const std::string& extra = "", const std::string& phase = "reintegration",
                 const std::string& currency = "EUR") {
  return "  - id: " + std::to_string(id) + "\n    phase: " + phase +
         "\n    type: other\n    budget:\n      amount: \"" + amount + "\"\n      currency: " + currency +
         "\n    status: " + status + "\n" + extra;
}

std::string delivery(const std::string& date, const std::string& amount, const std::string& currency = "EUR") {
  return "      - date: \"" + date + "\"\n        amount:\n          amount: \"" + amount +
         "\"\n          currency: " + currency + "\n";
}

const std::string kPlan = kPlanHead + kAgreement + "items:\n" + item(1, "800.00");

const std::string kReturn = R"y(kind: return
version: 1
case: AT-2014-001
departure: "2014-05-10"
arrival: "2014-05-10"
destination:
  country: NG
  place: Edo State
escort:
  by: none
declaration:
  signed: "2014-03-20"
  alternatives_explained: true
  language: English
)y";

// A contact that reached the person re-assesses the risk.
std::string contact(const std::string& date, const std::string& mode = "phone", const std::string& extra = "") {
  return "kind: contact\nversion: 1\ncase: AT-2014-001\ndate: \"" + date + "\"\nmode: " + mode +
         "\nreached: true\nrisk:\n  overall: low\n" + extra;
}

std::string closure(const std::string& date, const std::string& reason, const std::string& extra = "") {
  return "kind: closure\nversion: 1\ncase: AT-2014-001\ndate: \"" + date + "\"\nreason: " + reason + "\n" + extra;
}

const std::string kMonitoringPlan = R"y(kind: monitoring_plan
version: 1
case: AT-2014-001
agreed: "2014-05-20"
modes:
  - phone
contacts:
  - number: 1
    due: "2014-06-10"
)y";

std::string outreach(const std::string& id, const std::string& date) {
  return "kind: outreach\nversion: 1\nid: " + id + "\ndate: \"" + date +
         "\"\ncountry: AT\ntype: leaflet_dispatch\norganisations:\n  - name: Example Shelter (fictional)\n"
         "    kind: ngo\nleaflets: 30\n";
}

// A minor (born 2000-01-15, so 14 at referral) for whom every safeguard is met.
const std::string kMinorCase = [] {
  std::string s = kCase;
  s.replace(s.find("1990-06-15"), 10, "2000-01-15");
  return s + consent("data_processing", "2014-03-03", "guardian") + consent("assistance", "2014-03-20") +
         consent("assistance", "2014-03-20", "guardian") + consent("sharing_return_country", "2014-03-20") +
         consent("sharing_return_country", "2014-03-20", "guardian");
}();

const std::string kMinor = R"y(kind: minor
version: 1
case: AT-2014-001
guardian:
  appointed: "2014-02-20"
  type: legal_guardian
views:
  heard: "2014-04-01"
  heard_by: social worker, child protection unit
  wants_return: "yes"
  wants_tracing: "yes"
bid:
  outcome: return_in_best_interest
  decided: "2014-04-15"
  panel: true
family_tracing:
  status: found
  date: "2014-03-25"
family_assessment:
  date: "2014-04-02"
  willing_and_able: true
  implicated_in_trafficking: false
  outcome: reunification_possible
reunification:
  confirmed: true
  date: "2014-04-20"
coordination:
  date: "2014-04-25"
  host_country_parties:
    - guardian
  return_country_parties:
    - child protection authority
escort:
  by: guardian
  agreed: "2014-04-25"
care_arrangement:
  lives_with: parents
follow_up:
  organisation: municipal centre for social work
  agreed: "2014-04-28"
)y";

const std::string kMinorPlan = kPlanHead +
                               "agreement:\n  date: \"2014-04-01\"\n  beneficiary: true\n  guardian: true\n" +
                               "items:\n" + item(1, "800.00");

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "test data lacks: " << from);
  return text.replace(at, from.size(), to);
}

std::string listing(const Diagnostics& all) {
  std::string out;
  for (const auto& d : all)
    out += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.code + ": " + d.message +
           "\n";
  return out;
}

// One scratch case folder.
class Folder {
 public:
  Folder() {
    put("care.toml", kToml);
    put(kDir + "case.yaml", kCase);
    put(kDir + "identity.yaml", kIdentity);
  }
  void put(const std::string& relative, const std::string& text) { care::test::spit(dir_.path() / relative, text); }
  std::string read(const std::string& relative) const { return care::test::slurp(dir_.path() / relative); }
  void remove(const std::string& relative) { fs::remove(dir_.path() / relative); }

  // Loads the folder and runs the rules; the records must pass their schemas.
  Diagnostics check(const std::string& today = "2016-06-30") {
    auto config = care::folder::parse_config(care::test::slurp(dir_.path() / "care.toml"), "care.toml");
    REQUIRE(config.config);
    auto loaded = care::records::load(dir_.path(), *config.config, dir_.path());
    INFO("schema problems in the test data:\n" << listing(loaded.problems));
    REQUIRE(loaded.problems.empty());
    auto on = care::util::Date::parse(today);
    REQUIRE(on);
    auto out = care::rules::check(loaded.folder, *on);
    care::diag::sort(out);
    return out;
  }

  // A returned adult with an assessment, an agreed plan and consent to monitoring.
  void returned() {
    put(kDir + "case.yaml", kCase + kAssistance + kMonitoring);
    put(kDir + "assessments/2014-03-10.yaml", kAssessment);
    put(kDir + "plan.yaml", kPlan);
    put(kDir + "return.yaml", kReturn);
  }

  // A minor with everything in place for the return.
  void minor_returned() {
    put(kDir + "case.yaml", kMinorCase);
    put(kDir + "assessments/2014-03-10.yaml", kAssessment + "with_guardian: true\n");
    put(kDir + "minor.yaml", kMinor);
    put(kDir + "plan.yaml", kMinorPlan);
    put(kDir + "return.yaml", replace(kReturn, "by: none", "by: guardian") + "  guardian_signed: \"2014-03-20\"\n");
  }

 private:
  care::test::TempDir dir_;
};

std::vector<std::string> codes(const Diagnostics& all) {
  std::vector<std::string> out;
  for (const auto& d : all) out.push_back(d.code);
  return out;
}


// The only problem raised; fails the test unless there is exactly one.
Diagnostic only(const Diagnostics& all, const std::string& code) {
  INFO(listing(all));
  REQUIRE(all.size() == 1);
  CHECK(all[0].code == code);
  return all[0];
}

#define CHECK_CLEAN(diags) \
  do {                     \
    auto found_ = (diags); \
    INFO(listing(found_)); \
    CHECK(found_.empty()); \
  } while (0)

}  // namespace

TEST_CASE("rules: a correct folder raises nothing, at every stage") {
  Folder f;
  CHECK_CLEAN(f.check());
  f.returned();
  CHECK_CLEAN(f.check());
  f.put(kDir + "monitoring-plan.yaml", kMonitoringPlan);
  f.put(kDir + "monitoring/2014-06-12.yaml",
        contact("2014-06-12", "phone", "items:\n  - item: 1\n    progress: in_progress\n"));
  f.put(kDir + "closure.yaml", closure("2015-05-10", "completed"));
  f.put("outreach/OR-AT-2014-001.yaml", outreach("OR-AT-2014-001", "2014-02-10"));
  CHECK_CLEAN(f.check());
  Folder m;
  m.minor_returned();
  CHECK_CLEAN(m.check());
}

TEST_CASE("rules: id-matches-folder") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  CHECK_CLEAN(f.check());
  f.put(kDir + "assessments/2014-03-10.yaml", replace(kAssessment, "case: AT-2014-001", "case: AT-2014-010"));
  auto d = only(f.check(), "rule.id-matches-folder");
  CHECK(d.file == kDir + "assessments/2014-03-10.yaml");
  CHECK(d.line == 3);
  CHECK(d.column == 7);

  SUBCASE("in case.yaml") {
    Folder g;
    g.put(kDir + "case.yaml", replace(kCase, "id: AT-2014-001", "id: AT-2014-002"));
    auto e = only(g.check(), "rule.id-matches-folder");
    CHECK(e.line == 3);
  }
  SUBCASE("in an outreach record, against its file name") {
    Folder g;
    g.put("outreach/OR-AT-2014-001.yaml", outreach("OR-AT-2014-001", "2014-02-10"));
    CHECK_CLEAN(g.check());
    g.put("outreach/OR-AT-2014-001.yaml", outreach("OR-AT-2014-002", "2014-02-10"));
    auto e = only(g.check(), "rule.id-matches-folder");
    CHECK(e.file == "outreach/OR-AT-2014-001.yaml");
    CHECK(e.line == 3);
  }
}

TEST_CASE("rules: file-date") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10-2.yaml", kAssessment);  // a second one that day
  CHECK_CLEAN(f.check());
  f.put(kDir + "assessments/2014-03-10-2.yaml", replace(kAssessment, "2014-03-10", "2014-03-11"));
  auto d = only(f.check(), "rule.file-date");
  CHECK(d.line == 4);
  CHECK(d.message.find("2014-03-10-2.yaml") != std::string::npos);

  Folder g;
  g.returned();
  g.put(kDir + "monitoring/2014-06-13.yaml", contact("2014-06-12"));
  CHECK(only(g.check(), "rule.file-date").file == kDir + "monitoring/2014-06-13.yaml");
}

TEST_CASE("rules: case-missing reports every record of a folder without case.yaml") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  f.remove(kDir + "case.yaml");
  auto all = f.check();
  INFO(listing(all));
  REQUIRE(all.size() == 2);
  for (const auto& d : all) {
    CHECK(d.code == "rule.case-missing");
    CHECK(d.line == 0);  // about the file, not a place in it
  }
  CHECK(all[0].file == kDir + "assessments/2014-03-10.yaml");
  CHECK(all[1].file == kDir + "identity.yaml");
}

TEST_CASE("rules: future") {
  Folder f;
  f.put(kDir + "case.yaml", replace(kCase, "checked: \"2014-03-03\"", "checked: \"2016-06-30\""));
  CHECK_CLEAN(f.check("2016-06-30"));  // today is not the future
  auto d = only(f.check("2016-06-29"), "rule.future");
  CHECK(d.line == 17);
  CHECK(d.message == "checked 2016-06-30 is in the future (today is 2016-06-29)");

  SUBCASE("dates meant to lie ahead are not in the future") {
    Folder g;
    g.returned();
    g.put(kDir + "monitoring-plan.yaml", replace(kMonitoringPlan, "due: \"2014-06-10\"",
                                                 "due: \"2014-06-10\"\n    moved:\n      - from: \"2014-05-30\"\n"
                                                 "        to: \"2014-06-10\""));
    CHECK_CLEAN(g.check("2014-06-01"));  // due and moved-to lie ahead; the passport expiry (2030) too
  }
  SUBCASE("an outreach record dated later than today") {
    Folder g;
    g.put("outreach/OR-AT-2014-001.yaml", outreach("OR-AT-2014-001", "2014-03-06"));
    CHECK_CLEAN(g.check("2014-03-06"));
    auto e = only(g.check("2014-03-05"), "rule.future");
    CHECK(e.file == "outreach/OR-AT-2014-001.yaml");
  }
}

// moved.from in monitoring-plan.yaml is the due day before a move, and may
// lie ahead just as the due day does.
TEST_CASE("rules: a due day moved before it came is not in the future") {
  Folder g;
  g.returned();
  g.put(kDir + "monitoring-plan.yaml", replace(kMonitoringPlan, "due: \"2014-06-10\"",
                                               "due: \"2014-06-20\"\n    moved:\n      - from: \"2014-06-10\"\n"
                                               "        to: \"2014-06-20\""));
  CHECK_CLEAN(g.check("2014-06-01"));
}

TEST_CASE("rules: birth-after-referral") {
  Folder f;
  f.put(kDir + "case.yaml", replace(kCase, "1990-06-15", "1996-03-02"));
  CHECK_CLEAN(f.check());
  f.put(kDir + "case.yaml", replace(kCase, "1990-06-15", "2014-03-03"));
  auto d = only(f.check(), "rule.birth-after-referral");
  CHECK(d.line == 13);
  CHECK(d.column == 16);
}

TEST_CASE("rules: date-order, each step on or after the one before") {
  Folder f;
  f.returned();
  CHECK_CLEAN(f.check());

  SUBCASE("eligibility checked before the referral") {
    f.put(kDir + "case.yaml",
          replace(kCase + kAssistance + kMonitoring, "checked: \"2014-03-03\"", "checked: \"2014-03-02\""));
    CHECK(only(f.check(), "rule.date-order").line == 17);
  }
  SUBCASE("assessment before the referral") {
    f.put(kDir + "assessments/2014-03-02.yaml", replace(kAssessment, "2014-03-10", "2014-03-02"));
    auto all = f.check();
    INFO(listing(all));
    // before the referral, and before consent to data processing was given
    CHECK(codes(all) == std::vector<std::string>{"rule.consent", "rule.date-order"});
  }
  SUBCASE("plan drafted before the first assessment") {
    f.put(kDir + "plan.yaml", replace(kPlan, "drafted: \"2014-03-20\"", "drafted: \"2014-03-09\""));
    CHECK(only(f.check(), "rule.date-order").line == 4);
  }
  SUBCASE("plan agreed before it was drafted") {
    f.put(kDir + "plan.yaml", replace(kPlan, "date: \"2014-04-01\"", "date: \"2014-03-19\""));
    auto all = f.check();
    INFO(listing(all));
    // agreed before it was drafted, and before the consent to assistance (2014-03-20)
    CHECK(codes(all) == std::vector<std::string>{"rule.consent", "rule.date-order"});
  }
  SUBCASE("departure before the plan's agreement") {
    f.put(kDir + "return.yaml", replace(replace(kReturn, "2014-05-10", "2014-03-31"), "2014-05-10", "2014-03-31"));
    CHECK(only(f.check(), "rule.date-order").line == 4);
  }
  SUBCASE("arrival before departure") {
    f.put(kDir + "return.yaml", replace(kReturn, "arrival: \"2014-05-10\"", "arrival: \"2014-05-09\""));
    CHECK(only(f.check(), "rule.date-order").line == 5);
  }
  SUBCASE("contact before arrival") {
    f.put(kDir + "monitoring/2014-05-09.yaml", contact("2014-05-09"));
    CHECK(only(f.check(), "rule.date-order").file == kDir + "monitoring/2014-05-09.yaml");
  }
  SUBCASE("closure before the referral (and so before the arrival)") {
    f.put(kDir + "closure.yaml", closure("2014-03-02", "chose_to_stop"));
    auto all = f.check();
    INFO(listing(all));
    REQUIRE(all.size() == 2);
    for (const auto& d : all) {
      CHECK(d.code == "rule.date-order");
      CHECK(d.file == kDir + "closure.yaml");
    }
  }
  SUBCASE("delivery before the plan was drafted") {
    f.put(kDir + "plan.yaml",
          kPlanHead + kAgreement + "items:\n" +
              item(1, "800.00", "committed", "    deliveries:\n" + delivery("2014-03-19", "100.00")));
    CHECK(only(f.check(), "rule.date-order").line == 17);
  }
  SUBCASE("a change dated before the agreement") {
    f.put(kDir + "plan.yaml", kPlan + "changes:\n  - date: \"2014-03-31\"\n    item: 1\n    what: budget lowered\n");
    CHECK(only(f.check(), "rule.date-order").line == 17);
  }
  SUBCASE("the same day is in order") {
    f.put(kDir + "plan.yaml", replace(replace(kPlan, "2014-03-20", "2014-03-10"), "2014-04-01", "2014-03-20"));
    f.put(kDir + "return.yaml", replace(replace(kReturn, "2014-05-10", "2014-03-20"), "2014-05-10", "2014-03-20"));
    f.put(kDir + "monitoring/2014-03-20.yaml", contact("2014-03-20"));
    f.put(kDir + "case.yaml", kCase + kAssistance + consent("monitoring_contacts", "2014-03-20"));
    CHECK_CLEAN(f.check());
  }
}

TEST_CASE("rules: eligibility") {
  Folder f;
  SUBCASE("an EU national") {
    f.put(kDir + "case.yaml", replace(kCase, "nationality: NG", "nationality: RO"));
    auto d = only(f.check(), "rule.eligibility");
    CHECK(d.line == 10);
  }
  SUBCASE("a return to an EU country") {
    f.put(kDir + "case.yaml", replace(kCase, "return_country: NG", "return_country: IT"));
    CHECK(only(f.check(), "rule.eligibility").line == 11);
  }
  SUBCASE("a non-EU country outside the EU list is fine (NO is Norway)") {
    f.put(kDir + "case.yaml",
          replace(replace(kCase, "nationality: NG", "nationality: NO"), "return_country: NG", "return_country: NO"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("a host country that is not in the program") {
    f.put(kDir + "case.yaml", replace(kCase, "host_country: AT", "host_country: IT"));
    CHECK(only(f.check(), "rule.eligibility").line == 9);
  }
  SUBCASE("referral before the program started") {
    std::string text = kCase;
    while (text.find("2014-03-03") != std::string::npos) text = replace(text, "2014-03-03", "2013-09-01");
    f.put(kDir + "case.yaml", text);
    CHECK(only(f.check(), "rule.eligibility").line == 6);
    while (text.find("2013-09-01") != std::string::npos) text = replace(text, "2013-09-01", "2013-09-02");
    f.put(kDir + "case.yaml", text);
    CHECK_CLEAN(f.check());  // the first day counts
  }
  SUBCASE("referral after the program ended") {
    std::string text = kCase;
    while (text.find("2014-03-03") != std::string::npos) text = replace(text, "2014-03-03", "2016-03-01");
    f.put(kDir + "case.yaml", text);
    CHECK(only(f.check(), "rule.eligibility").line == 6);
    while (text.find("2016-03-01") != std::string::npos) text = replace(text, "2016-03-01", "2016-02-29");
    f.put(kDir + "case.yaml", text);
    CHECK_CLEAN(f.check());  // the last day counts
  }
}

TEST_CASE("rules: an ineligible referral is closed and has no assistance") {
  Folder f;
  std::string ineligible = replace(replace(replace(kCase, "status: eligible", "status: ineligible"),
                                           "checked: \"2014-03-03\"", "checked: \"2014-03-03\"\n  reason: EU national"),
                                   "nationality: NG", "nationality: RO");
  f.put(kDir + "case.yaml", ineligible);
  auto d = only(f.check(), "rule.ineligible-open");
  CHECK(d.line == 16);
  f.put(kDir + "closure.yaml", closure("2014-03-05", "ineligible_at_referral"));
  CHECK_CLEAN(f.check());  // and the EU nationality is not reported again

  f.put(kDir + "assessments/2014-03-04.yaml", replace(kAssessment, "2014-03-10", "2014-03-04"));
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "100.00"));
  auto all = f.check();
  INFO(listing(all));
  REQUIRE(all.size() == 2);
  for (const auto& e : all) {
    CHECK(e.code == "rule.ineligible-assisted");
    CHECK(e.line == 0);
  }

  SUBCASE("closed as ineligible, but eligible") {
    Folder g;
    g.put(kDir + "closure.yaml", closure("2014-03-05", "ineligible_at_referral"));
    auto e = only(g.check(), "rule.ineligible-open");
    CHECK(e.file == kDir + "closure.yaml");
    CHECK(e.line == 5);
  }
}

TEST_CASE("rules: office") {
  Folder f;
  f.put(kDir + "case.yaml", replace(kCase, "office: AT", "office: FR"));
  auto d = only(f.check(), "rule.office");
  CHECK(d.line == 4);
  CHECK(d.column == 9);
}

TEST_CASE("rules: plan-needs-assessment") {
  Folder f;
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "800.00"));
  CHECK(only(f.check(), "rule.plan-needs-assessment").line == 4);
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  CHECK_CLEAN(f.check());
}

TEST_CASE("rules: budget-cap counts items that are not cancelled, and accepts over_cap") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "1000.00") + item(2, "2000.00"));
  CHECK_CLEAN(f.check());  // exactly the cap
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "1000.00") + item(2, "2000.01"));
  auto d = only(f.check(), "rule.budget-cap");
  CHECK(d.line == 6);
  CHECK(d.message == "the plan's budget 3000.01 EUR is over the cap of 3000.00 EUR");

  std::string cancelled = "    cancelled:\n      date: \"2014-03-25\"\n      reason: no longer needed\n";
  f.put(kDir + "plan.yaml",
        kPlanHead + "items:\n" + item(1, "1000.00") + item(2, "2000.00") + item(3, "500.00", "cancelled", cancelled));
  CHECK_CLEAN(f.check());

  f.put(kDir + "plan.yaml", kPlanHead + "over_cap:\n  reason: approved by the board\n  date: \"2014-03-22\"\n" +
                                "items:\n" + item(1, "4000.00"));
  CHECK_CLEAN(f.check());
}

TEST_CASE("rules: currency") {
  Folder f;
  // With a rate, so that only the exchange note is missing (no rate: rule currency-rate, below).
  f.put("care.toml", kToml + "[budget.rates]\nGBP = \"1.25\"\n");
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "100.00", "planned", "", "reintegration", "GBP"));
  auto d = only(f.check(), "rule.currency");
  CHECK(d.line == 11);
  f.put(kDir + "plan.yaml",
        kPlanHead + "items:\n" +
            item(1, "100.00", "planned", "    exchange_note: 1 GBP = 1.38 EUR\n", "reintegration", "GBP"));
  CHECK_CLEAN(f.check());

  f.put(kDir + "plan.yaml",
        kPlanHead + "items:\n" +
            item(1, "100.00", "committed", "    deliveries:\n" + delivery("2014-03-28", "50.00", "GBP")));
  auto e = only(f.check(), "rule.currency");
  CHECK(e.line == 17);
  CHECK(e.message == "delivery in GBP but the item is budgeted in EUR");
}

TEST_CASE("rules: over-delivered, delivery-cancelled, delivery-missing") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  auto plan = [&](const std::string& status, const std::string& extra) {
    f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "800.00", status, extra));
  };
  plan("delivered", "    deliveries:\n" + delivery("2014-03-28", "500.00") + delivery("2014-04-28", "300.00"));
  CHECK_CLEAN(f.check());  // exactly the budget
  plan("delivered", "    deliveries:\n" + delivery("2014-03-28", "500.00") + delivery("2014-04-28", "300.01"));
  auto d = only(f.check(), "rule.over-delivered");
  CHECK(d.line == 14);
  CHECK(d.message.find("800.01 EUR") != std::string::npos);

  std::string cancelled = "    cancelled:\n      date: \"2014-03-25\"\n      reason: course closed\n";
  plan("cancelled", cancelled + "    deliveries:\n" + delivery("2014-03-25", "100.00"));
  CHECK_CLEAN(f.check());  // paid on the day it was cancelled
  plan("cancelled", cancelled + "    deliveries:\n" + delivery("2014-03-26", "100.00"));
  CHECK(only(f.check(), "rule.delivery-cancelled").line == 17);

  plan("delivered", "");
  auto e = only(f.check(), "rule.delivery-missing");
  CHECK(e.line == 12);
  CHECK(e.column == 13);
}

TEST_CASE("rules: item-id") {
  Folder f;
  f.returned();
  SUBCASE("an id used twice") {
    f.put(kDir + "plan.yaml", kPlanHead + kAgreement + "items:\n" + item(1, "100.00") + item(1, "200.00"));
    CHECK(only(f.check(), "rule.item-id").line == 16);
  }
  SUBCASE("a change about an item the plan lacks") {
    f.put(kDir + "plan.yaml", kPlan + "changes:\n  - date: \"2014-04-10\"\n    item: 2\n    what: added\n");
    CHECK(only(f.check(), "rule.item-id").line == 18);
  }
  SUBCASE("progress on an item the plan lacks") {
    std::string progress = "items:\n  - item: 1\n    progress: in_progress\n  - item: 9\n    progress: stalled\n";
    f.put(kDir + "monitoring/2014-06-12.yaml", contact("2014-06-12", "phone", progress));
    auto d = only(f.check(), "rule.item-id");
    CHECK(d.file == kDir + "monitoring/2014-06-12.yaml");
    CHECK(d.line == 12);
  }
}

TEST_CASE("rules: post-arrival-requested") {
  Folder f;
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "50.00", "planned", "", "post_arrival"));
  CHECK(only(f.check(), "rule.post-arrival-requested").line == 7);
  f.put(kDir + "plan.yaml",
        kPlanHead + "post_arrival_requested: true\nitems:\n" + item(1, "50.00", "planned", "", "post_arrival"));
  CHECK_CLEAN(f.check());
}

TEST_CASE("rules: return-needs-agreed-plan") {
  Folder f;
  f.returned();
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" + item(1, "800.00"));
  CHECK(only(f.check(), "rule.return-needs-agreed-plan").line == 4);
  f.remove(kDir + "plan.yaml");
  auto all = f.check();
  INFO(listing(all));
  CHECK(codes(all) == std::vector<std::string>{"rule.return-needs-agreed-plan"});
}

TEST_CASE("rules: age is computed at a date") {
  // Born 1996-03-04: turns 18 on 2014-03-04, the day after the referral.
  Folder f;
  f.put(kDir + "case.yaml", replace(kCase, "1990-06-15", "1996-03-04"));
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  auto d = only(f.check(), "rule.minor-file");  // a minor at referral: a minor's case
  CHECK(d.line == 13);

  // Born 1996-03-03: 18 on the day of the referral, so an adult.
  f.put(kDir + "case.yaml", replace(kCase, "1990-06-15", "1996-03-03"));
  CHECK_CLEAN(f.check());

  // Age uncertain: presumed a child, whatever the date of birth says.
  f.put(kDir + "case.yaml", replace(kCase, "age_uncertain: false", "age_uncertain: true"));
  CHECK(only(f.check(), "rule.minor-file").line == 13);
}

TEST_CASE("rules: minor-file and minor-agreement") {
  Folder f;
  f.put(kDir + "case.yaml", kMinorCase);
  CHECK_CLEAN(f.check());  // referred only: no minor.yaml needed yet
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  CHECK(only(f.check(), "rule.minor-file").line == 13);
  f.put(kDir + "minor.yaml", kMinor);
  CHECK_CLEAN(f.check());

  f.put(kDir + "plan.yaml", kPlan);  // agreed by the beneficiary only
  CHECK(only(f.check(), "rule.minor-agreement").file == kDir + "plan.yaml");
  f.put(kDir + "plan.yaml", kMinorPlan);
  CHECK_CLEAN(f.check());
}

// One condition of a minor's return broken alone: which record, how, and the
// rule that must then be the only finding.
struct Break {
  const char* what;
  const char* file;  // relative to the case folder
  const char* from;
  const char* to;
  const char* code;
  const char* also = "";  // a finding that comes with it, necessarily
};

const Break kMinorBreaks[] = {
    {"the guardian appointed after the first assessment", "minor.yaml", "appointed: \"2014-02-20\"",
     "appointed: \"2014-03-11\"", "rule.minor-guardian-late"},
    {"no child's views on record", "minor.yaml",
     "views:\n  heard: \"2014-04-01\"\n  heard_by: social worker, child protection unit\n  wants_return: \"yes\"\n"
     "  wants_tracing: \"yes\"\n",
     "", "rule.minor-views"},
    {"the views heard after the BID", "minor.yaml", "heard: \"2014-04-01\"", "heard: \"2014-04-16\"",
     "rule.minor-views"},
    {"no BID", "minor.yaml", "outcome: return_in_best_interest\n  decided: \"2014-04-15\"\n  panel: true\n",
     "outcome: pending\n", "rule.minor-return-bid"},
    {"a BID against return", "minor.yaml", "outcome: return_in_best_interest",
     "outcome: return_not_in_best_interest", "rule.minor-return-bid"},
    {"a BID not made by a panel", "minor.yaml", "  panel: true\n", "", "rule.minor-return-bid"},
    {"a BID after the coordination", "minor.yaml", "decided: \"2014-04-15\"", "decided: \"2014-04-26\"",
     "rule.minor-return-bid"},
    {"no coordination", "minor.yaml",
     "coordination:\n  date: \"2014-04-25\"\n  host_country_parties:\n    - guardian\n  return_country_parties:\n"
     "    - child protection authority\n",
     "", "rule.minor-return-coordination"},
    {"coordinated less than 14 days before departure", "minor.yaml", "date: \"2014-04-25\"\n  host",
     "date: \"2014-04-27\"\n  host", "rule.minor-return-coordination"},
    {"no host-country party named", "minor.yaml", "  host_country_parties:\n    - guardian\n", "",
     "rule.minor-return-coordination"},
    {"no return-country party named", "minor.yaml",
     "  return_country_parties:\n    - child protection authority\n", "", "rule.minor-return-coordination"},
    {"family tracing not found", "minor.yaml", "status: found", "status: not_found", "rule.minor-return-reception"},
    {"no family assessment", "minor.yaml",
     "family_assessment:\n  date: \"2014-04-02\"\n  willing_and_able: true\n  implicated_in_trafficking: false\n"
     "  outcome: reunification_possible\n",
     "", "rule.minor-return-reception"},
    {"a family unwilling or unable", "minor.yaml", "willing_and_able: true", "willing_and_able: false",
     "rule.minor-return-reception"},
    {"a family implicated in the trafficking", "minor.yaml", "implicated_in_trafficking: false",
     "implicated_in_trafficking: true", "rule.minor-return-reception"},
    {"family involvement a high risk", "assessments/2014-03-10.yaml", "overall_risk: low",
     "risk_factors:\n  - factor: family_involvement\n    level: high\noverall_risk: high", "rule.minor-return-reception",
     "rule.return-risk-review"},
    {"the escort agreed after departure", "minor.yaml", "agreed: \"2014-04-25\"", "agreed: \"2014-05-11\"",
     "rule.minor-return-escort"},
    {"another escort on the journey than the one agreed", "return.yaml", "by: guardian", "by: program_staff",
     "rule.minor-return-escort"},
    {"no care arrangement on arrival", "minor.yaml", "care_arrangement:\n  lives_with: parents\n", "",
     "rule.minor-return-care"},
    {"no child-protection follow-up", "minor.yaml",
     "follow_up:\n  organisation: municipal centre for social work\n  agreed: \"2014-04-28\"\n", "",
     "rule.minor-return-follow-up"},
    {"the guardian did not sign the declaration", "return.yaml", "  guardian_signed: \"2014-03-20\"\n", "",
     "rule.return-declaration"},
    {"the plan agreed without the guardian", "plan.yaml", "  guardian: true\n", "", "rule.minor-agreement"},
};

// A receiving organisation instead of the family: in the country of return,
// confirmed on or before departure.
std::string minor_to_organisation() {
  std::string s = kMinor;
  s = replace(s, "family_tracing:\n  status: found\n  date: \"2014-03-25\"\n", "");
  s = replace(s,
              "family_assessment:\n  date: \"2014-04-02\"\n  willing_and_able: true\n  implicated_in_trafficking: "
              "false\n  outcome: reunification_possible\nreunification:\n  confirmed: true\n  date: \"2014-04-20\"\n",
              "receiving_organisation:\n  name: Example Child Protection Unit (fictional)\n  country: NG\n"
              "  confirmed: \"2014-05-01\"\n");
  return replace(s, "wants_tracing: \"yes\"", "wants_tracing: \"no\"");
}

TEST_CASE("rules: a minor returns only when every condition holds, each broken alone") {
  for (const Break& b : kMinorBreaks) {
    std::string what = b.what;
    CAPTURE(what);
    Folder f;
    f.minor_returned();
    f.put(kDir + b.file, replace(f.read(kDir + b.file), b.from, b.to));
    auto all = f.check();
    INFO(listing(all));
    REQUIRE(!all.empty());
    for (const auto& d : all) CHECK((d.code == b.code || d.code == b.also));
    auto mine = codes(all);
    CHECK(std::count(mine.begin(), mine.end(), std::string(b.code)) >= 1);
  }
}

TEST_CASE("rules: a minor returned to a receiving organisation") {
  Folder f;
  f.minor_returned();
  const std::string kMinorToOrganisation = minor_to_organisation();
  f.put(kDir + "minor.yaml", kMinorToOrganisation);
  CHECK_CLEAN(f.check());
  SUBCASE("in another country") {
    f.put(kDir + "minor.yaml", replace(kMinorToOrganisation, "country: NG", "country: GH"));
    only(f.check(), "rule.minor-return-reception");
  }
  SUBCASE("never confirmed") {
    f.put(kDir + "minor.yaml", replace(kMinorToOrganisation, "  confirmed: \"2014-05-01\"\n", ""));
    only(f.check(), "rule.minor-return-reception");
  }
  SUBCASE("confirmed after departure") {
    f.put(kDir + "minor.yaml", replace(kMinorToOrganisation, "confirmed: \"2014-05-01\"", "confirmed: \"2014-05-11\""));
    only(f.check(), "rule.minor-return-reception");
  }
}

TEST_CASE("rules: consent in force on the day, decided by the latest entry") {
  Folder f;
  f.returned();

  SUBCASE("the referral needs data processing consent") {
    f.put(kDir + "case.yaml", replace(kCase + kAssistance + kMonitoring, "date: \"2014-03-03\"\n    given_by",
                                      "date: \"2014-03-04\"\n    given_by"));
    auto d = only(f.check(), "rule.consent");  // the assessment (2014-03-10) is after the grant
    CHECK(d.file == kDir + "case.yaml");
    CHECK(d.line == 6);
  }
  SUBCASE("the plan's agreement and the return need assistance consent") {
    f.put(kDir + "case.yaml", kCase + kMonitoring);
    auto all = f.check();
    INFO(listing(all));
    REQUIRE(all.size() == 2);
    CHECK(all[0].file == kDir + "plan.yaml");
    CHECK(all[0].line == 6);
    CHECK(all[1].file == kDir + "return.yaml");
    CHECK(all[1].line == 4);
  }
  SUBCASE("a contact needs monitoring consent; through a partner, sharing consent as well") {
    f.put(kDir + "case.yaml", kCase + kAssistance);
    f.put(kDir + "monitoring/2014-06-12.yaml", contact("2014-06-12", "partner"));
    auto all = f.check();
    INFO(listing(all));
    REQUIRE(all.size() == 2);
    std::string both = all[0].message + "\n" + all[1].message;
    CHECK(both.find("without consent to monitoring_contacts in force") != std::string::npos);
    CHECK(both.find("without consent to sharing_return_country in force") != std::string::npos);
    f.put(kDir + "case.yaml", kCase + kAssistance + kMonitoring + consent("sharing_return_country", "2014-06-12"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("a withdrawal then a new grant") {
    f.put(kDir + "case.yaml", kCase + kAssistance + kMonitoring +
                                  consent("monitoring_contacts", "2014-06-01", "person", "withdrawn") +
                                  consent("monitoring_contacts", "2014-07-01"));
    f.put(kDir + "monitoring/2014-05-20.yaml", contact("2014-05-20"));  // granted
    f.put(kDir + "monitoring/2014-06-01.yaml", contact("2014-06-01"));  // withdrawn that day
    f.put(kDir + "monitoring/2014-06-30.yaml", contact("2014-06-30"));  // still withdrawn
    f.put(kDir + "monitoring/2014-07-01.yaml", contact("2014-07-01"));  // granted again
    auto all = f.check();
    INFO(listing(all));
    REQUIRE(all.size() == 2);
    CHECK(all[0].file == kDir + "monitoring/2014-06-01.yaml");
    CHECK(all[1].file == kDir + "monitoring/2014-06-30.yaml");
    for (const auto& d : all) CHECK(d.code == "rule.consent");
  }
  SUBCASE("entries out of order: the latest date decides, not the last line") {
    f.put(kDir + "case.yaml", kCase + kAssistance + consent("monitoring_contacts", "2014-06-20") +
                                  consent("monitoring_contacts", "2014-06-01", "person", "withdrawn"));
    f.put(kDir + "monitoring/2014-06-25.yaml", contact("2014-06-25"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("a minor's assistance needs the guardian's consent too") {
    Folder m;
    m.minor_returned();
    m.put(kDir + "case.yaml", replace(kMinorCase, consent("assistance", "2014-03-20", "guardian"), ""));
    // The child's own consent is in force; the plan's agreement and the
    // return still lack the guardian's.
    auto all = m.check();
    INFO(listing(all));
    CHECK(codes(all) == std::vector<std::string>{"rule.consent", "rule.consent"});
    REQUIRE(all.size() == 2);
    CHECK(all[0].file == kDir + "plan.yaml");
    CHECK(all[1].file == kDir + "return.yaml");
  }
  SUBCASE("a child's consent stands alone until a guardian is appointed, not after") {
    Folder m;
    m.minor_returned();
    // No guardian's entry for data processing: the referral (2014-03-03) came
    // before the appointment (2014-02-20 moved to 2014-03-05), the first
    // assessment (2014-03-10) after it.
    m.put(kDir + "case.yaml", replace(kMinorCase, consent("data_processing", "2014-03-03", "guardian"), ""));
    m.put(kDir + "minor.yaml", replace(kMinor, "appointed: \"2014-02-20\"", "appointed: \"2014-03-05\""));
    auto all = m.check();
    INFO(listing(all));
    REQUIRE(!all.empty());
    for (const auto& d : all) {
      CHECK(d.code == "rule.consent");
      CHECK(d.file != kDir + "case.yaml");  // the referral itself is in order
    }
    CHECK(all[0].file == kDir + "assessments/2014-03-10.yaml");
  }
  SUBCASE("an ineligible case is not checked for consent") {
    Folder g;
    std::string text = replace(replace(replace(kCase, "status: eligible", "status: ineligible"),
                                       "checked: \"2014-03-03\"", "checked: \"2014-03-03\"\n  reason: EU national"),
                               "nationality: NG", "nationality: RO");
    g.put(kDir + "case.yaml", replace(text, "action: granted", "action: withdrawn"));
    g.put(kDir + "closure.yaml", closure("2014-03-05", "ineligible_at_referral"));
    // Consent is not judged; the withdrawal of consent to data processing
    // still asks for the case to be erased, ineligible or not.
    auto all = g.check();
    INFO(listing(all));
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == "rule.erase-after-withdrawal");
    CHECK(all[0].severity == care::diag::Severity::Warning);
  }
}

TEST_CASE("rules: contact-before-return") {
  Folder f;
  f.put(kDir + "case.yaml", kCase + kMonitoring);
  f.put(kDir + "monitoring/2014-06-12.yaml", contact("2014-06-12"));
  auto d = only(f.check(), "rule.contact-before-return");
  CHECK(d.line == 4);
  f.remove(kDir + "monitoring/2014-06-12.yaml");
  f.put(kDir + "monitoring-plan.yaml", kMonitoringPlan);
  auto e = only(f.check(), "rule.contact-before-return");
  CHECK(e.file == kDir + "monitoring-plan.yaml");
}

TEST_CASE("rules: contact-after-closure, unless the case was reopened") {
  Folder f;
  f.returned();
  f.put(kDir + "closure.yaml", closure("2014-06-12", "chose_to_stop"));
  f.put(kDir + "monitoring/2014-06-12.yaml", contact("2014-06-12"));
  CHECK_CLEAN(f.check());  // on the day of closure
  f.put(kDir + "monitoring/2014-07-01.yaml", contact("2014-07-01"));
  auto d = only(f.check(), "rule.contact-after-closure");
  CHECK(d.file == kDir + "monitoring/2014-07-01.yaml");
  CHECK(d.line == 4);
  f.put(
      kDir + "closure.yaml",
      closure(
          "2014-06-12", "chose_to_stop",
          "reopened:\n  - date: \"2014-06-25\"\n    reason: asked for help again\n    closed_again: \"2014-08-01\"\n    closed_again_reason: chose_to_stop\n"));
  CHECK_CLEAN(f.check());
  f.put(kDir + "monitoring/2014-08-02.yaml", contact("2014-08-02"));
  CHECK(only(f.check(), "rule.contact-after-closure").file == kDir + "monitoring/2014-08-02.yaml");
}

TEST_CASE("rules: closure-early, 12 months after arrival") {
  Folder f;
  f.returned();  // arrival 2014-05-10
  f.put(kDir + "closure.yaml", closure("2015-05-10", "completed"));
  CHECK_CLEAN(f.check());
  f.put(kDir + "closure.yaml", closure("2015-05-09", "completed"));
  auto d = only(f.check(), "rule.closure-early");
  CHECK(d.line == 5);
  CHECK(d.message.find("(2015-05-10)") != std::string::npos);
  f.put(kDir + "closure.yaml", closure("2015-05-09", "chose_to_stop"));
  CHECK_CLEAN(f.check());

  SUBCASE("completed without a return") {
    Folder g;
    g.put(kDir + "closure.yaml", closure("2015-05-10", "completed"));
    CHECK(only(g.check(), "rule.closure-early").message == "closed as completed, but the case never returned");
  }
  SUBCASE("the monitoring period comes from care.toml") {
    f.put("care.toml", kToml + "[monitoring]\nmonths = [1, 3, 6]\n");
    f.put(kDir + "closure.yaml", closure("2014-11-10", "completed"));
    CHECK_CLEAN(f.check());
    f.put(kDir + "closure.yaml", closure("2014-11-09", "completed"));
    only(f.check(), "rule.closure-early");
  }
}

namespace {
// A returned adult whose return.yaml has the voluntary return declaration
// (added here unless the shared fixture has it already).
void returned_declared(Folder& f) {
  f.returned();
  if (kReturn.find("declaration:") == std::string::npos)
    f.put(kDir + "return.yaml", kReturn + "declaration:\n  signed: \"2014-05-01\"\n  alternatives_explained: true\n"
                                          "  language: English\n");
}
}  // namespace

TEST_CASE("rules: closure-early counts to the last month of the case's own months") {
  Folder f;
  returned_declared(f);  // arrival 2014-05-10
  f.put(kDir + "monitoring-plan.yaml", kMonitoringPlan + "months: [1, 2, 3, 4, 5, 6]\n");
  f.put(kDir + "closure.yaml", closure("2014-11-10", "completed"));
  CHECK_CLEAN(f.check());
  f.put(kDir + "closure.yaml", closure("2014-11-09", "completed"));
  auto d = only(f.check(), "rule.closure-early");
  CHECK(d.message == "closed as completed on 2014-11-09, before the 6 months of monitoring ended (2014-11-10)");
  f.put(kDir + "monitoring-plan.yaml", kMonitoringPlan + "months: [18, 1, 6]\n");  // the last month, in any order
  f.put(kDir + "closure.yaml", closure("2015-11-09", "completed"));
  CHECK(only(f.check(), "rule.closure-early").message.find("before the 18 months") != std::string::npos);
}

TEST_CASE("rules: closure-open-flags, completed over threats, other closures over open flags without a reason") {
  Folder f;
  returned_declared(f);  // arrival 2014-05-10
  const std::string risk;  // contact() re-assesses the risk already
  f.put(kDir + "monitoring/2014-06-12.yaml", contact("2014-06-12", "phone", risk + "flags:\n  - flag: threats\n"));
  f.put(kDir + "closure.yaml", closure("2015-05-10", "completed"));
  auto d = only(f.check(), "rule.closure-open-flags");
  CHECK(d.file == kDir + "closure.yaml");
  CHECK(d.line == 5);
  CHECK(d.message == "closed as completed with a threats flag still open (raised at the contact of 2014-06-12)");
  // A reason does not make a completed closure over threats right.
  f.put(kDir + "closure.yaml", closure("2015-05-10", "completed", "open_flags_reason: followed up by the police\n"));
  only(f.check(), "rule.closure-open-flags");

  SUBCASE("any other reason needs open_flags_reason") {
    f.put(kDir + "closure.yaml", closure("2014-09-01", "referred"));
    auto e = only(f.check(), "rule.closure-open-flags");
    CHECK(e.message ==
          "closed as referred with a risk flag still open (threats raised at the contact of 2014-06-12), without "
          "saying why");
    CHECK(e.hint.find("--open-flags-reason") != std::string::npos);
    f.put(kDir + "closure.yaml",
          closure("2014-09-01", "referred", "open_flags_reason: handed over to the regional anti-trafficking unit\n"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("completed over another kind of flag needs the reason too") {
    f.put(kDir + "monitoring/2014-06-12.yaml",
          contact("2014-06-12", "phone", risk + "flags:\n  - flag: irregular_migration_intent\n  - flag: other\n"));
    f.put(kDir + "closure.yaml", closure("2015-05-10", "completed"));
    CHECK(only(f.check(), "rule.closure-open-flags").message.find("with 2 risk flags still open") != std::string::npos);
    f.put(kDir + "closure.yaml", closure("2015-05-10", "completed", "open_flags_reason: plans to stay, discussed\n"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("a cleared flag needs nothing") {
    f.put(kDir + "monitoring/2014-06-12.yaml",
          contact("2014-06-12", "phone",
                  risk + "flags:\n  - flag: threats\n    cleared: {date: \"2014-08-01\", reason: police report}\n"));
    CHECK_CLEAN(f.check());
  }
  SUBCASE("reopened: nothing to say while open; closed again, the reopening carries the reason") {
    std::string reopened = "reopened:\n  - date: \"2014-09-10\"\n    reason: asked for help again\n";
    f.put(kDir + "closure.yaml", closure("2014-09-01", "chose_to_stop",
                                         "open_flags_reason: wants no more contact\n" + reopened));
    CHECK_CLEAN(f.check());
    std::string again = reopened + "    closed_again: \"2014-10-01\"\n    closed_again_reason: re_trafficked\n";
    f.put(kDir + "closure.yaml", closure("2014-09-01", "chose_to_stop", "open_flags_reason: wants no more contact\n" + again));
    CHECK(only(f.check(), "rule.closure-open-flags").message.find("closed as re_trafficked") != std::string::npos);
    f.put(kDir + "closure.yaml",
          closure("2014-09-01", "chose_to_stop", again + "    open_flags_reason: left the country again\n"));
    CHECK_CLEAN(f.check());
  }
}

TEST_CASE("rules: outside-program is a warning about outreach") {
  Folder f;
  f.put("outreach/OR-AT-2013-001.yaml", outreach("OR-AT-2013-001", "2013-09-02"));
  CHECK_CLEAN(f.check());
  f.put("outreach/OR-AT-2013-001.yaml", outreach("OR-AT-2013-001", "2013-09-01"));
  auto d = only(f.check(), "rule.outside-program");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.line == 4);
}

TEST_CASE("rules: records that fail their schema are left to the schema") {
  auto config = care::folder::parse_config(kToml, "care.toml");
  REQUIRE(config.config);
  // Written directly: Folder::check insists on valid records.
  care::test::TempDir dir;
  care::test::spit(dir.path() / "care.toml", kToml);
  care::test::spit(dir.path() / kDir / "case.yaml", replace(kCase, "sex: female", "sex: F"));
  care::test::spit(dir.path() / kDir / "plan.yaml", "kind: plan\nversion: 1\ncase: AT-2014-009\nitems: none\n");
  auto loaded = care::records::load(dir.path(), *config.config, dir.path());
  CHECK_FALSE(loaded.problems.empty());
  auto out = care::rules::check(loaded.folder, *care::util::Date::parse("2016-06-30"));
  INFO(listing(out));
  CHECK(out.empty());  // no rule reads an invalid record, and none crashes on one
}

// care-records(5): dates run "departure, arrival, contacts and closure, each
// on or after the one before", and no step but monitoring contacts and
// closures comes after the program's end.
TEST_CASE("rules: a closure before the return is out of order") {
  Folder f;
  f.returned();  // departure 2014-05-10
  f.put(kDir + "closure.yaml", closure("2014-04-05", "chose_to_stop"));
  auto all = f.check();
  INFO(listing(all));
  CHECK(codes(all) == std::vector<std::string>{"rule.date-order"});
}

TEST_CASE("rules: a return after the program's end is reported") {
  Folder f;
  f.returned();
  f.put(kDir + "return.yaml", replace(replace(kReturn, "2014-05-10", "2016-03-20"), "2014-05-10", "2016-03-20"));
  CHECK_FALSE(f.check().empty());
}

TEST_CASE("rules: currency-rate, a warning at each amount with no rate on its date") {
  Folder f;
  f.put("care.toml", kToml + "[budget.rates.GBP]\n\"2014-03\" = \"1.25\"\n");
  f.put(kDir + "assessments/2014-03-10.yaml", kAssessment);
  std::string note = "    exchange_note: the program's rate\n";
  // Budgeted at the plan's date and paid in March, the month of the first rate.
  f.put(kDir + "plan.yaml", kPlanHead + "items:\n" +
                                item(1, "100.00", "committed", note + "    deliveries:\n" + delivery("2014-03-28", "50.00", "GBP"),
                                     "reintegration", "GBP"));
  CHECK_CLEAN(f.check());
  f.put("care.toml", kToml);
  auto all = f.check();
  INFO(listing(all));
  REQUIRE(codes(all) == std::vector<std::string>{"rule.currency-rate", "rule.currency-rate"});
  CHECK(all[0].severity == care::diag::Severity::Warning);
  CHECK(all[0].line == 10);  // the budget's amount
  CHECK(all[1].line == 17);  // the delivery's amount
  CHECK(all[1].message ==
        "a delivery of 50.00 GBP (paid on 2014-03-28) has no exchange rate to EUR: reports count it in no total");
  CHECK(all[0].hint.find("[budget.rates]") != std::string::npos);
}
