// Which cases fall due for erasure (identity/retention.h), and the access
// log summary (report/access.h). Cases are written into a scratch folder and
// loaded as the tools load them. Every person here is invented.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "folder/config.h"
#include "identity/retention.h"
#include "records/store.h"
#include "report/access.h"
#include "report/render.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::identity::DueErasure;
using care::util::Date;

namespace {

const std::string kToml = R"y(format = 1
[program]
name = "Retention test program (fictional)"
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

std::string case_yaml(const std::string& id, const std::string& consents, const std::string& extra = "") {
  return "kind: case\nversion: 1\nid: " + id +
         "\noffice: AT\nreferral:\n  date: \"2014-03-03\"\n  organisation: Example Shelter (fictional)\n"
         "  organisation_kind: shelter\nhost_country: AT\nnationality: NG\nreturn_country: NG\nsex: female\n"
         "date_of_birth: \"1990-06-15\"\nage_uncertain: false\neligibility:\n  status: eligible\n"
         "  checked: \"2014-03-03\"\nconsents:\n" +
         consents + extra;
}

std::string consent(const std::string& date, const std::string& action = "granted", const std::string& by = "person") {
  return "  - purpose: data_processing\n    action: " + action + "\n    date: \"" + date + "\"\n    given_by: " + by + "\n";
}

const std::string kGranted = consent("2014-03-03");

std::string closure(const std::string& id, const std::string& date, const std::string& extra = "") {
  return "kind: closure\nversion: 1\ncase: " + id + "\ndate: \"" + date + "\"\nreason: completed\n" + extra;
}

struct Scratch {
  care::test::TempDir dir;
  void put(const std::string& relative, const std::string& text) { care::test::spit(dir.path() / relative, text); }
  void add_case(const std::string& id, const std::string& consents, const std::string& closed = "",
                const std::string& extra = "") {
    put("cases/" + id + "/case.yaml", case_yaml(id, consents, extra));
    if (!closed.empty()) put("cases/" + id + "/closure.yaml", closure(id, closed));
  }
  std::vector<DueErasure> due(int years, const std::string& today) {
    auto parsed = care::folder::parse_config(kToml, "care.toml");
    REQUIRE(parsed.config);
    care::folder::Config config = *parsed.config;
    config.retention_years = years;
    put("care.toml", kToml);
    auto loaded = care::records::load(dir.path(), config, dir.path(), {false, 1});
    for (const auto& p : loaded.problems) INFO(p.file << ": " << p.message);
    for (const auto& [id, c] : loaded.folder.cases) {
      INFO(id);
      REQUIRE(c.main);
      CHECK(c.main->valid);
      if (c.closure) CHECK(c.closure->valid);
    }
    return care::identity::due_for_erasure(loaded.folder, config, *Date::parse(today));
  }
};

Date d(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("retention: the due day is the closure's day N years later; 29 February falls due on 28 February") {
  using care::identity::retention_due;
  CHECK(retention_due(d("2015-05-10"), 5) == d("2020-05-10"));
  CHECK(retention_due(d("2016-02-29"), 1) == d("2017-02-28"));
  CHECK(retention_due(d("2016-02-29"), 4) == d("2020-02-29"));
  CHECK(retention_due(d("2016-02-29"), 3) == d("2019-02-28"));
  CHECK(retention_due(d("2015-12-31"), 1) == d("2016-12-31"));
  CHECK(retention_due(d("2015-01-01"), 100) == d("2115-01-01"));
}

TEST_CASE("due_for_erasure: retention") {
  Scratch f;
  f.add_case("AT-2014-001", kGranted, "2015-05-10");
  f.add_case("AT-2014-002", kGranted);  // open: never due
  SUBCASE("not set: nothing is due, however old the closure") { CHECK(f.due(0, "2099-01-01").empty()); }
  SUBCASE("the day before the due day") { CHECK(f.due(5, "2020-05-09").empty()); }
  SUBCASE("on the due day") {
    auto due = f.due(5, "2020-05-10");
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == "AT-2014-001");
    CHECK(due[0].why == "retention");
    CHECK(due[0].since == d("2020-05-10"));
  }
  SUBCASE("long after: since stays the due day") {
    auto due = f.due(1, "2020-01-01");
    REQUIRE(due.size() == 1);
    CHECK(due[0].since == d("2016-05-10"));
  }
  SUBCASE("erased cases are not listed again") {
    f.add_case("AT-2014-001", kGranted, "2015-05-10", "erased: \"2020-06-01\"\nerased_reason: retention period over\n");
    CHECK(f.due(1, "2021-01-01").empty());
  }
}

TEST_CASE("due_for_erasure: a closure on 29 February") {
  Scratch f;
  f.add_case("AT-2014-001", kGranted, "2016-02-29");
  CHECK(f.due(1, "2017-02-27").empty());
  auto due = f.due(1, "2017-02-28");
  REQUIRE(due.size() == 1);
  CHECK(due[0].since == d("2017-02-28"));
}

TEST_CASE("due_for_erasure: a reopened case counts from its last closure") {
  Scratch f;
  f.add_case("AT-2014-001", kGranted);
  SUBCASE("reopened, not closed again: not closed, not due") {
    f.put("cases/AT-2014-001/closure.yaml",
          closure("AT-2014-001", "2015-05-10", "reopened:\n  - date: \"2015-06-01\"\n    reason: new needs\n"));
    CHECK(f.due(1, "2030-01-01").empty());
  }
  SUBCASE("closed again: due a retention period after that") {
    f.put("cases/AT-2014-001/closure.yaml",
          closure("AT-2014-001", "2015-05-10",
                  "reopened:\n  - date: \"2015-06-01\"\n    reason: new needs\n    closed_again: \"2015-09-01\"\n"
                  "    closed_again_reason: completed\n"));
    CHECK(f.due(1, "2016-08-31").empty());
    auto due = f.due(1, "2016-09-01");
    REQUIRE(due.size() == 1);
    CHECK(due[0].since == d("2016-09-01"));
  }
}

TEST_CASE("due_for_erasure: consent to data processing withdrawn") {
  Scratch f;
  SUBCASE("withdrawn: due from the day of the withdrawal, with or without [retention]") {
    f.add_case("AT-2014-001", kGranted + consent("2014-06-01", "withdrawn"));
    for (int years : {0, 5}) {
      auto due = f.due(years, "2014-06-01");
      REQUIRE(due.size() == 1);
      CHECK(due[0].why == "consent withdrawn");
      CHECK(due[0].since == d("2014-06-01"));
    }
    CHECK(f.due(0, "2014-05-31").empty());  // not yet withdrawn that day
  }
  SUBCASE("withdrawn, then given again: not due") {
    f.add_case("AT-2014-001", kGranted + consent("2014-06-01", "withdrawn") + consent("2014-07-01"));
    CHECK(f.due(0, "2015-01-01").empty());
    auto before = f.due(0, "2014-06-15");  // between the two, it was due
    REQUIRE(before.size() == 1);
    CHECK(before[0].since == d("2014-06-01"));
  }
  SUBCASE("withdrawn twice: since the withdrawal that holds") {
    f.add_case("AT-2014-001", kGranted + consent("2014-06-01", "withdrawn") + consent("2014-07-01") +
                                  consent("2014-09-01", "withdrawn") + consent("2014-10-01", "withdrawn"));
    auto due = f.due(0, "2015-01-01");
    REQUIRE(due.size() == 1);
    CHECK(due[0].since == d("2014-09-01"));
  }
  SUBCASE("entries out of order are weighed by date") {
    f.add_case("AT-2014-001", consent("2014-06-01", "withdrawn") + kGranted);
    auto due = f.due(0, "2015-01-01");
    REQUIRE(due.size() == 1);
    CHECK(due[0].since == d("2014-06-01"));
  }
  SUBCASE("both closed long ago and withdrawn: listed once, for the consent") {
    f.add_case("AT-2014-001", kGranted + consent("2014-06-01", "withdrawn"), "2014-07-01");
    auto due = f.due(1, "2020-01-01");
    REQUIRE(due.size() == 1);
    CHECK(due[0].why == "consent withdrawn");
    CHECK(due[0].since == d("2014-06-01"));
  }
  SUBCASE("erased after the withdrawal: not listed") {
    f.add_case("AT-2014-001", kGranted + consent("2014-06-01", "withdrawn"), "",
               "erased: \"2014-06-05\"\nerased_reason: consent withdrawn\n");
    CHECK(f.due(0, "2015-01-01").empty());
  }
}

TEST_CASE("due_for_erasure: several cases come in case-ID order") {
  Scratch f;
  f.add_case("AT-2014-1000", kGranted, "2014-04-01");
  f.add_case("AT-2014-999", kGranted + consent("2014-06-01", "withdrawn"));
  f.add_case("AT-2014-002", kGranted, "2014-04-30");
  f.add_case("AT-2014-003", kGranted, "2015-05-01");  // not yet due
  auto due = f.due(1, "2015-04-30");
  REQUIRE(due.size() == 3);
  CHECK(due[0].id == "AT-2014-002");
  CHECK(due[1].id == "AT-2014-999");
  CHECK(due[2].id == "AT-2014-1000");
}

TEST_CASE("access log: reads sorted, identical lines once, malformed lines warned with their line") {
  care::report::AccessLogs logs;
  care::report::parse_access_log("2014-05-02T10:00:00Z\tb@example.org\tcare-intake show --identity\tprepare travel\n"
                                 "\n"
                                 "not a read\n"
                                 "2014-05-01T09:00:00Z\ta@example.org\tcare-intake show --identity\tcheck documents\n"
                                 "2014-05-02T10:00:00Z\tb@example.org\tcare-intake show --identity\tprepare travel\n",
                                 "AT-2014-002", "cases/AT-2014-002/access.log", logs);
  care::report::parse_access_log("2014-05-02T10:00:00Z\ta@example.org\tcare-intake edit identity\tcorrect a date\r\n",
                                 "AT-2014-001", "cases/AT-2014-001/access.log", logs);
  CHECK(logs.reads.size() == 4);
  REQUIRE(logs.warnings.size() == 1);
  CHECK(logs.warnings[0].line == 3);
  CHECK(logs.warnings[0].file == "cases/AT-2014-002/access.log");

  auto parsed = care::folder::parse_config(kToml, "care.toml");
  REQUIRE(parsed.config);
  auto report = care::report::access_report(*parsed.config, logs.reads, {});
  REQUIRE(report.tables.size() == 2);
  const auto& reads = report.tables[1].rows;
  REQUIRE(reads.size() == 3);
  CHECK(reads[0].label == "2014-05-01T09:00:00Z");
  CHECK(reads[1].values[1].text == "AT-2014-001");  // same time: case ID decides
  CHECK(reads[2].values[1].text == "AT-2014-002");
  const auto& people = report.tables[0].rows;
  REQUIRE(people.size() == 2);
  CHECK(people[0].label == "a@example.org");
  CHECK(people[0].values[0].count.count == 2);
  CHECK(people[0].values[1].count.count == 2);
  CHECK(people[0].values[2].text == "2014-05-01T09:00:00Z");
  CHECK(people[0].values[3].text == "2014-05-02T10:00:00Z");
  CHECK(people[1].values[0].count.count == 1);

  care::report::AccessQuery q;
  q.from = d("2014-05-02");
  q.to = d("2014-05-02");
  q.only_case = "AT-2014-002";
  auto one = care::report::access_report(*parsed.config, logs.reads, q);
  REQUIRE(one.tables[1].rows.size() == 1);
  CHECK(one.tables[1].rows[0].values[0].text == "b@example.org");

  q.from = d("2014-05-03");
  q.to.reset();
  auto none = care::report::access_report(*parsed.config, logs.reads, q);
  CHECK(none.tables[1].rows.empty());
  CHECK(care::report::render_text(none).find("No read of an identity record in this period.") != std::string::npos);
}
