// The monitoring module (lib/monitor/schedule.h and instrument.h), called
// directly on cases built in memory: the schedule derived from the plan and
// the contacts, the due report and its renderings, and the sustainability
// survey with its scoring. What the commands write, and whether the rules
// accept it, is the business of tests/blackbox/monitor_cases.sh.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <string>
#include <vector>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "monitor/instrument.h"
#include "monitor/schedule.h"
#include "records/fields.h"
#include "records/store.h"
#include "test_support.h"

using care::doc::Node;
using care::util::Date;
namespace monitor = care::monitor;
namespace records = care::records;

namespace {

Date day(const std::string& text) {
  auto d = Date::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

Node parse(const std::string& yaml) {
  auto parsed = care::doc::parse(yaml, "test.yaml");
  REQUIRE(parsed.problems.empty());
  REQUIRE(parsed.root.has_value());
  return *parsed.root;
}

records::Record record(records::Kind kind, const std::string& id, const std::string& stem, const std::string& yaml,
                       bool valid = true) {
  records::Record r;
  r.where = records::Placement{kind, id, stem};
  r.file = "test.yaml";
  r.root = parse(yaml);
  r.valid = valid;
  return r;
}

// A case that has returned (arrival given) or not (arrival empty).
records::Case a_case(const std::string& id, const std::string& arrival = "") {
  records::Case c;
  c.id = id;
  c.main = record(records::Kind::Case, id, "", "kind: case\nversion: 1\nid: " + id + "\nconsents: []\n");
  if (!arrival.empty())
    c.journey = record(records::Kind::Return, id, "",
                       "kind: return\nversion: 1\ncase: " + id + "\ndeparture: \"" + arrival + "\"\narrival: \"" +
                           arrival + "\"\ndestination: {country: NG, place: Benin City}\nescort: {by: none}\n");
  return c;
}

// contacts: "NUMBER DUE" or "NUMBER DUE MOVED_TO..." one per entry.
void give_plan(records::Case& c, const std::vector<std::string>& contacts, bool valid = true) {
  std::string yaml = "kind: monitoring_plan\nversion: 1\ncase: " + c.id +
                     "\nagreed: \"2014-01-01\"\nmodes: [phone]\ncontacts:\n";
  for (const auto& spec : contacts) {
    std::vector<std::string> words;
    std::string w;
    for (char ch : spec + " ") {
      if (ch == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += ch;
      }
    }
    yaml += "  - number: " + words[0] + "\n    due: \"" + words[1] + "\"\n";
    if (words.size() > 2) {
      yaml += "    moved:\n";
      std::string from = words[1];
      for (std::size_t i = 2; i < words.size(); ++i) {
        yaml += "      - {from: \"" + from + "\", to: \"" + words[i] + "\", reason: test}\n";
        from = words[i];
      }
    }
  }
  c.monitoring_plan = record(records::Kind::MonitoringPlan, c.id, "", yaml, valid);
}

// A contact on `date` for scheduled contact `number` (0: unscheduled).
void give_contact(records::Case& c, const std::string& date, int number, bool reached, const std::string& extra = "",
                  bool valid = true) {
  std::string yaml = "kind: contact\nversion: 1\ncase: " + c.id + "\ndate: \"" + date + "\"\nmode: phone\nreached: " +
                     (reached ? "true" : "false") + "\n";
  if (number > 0) yaml += "number: " + std::to_string(number) + "\n";
  c.contacts.push_back(record(records::Kind::Contact, c.id, date, yaml + extra, valid));
}

void close_case(records::Case& c, const std::string& date, const std::string& extra = "") {
  c.closure = record(records::Kind::Closure, c.id, "",
                     "kind: closure\nversion: 1\ncase: " + c.id + "\ndate: \"" + date + "\"\nreason: chose_to_stop\n" + extra);
}

}  // namespace

// --- schedule_of -----------------------------------------------------------------

TEST_CASE("schedule_of: no plan, or a plan that failed its schema, gives no schedule") {
  auto c = a_case("AT-2014-001", "2014-06-01");
  CHECK(monitor::schedule_of(c).empty());
  give_plan(c, {"1 2014-07-01"}, false);
  CHECK(monitor::schedule_of(c).empty());
}

TEST_CASE("schedule_of: contacts in number order, due where last moved to") {
  auto c = a_case("AT-2014-001", "2014-06-01");
  give_plan(c, {"3 2014-12-01", "1 2014-07-01", "2 2014-09-01 2014-09-10 2014-09-20"});
  auto s = monitor::schedule_of(c);
  REQUIRE(s.size() == 3);
  CHECK(s[0].number == 1);
  CHECK(s[0].due == day("2014-07-01"));
  CHECK(s[1].number == 2);
  CHECK(s[1].due == day("2014-09-20"));  // the last move's "to", not the first
  CHECK(s[2].number == 3);
  CHECK(s[2].due == day("2014-12-01"));
  for (const auto& x : s) CHECK_FALSE(x.done_on.has_value());
}

TEST_CASE("schedule_of: done only by a reached contact with that number, on the earliest such day") {
  auto c = a_case("AT-2014-001", "2014-06-01");
  give_plan(c, {"1 2014-07-01", "2 2014-09-01", "3 2014-12-01", "4 2015-03-01"});
  give_contact(c, "2014-07-20", 1, true);   // a later reached contact for 1, listed first
  give_contact(c, "2014-07-02", 1, false);  // a failed attempt: not done by it
  give_contact(c, "2014-07-05", 1, true);   // the earliest reached one
  give_contact(c, "2014-09-03", 2, false);  // 2: only a failed attempt
  give_contact(c, "2014-10-01", 0, true);   // unscheduled: fulfils nothing
  give_contact(c, "2014-12-02", 3, true, "", false);  // failed its schema: ignored
  auto s = monitor::schedule_of(c);
  REQUIRE(s.size() == 4);
  REQUIRE(s[0].done_on.has_value());
  CHECK(*s[0].done_on == day("2014-07-05"));
  CHECK_FALSE(s[1].done_on.has_value());
  CHECK_FALSE(s[2].done_on.has_value());
  CHECK_FALSE(s[3].done_on.has_value());
}

// --- make_plan -------------------------------------------------------------------

TEST_CASE("make_plan: one contact per month of care.toml, clamped to the month's last day") {
  std::string toml = care::test::slurp(std::string(CARE_SOURCE_DIR) + "/tests/golden/base/care.toml") +
                     "\n[monitoring]\nmonths = [1, 2, 13]\n";
  auto config = care::folder::parse_config(toml, "care.toml");
  REQUIRE(config.problems.empty());
  REQUIRE(config.config);
  REQUIRE(config.config->monitoring_months == std::vector<int>{1, 2, 13});

  Node plan = monitor::make_plan("AT-2014-001", day("2014-01-31"), config.config->monitoring_months, "2014-01-31",
                                 {"phone", "partner"}, "Example Partner (fictional)");
  CHECK(records::text(plan, "kind") == "monitoring_plan");
  CHECK(records::integer(plan, "version") == 1);
  CHECK(records::text(plan, "case") == "AT-2014-001");
  CHECK(records::text(plan, "agreed") == "2014-01-31");
  CHECK(records::text(plan, "partner") == "Example Partner (fictional)");
  const auto& modes = records::list(plan, "modes");
  REQUIRE(modes.size() == 2);
  CHECK(modes[0].text() == "phone");
  CHECK(modes[1].text() == "partner");
  const auto& contacts = records::list(plan, "contacts");
  REQUIRE(contacts.size() == 3);
  CHECK(records::integer(contacts[0], "number") == 1);
  CHECK(records::text(contacts[0], "due") == "2014-02-28");  // 31 January + 1 month
  CHECK(records::integer(contacts[1], "number") == 2);
  CHECK(records::text(contacts[1], "due") == "2014-03-31");
  CHECK(records::integer(contacts[2], "number") == 3);
  CHECK(records::text(contacts[2], "due") == "2015-02-28");
  CHECK(records::field(contacts[0], "moved") == nullptr);
}

TEST_CASE("make_plan: the default months, a leap year, and no partner key without a partner") {
  care::folder::Config defaults;
  Node plan = monitor::make_plan("GB-2015-001", day("2015-01-31"), defaults.monitoring_months, "2015-02-01", {"visit"}, "");
  CHECK(records::field(plan, "partner") == nullptr);
  std::vector<std::string> due;
  for (const auto& c : records::list(plan, "contacts")) due.push_back(records::text(c, "due"));
  CHECK(due == std::vector<std::string>{"2015-02-28", "2015-04-30", "2015-07-31", "2015-10-31", "2016-01-31"});

  Node leap = monitor::make_plan("GB-2015-002", day("2016-01-31"), {1}, "2016-02-01", {"visit"}, "");
  CHECK(records::text(records::list(leap, "contacts")[0], "due") == "2016-02-29");
}

// --- next_number -----------------------------------------------------------------

TEST_CASE("next_number: the earliest scheduled contact not yet done") {
  auto c = a_case("AT-2014-001", "2014-06-01");
  CHECK_FALSE(monitor::next_number(c).has_value());  // no plan
  give_plan(c, {"1 2014-07-01", "2 2014-09-01", "3 2014-12-01"});
  CHECK(monitor::next_number(c) == 1);
  give_contact(c, "2014-07-01", 1, false);
  CHECK(monitor::next_number(c) == 1);  // a failed attempt does not count
  give_contact(c, "2014-12-01", 3, true);
  CHECK(monitor::next_number(c) == 1);  // 3 done out of turn; 1 is still open
  give_contact(c, "2014-07-03", 1, true);
  CHECK(monitor::next_number(c) == 2);
  give_contact(c, "2014-09-05", 2, true);
  CHECK_FALSE(monitor::next_number(c).has_value());  // all done
}

// --- open_flags ------------------------------------------------------------------

TEST_CASE("open_flags: flags not cleared, with their contact's date; cleared ones and broken records left out") {
  auto c = a_case("AT-2014-001", "2014-06-01");
  give_contact(c, "2014-07-01", 1, true,
               "flags:\n  - flag: threats\n    note: a call\n  - flag: other\n    cleared: {date: \"2014-07-10\", reason: resolved}\n");
  give_contact(c, "2014-09-01", 2, true, "flags:\n  - flag: trafficker_contact\n");
  give_contact(c, "2014-10-01", 0, true, "flags:\n  - flag: irregular_migration_intent\n", false);
  auto flags = monitor::open_flags(c);
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].case_id == "AT-2014-001");
  CHECK(flags[0].contact_date == "2014-07-01");
  CHECK(flags[0].flag == "threats");
  CHECK(flags[1].contact_date == "2014-09-01");
  CHECK(flags[1].flag == "trafficker_contact");
}

