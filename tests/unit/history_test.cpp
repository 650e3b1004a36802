// The folder as it stood on a day (records::as_of): every date field of the
// schemas has a rule, and a report on the view of a folder equals the report
// on the folder as it was written up to that day. Every person, organisation
// and case here is invented.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "records/facts.h"
#include "records/fields.h"
#include "records/history.h"
#include "records/store.h"
#include "report/budget.h"
#include "report/export.h"
#include "report/period.h"
#include "report/render.h"
#include "report/status.h"
#include "schema/embedded.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::doc::Node;
using care::util::Date;

namespace {

Date day(const char* text) { return *Date::parse(text); }

// The paths of the date fields a schema defines: a property whose schema is,
// or refers to, common.schema.json's date (or says "format": "date").
void date_paths(const Node& schema, const std::string& path, std::set<std::string>& out) {
  if (!schema.is_mapping()) return;
  const Node* ref = schema.find("$ref");
  const Node* format = schema.find("format");
  if ((ref && ref->is_string() && ref->text().ends_with("/definitions/date")) ||
      (format && format->is_string() && format->text() == "date")) {
    out.insert(path);
    return;
  }
  auto join = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
  if (const Node* props = schema.find("properties"); props && props->is_mapping())
    for (const auto& e : props->entries()) date_paths(e.value, join(e.key), out);
  if (const Node* items = schema.find("items")) date_paths(*items, path + "[]", out);
  for (const char* key : {"allOf", "anyOf", "oneOf"})
    if (const Node* list = schema.find(key); list && list->is_sequence())
      for (const auto& s : list->items()) date_paths(s, path, out);
  for (const char* key : {"if", "then", "else", "not", "additionalProperties"})
    if (const Node* s = schema.find(key)) date_paths(*s, path, out);
  if (const Node* patterns = schema.find("patternProperties"); patterns && patterns->is_mapping())
    for (const auto& e : patterns->entries()) date_paths(e.value, join(e.key), out);
}

}  // namespace

TEST_CASE("as_of: every date field of every schema is either taken out after the day or kept on purpose") {
  std::set<std::pair<std::string, std::string>> in_schemas, known;
  for (const auto& s : care::schema::embedded_schemas()) {
    std::string name = s.name;
    if (name == "common.schema.json") continue;  // definitions only, no record kind
    auto parsed = care::doc::parse(s.text, name);
    REQUIRE(parsed.root);
    std::set<std::string> paths;
    date_paths(*parsed.root, "", paths);
    CHECK_MESSAGE(!paths.empty(), name);
    for (const auto& p : paths) in_schemas.insert({name, p});
  }
  for (const auto& f : care::records::dated_fields()) {
    CHECK_MESSAGE(!f.after_the_day.empty(), f.path);
    known.insert({std::string(f.schema), std::string(f.path)});
  }
  for (const auto& [schema, path] : in_schemas)
    CHECK_MESSAGE(known.count({schema, path}) == 1, schema << " " << path << ": a date the as-of view does not know");
  for (const auto& [schema, path] : known)
    CHECK_MESSAGE(in_schemas.count({schema, path}) == 1, schema << " " << path << ": no longer a date of the schemas");
  CHECK(known.size() == care::records::dated_fields().size());  // each listed once
}

