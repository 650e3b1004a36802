// The care-plan operations on a plan tree (lib/plan/operations.h): each is
// called directly on a small plan, with no files, flags or rules in between.
// Whether a result is also accepted by the schema and the rules across
// records is the business of the change module and of the black-box suite.
#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "doc/yaml_io.h"
#include "plan/operations.h"
#include "records/fields.h"
#include "records/store.h"

using care::doc::Node;
namespace plan = care::plan;
namespace records = care::records;

namespace {

Node parse(const std::string& yaml) {
  auto parsed = care::doc::parse(yaml, "test.yaml");
  REQUIRE(parsed.problems.empty());
  REQUIRE(parsed.root.has_value());
  return *parsed.root;
}

records::Record record(records::Kind kind, const std::string& stem, const std::string& yaml) {
  records::Record r;
  r.where = records::Placement{kind, "AT-2014-001", stem};
  r.file = "test.yaml";
  r.root = parse(yaml);
  r.valid = true;
  return r;
}

const std::string kCase = R"y(kind: case
version: 1
id: AT-2014-001
office: AT
referral:
  date: "2014-03-03"
  organisation_kind: shelter
host_country: AT
nationality: NG
return_country: NG
sex: female
date_of_birth: "1990-06-15"
consents: []
)y";

std::string assessment(const std::string& date, const std::string& needs) {
  return "kind: assessment\nversion: 1\ncase: AT-2014-001\ndate: \"" + date +
         "\"\nassessed_by: caseworker, test office\noverall_risk: low\nneeds:\n" + needs;
}

records::Case a_case() {
  records::Case c;
  c.id = "AT-2014-001";
  c.main = record(records::Kind::Case, "", kCase);
  return c;
}

plan::DraftInput input() {
  plan::DraftInput in;
  in.on = "2014-03-20";
  in.currency = "EUR";
  return in;
}

// A draft plan (not agreed) with the given items, in EUR.
Node draft_plan(const std::string& items = "items: []\n") {
  return parse("kind: plan\nversion: 1\ncase: AT-2014-001\ndrafted: \"2014-03-20\"\n" + items);
}

const std::string kTwoItems = R"y(items:
  - id: 1
    phase: reintegration
    type: income_generating
    budget: {amount: "1000.00", currency: EUR}
    status: proposed
  - id: 2
    phase: pre_departure
    type: counselling
    budget: {amount: "0.00", currency: EUR}
    status: planned
)y";

Node agreed_plan() {
  Node p = draft_plan(kTwoItems);
  REQUIRE_FALSE(plan::agree(p, "2014-03-25", false, false));
  return p;
}

const Node& item(const Node& p, std::int64_t id) {
  for (const auto& i : records::list(p, "items"))
    if (records::integer(i, "id") == id) return i;
  FAIL("no item " << id);
  static Node none;
  return none;
}

std::string status(const Node& p, std::int64_t id) { return records::text(item(p, id), "status"); }
std::size_t item_count(const Node& p) { return records::list(p, "items").size(); }
std::size_t change_count(const Node& p) { return records::list(p, "changes").size(); }

// "\"TEXT\"" followed by rest, built without operator+ on a literal (which
// trips a false -Wrestrict warning in GCC 12).
std::string quoted(const char* text, const char* rest) {
  std::string out(1, '"');
  out.append(text).push_back('"');
  return out.append(rest);
}

}  // namespace

TEST_CASE("item_type_for_need: each domain of an assessment maps to an item type") {
  CHECK(plan::item_type_for_need("health") == "medical_care");
  CHECK(plan::item_type_for_need("psychosocial") == "psychosocial_support");
  CHECK(plan::item_type_for_need("housing") == "temporary_housing");
  CHECK(plan::item_type_for_need("livelihood") == "income_generating");
  CHECK(plan::item_type_for_need("education_training") == "vocational_training");
  CHECK(plan::item_type_for_need("legal") == "legal_aid");
  CHECK(plan::item_type_for_need("child_care") == "child_care");
  CHECK(plan::item_type_for_need("family") == "other");
  CHECK(plan::item_type_for_need("astrology") == "");
  CHECK(plan::item_type_for_need("") == "");
}