// --- due_report ------------------------------------------------------------------

namespace {

// As of 2015-03-01 with the default months [1, 3, 6, 9, 12]:
//   ES-2013-001 arrived 2013-12-01: contact 1 (2014-01-01) 424 days late; the
//     12 months ended 2014-12-01 but the case is open; an open and a cleared flag.
//   AT-2014-001 arrived 2014-06-01: 1 done; 2 and 3 (moved) both 181 days
//     late; 4 due today; 5 in 92 days (outside 30).
//   AT-2014-002 arrived 2014-06-01: 1 is 181 days late; 2 in 30 days; 3 in 31.
//   GB-2014-001 closed, then reopened: 1 is 9 days late.
//   FR-2014-001 returned, no monitoring plan.
//   FR-2014-002 closed (and never reopened), with an overdue contact and a flag.
//   FR-2014-003 has not returned.
records::Folder due_folder() {
  records::Folder f;
  auto es = a_case("ES-2013-001", "2013-12-01");
  give_plan(es, {"1 2014-01-01"});
  give_contact(es, "2014-01-05", 0, true,
               "flags:\n  - flag: threats\n  - flag: other\n    cleared: {date: \"2014-02-01\", reason: resolved}\n");
  f.cases[es.id] = es;

  auto at1 = a_case("AT-2014-001", "2014-06-01");
  give_plan(at1, {"1 2014-07-01", "2 2014-09-01", "3 2014-12-01 2014-09-01", "4 2015-03-01", "5 2015-06-01"});
  give_contact(at1, "2014-07-02", 1, true);
  f.cases[at1.id] = at1;

  auto at2 = a_case("AT-2014-002", "2014-06-01");
  give_plan(at2, {"1 2014-09-01", "2 2015-03-31", "3 2015-04-01"});
  f.cases[at2.id] = at2;

  auto gb = a_case("GB-2014-001", "2014-06-01");
  give_plan(gb, {"1 2015-02-20"});
  close_case(gb, "2014-12-01", "reopened:\n  - {date: \"2015-01-10\", reason: came back}\n");
  f.cases[gb.id] = gb;

  f.cases["FR-2014-001"] = a_case("FR-2014-001", "2014-06-01");

  auto closed = a_case("FR-2014-002", "2014-06-01");
  give_plan(closed, {"1 2014-07-01"});
  give_contact(closed, "2014-06-20", 0, true, "flags:\n  - flag: threats\n");
  close_case(closed, "2014-08-01");
  f.cases[closed.id] = closed;

  f.cases["FR-2014-003"] = a_case("FR-2014-003");
  return f;
}

std::vector<std::string> lines_of(const monitor::DueReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.due) out.push_back(d.case_id + "#" + std::to_string(d.number) + " " + std::to_string(d.days_late));
  return out;
}

}  // namespace

