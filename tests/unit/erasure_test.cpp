// intake::blank_free_text: what erasing a case leaves of each record. The
// records here hold only the fields that matter to the test (the function
// does not validate), with plainly invented text.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "doc/yaml_io.h"
#include "intake/erasure.h"

using care::doc::Node;
using care::intake::blank_free_text;
using care::records::Kind;

namespace {

Node parse(const std::string& yaml) {
  auto r = care::doc::parse(yaml, "test.yaml");
  REQUIRE(r.root);
  return *r.root;
}

// The node at a dotted path, with "N" for a list index: "items.1.description".
const Node& at(const Node& n, std::string_view path) {
  const Node* cur = &n;
  while (!path.empty()) {
    auto dot = path.find('.');
    std::string step(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (cur->is_sequence()) {
      auto i = std::stoul(step);
      REQUIRE(i < cur->items().size());
      cur = &cur->items()[i];
    } else {
      cur = cur->find(step);
      REQUIRE_MESSAGE(cur, step);
    }
  }
  return *cur;
}

std::string text(const Node& n, std::string_view path) { return at(n, path).text(); }

// Blanks, checks every path in `erased` became "erased" and every path in
// `kept` has its old value, and that a second pass changes nothing.
void expect(Kind kind, const std::string& yaml, std::initializer_list<std::string_view> erased,
            std::initializer_list<std::string_view> kept) {
  Node before = parse(yaml);
  Node record = before;
  CHECK(blank_free_text(kind, record));
  for (auto p : erased) {
    std::string path(p);
    CAPTURE(path);
    CHECK(text(record, p) == "erased");
    CHECK(text(before, p) != "erased");
  }
  for (auto p : kept) {
    std::string path(p);
    CAPTURE(path);
    CHECK(at(record, p).text() == at(before, p).text());
  }
  CHECK_FALSE(blank_free_text(kind, record));  // already blank: nothing changes
}

}  // namespace

TEST_CASE("blank_free_text: notes at any depth, in any kind; codes and dates stay") {
  expect(Kind::Case,
         "kind: case\n"
         "id: AT-2014-001\n"
         "nationality: NG\n"
         "referral:\n  date: 2014-03-05\n  note: Testname-Alpha was met at the station\n"
         "consent:\n  - purpose: data_processing\n    date: 2014-03-05\n    notes: asked by phone +000 555 0101\n"
         "notes: first contact X-TEST-0001\n",
         {"referral.note", "consent.0.notes", "notes"},
         {"id", "nationality", "referral.date", "consent.0.purpose", "consent.0.date"});
}

TEST_CASE("blank_free_text: assessment skills, motivations, opportunities") {
  expect(Kind::Assessment,
         "kind: assessment\ndate: 2014-03-10\n"
         "skills: [sewing at Testname-Alpha's shop, driving]\n"
         "motivations: [open a stall]\n"
         "opportunities:\n  - kind: employment\n    description: bakery of an uncle\n    contact: +000 555 0101\n"
         "risk: high\n",
         {"skills.0", "skills.1", "motivations.0", "opportunities.0.description", "opportunities.0.contact"},
         {"date", "risk", "opportunities.0.kind"});
}

TEST_CASE("blank_free_text: minor's views, care arrangement place, transition reason") {
  expect(Kind::Minor,
         "kind: minor\n"
         "views:\n  date: 2014-04-01\n  wants_to_live: with an aunt in Testtown\n"
         "care_arrangement:\n  type: kinship\n  place: Testtown, Example Street 1\n"
         "transition:\n  date: 2014-05-01\n  reason: aunt moved\n",
         {"views.wants_to_live", "care_arrangement.place", "transition.reason"},
         {"views.date", "care_arrangement.type", "transition.date"});
}

TEST_CASE("blank_free_text: monitoring plan moves, safety plan") {
  expect(Kind::MonitoringPlan,
         "kind: monitoring-plan\n"
         "contacts:\n  - month: 1\n    due: 2014-09-01\n    moved:\n      - to: 2014-09-10\n        reason: "
         "beneficiary travelling\n      - to: 2014-09-20\n        reason: again\n"
         "  - month: 3\n    due: 2014-11-01\n"
         "safety_plan:\n  call: [+000 555 0101, Testname-Alpha's sister]\n  safe_places: [church in Testtown]\n"
         "  report_contact_by: text message to +000 555 0102\n  reviewed: 2014-08-01\n",
         {"contacts.0.moved.0.reason", "contacts.0.moved.1.reason", "safety_plan.call.0", "safety_plan.call.1",
          "safety_plan.safe_places.0", "safety_plan.report_contact_by"},
         {"contacts.0.due", "contacts.0.moved.0.to", "contacts.1.due", "safety_plan.reviewed"});
}

TEST_CASE("blank_free_text: plan descriptions, reasons, changes, safety measures; amounts stay") {
  expect(Kind::Plan,
         "kind: plan\n"
         "over_cap:\n  approved: 2014-05-01\n  reason: medical needs of Testname-Alpha\n"
         "items:\n  - domain: housing\n    amount: \"300.00\"\n    description: rent at Example Street 1\n"
         "    exchange_note: paid to the landlord\n    cancelled:\n      date: 2014-06-01\n      reason: moved away\n"
         "changes:\n  - date: 2014-05-02\n    what: rent raised\n    reason: landlord asked\n"
         "risk_reviews:\n  - date: 2014-05-03\n    level: medium\n    safety_measures: [escort to the bus, new phone]\n",
         {"over_cap.reason", "items.0.description", "items.0.exchange_note", "items.0.cancelled.reason", "changes.0.what",
          "changes.0.reason", "risk_reviews.0.safety_measures.0", "risk_reviews.0.safety_measures.1"},
         {"over_cap.approved", "items.0.domain", "items.0.amount", "items.0.cancelled.date", "changes.0.date",
          "risk_reviews.0.level"});
}

TEST_CASE("blank_free_text: return destination place; country stays") {
  expect(Kind::Return, "kind: return\ndate: 2014-07-01\ndestination:\n  country: NG\n  place: Testtown, Example Road\n",
         {"destination.place"}, {"date", "destination.country"});
}

TEST_CASE("blank_free_text: contact view and flag clearing reasons; scores stay") {
  expect(Kind::Contact,
         "kind: contact\ndate: 2014-09-01\nrisk: 2\nview: happy, lives with Testname-Alpha's cousin\n"
         "flags:\n  - code: no_contact\n    cleared:\n      date: 2014-09-05\n      reason: reached by phone\n",
         {"view", "flags.0.cleared.reason"}, {"date", "risk", "flags.0.code", "flags.0.cleared.date"});
}

TEST_CASE("blank_free_text: closure reasons") {
  expect(Kind::Closure,
         "kind: closure\ndate: 2015-08-01\nopen_flags_reason: moved abroad\n"
         "reopened:\n  - date: 2015-09-01\n    reason: new threat\n    open_flags_reason: travelling\n",
         {"open_flags_reason", "reopened.0.reason", "reopened.0.open_flags_reason"}, {"date", "reopened.0.date"});
}

TEST_CASE("blank_free_text: false when there is nothing to blank; other kinds keep their text") {
  Node none = parse("kind: case\nid: AT-2014-001\nnationality: NG\nreferral:\n  date: 2014-03-05\n");
  CHECK_FALSE(blank_free_text(Kind::Case, none));
  // A field that is free text in one kind is not touched in another.
  Node other = parse("kind: closure\nview: stays\ndescription: stays\n");
  CHECK_FALSE(blank_free_text(Kind::Closure, other));
  CHECK(text(other, "view") == "stays");
  // Listed paths that are not strings (a number, null, an empty list) stay as they are.
  Node odd = parse("kind: return\ndestination:\n  place: null\n");
  CHECK_FALSE(blank_free_text(Kind::Return, odd));
  CHECK(at(odd, "destination.place").is_null());
  Node empty = parse("kind: assessment\nskills: []\nopportunities: []\n");
  CHECK_FALSE(blank_free_text(Kind::Assessment, empty));
}

TEST_CASE("blank_free_text: every string of an x- extension field, at any depth, whatever its shape") {
  Node record = parse(
      "kind: case\nid: AT-2014-001\n"
      "x-caller: Testname-Alpha\n"
      "referral:\n  date: 2014-03-05\n  x-details:\n    phone: +000 555 0101\n    documents: [X-TEST-0001, X-TEST-0002]\n"
      "    count: 2\n"
      "consent:\n  - purpose: data_processing\n    x-witness: Testname-Bravo\n");
  CHECK(blank_free_text(Kind::Case, record));
  CHECK(text(record, "x-caller") == "erased");
  CHECK(text(record, "referral.x-details.phone") == "erased");
  CHECK(text(record, "referral.x-details.documents.0") == "erased");
  CHECK(text(record, "referral.x-details.documents.1") == "erased");
  CHECK(at(record, "referral.x-details.count").is_integer());  // numbers are no text
  CHECK(text(record, "consent.0.x-witness") == "erased");
  CHECK(text(record, "consent.0.purpose") == "data_processing");
  CHECK(text(record, "referral.date") == "2014-03-05");
  CHECK(text(record, "id") == "AT-2014-001");
  CHECK_FALSE(blank_free_text(Kind::Case, record));
}