TEST_CASE("draft: one proposed reintegration item per need of the latest assessment") {
  records::Case c = a_case();
  c.assessments.push_back(record(records::Kind::Assessment, "2014-03-05",
                                 assessment("2014-03-05", "  - {domain: legal, level: high}\n")));
  c.assessments.push_back(record(records::Kind::Assessment, "2014-03-10",
                                 assessment("2014-03-10",
                                            "  - {domain: health, level: medium}\n"
                                            "  - {domain: housing, level: none}\n"
                                            "  - {domain: livelihood, level: high}\n"
                                            "  - {domain: family, level: low}\n")));
  plan::DraftInput in = input();
  in.beneficiary = true;
  in.providers = {"Example Clinic (fictional)", "Example NGO (fictional)"};
  auto drafted = plan::draft(c, in);
  REQUIRE(std::holds_alternative<Node>(drafted));
  const Node& p = std::get<Node>(drafted);

  CHECK(records::text(p, "kind") == "plan");
  CHECK(records::integer(p, "version") == 1);
  CHECK(records::text(p, "case") == "AT-2014-001");
  CHECK(records::text(p, "drafted") == "2014-03-20");
  CHECK(records::flag(p, "drafted_with.program_staff") == true);
  CHECK(records::flag(p, "drafted_with.beneficiary") == true);
  REQUIRE(records::list(p, "drafted_with.service_providers").size() == 2);
  CHECK(records::list(p, "drafted_with.service_providers")[1].text() == "Example NGO (fictional)");
  CHECK(records::flag(p, "post_arrival_requested") == false);
  CHECK_FALSE(plan::is_agreed(p));

  // The latest assessment only (not the legal need of 2014-03-05); housing has level none.
  const auto& items = records::list(p, "items");
  REQUIRE(items.size() == 3);
  CHECK(records::integer(items[0], "id") == 1);
  CHECK(records::text(items[0], "type") == "medical_care");
  CHECK(records::integer(items[1], "id") == 2);
  CHECK(records::text(items[1], "type") == "income_generating");
  CHECK(records::integer(items[2], "id") == 3);
  CHECK(records::text(items[2], "type") == "other");
  for (const auto& i : items) {
    CHECK(records::text(i, "phase") == "reintegration");
    CHECK(records::text(i, "status") == "proposed");
    CHECK(records::text(i, "budget.amount") == "0.00");
    CHECK(records::text(i, "budget.currency") == "EUR");
  }
  CHECK(records::text(items[0], "description") == "for the health need (medium) found on 2014-03-10");
}

TEST_CASE("draft: no staff, no providers, post-arrival help asked for") {
  records::Case c = a_case();
  c.assessments.push_back(
      record(records::Kind::Assessment, "2014-03-10", assessment("2014-03-10", "  - {domain: health, level: none}\n")));
  plan::DraftInput in = input();
  in.staff = false;
  in.post_arrival_requested = true;
  auto drafted = plan::draft(c, in);
  REQUIRE(std::holds_alternative<Node>(drafted));
  const Node& p = std::get<Node>(drafted);
  CHECK(records::flag(p, "drafted_with.program_staff") == false);
  CHECK(records::field(p, "drafted_with.service_providers") == nullptr);
  CHECK(records::flag(p, "post_arrival_requested") == true);
  // Every need is `none`: an empty list of items, still present.
  REQUIRE(records::field(p, "items") != nullptr);
  CHECK(item_count(p) == 0);
}

TEST_CASE("draft: refused without an assessment, or with only one that fails its schema") {
  records::Case c = a_case();
  auto drafted = plan::draft(c, input());
  REQUIRE(std::holds_alternative<plan::Refusal>(drafted));
  CHECK(std::get<plan::Refusal>(drafted).message == "AT-2014-001 has no assessment to draft a plan from");
  CHECK(std::get<plan::Refusal>(drafted).hint.find("care-intake assess") != std::string::npos);

  auto broken = record(records::Kind::Assessment, "2014-03-10", assessment("2014-03-10", "  - {domain: health, level: high}\n"));
  broken.valid = false;
  c.assessments.push_back(broken);
  CHECK(std::holds_alternative<plan::Refusal>(plan::draft(c, input())));
}