TEST_CASE("due_report: most overdue first, then case ID, then number; closed cases' contacts and unreturned cases left out") {
  auto r = monitor::due_report(due_folder(), day("2015-03-01"), 30);
  CHECK(r.as_of == day("2015-03-01"));
  CHECK(r.within == 30);
  CHECK(lines_of(r) == std::vector<std::string>{"ES-2013-001#1 424", "AT-2014-001#2 181", "AT-2014-001#3 181",
                                                "AT-2014-002#1 181", "GB-2014-001#1 9", "AT-2014-001#4 0",
                                                "AT-2014-002#2 -30"});
  CHECK(r.due[0].due == day("2014-01-01"));
  CHECK(r.due[2].due == day("2014-09-01"));  // contact 3 as moved
  CHECK(r.overdue() == 5);                   // due today is not overdue
  CHECK(r.without_plan == std::vector<std::string>{"FR-2014-001"});
  REQUIRE(r.ended_open.size() == 1);
  CHECK(r.ended_open[0].first == "ES-2013-001");
  CHECK(r.ended_open[0].second == day("2014-12-01"));
  // The closed case keeps its open flag listed; the flag that stood 420 days
  // without a contact since is escalated and comes first.
  REQUIRE(r.flags.size() == 2);
  CHECK(r.flags[0].case_id == "ES-2013-001");
  CHECK(r.flags[0].contact_date == "2014-01-05");
  CHECK(r.flags[0].flag == "threats");
  CHECK(r.flags[0].days_open == 420);
  CHECK(r.flags[0].escalated);
  CHECK_FALSE(r.flags[0].case_closed);
  CHECK(r.flags[1].case_id == "FR-2014-002");
  CHECK(r.flags[1].days_open == 254);
  CHECK_FALSE(r.flags[1].escalated);  // a closed case takes no contacts: listed, never escalated
  CHECK(r.flags[1].case_closed);
  CHECK(r.escalated() == 1);
}

TEST_CASE("due_report: --within sets how far ahead counts") {
  auto f = due_folder();
  auto none_ahead = monitor::due_report(f, day("2015-03-01"), 0);
  CHECK(lines_of(none_ahead).back() == "AT-2014-001#4 0");  // due today is still listed
  CHECK(none_ahead.due.size() == 6);
  auto wide = monitor::due_report(f, day("2015-03-01"), 92);
  CHECK(wide.due.size() == 9);  // adds AT-2014-002#3 (31 days) and AT-2014-001#5 (92 days)
  CHECK(lines_of(wide).back() == "AT-2014-001#5 -92");
  CHECK(wide.overdue() == 5);
}

