// care-report period on small folders written here: persons counted once
// per row, events apart, contacts never counted after a closure, money in
// other currencies converted or shown apart, and the sustainability outcomes.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "folder/config.h"
#include "records/store.h"
#include "report/model.h"
#include "report/period.h"
#include "test_support.h"

namespace {

using namespace care::report;
namespace fs = std::filesystem;

const std::string kHeader = "version: 1\ncase: AT-2014-001\n";

// Written here, not copied from examples/, so that the figures below hold
// whatever the examples become.
std::string care_toml(const std::string& rates) {
  return "format = 1\n[program]\nname = \"Test program\"\nstart = 2013-09-02\nend = 2016-02-29\n"
         "host_countries = [\"AT\"]\neu_countries = [\"AT\"]\n"
         "[targets]\nassisted = 130\nminors = 10\nassessed = 260\n"
         "[budget]\ncap_per_person = \"3000.00\"\ncurrency = \"EUR\"\n" + rates +
         "[monitoring]\nmonths = [1, 3, 6, 9, 12]\nflag_days = 30\n[reports]\nmin_cell = 5\n";
}

const std::string kSurvey =
    "name = \"care example sustainability survey\"\nversion = \"1\"\n"
    "[[questions]]\nid = \"e\"\ndimension = \"economic\"\ntext = \"Income?\"\nmin = 0\nmax = 4\nweight = 1\n"
    "[[questions]]\nid = \"s\"\ndimension = \"social\"\ntext = \"Housing?\"\nmin = 0\nmax = 4\nweight = 1\n"
    "[[questions]]\nid = \"p\"\ndimension = \"psychosocial\"\ntext = \"Safe?\"\nmin = 0\nmax = 4\nweight = 1\n"
    "[[thresholds]]\nbelow = 0.34\nlabel = \"low\"\n[[thresholds]]\nbelow = 0.67\nlabel = \"medium\"\n"
    "[[thresholds]]\nbelow = 1.01\nlabel = \"high\"\n";

std::string case_yaml(const std::string& id, const std::string& referred, const std::string& birth,
                      const std::string& kind = "ngo") {
  return "kind: case\nversion: 1\nid: " + id + "\noffice: AT\nreferral:\n  date: \"" + referred +
         "\"\n  organisation: Example Shelter (fictional)\n  organisation_kind: " + kind +
         "\nhost_country: AT\nnationality: NG\nreturn_country: NG\nsex: female\ndate_of_birth: \"" + birth +
         "\"\neligibility:\n  status: eligible\n  checked: \"" + referred +
         "\"\nexploitation:\n  - forced_labour\nconsents:\n  - purpose: data_processing\n    action: granted\n"
         "    date: \"" + referred + "\"\n    given_by: person\n";
}

std::string assessment(const std::string& date, const std::string& risk = "low") {
  return "kind: assessment\n" + kHeader + "date: \"" + date +
         "\"\nassessed_by: caseworker\nneeds:\n  - domain: housing\n    level: high\noverall_risk: " + risk + "\n";
}

std::string delivery_item(int id, const std::string& phase, const std::string& type, const std::string& date,
                          const std::string& amount, const std::string& currency) {
  return "  - id: " + std::to_string(id) + "\n    phase: " + phase + "\n    type: " + type +
         "\n    budget:\n      amount: \"" + amount + "\"\n      currency: " + currency +
         "\n    status: delivered\n    deliveries:\n      - date: \"" + date + "\"\n        amount:\n          amount: \"" +
         amount + "\"\n          currency: " + currency + "\n";
}

std::string contact(const std::string& date, int number, const std::string& extra = "") {
  return "kind: contact\n" + kHeader + "date: \"" + date + "\"\nnumber: " + std::to_string(number) +
         "\nmode: visit\nreached: true\n" + extra;
}

std::string scores(const std::string& version, double economic, double social, double psychosocial) {
  return "sustainability:\n  instrument: care example sustainability survey\n  instrument_version: \"" + version +
         "\"\n  scores:\n    economic: " + std::to_string(economic) + "\n    social: " + std::to_string(social) +
         "\n    psychosocial: " + std::to_string(psychosocial) + "\n";
}

// One returned adult, AT-2014-001: referred 2014-01-06, assessed twice, plan
// agreed, returned 2014-03-10; monitoring at months 1, 3, 6, 9, 12.
struct TestFolder {
  care::test::TempDir dir;
  fs::path root() const { return dir.path(); }
  fs::path c() const { return dir.path() / "cases/AT-2014-001"; }