TEST_CASE("add: numbers items after the highest id; proposed on a draft") {
  Node p = draft_plan(kTwoItems);
  std::int64_t id = 0;
  plan::ItemFields f;
  f.phase = "pre_departure";
  f.type = "travel_documents";
  f.description = "emergency travel document";
  f.provider = "Example Embassy Service (fictional)";
  f.budget = "80";
  REQUIRE_FALSE(plan::add_item(p, f, "EUR", "2014-03-21", "", id));
  CHECK(id == 3);
  const Node& added = item(p, 3);
  CHECK(records::text(added, "status") == "proposed");
  CHECK(records::text(added, "budget.amount") == "80.00");
  CHECK(records::text(added, "budget.currency") == "EUR");
  CHECK(records::text(added, "provider") == "Example Embassy Service (fictional)");
  CHECK(change_count(p) == 0);  // a draft keeps no history of changes

  // The next number is one more than the highest: with a gap (1, 5) it is 6.
  Node gap = draft_plan(
      "items:\n  - {id: 1, phase: reintegration, type: education, budget: {amount: \"1\", currency: EUR}, status: proposed}\n"
      "  - {id: 5, phase: reintegration, type: education, budget: {amount: \"1\", currency: EUR}, status: proposed}\n");
  REQUIRE_FALSE(plan::add_item(gap, {}, "EUR", "2014-03-21", "", id));
  CHECK(id == 6);
}

TEST_CASE("add: without a budget the item is budgeted at zero in the program's currency; given currency kept") {
  Node p = draft_plan();
  std::int64_t id = 0;
  plan::ItemFields f;
  f.phase = "reintegration";
  f.type = "education";
  REQUIRE_FALSE(plan::add_item(p, f, "EUR", "2014-03-21", "", id));
  CHECK(id == 1);
  CHECK(records::text(item(p, 1), "budget.amount") == "0.00");
  CHECK(records::text(item(p, 1), "budget.currency") == "EUR");

  f.budget = "150000";
  f.currency = "NGN";
  f.exchange_note = "1 EUR = 200 NGN (fictional rate), 750.00 EUR";
  REQUIRE_FALSE(plan::add_item(p, f, "EUR", "2014-03-21", "", id));
  CHECK(id == 2);
  CHECK(records::text(item(p, 2), "budget.amount") == "150000.00");
  CHECK(records::text(item(p, 2), "budget.currency") == "NGN");
  CHECK(records::text(item(p, 2), "exchange_note") == "1 EUR = 200 NGN (fictional rate), 750.00 EUR");
}

TEST_CASE("add: a malformed budget is refused and adds nothing") {
  for (const char* bad : {"1.234", "-5", "12,50", "1e3", "abc", " 12", "012", "12."}) {
    CAPTURE(bad);
    Node p = draft_plan(kTwoItems);
    std::int64_t id = 0;
    plan::ItemFields f;
    f.phase = "reintegration";
    f.type = "education";
    f.budget = bad;
    auto refused = plan::add_item(p, f, "EUR", "2014-03-21", "", id);
    REQUIRE(refused);
    CHECK(refused->message == quoted(bad, " is not an amount"));
    CHECK(item_count(p) == 2);
  }
}

TEST_CASE("add: after agreement the item is planned, needs a reason, and is recorded as a change") {
  Node p = agreed_plan();
  std::int64_t id = 0;
  plan::ItemFields f;
  f.phase = "reintegration";
  f.type = "legal_aid";
  f.budget = "200.50";
  auto refused = plan::add_item(p, f, "EUR", "2014-04-01", "", id);
  REQUIRE(refused);
  CHECK(refused->message == "the plan is agreed: a new item needs a reason");
  CHECK(item_count(p) == 2);
  CHECK(change_count(p) == 0);

  REQUIRE_FALSE(plan::add_item(p, f, "EUR", "2014-04-01", "residence case reopened", id));
  CHECK(id == 3);
  CHECK(status(p, 3) == "planned");
  REQUIRE(change_count(p) == 1);
  const Node& ch = records::list(p, "changes")[0];
  CHECK(records::text(ch, "date") == "2014-04-01");
  CHECK(records::integer(ch, "item") == 3);
  CHECK(records::text(ch, "what") == "added");
  CHECK(records::text(ch, "reason") == "residence case reopened");
}