TEST_CASE("due_report: the monitoring period ends on arrival plus the last month of care.toml") {
  auto f = due_folder();
  f.config.monitoring_months = {1, 2};
  auto r = monitor::due_report(f, day("2014-08-01"), 30);
  // The cases that arrived 2014-06-01 end on 2014-08-01, the day itself; ES-2013-001
  // long before. FR-2014-001 has no plan: it is listed as without one instead.
  std::vector<std::string> ended;
  for (const auto& [id, on] : r.ended_open) ended.push_back(id + " " + on.str());
  CHECK(ended == std::vector<std::string>{"AT-2014-001 2014-08-01", "AT-2014-002 2014-08-01", "ES-2013-001 2014-02-01",
                                          "GB-2014-001 2014-08-01"});
  CHECK(r.without_plan == std::vector<std::string>{"FR-2014-001"});
}

TEST_CASE("due_report: an empty folder gives an empty report") {
  records::Folder f;
  auto r = monitor::due_report(f, day("2015-03-01"), 30);
  CHECK(r.due.empty());
  CHECK(r.without_plan.empty());
  CHECK(r.ended_open.empty());
  CHECK(r.flags.empty());
  CHECK(r.overdue() == 0);
  CHECK(monitor::due_json(r) ==
        "{\"version\":1,\"as_of\":\"2015-03-01\",\"within_days\":30,\"overdue\":0,\"escalated\":0,\"contacts\":[],"
        "\"without_plan\":[],\"ended_open\":[],\"open_flags\":[]}\n");
  CHECK(monitor::due_csv(r) == "case,contact,due,days_late,status\n");
  CHECK(monitor::due_text(r) == "monitoring contacts as of 2015-03-01 (due within 30 days)\n  none due\n");
}

// --- renderings ------------------------------------------------------------------

namespace {
monitor::DueReport small_report() {
  records::Folder f;
  auto at = a_case("AT-2014-001", "2014-06-01");
  give_plan(at, {"1 2014-07-01", "2 2014-09-01", "3 2014-12-01"});
  give_contact(at, "2014-07-01", 1, true, "flags:\n  - flag: threats\n");
  f.cases[at.id] = at;
  f.cases["FR-2014-001"] = a_case("FR-2014-001", "2014-06-01");
  auto es = a_case("ES-2013-001", "2013-06-01");
  give_plan(es, {"1 2013-07-01"});
  give_contact(es, "2013-07-01", 1, true);
  f.cases[es.id] = es;
  return monitor::due_report(f, day("2014-09-05"), 30);
}
}  // namespace

TEST_CASE("due_json: the exact document") {
  CHECK(monitor::due_json(small_report()) ==
        "{\"version\":1,\"as_of\":\"2014-09-05\",\"within_days\":30,\"overdue\":1,\"escalated\":1,"
        "\"contacts\":[{\"case\":\"AT-2014-001\",\"contact\":2,\"due\":\"2014-09-01\",\"days_late\":4,\"status\":\"overdue\"}],"
        "\"without_plan\":[\"FR-2014-001\"],"
        "\"ended_open\":[{\"case\":\"ES-2013-001\",\"ended\":\"2014-06-01\"}],"
        "\"open_flags\":[{\"case\":\"AT-2014-001\",\"contact\":\"2014-07-01\",\"flag\":\"threats\","
        "\"days_open\":66,\"escalated\":true,\"case_closed\":false}]}\n");
}

TEST_CASE("due_json: due today and due soon have status due, with zero or negative days_late") {
  monitor::DueReport r;
  r.as_of = day("2014-09-01");
  r.within = 10;
  r.due.push_back({"AT-2014-001", 2, day("2014-09-01"), 0});
  r.due.push_back({"AT-2014-001", 3, day("2014-09-08"), -7});
  CHECK(monitor::due_json(r) ==
        "{\"version\":1,\"as_of\":\"2014-09-01\",\"within_days\":10,\"overdue\":0,\"escalated\":0,\"contacts\":["
        "{\"case\":\"AT-2014-001\",\"contact\":2,\"due\":\"2014-09-01\",\"days_late\":0,\"status\":\"due\"},"
        "{\"case\":\"AT-2014-001\",\"contact\":3,\"due\":\"2014-09-08\",\"days_late\":-7,\"status\":\"due\"}],"
        "\"without_plan\":[],\"ended_open\":[],\"open_flags\":[]}\n");
  CHECK(monitor::due_csv(r) ==
        "case,contact,due,days_late,status\nAT-2014-001,2,2014-09-01,0,due\nAT-2014-001,3,2014-09-08,-7,due\n");
  CHECK(monitor::due_text(r) ==
        "monitoring contacts as of 2014-09-01 (due within 10 days)\n"
        "  AT-2014-001  contact 2  due 2014-09-01  due today\n"
        "  AT-2014-001  contact 3  due 2014-09-08  in 7 days\n");
}

TEST_CASE("due_text: one day is a day") {
  monitor::DueReport r;
  r.as_of = day("2014-09-02");
  r.within = 10;
  r.due.push_back({"AT-2014-001", 2, day("2014-09-01"), 1});
  r.due.push_back({"AT-2014-001", 3, day("2014-09-03"), -1});
  CHECK(monitor::due_text(r) ==
        "monitoring contacts as of 2014-09-02 (due within 10 days)\n"
        "  AT-2014-001  contact 2  due 2014-09-01  1 day late\n"
        "  AT-2014-001  contact 3  due 2014-09-03  in 1 day\n");
}