namespace {

// A small folder on 2015-06-30, written in full (`full`) or as it stood on
// 2015-03-31 (what the tools had written by then). `L(text)` is text
// written after 2015-03-31, left out of the earlier folder.
struct Writer {
  bool full;
  std::string L(const std::string& text) const { return full ? text : ""; }
  std::string pick(const std::string& then, const std::string& now) const { return full ? now : then; }
};

std::string consent(const std::string& purpose, const std::string& action, const std::string& on,
                    const std::string& by = "person") {
  return "  - purpose: " + purpose + "\n    action: " + action + "\n    date: \"" + on + "\"\n    given_by: " + by + "\n";
}

std::string case_head(const std::string& id, const std::string& referred, const std::string& sex,
                      const std::string& birth, const std::string& country) {
  return "kind: case\nversion: 1\nid: " + id + "\noffice: " + id.substr(0, 2) + "\nreferral:\n  date: \"" + referred +
         "\"\n  organisation: Example Shelter (fictional)\n  organisation_kind: ngo\nhost_country: " + id.substr(0, 2) +
         "\nnationality: " + country + "\nreturn_country: " + country + "\nsex: " + sex + "\ndate_of_birth: \"" + birth +
         "\"\nexploitation:\n  - forced_labour\n";
}

std::string money(const std::string& amount, const std::string& currency = "EUR") {
  return "\n      amount: \"" + amount + "\"\n      currency: " + currency + "\n";
}

std::string delivery(const std::string& on, const std::string& amount) {
  return "      - date: \"" + on + "\"\n        amount:\n          amount: \"" + amount +
         "\"\n          currency: EUR\n";
}

// An adult returned in December 2014: later deliveries, a cancellation, an
// added item, a risk review, contacts, a flag cleared and a withdrawal.
void write_returned_adult(const fs::path& root, const Writer& w) {
  fs::path dir = root / "cases/AT-2014-001";
  care::test::spit(dir / "case.yaml",
                   case_head("AT-2014-001", "2014-10-01", "female", "1990-02-02", "NG") +
                       "eligibility:\n  status: eligible\n  checked: \"2014-10-01\"\nconsents:\n" +
                       consent("data_processing", "granted", "2014-10-01") + consent("assistance", "granted", "2014-10-02") +
                       consent("sharing_return_country", "granted", "2014-11-01") +
                       consent("monitoring_contacts", "granted", "2014-11-20") +
                       w.L(consent("monitoring_contacts", "withdrawn", "2015-05-02")) +
                       w.pick("trafficking:\n  status: presumed\n",
                              "trafficking:\n  status: identified\n  identified_by: police\n  date: \"2015-04-10\"\n") +
                       "proceedings:\n  - role: witness\n" +
                       w.pick("    status: open\n    since: \"2014-11-03\"\n",
                              "    status: closed\n    since: \"2014-11-03\"\n    closed: \"2015-05-01\"\n") +
                       w.L("  - role: injured_party\n    status: open\n    since: \"2015-04-20\"\n"));
  std::string needs = "assessed_by: caseworker\nneeds:\n  - domain: livelihood\n    level: high\n";
  care::test::spit(dir / "assessments/2014-10-20.yaml",
                   "kind: assessment\nversion: 1\ncase: AT-2014-001\ndate: \"2014-10-20\"\n" + needs + "overall_risk: high\n");
  if (w.full)
    care::test::spit(dir / "assessments/2015-04-02.yaml",
                     "kind: assessment\nversion: 1\ncase: AT-2014-001\ndate: \"2015-04-02\"\n" + needs + "overall_risk: low\n");
  std::string item = "  - id: ";
  care::test::spit(
      dir / "plan.yaml",
      "kind: plan\nversion: 1\ncase: AT-2014-001\ndrafted: \"2014-11-01\"\npost_arrival_requested: true\n"
      "agreement:\n  date: \"2014-11-20\"\n  beneficiary: true\nitems:\n" +
          item + "1\n    phase: pre_departure\n    type: counselling\n    budget:" + money("150.00") +
          "    status: delivered\n    deliveries:\n" + delivery("2014-12-01", "150.00") +
          item + "2\n    phase: reintegration\n    type: income_generating\n    budget:" + money("1000.00") +
          "    status: " + w.pick("committed", "delivered") + "\n    deliveries:\n" + delivery("2015-02-01", "600.00") +
          w.L(delivery("2015-04-15", "400.00")) +
          item + "3\n    phase: reintegration\n    type: vocational_training\n    budget:" + money("300.00") +
          "    status: " + w.pick("committed", "cancelled") + "\n" +
          w.L("    cancelled:\n      date: \"2015-04-20\"\n      reason: found work instead\n") +
          w.L(item + "4\n    phase: reintegration\n    type: psychosocial_support\n    budget:" + money("200.00") +
              "    status: planned\n") +
          "changes:\n  - date: \"2015-01-10\"\n    item: 3\n    what: changed status committed\n    reason: booked\n" +
          w.L("  - date: \"2015-04-05\"\n    item: 4\n    what: added\n    reason: sleep problems\n"
              "  - date: \"2015-04-20\"\n    item: 3\n    what: cancelled\n    reason: found work instead\n") +
          "risk_reviews:\n  - date: \"2014-11-25\"\n    reviewer: panel\n    decision: proceed\n"
          "    safety_measures:\n      - a visit in the first month\n" +
          w.L("  - date: \"2015-04-03\"\n    reviewer: panel\n    decision: proceed\n"
              "    safety_measures:\n      - visits every month\n"));
  care::test::spit(dir / "return.yaml",
                   "kind: return\nversion: 1\ncase: AT-2014-001\ndeparture: \"2014-12-10\"\narrival: \"2014-12-11\"\n"
                   "destination:\n  country: NG\n  place: a town\nescort:\n  by: none\n");
  care::test::spit(dir / "monitoring-plan.yaml",
                   "kind: monitoring_plan\nversion: 1\ncase: AT-2014-001\nagreed: \"2014-11-25\"\nmodes:\n  - phone\n"
                   "contacts:\n  - number: 1\n    due: \"2015-01-11\"\n  - number: 2\n    due: \"2015-03-11\"\n"
                   "  - number: 3\n    due: \"2015-06-11\"\n  - number: 4\n    due: \"2015-09-11\"\n"
                   "  - number: 5\n    due: \"2015-12-11\"\n");
  std::string contact = "kind: contact\nversion: 1\ncase: AT-2014-001\nmode: phone\nreached: true\n";
  care::test::spit(dir / "monitoring/2015-01-12.yaml",
                   contact + "date: \"2015-01-12\"\nnumber: 1\nrisk:\n  overall: high\nflags:\n  - flag: threats\n" +
                       w.L("    cleared:\n      date: \"2015-04-10\"\n      reason: no further calls\n"));
  care::test::spit(dir / "monitoring/2015-03-12.yaml", contact + "date: \"2015-03-12\"\nnumber: 2\n");
  if (w.full) care::test::spit(dir / "monitoring/2015-06-12.yaml", contact + "date: \"2015-06-12\"\nnumber: 3\n");
}

// A child whose best interests were decided, and whose return was arranged,
// after the day.
void write_minor(const fs::path& root, const Writer& w) {
  fs::path dir = root / "cases/GB-2014-001";
  care::test::spit(dir / "case.yaml",
                   case_head("GB-2014-001", "2014-09-01", "male", "2000-01-01", "AL") +
                       "eligibility:\n  status: eligible\n  checked: \"2014-09-01\"\nconsents:\n" +
                       consent("data_processing", "granted", "2014-09-01") +
                       consent("data_processing", "granted", "2014-09-01", "guardian") +
                       consent("assistance", "granted", "2014-09-02") +
                       consent("assistance", "granted", "2014-09-02", "guardian"));
  care::test::spit(dir / "assessments/2014-10-01.yaml",
                   "kind: assessment\nversion: 1\ncase: GB-2014-001\ndate: \"2014-10-01\"\nassessed_by: caseworker\n"
                   "needs:\n  - domain: education_training\n    level: high\noverall_risk: medium\n");
  care::test::spit(
      dir / "minor.yaml",
      "kind: minor\nversion: 1\ncase: GB-2014-001\nguardian:\n  appointed: \"2014-08-25\"\n  type: legal_guardian\n"
      "bid:\n  steps:\n    - date: \"2014-10-01\"\n      step: opened\n" +
          w.L("    - date: \"2015-04-05\"\n      step: panel decision\n") +
          w.pick("  outcome: pending\n", "  outcome: return_in_best_interest\n  decided: \"2015-04-05\"\n") +
          "views:\n  heard: \"2014-10-01\"\n  heard_by: social worker\n  wants_return: \"yes\"\n" +
          w.L("family_tracing:\n  status: found\n  date: \"2015-04-02\"\n"
              "family_assessment:\n  date: \"2015-04-03\"\n  outcome: reunification_possible\n"
              "reunification:\n  confirmed: true\n  date: \"2015-04-10\"\n"
              "coordination:\n  date: \"2015-04-08\"\n"
              "escort:\n  by: guardian\n  agreed: \"2015-04-10\"\n"
              "follow_up:\n  organisation: Example Child Protection Service (fictional)\n  agreed: \"2015-04-10\"\n"));
  care::test::spit(dir / "plan.yaml",
                   "kind: plan\nversion: 1\ncase: GB-2014-001\ndrafted: \"2015-03-01\"\n" +
                       w.L("agreement:\n  date: \"2015-04-07\"\n  beneficiary: true\n  guardian: true\n") +
                       "items:\n  - id: 1\n    phase: reintegration\n    type: education\n    budget:" + money("600.00") +
                       "    status: " + w.pick("proposed", "planned") + "\n");
}

// Closed and reopened before the day, closed again after it; a referral
// decided after the day; one referred after it; outreach either side.
void write_others(const fs::path& root, const Writer& w) {
  care::test::spit(root / "cases/AT-2014-002/case.yaml",
                   case_head("AT-2014-002", "2014-06-02", "female", "1985-05-05", "MD") +
                       "eligibility:\n  status: eligible\n  checked: \"2014-06-02\"\nconsents:\n" +
                       consent("data_processing", "granted", "2014-06-02"));
  care::test::spit(root / "cases/AT-2014-002/closure.yaml",
                   "kind: closure\nversion: 1\ncase: AT-2014-002\ndate: \"2014-12-01\"\nreason: chose_to_stop\n"
                   "reopened:\n  - date: \"2015-01-10\"\n    reason: asked again for help\n" +
                       w.L("    closed_again: \"2015-05-01\"\n    closed_again_reason: moved_or_migrated\n"));
  care::test::spit(root / "cases/AT-2015-001/case.yaml",
                   case_head("AT-2015-001", "2015-03-02", "male", "1980-03-03", "RS") +
                       w.L("eligibility:\n  status: ineligible\n  checked: \"2015-04-02\"\n  reason: stays\n") +
                       "consents:\n" + consent("data_processing", "granted", "2015-03-02"));
  if (w.full) {
    care::test::spit(root / "cases/AT-2015-001/closure.yaml",
                     "kind: closure\nversion: 1\ncase: AT-2015-001\ndate: \"2015-04-10\"\nreason: ineligible_at_referral\n");
    care::test::spit(root / "cases/AT-2015-002/case.yaml",
                     case_head("AT-2015-002", "2015-04-15", "female", "1995-01-01", "NG") +
                         "eligibility:\n  status: eligible\n  checked: \"2015-04-15\"\nconsents:\n" +
                         consent("data_processing", "granted", "2015-04-15"));
  }
  auto outreach = [&](const std::string& id, const std::string& on) {
    care::test::spit(root / "outreach" / (id + ".yaml"),
                     "kind: outreach\nversion: 1\nid: " + id + "\ndate: \"" + on +
                         "\"\ncountry: AT\ntype: information_meeting\norganisations:\n"
                         "  - name: Example Counselling Centre (fictional)\n    kind: ngo\nparticipants: 12\n");
  };
  outreach("OR-AT-2014-001", "2014-10-15");
  if (w.full) outreach("OR-AT-2015-001", "2015-04-20");
}

struct Reports {
  std::string status, period, budget, exported;
};

// Writes the folder (after emptying `root`), loads it as reports do, and
// renders each report as of 2015-03-31: on the as-of view when `view`.
Reports reports_of(const fs::path& root, bool full, bool view) {
  fs::remove_all(root);
  fs::create_directories(root);
  care::test::spit(root / "care.toml", care::test::slurp(fs::path(CARE_SOURCE_DIR) / "examples/care.toml"));
  Writer w{full};
  write_returned_adult(root, w);
  write_minor(root, w);
  write_others(root, w);
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(root, *config.config, root, {false, 1});
  for (const auto& p : loaded.problems) INFO(p.file << ": " << p.message);
  REQUIRE(loaded.problems.empty());
  for (const auto& [id, c] : loaded.folder.cases)
    care::records::for_each_record(c, [&](const care::records::Record& r) { CHECK_MESSAGE(r.valid, r.file); });
  Date on = day("2015-03-31");
  care::records::Folder folder = view ? care::records::as_of(loaded.folder, on) : loaded.folder;
  using namespace care::report;
  Reports out;
  out.status = render_json(status_report({folder, on, "checked", Audience::Internal}));
  out.period = render_json(period_report({folder, day("2014-01-01"), on, {Dimension::Sex}, Audience::Internal}));
  out.budget = render_json(budget_report(folder, on, Audience::Internal));
  out.exported = export_csv(export_cases(folder, Audience::Internal, 0));
  return out;
}

}  // namespace