TEST_CASE("add: an explicit status is kept") {
  Node p = draft_plan();
  std::int64_t id = 0;
  plan::ItemFields f;
  f.phase = "reintegration";
  f.type = "education";
  f.status = "planned";
  REQUIRE_FALSE(plan::add_item(p, f, "EUR", "2014-03-21", "", id));
  CHECK(status(p, 1) == "planned");
}

TEST_CASE("change: on a draft, fields are set without history; empty fields are left alone") {
  Node p = draft_plan(kTwoItems);
  plan::ItemFields f;
  f.budget = "1250.5";
  f.provider = "Example Microcredit (fictional)";
  REQUIRE_FALSE(plan::change_item(p, 1, f, "2014-03-22", ""));
  const Node& i = item(p, 1);
  CHECK(records::text(i, "budget.amount") == "1250.50");
  CHECK(records::text(i, "budget.currency") == "EUR");  // the item's currency is kept
  CHECK(records::text(i, "provider") == "Example Microcredit (fictional)");
  CHECK(records::text(i, "type") == "income_generating");
  CHECK(records::text(i, "status") == "proposed");
  CHECK(change_count(p) == 0);

  // Only the currency: the amount stays.
  plan::ItemFields cur;
  cur.currency = "GBP";
  REQUIRE_FALSE(plan::change_item(p, 1, cur, "2014-03-22", ""));
  CHECK(records::text(item(p, 1), "budget.amount") == "1250.50");
  CHECK(records::text(item(p, 1), "budget.currency") == "GBP");
}

TEST_CASE("change: after agreement it needs a reason and is recorded with what changed") {
  Node p = agreed_plan();
  plan::ItemFields f;
  f.budget = "900";
  f.description = "smaller shop";
  auto refused = plan::change_item(p, 1, f, "2014-04-02", "");
  REQUIRE(refused);
  CHECK(refused->message == "the plan is agreed: a change needs a reason");
  CHECK(records::text(item(p, 1), "budget.amount") == "1000.00");
  CHECK(change_count(p) == 0);

  REQUIRE_FALSE(plan::change_item(p, 1, f, "2014-04-02", "supplier prices fell"));
  CHECK(records::text(item(p, 1), "budget.amount") == "900.00");
  REQUIRE(change_count(p) == 1);
  const Node& ch = records::list(p, "changes")[0];
  CHECK(records::text(ch, "date") == "2014-04-02");
  CHECK(records::integer(ch, "item") == 1);
  CHECK(records::text(ch, "what") == "changed description smaller shop, budget 900");
  CHECK(records::text(ch, "reason") == "supplier prices fell");
}

TEST_CASE("change: a cancelled item, an unknown item and a malformed budget are refused") {
  Node p = draft_plan(kTwoItems);
  REQUIRE_FALSE(plan::cancel(p, 2, "2014-03-22", "not needed"));
  plan::ItemFields f;
  f.description = "anything";
  auto refused = plan::change_item(p, 2, f, "2014-03-23", "");
  REQUIRE(refused);
  CHECK(refused->message == "item 2 is cancelled");
  CHECK(status(p, 2) == "cancelled");

  refused = plan::change_item(p, 7, f, "2014-03-23", "");
  REQUIRE(refused);
  CHECK(refused->message == "the plan has no item 7");

  plan::ItemFields bad;
  bad.budget = "1.234";
  refused = plan::change_item(p, 1, bad, "2014-03-23", "");
  REQUIRE(refused);
  CHECK(refused->message == "\"1.234\" is not an amount");
  CHECK(records::text(item(p, 1), "budget.amount") == "1000.00");

  // After agreement too, and nothing is recorded.
  Node a = agreed_plan();
  refused = plan::change_item(a, 1, bad, "2014-04-02", "a reason");
  REQUIRE(refused);
  CHECK(records::text(item(a, 1), "budget.amount") == "1000.00");
  CHECK(change_count(a) == 0);
}