TEST_CASE("due_text and due_csv: every section of the report") {
  auto r = small_report();
  CHECK(monitor::due_text(r) ==
        "monitoring contacts as of 2014-09-05 (due within 30 days)\n"
        "  AT-2014-001  ESCALATED risk flag threats raised at the contact of 2014-07-01: open 66 days, no contact since\n"
        "  AT-2014-001  contact 2  due 2014-09-01  4 days late\n"
        "  FR-2014-001  returned, but has no monitoring plan\n"
        "  ES-2013-001  monitoring ended 2014-06-01, but the case is still open\n");
  CHECK(monitor::due_csv(r) == "case,contact,due,days_late,status\nAT-2014-001,2,2014-09-01,4,overdue\n");
}

// --- per-case months, safety plan, escalation ------------------------------------

TEST_CASE("parse_months: whole months 1 to 24, each once, in rising order") {
  CHECK(monitor::parse_months("1,2,3,6,12").months == std::vector<int>{1, 2, 3, 6, 12});
  CHECK(monitor::parse_months("12, 1,6").months == std::vector<int>{1, 6, 12});
  CHECK(monitor::parse_months("24").months == std::vector<int>{24});
  CHECK(monitor::parse_months("1,2,3").problem.empty());
  CHECK(monitor::parse_months("0,1").problem == "--months: \"0\" is not a month from 1 to 24");
  CHECK(monitor::parse_months("1,25").problem == "--months: \"25\" is not a month from 1 to 24");
  CHECK(monitor::parse_months("1,x").problem == "--months: \"x\" is not a month from 1 to 24");
  CHECK(monitor::parse_months("1,-2").problem == "--months: \"-2\" is not a month from 1 to 24");
  CHECK(monitor::parse_months("1,,2").problem == "--months \"1,,2\" has an empty entry");
  CHECK(monitor::parse_months("").problem == "--months \"\" has an empty entry");
  CHECK(monitor::parse_months("3,1,3").problem == "--months: month 3 is given twice");
}

TEST_CASE("make_plan: the case's own months are written as months, the defaults are not") {
  auto own = monitor::make_plan("AT-2014-001", day("2014-06-01"), {1, 2, 3}, "2014-06-01", {"phone"}, "", true);
  const Node* months = own.find("months");
  REQUIRE(months);
  REQUIRE(months->items().size() == 3);
  CHECK(months->items()[2].as_integer() == 3);
  REQUIRE(own.find("contacts")->items().size() == 3);
  CHECK(records::text(own.find("contacts")->items()[1], "due") == "2014-08-01");
  auto defaults = monitor::make_plan("AT-2014-001", day("2014-06-01"), {1, 3}, "2014-06-01", {"phone"}, "");
  CHECK_FALSE(defaults.find("months"));
}

TEST_CASE("make_safety_plan: call, safe places when given, how contact is reported") {
  auto plan = monitor::make_safety_plan({"program hotline", "police emergency number"}, {"partner shelter"},
                                        "phone the program hotline the same day");
  REQUIRE(plan.find("call"));
  CHECK(plan.find("call")->items().size() == 2);
  CHECK(plan.find("call")->items()[1].text() == "police emergency number");
  CHECK(plan.find("safe_places")->items()[0].text() == "partner shelter");
  CHECK(records::text(plan, "report_contact_by") == "phone the program hotline the same day");
  CHECK_FALSE(monitor::make_safety_plan({"program hotline"}, {}, "by phone").find("safe_places"));
}

TEST_CASE("due_report: a case's own months end its monitoring period") {
  records::Folder f;
  auto at = a_case("AT-2014-001", "2014-06-01");
  give_plan(at, {"1 2014-07-01"});
  at.monitoring_plan->root.set("months", parse("[3, 1]"));
  f.cases[at.id] = at;
  auto other = a_case("AT-2014-002", "2014-06-01");
  give_plan(other, {"1 2014-07-01"});
  f.cases[other.id] = other;
  auto r = monitor::due_report(f, day("2014-09-01"), 30);
  REQUIRE(r.ended_open.size() == 1);  // AT-2014-002 runs to care.toml's 12 months
  CHECK(r.ended_open[0].first == "AT-2014-001");
  CHECK(r.ended_open[0].second == day("2014-09-01"));
}

TEST_CASE("due_report: a flag open longer than flag_days without a reached contact since is escalated") {
  records::Folder f;
  f.config.flag_days = 30;
  auto at = a_case("AT-2014-001", "2014-06-01");
  give_plan(at, {"1 2014-07-01", "2 2014-09-01"});
  give_contact(at, "2014-07-01", 1, true, "flags:\n  - flag: trafficker_contact\n");
  f.cases[at.id] = at;
  auto flag_on = [&](const std::string& as_of) {
    auto r = monitor::due_report(f, day(as_of), 30);
    REQUIRE(r.flags.size() == 1);
    return r.flags[0];
  };
  CHECK(flag_on("2014-07-31").days_open == 30);
  CHECK_FALSE(flag_on("2014-07-31").escalated);  // 30 days is not longer than 30
  CHECK(flag_on("2014-08-01").escalated);
  // A failed attempt since does not count; a contact that reached the person does.
  give_contact(f.cases[at.id], "2014-07-20", 0, false);
  CHECK(flag_on("2014-08-01").escalated);
  give_contact(f.cases[at.id], "2014-07-25", 0, true);
  CHECK_FALSE(flag_on("2014-08-01").escalated);
  CHECK(flag_on("2014-08-01").days_open == 31);
  // ...unless that contact comes after the day of the report.
  CHECK(flag_on("2014-07-24").days_open == 23);
  f.config.flag_days = 10;
  CHECK(flag_on("2014-07-24").escalated);
}