  explicit TestFolder(bool survey = true) {
    if (survey) care::test::spit(root() / "sustainability.toml", kSurvey);
    care::test::spit(c() / "case.yaml", case_yaml("AT-2014-001", "2014-01-06", "1990-01-01", "shelter"));
    care::test::spit(c() / "assessments/2014-01-20.yaml", assessment("2014-01-20"));
    care::test::spit(c() / "assessments/2014-02-03.yaml", assessment("2014-02-03", "high"));
    care::test::spit(c() / "return.yaml", "kind: return\n" + kHeader +
                                              "departure: \"2014-03-09\"\narrival: \"2014-03-10\"\n"
                                              "destination:\n  country: NG\n  place: a town\nescort:\n  by: none\n");
  }

  void plan(const std::string& items) {
    care::test::spit(c() / "plan.yaml", "kind: plan\n" + kHeader +
                                            "drafted: \"2014-02-05\"\npost_arrival_requested: true\n"
                                            "agreement:\n  date: \"2014-02-10\"\n  beneficiary: true\nitems:\n" + items);
  }

  void monitoring(const std::vector<std::string>& dues) {
    std::string y = "kind: monitoring_plan\n" + kHeader + "agreed: \"2014-03-01\"\nmodes:\n  - visit\ncontacts:\n";
    for (std::size_t i = 0; i < dues.size(); ++i)
      y += "  - number: " + std::to_string(i + 1) + "\n    due: \"" + dues[i] + "\"\n";
    care::test::spit(c() / "monitoring-plan.yaml", y);
  }

  void contact_on(const std::string& date, int number, const std::string& extra = "") {
    care::test::spit(c() / "monitoring" / (date + ".yaml"), contact(date, number, extra));
  }

  void closure(const std::string& date, const std::string& reason) {
    care::test::spit(c() / "closure.yaml", "kind: closure\n" + kHeader + "date: \"" + date + "\"\nreason: " + reason + "\n");
  }

  Report period(const std::string& from, const std::string& to, std::vector<Dimension> by = {},
                Audience audience = Audience::Internal, const std::string& rates = "") {
    care::test::spit(root() / "care.toml", care_toml(rates));
    auto config = care::folder::load_config((root() / "care.toml").string(), "care.toml");
    REQUIRE(config.config);
    loaded = care::records::load(root(), *config.config, root(), {false, 0});
    for (const auto& p : loaded.problems) INFO(p.message);
    REQUIRE(loaded.problems.empty());
    PeriodInput in{loaded.folder, *care::util::Date::parse(from), *care::util::Date::parse(to), by, audience};
    return period_report(in);
  }

  care::records::Loaded loaded;
};

const Table& table(const Report& r, const std::string& id) {
  auto t = std::find_if(r.tables.begin(), r.tables.end(), [&](const Table& x) { return x.id == id; });
  REQUIRE_MESSAGE(t != r.tables.end(), id);
  return *t;
}

// The shown value of a row's first value column (or `column`), "" when there is no such row.
std::string cell(const Report& r, const std::string& id, const std::string& row, std::size_t column = 0) {
  const Table& t = table(r, id);
  for (const auto& x : t.rows)
    if (x.label == row) return show(x.values.at(column), r.min_cell);
  return "";
}

}  // namespace

TEST_CASE("period: a person assessed twice is one person assessed and two assessments") {
  TestFolder f;
  Report r = f.period("2014-01-01", "2014-12-31");
  CHECK(cell(r, "persons", "referred") == "1");
  CHECK(cell(r, "persons", "assessed") == "1");
  CHECK(cell(r, "period_events", "assessments done") == "2");
  CHECK(cell(r, "referrals_by_organisation", "shelter") == "1");
  CHECK(cell(r, "referrals", "eligible") == "1");
  CHECK(cell(r, "persons", "returned") == "1");
  // Eligibility checked after the period's end was not decided within it.
  Report before = f.period("2013-12-01", "2014-01-05");
  CHECK(cell(before, "persons", "referred") == "0");
}