TEST_CASE("drop: removes an item of a draft; refused for an unknown item and after agreement") {
  Node p = draft_plan(kTwoItems);
  REQUIRE_FALSE(plan::drop_item(p, 1));
  REQUIRE(item_count(p) == 1);
  CHECK(records::integer(records::list(p, "items")[0], "id") == 2);

  auto refused = plan::drop_item(p, 1);
  REQUIRE(refused);
  CHECK(refused->message == "the plan has no item 1");

  Node a = agreed_plan();
  refused = plan::drop_item(a, 1);
  REQUIRE(refused);
  CHECK(refused->message == "the plan is agreed: its items are cancelled, not dropped");
  CHECK(refused->hint.find("care-plan cancel") != std::string::npos);
  CHECK(item_count(a) == 2);
}

TEST_CASE("agree: records the date, turns proposed items into planned; twice is refused") {
  Node p = draft_plan(kTwoItems);
  REQUIRE_FALSE(plan::cancel(p, 2, "2014-03-22", "not needed"));
  REQUIRE_FALSE(plan::agree(p, "2014-03-25", false, false));
  CHECK(plan::is_agreed(p));
  CHECK(records::text(p, "agreement.date") == "2014-03-25");
  CHECK(records::flag(p, "agreement.beneficiary") == true);
  CHECK(records::field(p, "agreement.guardian") == nullptr);  // an adult's plan
  CHECK(status(p, 1) == "planned");
  CHECK(status(p, 2) == "cancelled");  // other statuses are left alone

  auto refused = plan::agree(p, "2014-03-26", false, false);
  REQUIRE(refused);
  CHECK(refused->message == "the plan was already agreed on 2014-03-25");
  CHECK(records::text(p, "agreement.date") == "2014-03-25");
}

TEST_CASE("agree: a minor's plan needs the guardian") {
  Node p = draft_plan(kTwoItems);
  auto refused = plan::agree(p, "2014-03-25", true, false);
  REQUIRE(refused);
  CHECK(refused->message == "a minor's plan is agreed by the child and the guardian");
  CHECK(refused->hint.find("--guardian") != std::string::npos);
  CHECK_FALSE(plan::is_agreed(p));
  CHECK(status(p, 1) == "proposed");

  REQUIRE_FALSE(plan::agree(p, "2014-03-25", true, true));
  CHECK(records::flag(p, "agreement.beneficiary") == true);
  CHECK(records::flag(p, "agreement.guardian") == true);
  CHECK(status(p, 1) == "planned");
}

TEST_CASE("deliver: partial deliveries add up: committed, then delivered when the budget is reached") {
  Node p = agreed_plan();
  REQUIRE_FALSE(plan::deliver(p, 1, "2014-05-01", "400", "", "first instalment"));
  CHECK(status(p, 1) == "committed");
  REQUIRE_FALSE(plan::deliver(p, 1, "2014-06-01", "599.99", "", ""));
  CHECK(status(p, 1) == "committed");
  REQUIRE_FALSE(plan::deliver(p, 1, "2014-07-01", "0.01", "", ""));
  CHECK(status(p, 1) == "delivered");

  const auto& ds = records::list(item(p, 1), "deliveries");
  REQUIRE(ds.size() == 3);
  CHECK(records::text(ds[0], "date") == "2014-05-01");
  CHECK(records::text(ds[0], "amount.amount") == "400.00");
  CHECK(records::text(ds[0], "amount.currency") == "EUR");
  CHECK(records::text(ds[0], "note") == "first instalment");
  CHECK(records::field(ds[1], "note") == nullptr);
  CHECK(records::text(ds[2], "amount.amount") == "0.01");
}

TEST_CASE("deliver: an item budgeted at zero is delivered at once; the currency given is recorded") {
  Node p = agreed_plan();
  REQUIRE_FALSE(plan::deliver(p, 2, "2014-05-01", "10", "GBP", ""));
  CHECK(status(p, 2) == "delivered");
  CHECK(records::text(records::list(item(p, 2), "deliveries")[0], "amount.currency") == "GBP");
}