TEST_CASE("due_text and due_json: flags first, the escalated ones at the top") {
  records::Folder f;
  auto at = a_case("AT-2014-001", "2014-06-01");
  give_plan(at, {"1 2014-07-01", "2 2014-12-01"});
  give_contact(at, "2014-07-01", 1, true, "flags:\n  - flag: other\n");
  give_contact(at, "2014-08-20", 0, true, "flags:\n  - flag: threats\n");
  f.cases[at.id] = at;
  auto closed = a_case("ES-2014-001", "2014-06-01");
  give_plan(closed, {"1 2014-07-01"});
  give_contact(closed, "2014-06-20", 1, true, "flags:\n  - flag: threats\n");
  close_case(closed, "2014-07-01", "open_flags_reason: handed over to the police\n");
  f.cases[closed.id] = closed;
  auto r = monitor::due_report(f, day("2014-09-25"), 30);
  CHECK(monitor::due_text(r) ==
        "monitoring contacts as of 2014-09-25 (due within 30 days)\n"
        "  AT-2014-001  ESCALATED risk flag threats raised at the contact of 2014-08-20: open 36 days, no contact since\n"
        "  AT-2014-001  risk flag other raised at the contact of 2014-07-01\n"
        "  ES-2014-001  risk flag threats raised at the contact of 2014-06-20 (case closed)\n"
        "  none due\n");
  CHECK(monitor::due_json(r) ==
        "{\"version\":1,\"as_of\":\"2014-09-25\",\"within_days\":30,\"overdue\":0,\"escalated\":1,\"contacts\":[],"
        "\"without_plan\":[],\"ended_open\":[],\"open_flags\":["
        "{\"case\":\"AT-2014-001\",\"contact\":\"2014-08-20\",\"flag\":\"threats\",\"days_open\":36,\"escalated\":true,"
        "\"case_closed\":false},"
        "{\"case\":\"AT-2014-001\",\"contact\":\"2014-07-01\",\"flag\":\"other\",\"days_open\":86,\"escalated\":false,"
        "\"case_closed\":false},"
        "{\"case\":\"ES-2014-001\",\"contact\":\"2014-06-20\",\"flag\":\"threats\",\"days_open\":97,\"escalated\":false,"
        "\"case_closed\":true}]}\n");
}

// --- the sustainability survey ---------------------------------------------------

namespace {

const std::string kSurvey = R"(name = "Test survey"
version = "2"

[[questions]]
id = "e1"
dimension = "economic"
text = "Income?"
weight = 2

[[questions]]
id = "e2"
dimension = "economic"
text = "Work?"

[[questions]]
id = "s1"
dimension = "social"
text = "Housing?"
min = 1
max = 5

[[questions]]
id = "p1"
dimension = "psychosocial"
text = "Wellbeing?"
max = 3

[[thresholds]]
below = 0.5
label = "low"

[[thresholds]]
below = 1.01
label = "high"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Parses text that must fail, and returns its problems.
care::diag::Diagnostics problems_of(const std::string& text) {
  auto r = monitor::parse_instrument(text, "sustainability.toml");
  CHECK_FALSE(r.instrument.has_value());
  for (const auto& d : r.problems) {
    CHECK(d.file == "sustainability.toml");
    CHECK(d.line > 0);
    CHECK(d.column > 0);
    CHECK(d.code == "instrument");
  }
  return r.problems;
}

bool mentions(const care::diag::Diagnostic& d, const std::string& words) {
  return d.message.find(words) != std::string::npos;
}

monitor::Instrument survey() {
  auto r = monitor::parse_instrument(kSurvey, "sustainability.toml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.instrument);
  return *r.instrument;
}

}  // namespace

TEST_CASE("parse_instrument: a good file, with defaults for min, max and weight") {
  auto ins = survey();
  CHECK(ins.name == "Test survey");
  CHECK(ins.version == "2");
  CHECK(ins.note.empty());
  REQUIRE(ins.questions.size() == 4);
  CHECK(ins.questions[0].id == "e1");
  CHECK(ins.questions[0].weight == 2);
  CHECK(ins.questions[1].min == 0);
  CHECK(ins.questions[1].max == 4);
  CHECK(ins.questions[1].weight == 1);
  CHECK(ins.questions[2].min == 1);
  CHECK(ins.questions[2].max == 5);
  REQUIRE(ins.question("s1") != nullptr);
  CHECK(ins.question("s1")->dimension == "social");
  CHECK(ins.question("nope") == nullptr);
  REQUIRE(ins.thresholds.size() == 2);
  CHECK(ins.label(0) == "low");
  CHECK(ins.label(0.49) == "low");
  CHECK(ins.label(0.5) == "high");
  CHECK(ins.label(1) == "high");
}

TEST_CASE("parse_instrument: an unknown key, at its line and column") {
  auto p = problems_of(replace(kSurvey, "version = \"2\"\n", "version = \"2\"\ncolour = \"blue\"\n"));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "unknown key \"colour\""));
  CHECK(p[0].line == 3);
  CHECK(p[0].column == 1);

  auto q = problems_of(replace(kSurvey, "text = \"Work?\"\n", "text = \"Work?\"\n  wieght = 3\n"));
  REQUIRE(q.size() == 1);
  CHECK(mentions(q[0], "unknown key \"wieght\" in a [[questions]] entry"));
  CHECK(q[0].line == 14);
  CHECK(q[0].column == 3);
}

