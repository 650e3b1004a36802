// care-intake minor's issue-9 sections (views, care arrangement, follow-up,
// transition) and care-intake identification (trafficking, residence,
// proceedings) below their flags: what each flag writes, what is refused
// and why, and that every value the flags accept passes the schemas.
// All records here are invented.
#include <doctest/doctest.h>

#include <string>

#include "doc/yaml_io.h"
#include "intake/safeguards.h"
#include "records/fields.h"
#include "records/kind.h"
#include "schema/catalog.h"

using care::doc::Node;
using care::intake::IdentificationFlags;
using care::intake::MinorSafeguardFlags;
using care::records::text;

namespace {

Node yaml(const std::string& s) {
  auto parsed = care::doc::parse(s, "<test>");
  REQUIRE_MESSAGE(parsed.root.has_value(), "the test's YAML does not parse");
  return *parsed.root;
}

Node minor_record() {
  return yaml("kind: minor\nversion: 1\ncase: AT-2014-002\nguardian:\n  appointed: \"2014-04-02\"\n"
              "  type: legal_guardian\n");
}

Node case_record() {
  return yaml("kind: case\nversion: 1\nid: AT-2014-001\noffice: AT\nreferral:\n  date: \"2014-03-03\"\n"
              "  organisation_kind: shelter\nhost_country: AT\nnationality: NG\nreturn_country: NG\nsex: female\n"
              "date_of_birth: \"1990-06-15\"\neligibility:\n  status: eligible\n  checked: \"2014-03-03\"\n"
              "consents:\n  - purpose: data_processing\n    action: granted\n    date: \"2014-03-03\"\n"
              "    given_by: person\n");
}

bool valid(const Node& record, care::records::Kind kind) {
  auto problems = care::schema::validate(care::schema::catalog(), record,
                                         care::schema::uri_for(care::records::info(kind).schema_file));
  for (const auto& p : problems) MESSAGE(p.message);
  return problems.empty();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

IdentificationFlags id_flags() {
  IdentificationFlags f;
  f.id = "AT-2014-001";
  return f;
}

}  // namespace

TEST_SUITE("intake::apply_minor_safeguards") {
  TEST_CASE("every flag writes its field, and the record passes its schema") {
    Node r = minor_record();
    MinorSafeguardFlags f;
    f.views_heard = "2014-04-12";
    f.views_heard_by = "social worker, child protection unit";
    f.wants_return = "yes";
    f.wants_tracing = "undecided";
    f.wants_to_live = "with an aunt in the home town";
    f.views_note = "asked to finish the school year first";
    f.lives_with = "relatives";
    f.lives_place = "Benin City";
    f.care_note = "the aunt's household";
    f.follow_up_organisation = "Example municipal centre for social work (fictional)";
    f.follow_up_role = "social worker";
    f.follow_up_agreed = "2014-04-27";
    f.transition_date = "2014-05-01";
    f.transition_reason = "turned 18; the guardian agreed the adult procedure applies";
    CHECK(care::intake::apply_minor_safeguards(r, f).empty());
    CHECK(text(r, "views.heard") == "2014-04-12");
    CHECK(text(r, "views.heard_by") == "social worker, child protection unit");
    CHECK(text(r, "views.wants_return") == "yes");
    CHECK(text(r, "views.wants_tracing") == "undecided");
    CHECK(text(r, "views.wants_to_live") == "with an aunt in the home town");
    CHECK(text(r, "views.note") == "asked to finish the school year first");
    CHECK(text(r, "care_arrangement.lives_with") == "relatives");
    CHECK(text(r, "care_arrangement.place") == "Benin City");
    CHECK(text(r, "care_arrangement.note") == "the aunt's household");
    CHECK(text(r, "follow_up.organisation") == "Example municipal centre for social work (fictional)");
    CHECK(text(r, "follow_up.role") == "social worker");
    CHECK(text(r, "follow_up.agreed") == "2014-04-27");
    CHECK(text(r, "transition.date") == "2014-05-01");
    CHECK(text(r, "transition.reason") == "turned 18; the guardian agreed the adult procedure applies");
    CHECK(valid(r, care::records::Kind::Minor));
  }

  TEST_CASE("no flag: the record is untouched") {
    Node r = minor_record();
    CHECK(care::intake::apply_minor_safeguards(r, {}).empty());
    CHECK(r.find("views") == nullptr);
    CHECK(r.find("care_arrangement") == nullptr);
  }

  TEST_CASE("views first written without heard or heard_by: refused, naming the missing flag, nothing changed") {
    Node r = minor_record();
    MinorSafeguardFlags f;
    f.wants_return = "no";
    f.views_heard = "2014-04-12";
    auto problem = care::intake::apply_minor_safeguards(r, f);
    CHECK(has(problem, "--views-heard-by"));
    CHECK_FALSE(has(problem, "--views-heard and"));
    CHECK(r.find("views") == nullptr);
    MinorSafeguardFlags g;
    g.wants_tracing = "yes";
    problem = care::intake::apply_minor_safeguards(r, g);
    CHECK(has(problem, "--views-heard and --views-heard-by"));
  }

  TEST_CASE("views already recorded: one answer can be changed alone, the others are kept") {
    Node r = minor_record();
    MinorSafeguardFlags f;
    f.views_heard = "2014-04-12";
    f.views_heard_by = "guardian";
    f.wants_return = "undecided";
    REQUIRE(care::intake::apply_minor_safeguards(r, f).empty());
    MinorSafeguardFlags g;
    g.wants_return = "yes";
    CHECK(care::intake::apply_minor_safeguards(r, g).empty());
    CHECK(text(r, "views.wants_return") == "yes");
    CHECK(text(r, "views.heard") == "2014-04-12");
    CHECK(text(r, "views.heard_by") == "guardian");
  }

  TEST_CASE("each other section names its required flags when first written") {
    Node r = minor_record();
    MinorSafeguardFlags a;
    a.lives_place = "Benin City";
    CHECK(has(care::intake::apply_minor_safeguards(r, a), "--lives-with"));
    MinorSafeguardFlags b;
    b.follow_up_role = "social worker";
    CHECK(has(care::intake::apply_minor_safeguards(r, b), "--follow-up-organisation and --follow-up-agreed"));
    MinorSafeguardFlags c;
    c.transition_date = "2014-05-01";
    CHECK(has(care::intake::apply_minor_safeguards(r, c), "--transition-reason"));
    CHECK(r.find("care_arrangement") == nullptr);
    CHECK(r.find("follow_up") == nullptr);
    CHECK(r.find("transition") == nullptr);
  }

  TEST_CASE("a date that is not a date is refused by its flag, and nothing of the run is kept") {
    Node r = minor_record();
    MinorSafeguardFlags f;
    f.lives_with = "parents";
    f.follow_up_organisation = "Example service (fictional)";
    f.follow_up_agreed = "2014-02-30";
    auto problem = care::intake::apply_minor_safeguards(r, f);
    CHECK(has(problem, "--follow-up-agreed"));
    CHECK(has(problem, "is not a date"));
    CHECK(r.find("care_arrangement") == nullptr);
  }

  TEST_CASE("every value of the enumerated flags passes the schema") {
    for (const auto& answer : care::intake::views_answers())
      for (const auto& whom : care::intake::lives_with_values()) {
        Node r = minor_record();
        MinorSafeguardFlags f;
        f.views_heard = "2014-04-12";
        f.views_heard_by = "guardian";
        f.wants_return = answer;
        f.wants_tracing = answer;
        f.lives_with = whom;
        REQUIRE(care::intake::apply_minor_safeguards(r, f).empty());
        CHECK(valid(r, care::records::Kind::Minor));
      }
  }
}

TEST_SUITE("intake::apply_identification") {
  TEST_CASE("trafficking and residence: each flag writes its field, and case.yaml passes its schema") {
    Node r = case_record();
    auto f = id_flags();
    f.trafficking_status = "identified";
    f.identified_by = "police";
    f.identified_on = "2014-03-04";
    f.residence = "reflection_period";
    f.residence_from = "2014-03-04";
    f.residence_until = "2014-06-01";
    f.residence_note = "reflection period of 90 days";
    CHECK(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
    CHECK(text(r, "trafficking.status") == "identified");
    CHECK(text(r, "trafficking.identified_by") == "police");
    CHECK(text(r, "trafficking.date") == "2014-03-04");
    CHECK(text(r, "residence.status") == "reflection_period");
    CHECK(text(r, "residence.from") == "2014-03-04");
    CHECK(text(r, "residence.until") == "2014-06-01");
    CHECK(text(r, "residence.note") == "reflection period of 90 days");
    CHECK(valid(r, care::records::Kind::Case));
  }

  TEST_CASE("identified without who or when: a usage problem naming the flags") {
    Node r = case_record();
    auto f = id_flags();
    f.trafficking_status = "identified";
    auto p = care::intake::apply_identification(r, f, "2014-12-31");
    CHECK(p.usage);
    CHECK(has(p.message, "--identified-by KIND and --identified-on DATE"));
    CHECK(r.find("trafficking") == nullptr);
    f.trafficking_status = "presumed";
    CHECK(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
    CHECK(valid(r, care::records::Kind::Case));
  }

  TEST_CASE("who identified, with no status yet: names --trafficking-status") {
    Node r = case_record();
    auto f = id_flags();
    f.identified_by = "ngo";
    auto p = care::intake::apply_identification(r, f, "2014-12-31");
    CHECK(p.usage);
    CHECK(has(p.message, "--trafficking-status"));
  }

  TEST_CASE("a new status starts its section afresh; the same status keeps the other fields") {
    Node r = case_record();
    auto f = id_flags();
    f.residence = "reflection_period";
    f.residence_from = "2014-03-04";
    f.residence_until = "2014-06-01";
    f.residence_note = "90 days";
    REQUIRE(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
    auto same = id_flags();
    same.residence = "reflection_period";
    same.residence_note = "90 days, extended";
    REQUIRE(care::intake::apply_identification(r, same, "2014-12-31").message.empty());
    CHECK(text(r, "residence.until") == "2014-06-01");
    CHECK(text(r, "residence.note") == "90 days, extended");
    auto permit = id_flags();
    permit.residence = "residence_permit";
    permit.residence_from = "2014-06-02";
    REQUIRE(care::intake::apply_identification(r, permit, "2014-12-31").message.empty());
    CHECK(text(r, "residence.status") == "residence_permit");
    CHECK(text(r, "residence.from") == "2014-06-02");
    CHECK(r.find("residence")->find("until") == nullptr);
    CHECK(r.find("residence")->find("note") == nullptr);
    auto presumed = id_flags();
    presumed.trafficking_status = "identified";
    presumed.identified_by = "ngo";
    presumed.identified_on = "2014-03-05";
    REQUIRE(care::intake::apply_identification(r, presumed, "2014-12-31").message.empty());
    auto not_identified = id_flags();
    not_identified.trafficking_status = "not_identified";
    REQUIRE(care::intake::apply_identification(r, not_identified, "2014-12-31").message.empty());
    CHECK(r.find("trafficking")->find("identified_by") == nullptr);
  }

  TEST_CASE("residence: until before from, and bad dates, are usage problems") {
    Node r = case_record();
    auto f = id_flags();
    f.residence = "residence_permit";
    f.residence_from = "2014-06-01";
    f.residence_until = "2014-03-01";
    auto p = care::intake::apply_identification(r, f, "2014-12-31");
    CHECK(p.usage);
    CHECK(has(p.message, "--residence-until"));
    f.residence_until = "June";
    CHECK(has(care::intake::apply_identification(r, f, "2014-12-31").message, "is not a date"));
    CHECK(r.find("residence") == nullptr);
  }

  TEST_CASE("proceedings: added open, then closed by number on the given day or today") {
    Node r = case_record();
    auto f = id_flags();
    f.proceedings = "witness";
    f.proceedings_since = "2014-03-10";
    f.proceedings_note = "trial at the regional court";
    REQUIRE(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
    auto g = id_flags();
    g.proceedings = "injured_party";
    REQUIRE(care::intake::apply_identification(r, g, "2014-12-31").message.empty());
    const auto& list = care::records::list(r, "proceedings");
    REQUIRE(list.size() == 2);
    CHECK(text(list[0], "role") == "witness");
    CHECK(text(list[0], "status") == "open");
    CHECK(text(list[0], "since") == "2014-03-10");
    CHECK(text(list[0], "note") == "trial at the regional court");
    CHECK(text(list[1], "role") == "injured_party");
    CHECK(list[1].find("since") == nullptr);
    CHECK(valid(r, care::records::Kind::Case));

    auto close = id_flags();
    close.close_proceedings = 2;
    REQUIRE(care::intake::apply_identification(r, close, "2014-12-31").message.empty());
    CHECK(text(care::records::list(r, "proceedings")[1], "status") == "closed");
    CHECK(text(care::records::list(r, "proceedings")[1], "closed") == "2014-12-31");
    close.close_proceedings = 1;
    close.proceedings_closed = "2014-11-20";
    REQUIRE(care::intake::apply_identification(r, close, "2014-12-31").message.empty());
    CHECK(text(care::records::list(r, "proceedings")[0], "closed") == "2014-11-20");
    CHECK(valid(r, care::records::Kind::Case));
  }

  TEST_CASE("closing proceedings that are not there, or closed already, is a refusal (not usage)") {
    Node r = case_record();
    auto close = id_flags();
    close.close_proceedings = 1;
    auto p = care::intake::apply_identification(r, close, "2014-12-31");
    CHECK_FALSE(p.usage);
    CHECK(has(p.message, "AT-2014-001 has 0 proceedings recorded: there is no entry 1 to close"));
    auto add = id_flags();
    add.proceedings = "witness";
    REQUIRE(care::intake::apply_identification(r, add, "2014-12-31").message.empty());
    REQUIRE(care::intake::apply_identification(r, close, "2014-12-01").message.empty());
    p = care::intake::apply_identification(r, close, "2014-12-31");
    CHECK_FALSE(p.usage);
    CHECK(has(p.message, "already closed on 2014-12-01"));
  }

  TEST_CASE("closing before the proceedings began, or flags without their main flag: usage problems") {
    Node r = case_record();
    auto add = id_flags();
    add.proceedings = "defendant";
    add.proceedings_since = "2014-05-01";
    REQUIRE(care::intake::apply_identification(r, add, "2014-12-31").message.empty());
    auto close = id_flags();
    close.close_proceedings = 1;
    close.proceedings_closed = "2014-04-01";
    auto p = care::intake::apply_identification(r, close, "2014-12-31");
    CHECK(p.usage);
    CHECK(has(p.message, "--proceedings-closed"));
    CHECK(text(care::records::list(r, "proceedings")[0], "status") == "open");
    auto since_alone = id_flags();
    since_alone.proceedings_since = "2014-05-01";
    CHECK(has(care::intake::apply_identification(r, since_alone, "2014-12-31").message, "give --proceedings ROLE"));
    auto closed_alone = id_flags();
    closed_alone.proceedings_closed = "2014-05-01";
    CHECK(has(care::intake::apply_identification(r, closed_alone, "2014-12-31").message, "--close-proceedings N"));
  }

  TEST_CASE("any_identification: nothing given, or something") {
    CHECK_FALSE(care::intake::any_identification(id_flags()));
    auto f = id_flags();
    f.close_proceedings = 1;
    CHECK(care::intake::any_identification(f));
  }

  TEST_CASE("every value of the enumerated flags passes the schema") {
    for (const auto& status : care::intake::trafficking_statuses())
      for (const auto& kind : care::intake::identifying_kinds()) {
        Node r = case_record();
        auto f = id_flags();
        f.trafficking_status = status;
        f.identified_by = kind;
        f.identified_on = "2014-03-04";
        REQUIRE(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
        CHECK(valid(r, care::records::Kind::Case));
      }
    for (const auto& status : care::intake::residence_statuses())
      for (const auto& role : care::intake::proceedings_roles()) {
        Node r = case_record();
        auto f = id_flags();
        f.residence = status;
        f.proceedings = role;
        REQUIRE(care::intake::apply_identification(r, f, "2014-12-31").message.empty());
        CHECK(valid(r, care::records::Kind::Case));
      }
  }
}