TEST_CASE("deliver: refused for a cancelled or unknown item and for amounts that are not positive and exact") {
  Node p = agreed_plan();
  REQUIRE_FALSE(plan::cancel(p, 1, "2014-04-10", "beneficiary chose training instead"));
  auto refused = plan::deliver(p, 1, "2014-05-01", "100", "", "");
  REQUIRE(refused);
  CHECK(refused->message == "item 1 is cancelled and takes no delivery");
  CHECK(records::list(item(p, 1), "deliveries").empty());

  refused = plan::deliver(p, 9, "2014-05-01", "100", "", "");
  REQUIRE(refused);
  CHECK(refused->message == "the plan has no item 9");

  for (const char* bad : {"-5", "-0.01", "0", "0.00", "0.0", "", "abc", "1.234", "12,50", "1e2", "+5", "5 "}) {
    CAPTURE(bad);
    refused = plan::deliver(p, 2, "2014-05-01", bad, "", "");
    REQUIRE(refused);
    CHECK(refused->message == quoted(bad, " is not an amount delivered"));
    CHECK(records::list(item(p, 2), "deliveries").empty());
    CHECK(status(p, 2) == "planned");
  }
}

TEST_CASE("cancel: on a draft no change is recorded; after agreement it is; twice is refused") {
  Node d = draft_plan(kTwoItems);
  REQUIRE_FALSE(plan::cancel(d, 1, "2014-03-22", "no longer wanted"));
  CHECK(status(d, 1) == "cancelled");
  CHECK(records::text(item(d, 1), "cancelled.date") == "2014-03-22");
  CHECK(records::text(item(d, 1), "cancelled.reason") == "no longer wanted");
  CHECK(change_count(d) == 0);

  Node p = agreed_plan();
  REQUIRE_FALSE(plan::cancel(p, 1, "2014-04-10", "moved to another town"));
  CHECK(status(p, 1) == "cancelled");
  REQUIRE(change_count(p) == 1);
  const Node& ch = records::list(p, "changes")[0];
  CHECK(records::text(ch, "date") == "2014-04-10");
  CHECK(records::integer(ch, "item") == 1);
  CHECK(records::text(ch, "what") == "cancelled");
  CHECK(records::text(ch, "reason") == "moved to another town");

  auto refused = plan::cancel(p, 1, "2014-04-11", "again");
  REQUIRE(refused);
  CHECK(refused->message == "item 1 is already cancelled");
  CHECK(records::text(item(p, 1), "cancelled.date") == "2014-04-10");
  CHECK(change_count(p) == 1);

  refused = plan::cancel(p, 42, "2014-04-11", "no such");
  REQUIRE(refused);
  CHECK(refused->message == "the plan has no item 42");
}

TEST_CASE("set_over_cap: records the reason and the day") {
  Node p = draft_plan(kTwoItems);
  plan::set_over_cap(p, "medical treatment abroad approved by the steering group", "2014-03-24");
  CHECK(records::text(p, "over_cap.reason") == "medical treatment abroad approved by the steering group");
  CHECK(records::text(p, "over_cap.date") == "2014-03-24");
  plan::set_over_cap(p, "revised", "2014-03-25");
  CHECK(records::text(p, "over_cap.reason") == "revised");
  CHECK(records::text(p, "over_cap.date") == "2014-03-25");
}

TEST_CASE("is_agreed: only with an agreement") {
  CHECK_FALSE(plan::is_agreed(draft_plan()));
  CHECK(plan::is_agreed(agreed_plan()));
}

TEST_CASE("agree: completes an agreement that lacked the beneficiary or the guardian") {
  Node p = draft_plan(kTwoItems + "agreement:\n  date: \"2014-03-25\"\n  beneficiary: false\n");
  CHECK(plan::is_agreed(p));
  CHECK_FALSE(plan::is_fully_agreed(p, false));
  REQUIRE_FALSE(plan::agree(p, "2014-03-28", false, false));
  CHECK(plan::is_fully_agreed(p, false));
  CHECK(records::text(p, "agreement.date") == "2014-03-28");  // agreed from the day the person agreed

  Node child = draft_plan(kTwoItems + "agreement:\n  date: \"2014-03-25\"\n  beneficiary: true\n");
  CHECK(plan::is_fully_agreed(child, false));
  CHECK_FALSE(plan::is_fully_agreed(child, true));
  auto refused = plan::agree(child, "2014-03-28", true, false);
  REQUIRE(refused);
  CHECK(refused->hint.find("--guardian") != std::string::npos);
  REQUIRE_FALSE(plan::agree(child, "2014-03-28", true, true));
  CHECK(plan::is_fully_agreed(child, true));
  CHECK(plan::agree(child, "2014-03-29", true, true)->message == "the plan was already agreed on 2014-03-28");
}

