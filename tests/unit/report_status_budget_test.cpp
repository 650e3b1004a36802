// The nightly status's needs-attention list and the budget's arithmetic, on
// the small folder of the golden case report-status-budget (laid over the
// golden base folder, as run_case.sh lays it), changed here and there.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "folder/config.h"
#include "records/facts.h"
#include "records/store.h"
#include "report/attention.h"
#include "report/budget.h"
#include "report/model.h"
#include "report/status.h"
#include "rules/rules.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::util::Date;
using namespace care::report;

namespace {

const fs::path kGolden = fs::path(CARE_SOURCE_DIR) / "tests/golden";

Date day(const char* text) { return *Date::parse(text); }

// The golden base folder, with the status-and-budget data over it unless `base_only`.
void lay_out(const fs::path& root, bool base_only = false) {
  fs::copy(kGolden / "base", root, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  if (!base_only)
    fs::copy(kGolden / "report-status-budget/data", root,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

care::records::Loaded load(const fs::path& root) {
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(root, *config.config, root, {false, 0});
  std::string problems;
  for (const auto& p : loaded.problems) problems += p.file + ": " + p.message + "\n";
  REQUIRE_MESSAGE(loaded.problems.empty(), problems);
  return loaded;
}

// One line per item, so that a failure prints them.
std::string lines(const std::vector<Attention>& items) {
  std::string out;
  for (const auto& a : items) out += a.case_id + ": " + a.reason + "\n";
  return out;
}

const Table& table(const Report& r, const std::string& id) {
  auto t = std::find_if(r.tables.begin(), r.tables.end(), [&](const Table& x) { return x.id == id; });
  REQUIRE(t != r.tables.end());
  return *t;
}

std::vector<std::string> row(const Table& t, const std::string& label) {
  auto r = std::find_if(t.rows.begin(), t.rows.end(), [&](const Row& x) { return x.label == label; });
  REQUIRE_MESSAGE(r != t.rows.end(), label);
  std::vector<std::string> out;
  for (const auto& v : r->values) out.push_back(show(v, 5));
  return out;
}

}  // namespace

TEST_CASE("needs attention: every kind, in order, with its numbers") {
  care::test::TempDir dir;
  lay_out(dir.path());
  auto loaded = load(dir.path());
  auto items = needs_attention(loaded.folder, day("2016-06-30"));
  CHECK(lines(items) ==
        "AT-2014-002: escalated risk flag threats raised at the contact of 2014-10-21, open 618 days\n"
        "AT-2014-002: monitoring contact 2 overdue by 10 days (due 2016-06-20)\n"
        "AT-2015-001: high risk at the assessment of 2015-04-01, no risk review for 456 days\n"
        "ES-2015-001: minor's return conditions not met: coordination with both countries, care arrangement, "
        "child-protection follow-up\n"
        "AT-2015-001: plan of 3140.00 EUR over the cap of 3000.00 EUR, reason recorded\n"
        "AT-2015-001: consent to assistance withdrawn on 2016-05-10\n"
        "FR-2014-001: monitoring ended on 2014-05-10, case still open\n");
  CHECK(std::is_sorted(items.begin(), items.end(),
                       [](const Attention& a, const Attention& b) { return a.kind < b.kind; }));
  Table t = attention_table(items, day("2016-06-30"));
  CHECK(t.id == "needs_attention");
  CHECK(t.left_aligned);
  CHECK(t.rows.size() == items.size());
}

TEST_CASE("needs attention: a flag with a reached contact since is open, not escalated; a review and a reason clear their items") {
  care::test::TempDir dir;
  lay_out(dir.path());
  care::test::spit(dir.path() / "cases/AT-2014-002/monitoring/2016-06-20.yaml",
                   "kind: contact\nversion: 1\ncase: AT-2014-002\ndate: \"2016-06-20\"\nnumber: 2\nmode: visit\n"
                   "reached: true\nwellbeing:\n  level: good\nrisk:\n  overall: low\n");
  std::string plan = care::test::slurp(dir.path() / "cases/AT-2015-001/plan.yaml");
  plan += "risk_reviews:\n  - date: \"2015-05-20\"\n    reviewer: case review panel\n    decision: postpone\n    safety_measures:\n      - a second assessment first\n";
  plan.replace(plan.find("over_cap:\n  reason: a second course approved by the program manager\n  date: \"2015-06-01\"\n"),
               std::string("over_cap:\n  reason: a second course approved by the program manager\n  date: \"2015-06-01\"\n").size(),
               "");
  care::test::spit(dir.path() / "cases/AT-2015-001/plan.yaml", plan);
  auto loaded = load(dir.path());
  // The flag stays open but a reached contact followed it; contact 2 is done;
  // a review (whatever it decided) is on file; the reason for the cap is gone.
  CHECK(lines(needs_attention(loaded.folder, day("2016-06-30"))) ==
        "AT-2014-002: risk flag threats raised at the contact of 2014-10-21, open 618 days\n"
        "ES-2015-001: minor's return conditions not met: coordination with both countries, care arrangement, "
        "child-protection follow-up\n"
        "AT-2015-001: plan of 3140.00 EUR over the cap of 3000.00 EUR, no reason recorded\n"
        "AT-2015-001: consent to assistance withdrawn on 2016-05-10\n"
        "FR-2014-001: monitoring ended on 2014-05-10, case still open\n");
  // The cap rule converts as the reports do: 300 EUR + 400000 ALL is over 3000 EUR.
  auto problems = care::rules::check(loaded.folder, day("2016-06-30"));
  CHECK(std::any_of(problems.begin(), problems.end(), [](const care::diag::Diagnostic& d) {
    return d.code == "rule.budget-cap" && d.file.find("AT-2015-001") != std::string::npos &&
           d.message.find("3140.00 EUR") != std::string::npos;
  }));
}

TEST_CASE("needs attention: closed cases take no steps; nothing to do is one line") {
  care::test::TempDir dir;
  lay_out(dir.path(), true);
  auto loaded = load(dir.path());
  auto items = needs_attention(loaded.folder, day("2016-06-30"));
  CHECK(items.empty());
  Table t = attention_table(items, day("2016-06-30"));
  CHECK(t.rows.empty());
  CHECK(t.empty_text == "Nothing needs attention on 2016-06-30.");

  StatusInput internal{loaded.folder, day("2016-06-30"), "checked", Audience::Internal};
  CHECK(status_report(internal).tables.front().id == "needs_attention");
  for (auto audience : {Audience::Donor, Audience::Public}) {
    StatusInput in{loaded.folder, day("2016-06-30"), "checked", audience};
    Report r = status_report(in);
    CHECK(std::none_of(r.tables.begin(), r.tables.end(), [](const Table& x) { return x.id == "needs_attention"; }));
    CHECK(std::find(r.notes.begin(), r.notes.end(),
                    "The list of what needs attention is for the internal audience only: it names cases.") !=
          r.notes.end());
  }
}

TEST_CASE("the minor's unmet return conditions are the rule's, named") {
  care::test::TempDir dir;
  lay_out(dir.path());
  auto loaded = load(dir.path());
  const auto& c = loaded.folder.cases.at("ES-2015-001");
  CHECK(care::rules::unmet_return_conditions(loaded.folder, c, day("2016-06-30")) ==
        std::vector<std::string>{"coordination with both countries", "care arrangement", "child-protection follow-up"});
  // Without the family's assessment, no one safe receives the child either.
  CHECK(care::rules::unmet_return_conditions(loaded.folder, c, day("2015-11-01")) ==
        std::vector<std::string>{"coordination with both countries", "someone safe to receive the child", "escort",
                                 "care arrangement", "child-protection follow-up"});
  CHECK(care::rules::unmet_return_conditions(loaded.folder, loaded.folder.cases.at("AT-2014-002"), day("2016-06-30"))
            .empty());  // not a minor: no minor.yaml
}

TEST_CASE("budget: committed, cancelled after delivery, remaining, and what is not converted") {
  care::test::TempDir dir;
  lay_out(dir.path());
  auto loaded = load(dir.path());
  const auto& cfg = loaded.folder.config;
  auto b = case_budget(loaded.folder.cases.at("AT-2014-002"), cfg);
  // 150 + 900 planned (the cancelled 500 is not); 250 paid before the cancellation stays delivered.
  CHECK(b.total.planned.total().str() == "1050.00");
  CHECK(b.total.committed.total().str() == "1050.00");
  CHECK(b.total.delivered.total().str() == "800.00");
  CHECK(b.total.remaining().str() == "250.00");
  CHECK(b.total.planned.apart().at("USD").str() == "120.00");
  CHECK(b.total.delivered.apart().at("USD").str() == "120.00");

  // ALL at the rate of the agreement's month for the budget, of the payment's month for the delivery.
  auto all = case_budget(loaded.folder.cases.at("AT-2015-001"), cfg);
  CHECK(all.total.planned.total().str() == "3140.00");   // 300 + 400000 x 0.0071
  CHECK(all.total.delivered.total().str() == "1020.00");  // 300 + 100000 x 0.0072
  CHECK(all.total.planned.apart().empty());
  CHECK(care::records::plan_totals(*loaded.folder.cases.at("AT-2015-001").plan, cfg).planned.str() == "3140.00");

  // A planned item only: committed nothing.
  auto planned = case_budget(loaded.folder.cases.at("ES-2015-001"), cfg);
  CHECK(planned.total.committed.total().str() == "0.00");
  CHECK(planned.total.remaining().str() == "800.00");
}

TEST_CASE("budget: remaining is never negative when a cancelled item was paid more than what is planned") {
  care::test::TempDir dir;
  lay_out(dir.path());
  care::test::spit(dir.path() / "cases/FR-2014-001/plan.yaml",
                   "kind: plan\nversion: 1\ncase: FR-2014-001\ndrafted: \"2014-02-20\"\n"
                   "agreement:\n  date: \"2014-03-01\"\n  beneficiary: true\nitems:\n"
                   "  - id: 1\n    phase: pre_departure\n    type: counselling\n    budget:\n      amount: \"100.00\"\n"
                   "      currency: EUR\n    status: delivered\n    deliveries:\n      - date: \"2014-03-05\"\n"
                   "        amount:\n          amount: \"100.00\"\n          currency: EUR\n"
                   "  - id: 2\n    phase: reintegration\n    type: education\n    budget:\n      amount: \"500.00\"\n"
                   "      currency: EUR\n    status: cancelled\n    cancelled:\n      date: \"2014-03-10\"\n      reason: the school closed\n    deliveries:\n      - date: \"2014-03-06\"\n"
                   "        amount:\n          amount: \"400.00\"\n          currency: EUR\n");
  auto loaded = load(dir.path());
  auto b = case_budget(loaded.folder.cases.at("FR-2014-001"), loaded.folder.config);
  CHECK(b.total.planned.total().str() == "100.00");
  CHECK(b.total.delivered.total().str() == "500.00");
  CHECK(b.total.remaining().str() == "0.00");
}

TEST_CASE("budget report: per case, not converted apart, by phase and type, cost per person, by audience") {
  care::test::TempDir dir;
  lay_out(dir.path());
  auto loaded = load(dir.path());
  Report r = budget_report(loaded.folder, day("2016-06-30"), Audience::Internal);
  const Table& cases = table(r, "budget_by_case");
  CHECK(row(cases, "AT-2015-001") ==
        std::vector<std::string>{"3140.00", "3140.00", "1020.00", "2120.00", "yes",
                                 "a second course approved by the program manager"});
  CHECK(row(cases, "AT-2014-002 not converted: USD") == std::vector<std::string>{"120.00", "120.00", "120.00", "", "", ""});
  // 3140 + 1050 + 800 + 100 planned; remaining adds up the cases: 2120 + 250 + 800 + 0.
  CHECK(row(cases, "total") == std::vector<std::string>{"5090.00", "4290.00", "1920.00", "3170.00", "1", ""});
  CHECK(row(cases, "total not converted: USD") == std::vector<std::string>{"120.00", "120.00", "120.00", "", "", ""});
  const Table& kinds = table(r, "budget_by_phase_and_type");
  CHECK(row(kinds, "reintegration: vocational_training") == std::vector<std::string>{"2840.00", "2840.00", "970.00"});
  CHECK(row(kinds, "not converted: USD") == std::vector<std::string>{"120.00", "120.00", "120.00"});
  const Table& cost = table(r, "cost_per_person");
  CHECK(row(cost, "persons with an agreed plan") == std::vector<std::string>{"4"});
  CHECK(row(cost, "planned per person") == std::vector<std::string>{"1272.50"});
  CHECK(row(cost, "delivered per person") == std::vector<std::string>{"480.00"});
  CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("ALL from 2015-01 at 0.0071 EUR") != std::string::npos &&
           n.find("GBP at 1.25 EUR") != std::string::npos;
  }));
  CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("Not converted: planned 120.00 USD, delivered 120.00 USD") != std::string::npos;
  }));

  Report donor = budget_report(loaded.folder, day("2016-06-30"), Audience::Donor);
  CHECK(row(table(donor, "budget_by_case"), "AT-2015-001").back() == "recorded");
  Report pub = budget_report(loaded.folder, day("2016-06-30"), Audience::Public);
  CHECK(std::none_of(pub.tables.begin(), pub.tables.end(), [](const Table& x) { return x.id == "budget_by_case"; }));
  CHECK(row(table(pub, "cost_per_person"), "persons with an agreed plan") == std::vector<std::string>{"<5"});
  CHECK(row(table(pub, "cost_per_person"), "planned per person") == std::vector<std::string>{"*"});
}