TEST_CASE("period: deliveries count persons by type once, and amounts without a rate stay apart") {
  TestFolder f;
  f.plan(delivery_item(1, "post_arrival", "airport_reception", "2014-03-10", "40.00", "EUR") +
         delivery_item(2, "post_arrival", "airport_reception", "2014-03-11", "10.00", "EUR") +
         delivery_item(3, "reintegration", "vocational_training", "2014-05-02", "120.00", "USD") +
         delivery_item(4, "reintegration", "income_generating", "2014-06-02", "200.00", "GBP"));
  Report r = f.period("2014-01-01", "2014-12-31", {}, Audience::Internal, "[budget.rates]\nGBP = \"1.25\"\n");
  CHECK(cell(r, "post_arrival", "asked for post-arrival help (returned in the period)") == "1");
  CHECK(cell(r, "post_arrival", "received post-arrival help (any type)") == "1");
  CHECK(cell(r, "post_arrival", "airport_reception") == "1");
  CHECK(cell(r, "reintegration", "received reintegration assistance (any type)") == "1");
  CHECK(cell(r, "reintegration", "vocational_training") == "1");
  CHECK(cell(r, "period_events", "deliveries made") == "4");
  CHECK(cell(r, "persons", "assisted") == "1");
  // 40 + 10 EUR, 200 GBP at 1.25; the USD has no rate: its own row.
  CHECK(cell(r, "assistance_delivered", "post_arrival / airport_reception", 1) == "50.00");
  CHECK(cell(r, "assistance_delivered", "reintegration / income_generating", 1) == "250.00");
  CHECK(cell(r, "assistance_delivered", "not converted: 120.00 USD", 0) == "1");
  CHECK(cell(r, "assistance_delivered", "total", 0) == "4");
  CHECK(cell(r, "assistance_delivered", "total", 1) == "300.00");
  bool noted = std::any_of(r.notes.begin(), r.notes.end(),
                           [](const std::string& n) { return n.find("120.00 USD could not be converted") == 0; });
  CHECK(noted);
  CHECK(cell(r, "budget", "not converted: 120.00 USD (planned)") == "");
  CHECK(!cell(r, "budget", "planned").empty());
}

TEST_CASE("period: contacts on time, late, missed and pending; none counted after the closure") {
  TestFolder f;
  f.monitoring({"2014-04-10", "2014-06-10", "2014-09-10", "2014-12-10", "2015-03-10"});
  f.contact_on("2014-04-20", 1);  // within the 14 days' grace
  f.contact_on("2014-07-01", 2);  // after it
  // 3 (2014-09-10) never done: missed; 4 (2014-12-10): pending at 2014-12-20.
  Report r = f.period("2014-01-01", "2014-12-20");
  CHECK(cell(r, "monitoring_contacts", "on time") == "1");
  CHECK(cell(r, "monitoring_contacts", "late") == "1");
  CHECK(cell(r, "monitoring_contacts", "missed") == "1");
  CHECK(cell(r, "monitoring_contacts", "pending") == "1");
  CHECK(cell(r, "monitoring_persons", "with a contact missed") == "1");
  // Closed on 2014-10-01: contact 4, due after it, is not counted at all.
  f.closure("2014-10-01", "chose_to_stop");
  Report closed = f.period("2014-01-01", "2015-12-31");
  CHECK(cell(closed, "monitoring_contacts", "missed") == "1");
  CHECK(cell(closed, "monitoring_contacts", "pending") == "0");
  CHECK(cell(closed, "monitoring_contacts", "total") == "3");
  CHECK(cell(closed, "closures", "chose_to_stop") == "1");
  CHECK(cell(closed, "monitoring_persons", "completed 12 months of monitoring") == "0");
}

TEST_CASE("period: completing 12 months is the last contact done, or a closure as completed") {
  TestFolder f;
  f.monitoring({"2014-04-10", "2015-03-10"});
  f.contact_on("2015-03-12", 2);
  CHECK(cell(f.period("2015-01-01", "2015-12-31"), "persons", "completed 12 months of monitoring") == "1");
  CHECK(cell(f.period("2014-01-01", "2014-12-31"), "persons", "completed 12 months of monitoring") == "0");
  f.closure("2015-02-01", "completed");  // the earlier of the two days
  CHECK(cell(f.period("2015-03-01", "2015-12-31"), "persons", "completed 12 months of monitoring") == "0");
  CHECK(cell(f.period("2015-01-01", "2015-02-28"), "persons", "completed 12 months of monitoring") == "1");
}