TEST_CASE("add_risk_review: appends a review with its measures; refused without reviewer, decision or measure") {
  Node p = agreed_plan();
  plan::RiskReview r{"2014-04-02", "social worker, Vienna office", "proceed",
                     {"escort to the shelter on arrival", "weekly calls in the first month"}, "threats assessed"};
  REQUIRE_FALSE(plan::add_risk_review(p, r));
  r.date = "2014-04-09";
  r.decision = "postpone";
  r.note.clear();
  REQUIRE_FALSE(plan::add_risk_review(p, r));
  const auto& reviews = records::list(p, "risk_reviews");
  REQUIRE(reviews.size() == 2);
  CHECK(records::text(reviews[0], "date") == "2014-04-02");
  CHECK(records::text(reviews[0], "reviewer") == "social worker, Vienna office");
  CHECK(records::text(reviews[0], "decision") == "proceed");
  CHECK(records::list(reviews[0], "safety_measures").size() == 2);
  CHECK(records::text(reviews[0], "note") == "threats assessed");
  CHECK(records::text(reviews[1], "decision") == "postpone");
  CHECK(records::field(reviews[1], "note") == nullptr);

  plan::RiskReview none = r;
  none.safety_measures.clear();
  auto refused = plan::add_risk_review(p, none);
  REQUIRE(refused);
  CHECK(refused->hint.find("--safety-measure") != std::string::npos);
  plan::RiskReview nobody = r;
  nobody.reviewer.clear();
  CHECK(plan::add_risk_review(p, nobody)->hint.find("--reviewer") != std::string::npos);
  plan::RiskReview unsure = r;
  unsure.decision = "maybe";
  CHECK(plan::add_risk_review(p, unsure)->hint.find("--decision") != std::string::npos);
  plan::RiskReview blank = r;
  blank.safety_measures = {""};
  CHECK(plan::add_risk_review(p, blank));
  CHECK(records::list(p, "risk_reviews").size() == 2);  // refusals add nothing
}

TEST_CASE("set_declaration: recorded whole; given fields set, others kept; alternatives false unless said") {
  Node journey = parse("kind: return\nversion: 1\ncase: AT-2014-001\n");
  REQUIRE_FALSE(plan::set_declaration(journey, {}));  // nothing given: nothing written
  CHECK(records::field(journey, "declaration") == nullptr);

  plan::Declaration d;
  d.signed_on = "2014-04-20";
  d.language = "English";
  REQUIRE_FALSE(plan::set_declaration(journey, d));
  CHECK(records::text(journey, "declaration.signed") == "2014-04-20");
  CHECK(records::text(journey, "declaration.language") == "English");
  CHECK(records::flag(journey, "declaration.alternatives_explained") == false);  // the rule then says so
  CHECK(records::field(journey, "declaration.guardian_signed") == nullptr);

  plan::Declaration more;
  more.alternatives_explained = true;
  more.guardian_signed = "2014-04-21";
  REQUIRE_FALSE(plan::set_declaration(journey, more));
  CHECK(records::text(journey, "declaration.signed") == "2014-04-20");
  CHECK(records::text(journey, "declaration.language") == "English");
  CHECK(records::flag(journey, "declaration.alternatives_explained") == true);
  CHECK(records::text(journey, "declaration.guardian_signed") == "2014-04-21");

  Node unsigned_one = parse("kind: return\nversion: 1\ncase: AT-2014-001\n");
  plan::Declaration only_language;
  only_language.language = "English";
  auto refused = plan::set_declaration(unsigned_one, only_language);
  REQUIRE(refused);
  CHECK(refused->hint.find("--declaration-signed") != std::string::npos);
  plan::Declaration no_language;
  no_language.signed_on = "2014-04-20";
  no_language.alternatives_explained = true;
  Node wordless = parse("kind: return\nversion: 1\ncase: AT-2014-001\n");
  CHECK(plan::set_declaration(wordless, no_language)->hint.find("--language") != std::string::npos);
}