TEST_CASE("parse_instrument: a missing name, and a question without its text") {
  auto p = problems_of(replace(kSurvey, "name = \"Test survey\"\n", ""));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "missing \"name\""));
  CHECK(p[0].line == 1);  // the top-level table

  auto q = problems_of(replace(kSurvey, "text = \"Housing?\"\n", ""));
  REQUIRE(q.size() == 1);
  CHECK(mentions(q[0], "missing \"text\""));
  CHECK(q[0].line == 15);  // at the [[questions]] entry that lacks it, not at the top
  CHECK(q[0].column == 1);
}

TEST_CASE("parse_instrument: a value of the wrong type") {
  auto p = problems_of(replace(kSurvey, "version = \"2\"", "version = 2"));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "\"version\" must be text"));
  CHECK(p[0].line == 2);
  auto q = problems_of(replace(kSurvey, "weight = 2", "weight = \"2\""));
  REQUIRE(q.size() == 1);
  CHECK(mentions(q[0], "\"weight\" must be a number"));
  CHECK(q[0].line == 8);
}

TEST_CASE("parse_instrument: a scale end too large for a whole number is refused, not cut") {
  auto p = problems_of(replace(kSurvey, "max = 5", "max = 4294967301"));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "\"max\" = 4294967301 is outside"));
}

TEST_CASE("parse_instrument: thresholds that do not rise") {
  auto p = problems_of(replace(kSurvey, "below = 1.01", "below = 0.5"));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "thresholds must rise"));
  CHECK(p[0].line == 33);  // the second threshold's "below"
}

TEST_CASE("parse_instrument: a question listed twice") {
  auto p = problems_of(replace(kSurvey, "id = \"e2\"", "id = \"e1\""));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "question e1 is listed twice"));
  CHECK(p[0].line == 11);  // the second one's id, not the first
}

TEST_CASE("parse_instrument: a dimension that is not one of the three") {
  auto p = problems_of(replace(kSurvey, "dimension = \"social\"", "dimension = \"cultural\""));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "question s1: dimension \"cultural\""));
  CHECK(p[0].line == 17);  // at the bad value, not at [[questions]]
  CHECK(p[0].column == 13);
}

TEST_CASE("parse_instrument: a scale that does not rise, or a weight that is not positive") {
  auto p = problems_of(replace(kSurvey, "max = 5", "max = 1"));  // min = 1
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "question s1: the scale must rise"));
  CHECK(p[0].line == 20);  // max
  auto q = problems_of(replace(kSurvey, "max = 3", "min = 3\nmax = 3"));
  REQUIRE(q.size() == 1);
  CHECK(mentions(q[0], "question p1"));
  auto w = problems_of(replace(kSurvey, "weight = 2", "weight = 0"));
  REQUIRE(w.size() == 1);
  CHECK(mentions(w[0], "question e1"));
  CHECK(w[0].line == 8);  // weight
}

TEST_CASE("parse_instrument: every problem in one run, and TOML syntax errors located") {
  std::string text = replace(kSurvey, "name = \"Test survey\"\n", "");
  text = replace(text, "dimension = \"social\"", "dimension = \"cultural\"");
  text = replace(text, "below = 1.01", "below = 0.1");
  auto p = problems_of(text);
  CHECK(p.size() == 3);

  auto syntax = problems_of("name = \"x\nversion = \"1\"\n");
  REQUIRE(syntax.size() == 1);
  CHECK(mentions(syntax[0], "TOML syntax error"));
  CHECK(syntax[0].line == 1);

  auto empty = problems_of("name = \"x\"\nversion = \"1\"\n");
  REQUIRE(empty.size() == 2);  // no [[questions]], no [[thresholds]]
  CHECK(mentions(empty[0], "missing [[questions]]"));
  CHECK(mentions(empty[1], "missing [[thresholds]]"));
}

TEST_CASE("load_instrument: a missing file is a problem that names it") {
  care::test::TempDir dir;
  auto r = monitor::load_instrument((dir.path() / "sustainability.toml").string(), "sustainability.toml");
  CHECK_FALSE(r.instrument);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].file == "sustainability.toml");
  care::test::spit(dir.path() / "sustainability.toml", kSurvey);
  auto ok = monitor::load_instrument((dir.path() / "sustainability.toml").string(), "sustainability.toml");
  CHECK(ok.problems.empty());
  CHECK(ok.instrument.has_value());
}

TEST_CASE("parse_instrument: a scale end past 32 bits is refused at its value, not wrapped") {
  // 4294967297 would wrap to 1 in an int, and the scale 0..1 would then pass.
  auto p = problems_of(replace(kSurvey, "max = 3", "max = 4294967297"));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "\"max\" = 4294967297 is outside"));
  CHECK(p[0].line == 26);
  CHECK(p[0].column == 7);
  CHECK(problems_of(replace(kSurvey, "min = 1", "min = -9223372036854775808")).size() == 1);
}