TEST_CASE("period: high-risk returns, flags raised and cleared, targets since the program's start") {
  TestFolder f;
  f.plan(delivery_item(1, "pre_departure", "counselling", "2014-02-20", "10.00", "EUR"));
  f.contact_on("2014-04-12", 1,
               "flags:\n  - flag: threats\n    cleared:\n      date: \"2015-01-10\"\n      reason: calls stopped\n");
  Report r = f.period("2014-01-01", "2014-12-31");
  CHECK(cell(r, "protection", "returned at high risk") == "1");
  CHECK(cell(r, "protection", "of whom reviewed before departure") == "0");
  CHECK(cell(r, "protection", "with a flag raised") == "1");
  CHECK(cell(r, "protection", "with a flag cleared") == "0");
  CHECK(cell(f.period("2015-01-01", "2015-12-31"), "protection", "with a flag cleared") == "1");
  CHECK(cell(r, "targets", "assessed") == "1");
  CHECK(cell(r, "targets", "assisted (plan agreed)") == "1");
  CHECK(cell(r, "targets", "assisted (plan agreed)", 1) == "130");
  // Targets count from the program's start, whatever the period.
  CHECK(cell(f.period("2015-01-01", "2015-12-31"), "targets", "assessed") == "1");
}

TEST_CASE("period --by sex,minor: combinations as columns, and a cross-table per key population") {
  TestFolder f;
  Report r = f.period("2014-01-01", "2014-12-31", {Dimension::Sex, Dimension::Minor});
  const Table& persons = table(r, "persons");
  CHECK(persons.columns == std::vector<std::string>{"persons", "female / adult", "total"});
  for (std::string id : {"cross_referred", "cross_assessed", "cross_plan_agreed", "cross_returned", "cross_assisted",
                         "cross_completed_12_months"}) {
    const Table& t = table(r, id);
    CHECK(t.columns == std::vector<std::string>{"sex", "adult", "total"});
    CHECK(t.chart.has_value());
    CHECK(t.rows.back().total);
  }
  CHECK(cell(r, "cross_returned", "female", 0) == "1");
  CHECK(cell(r, "cross_returned", "total", 1) == "1");
  // One dimension: no cross-table.
  Report one = f.period("2014-01-01", "2014-12-31", {Dimension::Sex});
  CHECK(std::none_of(one.tables.begin(), one.tables.end(), [](const Table& t) { return t.id.rfind("cross_", 0) == 0; }));
}

TEST_CASE("outcomes: levels at the latest contact and at month 6, the change, other versions left out") {
  TestFolder f;
  f.monitoring({"2014-04-10", "2014-06-10", "2014-09-10", "2014-12-10", "2015-03-10"});
  f.contact_on("2014-04-11", 1, scores("1", 0.1, 0.5, 0.9));
  f.contact_on("2014-09-11", 3, scores("1", 0.9, 0.5, 0.1));  // month 6 is contact 3
  f.contact_on("2014-12-11", 4, scores("0", 0.1, 0.1, 0.1));  // another version: left out
  Report r = f.period("2014-01-01", "2014-12-31");
  const Table& latest = table(r, "outcomes_latest");
  CHECK(latest.title.find("\"care example sustainability survey\" version 1") != std::string::npos);
  CHECK(latest.columns == std::vector<std::string>{"level", "economic", "social", "psychosocial"});
  CHECK(cell(r, "outcomes_latest", "persons scored", 0) == "1");
  CHECK(cell(r, "outcomes_month_6", "persons scored", 2) == "1");
  CHECK(cell(r, "outcomes_month_12", "persons scored", 0) == "0");
  CHECK(cell(r, "outcomes_change", "improved", 0) == "1");
  CHECK(cell(r, "outcomes_change", "same level", 1) == "1");
  CHECK(cell(r, "outcomes_change", "worse", 2) == "1");
  bool left_out = std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("1 scored contacts of the period made with other versions were left out") != std::string::npos;
  });
  CHECK(left_out);
}

TEST_CASE("outcomes: a folder without sustainability.toml says so in one line") {
  TestFolder f(false);
  Report r = f.period("2014-01-01", "2014-12-31");
  CHECK(std::none_of(r.tables.begin(), r.tables.end(), [](const Table& t) { return t.id.rfind("outcomes", 0) == 0; }));
  CHECK(std::count_if(r.notes.begin(), r.notes.end(), [](const std::string& n) {
          return n.rfind("No sustainability survey (sustainability.toml) in the folder", 0) == 0;
        }) == 1);
}
