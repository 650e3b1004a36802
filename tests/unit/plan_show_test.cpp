// care-plan show as text and as JSON (lib/plan/show.h), on a plan held in
// memory: per item planned, delivered and remaining; totals in the program's
// currency only, without cancelled budgets.
#include <doctest/doctest.h>

#include <string>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "plan/show.h"
#include "records/store.h"

namespace records = care::records;

namespace {

records::Case case_with_plan(const std::string& yaml) {
  auto parsed = care::doc::parse(yaml, "plan.yaml");
  REQUIRE(parsed.problems.empty());
  REQUIRE(parsed.root.has_value());
  records::Record r;
  r.where = records::Placement{records::Kind::Plan, "AT-2014-001", ""};
  r.file = "cases/AT-2014-001/plan.yaml";
  r.root = *parsed.root;
  r.valid = true;
  records::Case c;
  c.id = "AT-2014-001";
  c.plan = std::move(r);
  return c;
}

care::folder::Config config() {
  care::folder::Config cfg;
  cfg.currency = "EUR";
  cfg.cap_per_person = *care::util::Amount::parse("3000");
  return cfg;
}

// Item 3 is cancelled after a first payment; item 4 is in another currency;
// item 5 has a delivery in a currency other than its budget's.
const std::string kAgreed = R"y(kind: plan
version: 1
case: AT-2014-001
drafted: "2014-03-20"
agreement:
  date: "2014-03-25"
  beneficiary: true
items:
  - id: 1
    phase: reintegration
    type: income_generating
    provider: Example Microcredit (fictional)
    budget: {amount: "1000.00", currency: EUR}
    status: committed
    deliveries:
      - {date: "2014-05-01", amount: {amount: "400.00", currency: EUR}}
  - id: 2
    phase: pre_departure
    type: counselling
    budget: {amount: "0.00", currency: EUR}
    status: planned
  - id: 3
    phase: reintegration
    type: education
    budget: {amount: "500.00", currency: EUR}
    status: cancelled
    deliveries:
      - {date: "2014-05-02", amount: {amount: "100.00", currency: EUR}}
    cancelled: {date: "2014-05-03", reason: school closed}
  - id: 4
    phase: reintegration
    type: vocational_training
    budget: {amount: "150000.00", currency: NGN}
    exchange_note: 1 EUR = 200 NGN (fictional), 750.00 EUR
    status: committed
    deliveries:
      - {date: "2014-05-04", amount: {amount: "50000", currency: NGN}}
  - id: 5
    phase: reintegration
    type: legal_aid
    budget: {amount: "200.00", currency: EUR}
    status: planned
    deliveries:
      - {date: "2014-05-05", amount: {amount: "20.00", currency: GBP}}
)y";

const std::string kDraft = R"y(kind: plan
version: 1
case: AT-2014-001
drafted: "2014-03-20"
over_cap:
  reason: surgery approved by the "steering" group
  date: "2014-03-21"
items:
  - id: 1
    phase: reintegration
    type: medical_care
    budget: {amount: "3500", currency: EUR}
    status: proposed
)y";

}  // namespace

TEST_CASE("show_text: columns per item, totals in the program's currency without cancelled budgets") {
  std::string expected =
      "plan of AT-2014-001: agreed on 2014-03-25\n"
      "item  phase          type                   status         planned   delivered   remaining cur\n"
      "   1  reintegration  income_generating      committed      1000.00      400.00      600.00 EUR\n"
      "   2  pre_departure  counselling            planned           0.00        0.00        0.00 EUR\n"
      "   3  reintegration  education              cancelled       500.00      100.00        0.00 EUR\n"
      "   4  reintegration  vocational_training    committed    150000.00    50000.00   100000.00 NGN\n"
      "   5  reintegration  legal_aid              planned         200.00        0.00      200.00 EUR\n"
      "      total                                                1200.00      500.00      800.00 EUR\n"
      "cap 3000.00 EUR\n";
  CHECK(care::plan::show_text(case_with_plan(kAgreed), config()) == expected);
}

TEST_CASE("show_text: a draft, over the cap with its reason") {
  std::string expected =
      "plan of AT-2014-001: draft of 2014-03-20\n"
      "item  phase          type                   status         planned   delivered   remaining cur\n"
      "   1  reintegration  medical_care           proposed       3500.00        0.00     3500.00 EUR\n"
      "      total                                                3500.00        0.00     3500.00 EUR\n"
      "cap 3000.00 EUR; over the cap: surgery approved by the \"steering\" group\n";
  CHECK(care::plan::show_text(case_with_plan(kDraft), config()) == expected);
}

TEST_CASE("show_json: version 1, one line, exact") {
  std::string expected =
      R"j({"version":1,"case":"AT-2014-001","drafted":"2014-03-20","agreed":"2014-03-25","currency":"EUR",)j"
      R"j("cap":"3000.00","over_cap":null,"items":[)j"
      R"j({"id":1,"phase":"reintegration","type":"income_generating","status":"committed","currency":"EUR",)j"
      R"j("planned":"1000.00","delivered":"400.00","remaining":"600.00"},)j"
      R"j({"id":2,"phase":"pre_departure","type":"counselling","status":"planned","currency":"EUR",)j"
      R"j("planned":"0.00","delivered":"0.00","remaining":"0.00"},)j"
      R"j({"id":3,"phase":"reintegration","type":"education","status":"cancelled","currency":"EUR",)j"
      R"j("planned":"500.00","delivered":"100.00","remaining":"0.00"},)j"
      R"j({"id":4,"phase":"reintegration","type":"vocational_training","status":"committed","currency":"NGN",)j"
      R"j("planned":"150000.00","delivered":"50000.00","remaining":"100000.00"},)j"
      R"j({"id":5,"phase":"reintegration","type":"legal_aid","status":"planned","currency":"EUR",)j"
      R"j("planned":"200.00","delivered":"0.00","remaining":"200.00"}],)j"
      R"j("total":{"planned":"1200.00","delivered":"500.00","remaining":"800.00"}})j"
      "\n";
  CHECK(care::plan::show_json(case_with_plan(kAgreed), config()) == expected);
}

TEST_CASE("show_json: a draft has agreed null; the over-cap reason is escaped") {
  std::string expected =
      R"j({"version":1,"case":"AT-2014-001","drafted":"2014-03-20","agreed":null,"currency":"EUR",)j"
      R"j("cap":"3000.00","over_cap":"surgery approved by the \"steering\" group","items":[)j"
      R"j({"id":1,"phase":"reintegration","type":"medical_care","status":"proposed","currency":"EUR",)j"
      R"j("planned":"3500.00","delivered":"0.00","remaining":"3500.00"}],)j"
      R"j("total":{"planned":"3500.00","delivered":"0.00","remaining":"3500.00"}})j"
      "\n";
  CHECK(care::plan::show_json(case_with_plan(kDraft), config()) == expected);
}

TEST_CASE("show_json: a plan with no items") {
  std::string expected =
      R"j({"version":1,"case":"AT-2014-001","drafted":"2014-03-20","agreed":null,"currency":"EUR",)j"
      R"j("cap":"3000.00","over_cap":null,"items":[],)j"
      R"j("total":{"planned":"0.00","delivered":"0.00","remaining":"0.00"}})j"
      "\n";
  CHECK(care::plan::show_json(case_with_plan("kind: plan\nversion: 1\ncase: AT-2014-001\ndrafted: \"2014-03-20\"\nitems: []\n"),
                              config()) == expected);
}