TEST_CASE("parse_instrument: a bad question id is reported at the id") {
  auto p = problems_of(replace(kSurvey, "id = \"e2\"", "id = \"e 2\""));
  REQUIRE(p.size() == 1);
  CHECK(mentions(p[0], "question id \"e 2\" may hold only"));
  CHECK(p[0].line == 11);
  CHECK(p[0].column == 6);
}

TEST_CASE("load_instrument: only a regular file of a survey's size is read") {
  care::test::TempDir dir;
  const auto file = dir.path() / "sustainability.toml";
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);  // would hang a plain read: no writer
  auto fifo = monitor::load_instrument(file.string(), "sustainability.toml");
  REQUIRE(fifo.problems.size() == 1);
  CHECK(mentions(fifo.problems[0], "it is a named pipe (FIFO), not a regular file"));
  std::filesystem::remove(file);

  care::test::spit(file, kSurvey + std::string(monitor::kMaxInstrumentBytes, '#'));
  auto big = monitor::load_instrument(file.string(), "sustainability.toml");
  REQUIRE(big.problems.size() == 1);
  CHECK(mentions(big.problems[0], "larger than 262144 bytes"));
  auto parsed = monitor::parse_instrument(kSurvey + std::string(monitor::kMaxInstrumentBytes, '#'), "s.toml");
  CHECK(parsed.problems.size() == 1);  // refused before any TOML is parsed
}

TEST_CASE("example_instrument: parses, says it is an example, and has the three dimensions") {
  auto r = monitor::parse_instrument(monitor::example_instrument(), "sustainability.toml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.instrument);
  const auto& ins = *r.instrument;
  CHECK_FALSE(ins.name.empty());
  CHECK_FALSE(ins.version.empty());
  CHECK(ins.note.find("not an official") != std::string::npos);
  for (auto d : monitor::kDimensions) {
    bool found = false;
    for (const auto& q : ins.questions) found = found || q.dimension == d;
    CHECK_MESSAGE(found, "no question in dimension ", d);
  }
  CHECK_FALSE(ins.thresholds.empty());
}

// --- score -----------------------------------------------------------------------

TEST_CASE("score: the weighted mean per dimension, scaled to 0..1, two decimals") {
  auto ins = survey();
  std::vector<std::string> problems;
  // economic: (2 * 3/4 + 1 * 1/4) / 3 = 0.5833...; social: (2 - 1) / (5 - 1) = 0.25; psychosocial: 2/3.
  auto s = monitor::score(ins, {{"e1", 3}, {"e2", 1}, {"s1", 2}, {"p1", 2}}, problems);
  CHECK(problems.empty());
  REQUIRE(s.economic);
  REQUIRE(s.social);
  REQUIRE(s.psychosocial);
  CHECK(*s.economic == doctest::Approx(0.58).epsilon(1e-12));
  CHECK(*s.social == doctest::Approx(0.25).epsilon(1e-12));
  CHECK(*s.psychosocial == doctest::Approx(0.67).epsilon(1e-12));

  auto ends = monitor::score(ins, {{"e1", 0}, {"e2", 0}, {"s1", 5}}, problems);
  CHECK(problems.empty());
  CHECK(*ends.economic == 0);
  CHECK(*ends.social == 1);
  CHECK_FALSE(ends.psychosocial.has_value());  // no answer, no score
}

TEST_CASE("score: a scale wider than an int holds is scored without overflow") {
  // Seen through the survey_read fuzz target under UBSan: signed overflow in max - min.
  auto ins = survey();
  ins.questions = {{"w", "economic", "wide", -2'000'000'000, 2'000'000'000, 1}};
  std::vector<std::string> problems;
  auto s = monitor::score(ins, {{"w", 2'000'000'000}}, problems);
  CHECK(problems.empty());
  REQUIRE(s.economic);
  CHECK(*s.economic == 1);
}

TEST_CASE("score: an unknown question and an answer off its scale are problems; the rest is scored") {
  auto ins = survey();
  std::vector<std::string> problems;
  auto s = monitor::score(ins, {{"e1", 4}, {"x9", 2}, {"s1", 0}, {"p1", 4}}, problems);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "\"x9\" is not a question of Test survey version 2");
  CHECK(problems[1] == "answer 0 to s1 is outside its scale 1 to 5");
  CHECK(problems[2] == "answer 4 to p1 is outside its scale 0 to 3");
  REQUIRE(s.economic);
  CHECK(*s.economic == 1);
  CHECK_FALSE(s.social.has_value());
  CHECK_FALSE(s.psychosocial.has_value());
}

TEST_CASE("score: the example survey") {
  auto ins = *monitor::parse_instrument(monitor::example_instrument(), "sustainability.toml").instrument;
  std::vector<std::string> problems;
  auto s = monitor::score(ins, {{"econ.income", 3}, {"econ.work", 1}, {"social.housing", 4}, {"psy.wellbeing", 1},
                                {"psy.safety", 2}},
                          problems);
  CHECK(problems.empty());
  CHECK(*s.economic == doctest::Approx(0.58).epsilon(1e-12));  // (2*0.75 + 0.25) / 3
  CHECK(*s.social == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(*s.psychosocial == doctest::Approx(0.38).epsilon(1e-12));  // 0.375 rounds half up
}