TEST_CASE("as_of: the reports on a folder as of a day equal those on the folder as it was written up to that day") {
  care::test::TempDir dir;
  fs::path root = dir.path() / "folder";
  Reports then = reports_of(root, false, false);
  Reports view = reports_of(root, true, true);
  Reports now = reports_of(root, true, false);
  CHECK(view.status == then.status);
  CHECK(view.period == then.period);
  CHECK(view.budget == then.budget);
  CHECK(view.exported == then.exported);
  // The later entries do change the reports: the comparison is not idle.
  CHECK(now.status != then.status);
  CHECK(now.period != then.period);
  CHECK(now.budget != then.budget);
  CHECK(now.exported != then.exported);
}

TEST_CASE("as_of: what the view takes out and puts back, field by field") {
  care::test::TempDir dir;
  fs::path root = dir.path();
  care::test::spit(root / "care.toml", care::test::slurp(fs::path(CARE_SOURCE_DIR) / "examples/care.toml"));
  write_returned_adult(root, Writer{true});
  write_minor(root, Writer{true});
  write_others(root, Writer{true});
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(root, *config.config, root, {false, 1});
  auto v = care::records::as_of(loaded.folder, day("2015-03-31"));
  using care::records::text;
  CHECK(v.cases.size() == 4);
  CHECK_FALSE(v.cases.count("AT-2015-002"));
  CHECK(v.outreach.size() == 1);
  const auto& adult = v.cases.at("AT-2014-001");
  CHECK(adult.assessments.size() == 1);
  CHECK(adult.contacts.size() == 2);
  CHECK_FALSE(care::records::field(adult.contacts[0].root, "flags")->items()[0].find("cleared"));
  CHECK(text(adult.main->root, "trafficking.status") == "presumed");
  CHECK(care::records::list(adult.main->root, "consents").size() == 4);
  const auto& items = care::records::list(adult.plan->root, "items");
  REQUIRE(items.size() == 3);
  CHECK(text(items[1], "status") == "committed");
  CHECK(text(items[2], "status") == "committed");  // as the change of 2015-01-10 set it
  CHECK(care::records::list(adult.plan->root, "risk_reviews").size() == 1);
  // Records keep their file and locations.
  CHECK(adult.plan->file == loaded.folder.cases.at("AT-2014-001").plan->file);
  CHECK(care::records::where(items[1], "status").line > 0);
  const auto& minor = v.cases.at("GB-2014-001");
  CHECK(text(minor.minor->root, "bid.outcome") == "pending");
  for (const char* gone : {"bid.decided", "escort", "follow_up", "coordination", "family_tracing", "reunification"})
    CHECK_MESSAGE(!care::records::field(minor.minor->root, gone), gone);
  CHECK(text(care::records::list(minor.plan->root, "items")[0], "status") == "proposed");
  CHECK_FALSE(care::records::field(minor.plan->root, "agreement"));
  CHECK(care::records::is_closed(v.cases.at("AT-2014-002")) == false);
  CHECK_FALSE(v.cases.at("AT-2015-001").closure);
  CHECK_FALSE(care::records::field(v.cases.at("AT-2015-001").main->root, "eligibility"));
  // A day before everything: no case, no outreach.
  CHECK(care::records::as_of(loaded.folder, day("2014-01-01")).cases.empty());
  // The day itself counts as before: nothing of 2015-06-30 or earlier goes.
  auto all = care::records::as_of(loaded.folder, day("2015-06-30"));
  CHECK(all.cases.size() == loaded.folder.cases.size());
  CHECK(all.cases.at("AT-2014-001").contacts.size() == 3);
}
