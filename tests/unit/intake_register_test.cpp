// care-intake new below its flags: assembling the records from flags and
// --from input, the fields still missing, numbering case IDs per office and
// year, eligibility against care.toml, and registering a case in a scratch
// case folder. All people here are invented.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/session.h"
#include "doc/yaml_io.h"
#include "folder/config.h"
#include "intake/eligibility.h"
#include "intake/register.h"
#include "records/fields.h"
#include "records/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::doc::Node;
using care::intake::NewCaseInput;
using care::test::slurp;
using care::test::spit;
using care::test::TempDir;

namespace {

std::string toml(int assessed = 260, bool commit = false) {
  return R"t(format = 1
[program]
name = "Intake test program (fictional)"
start = 2013-09-02
end = 2016-02-29
host_countries = ["AT", "FR", "PT", "ES", "GB"]
eu_countries = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR",
                "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
[targets]
assisted = 130
minors = 10
assessed = )t" + std::to_string(assessed) + R"t(
[budget]
cap_per_person = "3000.00"
currency = "EUR"
[git]
commit = )t" + (commit ? "true" : "false") + "\n";
}

care::folder::Config config_of(const std::string& text) {
  auto parsed = care::folder::parse_config(text, "care.toml");
  REQUIRE_MESSAGE(parsed.config.has_value(), "the test's care.toml does not parse");
  return *parsed.config;
}

// A case.yaml of an eligible adult; `status` "ineligible" marks a closed referral.
std::string case_yaml(const std::string& id, const std::string& birth = "1990-06-15",
                      const std::string& status = "eligible") {
  std::string office = id.substr(0, 2);
  std::string s = "kind: case\nversion: 1\nid: " + id + "\noffice: " + office +
                  "\nreferral:\n  date: \"2014-03-03\"\n  organisation_kind: shelter\nhost_country: " + office +
                  "\nnationality: NG\nreturn_country: NG\nsex: female\ndate_of_birth: \"" + birth +
                  "\"\neligibility:\n  status: " + status + "\n  checked: \"2014-03-03\"\n";
  if (status == "ineligible") s += "  reason: nationality DE is an EU country\n";
  return s + "consents:\n  - purpose: data_processing\n    action: granted\n    date: \"2014-03-03\"\n"
             "    given_by: person\n";
}

std::string identity_yaml(const std::string& id, const std::string& given, const std::string& family) {
  return "kind: identity\nversion: 1\ncase: " + id + "\nnames:\n  given: " + given + "\n  family: " + family + "\n";
}

// A scratch case folder: care.toml and the given cases.
struct Scratch {
  TempDir dir;
  std::string toml_text;
  explicit Scratch(std::string t = toml()) : toml_text(std::move(t)) {
    spit(dir.path() / "care.toml", toml_text);
    fs::create_directories(dir.path() / "cases");
  }
  void add(const std::string& id, const std::string& birth = "1990-06-15", const std::string& status = "eligible",
           const std::string& given = "Example", const std::string& family = "Person-One") {
    spit(dir.path() / "cases" / id / "case.yaml", case_yaml(id, birth, status));
    spit(dir.path() / "cases" / id / "identity.yaml", identity_yaml(id, given, family));
  }
  care::records::Folder folder() const {
    auto loaded = care::records::load(dir.path(), config_of(toml_text), dir.path());
    return std::move(loaded.folder);
  }
  care::cli::Session session(const std::string& today = "2015-12-31") const {
    return care::cli::Session{dir.path(), dir.path(), config_of(toml_text), *care::util::Date::parse(today), {}};
  }
  bool has(const std::string& relative) const { return fs::exists(dir.path() / relative); }
};

// The flags of an eligible adult, referred in Austria.
NewCaseInput adult() {
  NewCaseInput in;
  in.host = "AT";
  in.nationality = "NG";
  in.return_country = "NG";
  in.sex = "female";
  in.birth = "1992-04-01";
  in.referral_date = "2014-03-05";
  in.organisation = "Example Shelter (fictional)";
  in.organisation_kind = "shelter";
  in.consents = {"data_processing"};
  in.given = "Example";
  in.family = "Person-Nine";
  return in;
}

Node yaml(const std::string& text) {
  auto parsed = care::doc::parse(text, "<input>");
  REQUIRE_MESSAGE(parsed.root.has_value(), "the test's YAML does not parse");
  return *parsed.root;
}

std::vector<std::string> flags_of(const std::vector<care::intake::Needed>& needed) {
  std::vector<std::string> out;
  for (const auto& n : needed) out.push_back(n.flag);
  return out;
}

bool has_code(const care::diag::Diagnostics& all, const std::string& code) {
  return std::any_of(all.begin(), all.end(), [&](const auto& d) { return d.code == code; });
}

using care::records::text;

}  // namespace

TEST_SUITE("intake::assemble") {
  TEST_CASE("flags fill the case record; names go to the identity record only") {
    NewCaseInput in = adult();
    in.age_uncertain = true;
    in.exploitation = {"forced_labour", "begging"};
    in.notes = "Referred after a labour inspection.";
    in.other_names = {"Example Alias-Nine"};
    in.phones = {"+000 555 0109"};
    in.emails = {"person-nine@example.invalid"};
    in.address_lines = {"9 Example Lane (fictional)", "Example Town"};
    in.address_country = "AT";
    in.documents = {"passport=X0000009"};
    auto d = care::intake::assemble(in);
    CHECK(d.problems.empty());
    const Node& r = d.case_record;
    CHECK(text(r, "host_country") == "AT");
    CHECK(text(r, "nationality") == "NG");
    CHECK(text(r, "return_country") == "NG");
    CHECK(text(r, "sex") == "female");
    CHECK(text(r, "date_of_birth") == "1992-04-01");
    CHECK(text(r, "referral.date") == "2014-03-05");
    CHECK(text(r, "referral.organisation") == "Example Shelter (fictional)");
    CHECK(text(r, "referral.organisation_kind") == "shelter");
    CHECK(text(r, "notes") == "Referred after a labour inspection.");
    CHECK(care::records::flag(r, "age_uncertain") == true);
    REQUIRE(care::records::list(r, "exploitation").size() == 2);
    CHECK(care::records::list(r, "exploitation")[1].text() == "begging");
    CHECK_FALSE(r.find("names"));
    CHECK_FALSE(r.find("identity"));

    REQUIRE(d.identity.has_value());
    const Node& id = *d.identity;
    CHECK(text(id, "names.given") == "Example");
    CHECK(text(id, "names.family") == "Person-Nine");
    CHECK(care::records::list(id, "names.other")[0].text() == "Example Alias-Nine");
    const auto& contacts = care::records::list(id, "contacts");
    REQUIRE(contacts.size() == 2);
    CHECK(text(contacts[0], "type") == "phone");
    CHECK(text(contacts[0], "value") == "+000 555 0109");
    CHECK(text(contacts[1], "type") == "email");
    const auto& addresses = care::records::list(id, "addresses");
    REQUIRE(addresses.size() == 1);
    CHECK(text(addresses[0], "country") == "AT");
    CHECK(care::records::list(addresses[0], "lines").size() == 2);
    const auto& documents = care::records::list(id, "documents");
    REQUIRE(documents.size() == 1);
    CHECK(text(documents[0], "type") == "passport");
    CHECK(text(documents[0], "number") == "X0000009");
  }

  TEST_CASE("the consents are not part of the assembled draft (they are added when registering)") {
    auto d = care::intake::assemble(adult());
    CHECK_FALSE(d.case_record.find("consents"));
  }

  TEST_CASE("no identifier given: no identity record") {
    NewCaseInput in = adult();
    in.given.clear();
    in.family.clear();
    auto d = care::intake::assemble(in);
    CHECK_FALSE(d.identity.has_value());
  }

  TEST_CASE("--from: the identity mapping is split off; flags win over the file") {
    NewCaseInput in;
    in.from = yaml(R"(host_country: PT
nationality: BR
return_country: BR
sex: male
date_of_birth: "1985-01-20"
referral:
  date: "2014-04-02"
  organisation_kind: ngo
identity:
  names:
    given: Example
    family: Person-Fourteen
)");
    in.nationality = "AO";
    in.phones = {"+000 555 0114"};
    auto d = care::intake::assemble(in);
    CHECK(d.problems.empty());
    CHECK_FALSE(d.case_record.find("identity"));
    CHECK(text(d.case_record, "nationality") == "AO");
    CHECK(text(d.case_record, "referral.organisation_kind") == "ngo");
    REQUIRE(d.identity.has_value());
    CHECK(text(*d.identity, "names.family") == "Person-Fourteen");
    CHECK(care::records::list(*d.identity, "contacts").size() == 1);
  }

  TEST_CASE("--from with an id is a problem: the program gives the ID") {
    NewCaseInput in;
    in.from = yaml("id: AT-2014-009\nhost_country: AT\n");
    auto d = care::intake::assemble(in);
    CHECK(has_code(d.problems, "input.id"));
  }

  TEST_CASE("a document without TYPE=NUMBER is a problem") {
    for (std::string bad : {"passport", "=X0000001", "passport="}) {
      CAPTURE(bad);
      NewCaseInput in = adult();
      in.documents = {bad};
      auto d = care::intake::assemble(in);
      CHECK(has_code(d.problems, "input.document"));
    }
  }
}

TEST_SUITE("intake::missing_fields") {
  TEST_CASE("an empty record needs every required field, with its flag") {
    auto needed = care::intake::missing_fields(Node::mapping());
    CHECK(flags_of(needed) == std::vector<std::string>{"--host", "--nationality", "--return-country", "--sex",
                                                        "--birth", "--referral-date", "--referred-by-kind"});
    for (const auto& n : needed) CHECK_FALSE(n.question.empty());
  }

  TEST_CASE("a complete draft needs nothing") {
    auto d = care::intake::assemble(adult());
    CHECK(care::intake::missing_fields(d.case_record).empty());
  }

  TEST_CASE("only what is missing is asked for") {
    NewCaseInput in = adult();
    in.sex.clear();
    in.referral_date.clear();
    in.organisation_kind.clear();
    auto d = care::intake::assemble(in);
    auto needed = care::intake::missing_fields(d.case_record);
    CHECK(flags_of(needed) == std::vector<std::string>{"--sex", "--referral-date", "--referred-by-kind"});
    CHECK(needed[1].field == "referral.date");
  }

  TEST_CASE("fields given by --from count as given") {
    auto r = yaml("host_country: AT\nnationality: NG\nreturn_country: NG\nsex: male\ndate_of_birth: \"1980-01-01\"\n"
                  "referral:\n  date: \"2014-03-05\"\n  organisation_kind: self\n");
    CHECK(care::intake::missing_fields(r).empty());
  }
}

TEST_SUITE("intake::next_case_id") {
  TEST_CASE("an empty folder starts at 001") {
    Scratch s;
    auto f = s.folder();
    CHECK(care::intake::next_case_id(f, "AT", 2014) == "AT-2014-001");
  }

  TEST_CASE("numbered per office and year, after the highest number, gaps not filled") {
    Scratch s;
    s.add("AT-2014-001");
    s.add("AT-2014-007", "1990-06-15", "eligible", "Example", "Person-Seven");
    s.add("FR-2014-003", "1990-06-15", "eligible", "Example", "Person-Three");
    s.add("AT-2015-002", "1990-06-15", "eligible", "Example", "Person-Two");
    auto f = s.folder();
    REQUIRE(f.cases.size() == 4);
    CHECK(care::intake::next_case_id(f, "AT", 2014) == "AT-2014-008");
    CHECK(care::intake::next_case_id(f, "FR", 2014) == "FR-2014-004");
    CHECK(care::intake::next_case_id(f, "AT", 2015) == "AT-2015-003");
    CHECK(care::intake::next_case_id(f, "AT", 2013) == "AT-2013-001");
    CHECK(care::intake::next_case_id(f, "PT", 2014) == "PT-2014-001");
  }

  TEST_CASE("numbers grow past 999 and sort as numbers") {
    Scratch s;
    s.add("GB-2014-999");
    s.add("GB-2014-1000");
    auto f = s.folder();
    CHECK(care::intake::next_case_id(f, "GB", 2014) == "GB-2014-1001");
    CHECK(care::intake::next_case_id(f, "GB", 2015) == "GB-2015-001");
    REQUIRE(f.cases.size() == 2);
    CHECK(f.cases.begin()->first == "GB-2014-999");
    CHECK(f.cases.rbegin()->first == "GB-2014-1000");
  }

  TEST_CASE("each series is numbered on its own, and a folder in the way is skipped") {
    Scratch s;
    s.add("AT-2014-001");
    s.add("AT-2014-KQ-004");
    fs::create_directories(s.dir.path() / "cases" / "AT-2014-KQ-005");  // left empty by someone
    auto f = s.folder();
    CHECK(care::intake::next_case_id(f, "AT", 2014) == "AT-2014-002");
    CHECK(care::intake::next_case_id(f, "AT", 2014, "KQ") == "AT-2014-KQ-006");
    CHECK(care::intake::next_case_id(f, "AT", 2014, "ZZ") == "AT-2014-ZZ-001");
  }
}

TEST_SUITE("intake::ineligibility") {
  Node referral(const std::string& host, const std::string& nationality, const std::string& destination,
                const std::string& date) {
    Node r = Node::mapping();
    care::records::put_text(r, "host_country", host);
    care::records::put_text(r, "nationality", nationality);
    care::records::put_text(r, "return_country", destination);
    care::records::put_text(r, "referral.date", date);
    return r;
  }

  TEST_CASE("an eligible referral has no reason") {
    Scratch s;
    auto f = s.folder();
    CHECK(care::intake::ineligibility(referral("AT", "NG", "NG", "2014-03-05"), f).empty());
  }

  TEST_CASE("each rule gives its own reason") {
    Scratch s;
    auto f = s.folder();
    auto one = [&](const Node& r) {
      auto reasons = care::intake::ineligibility(r, f);
      REQUIRE(reasons.size() == 1);
      return reasons[0];
    };
    CHECK(one(referral("AT", "DE", "NG", "2014-03-05")).find("nationality DE") != std::string::npos);
    CHECK(one(referral("AT", "NG", "FR", "2014-03-05")).find("country of return FR") != std::string::npos);
    CHECK(one(referral("IT", "NG", "NG", "2014-03-05")).find("host country IT") != std::string::npos);
    CHECK(one(referral("AT", "NG", "NG", "2013-09-01")).find("outside the program") != std::string::npos);
    CHECK(one(referral("AT", "NG", "NG", "2016-03-01")).find("outside the program") != std::string::npos);
  }

  TEST_CASE("the program's first and last days are inside it") {
    Scratch s;
    auto f = s.folder();
    CHECK(care::intake::ineligibility(referral("AT", "NG", "NG", "2013-09-02"), f).empty());
    CHECK(care::intake::ineligibility(referral("AT", "NG", "NG", "2016-02-29"), f).empty());
  }

  TEST_CASE("a GB national is an EU national for a program that lists GB") {
    Scratch s;
    auto f = s.folder();
    CHECK(care::intake::ineligibility(referral("AT", "GB", "NG", "2014-03-05"), f).size() == 1);
  }

  TEST_CASE("several reasons at once") {
    Scratch s;
    auto f = s.folder();
    CHECK(care::intake::ineligibility(referral("IT", "DE", "FR", "2013-01-01"), f).size() == 4);
  }

  TEST_CASE("capacity is not a criterion: a full program gives no reason; eligible cases fill it, ineligible ones do not") {
    Scratch s(toml(2));
    s.add("AT-2014-001");
    s.add("AT-2014-002", "1990-06-15", "ineligible", "Example", "Person-Two");
    auto f = s.folder();
    CHECK_FALSE(care::intake::at_capacity(f));
    s.add("AT-2014-003", "1990-06-15", "eligible", "Example", "Person-Three");
    auto full = s.folder();
    CHECK(care::intake::at_capacity(full));
    CHECK(care::intake::ineligibility(referral("AT", "NG", "NG", "2014-03-05"), full).empty());
  }
}

TEST_SUITE("intake::register_case") {
  care::intake::Registration register_in(const Scratch& s, const NewCaseInput& in, bool dry_run = false) {
    auto folder = s.folder();
    return care::intake::register_case(s.session(), folder, care::intake::assemble(in), in, dry_run);
  }

  TEST_CASE("an eligible adult: case.yaml and identity.yaml, names only in identity.yaml") {
    Scratch s;
    auto r = register_in(s, adult());
    CHECK(r.outcome.exit_code == 0);
    CHECK(r.outcome.problems.empty());
    CHECK(r.id == "AT-2014-001");
    CHECK_FALSE(r.minor);
    CHECK(r.ineligible.empty());
    CHECK(r.duplicate_of.empty());
    REQUIRE(s.has("cases/AT-2014-001/case.yaml"));
    REQUIRE(s.has("cases/AT-2014-001/identity.yaml"));
    CHECK_FALSE(s.has("cases/AT-2014-001/closure.yaml"));
    std::string main = slurp(s.dir.path() / "cases/AT-2014-001/case.yaml");
    std::string identity = slurp(s.dir.path() / "cases/AT-2014-001/identity.yaml");
    CHECK(main.find("id: AT-2014-001") != std::string::npos);
    CHECK(main.find("office: AT") != std::string::npos);
    CHECK(main.find("status: eligible") != std::string::npos);
    CHECK(main.find("purpose: data_processing") != std::string::npos);
    CHECK(main.find("Person-Nine") == std::string::npos);
    CHECK(identity.find("case: AT-2014-001") != std::string::npos);
    CHECK(identity.find("family: Person-Nine") != std::string::npos);
    CHECK(fs::status(s.dir.path() / "cases/AT-2014-001/identity.yaml").permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write));
  }

  TEST_CASE("consents are dated at the referral, and given by both when asked") {
    Scratch s;
    NewCaseInput in = adult();
    in.birth = "2000-01-15";
    in.consents = {"data_processing", "assistance"};
    in.consent_by = "both";
    auto r = register_in(s, in);
    REQUIRE(r.outcome.exit_code == 0);
    CHECK(r.minor);
    auto f = s.folder();
    const auto& consents = care::records::list(f.cases.at(r.id).main->root, "consents");
    REQUIRE(consents.size() == 4);
    for (const auto& c : consents) CHECK(text(c, "date") == "2014-03-05");
    CHECK(text(consents[0], "given_by") == "person");
    CHECK(text(consents[1], "given_by") == "guardian");
  }

  TEST_CASE("the second case of an office and year gets the next number") {
    Scratch s;
    s.add("AT-2014-001", "1980-01-01", "eligible", "Example", "Person-One");
    auto r = register_in(s, adult());
    CHECK(r.id == "AT-2014-002");
    NewCaseInput fr = adult();
    fr.host = "FR";
    fr.family = "Person-Ten";
    CHECK(register_in(s, fr).id == "FR-2014-001");
  }

  TEST_CASE("minors: age at the referral date, the day of the 18th birthday is adult") {
    Scratch s;
    struct Row {
      const char* birth;
      bool uncertain;
      bool minor;
    };
    int n = 0;
    for (Row row : {Row{"1996-03-06", false, true}, Row{"1996-03-05", false, false}, Row{"1980-01-01", true, true},
                    Row{"2000-01-15", false, true}}) {
      CAPTURE(row.birth);
      NewCaseInput in = adult();
      in.birth = row.birth;
      in.age_uncertain = row.uncertain;
      in.family = "Person-Minor" + std::to_string(++n);
      auto r = register_in(s, in);
      REQUIRE(r.outcome.exit_code == 0);
      CHECK(r.minor == row.minor);
    }
  }

  TEST_CASE("ineligible: refused and nothing written, unless recorded as ineligible") {
    Scratch s;
    NewCaseInput in = adult();
    in.nationality = "DE";
    auto refused = register_in(s, in);
    CHECK(refused.outcome.exit_code == 1);
    REQUIRE(refused.ineligible.size() == 1);
    CHECK_FALSE(s.has("cases/AT-2014-001"));

    in.record_ineligible = true;
    auto kept = register_in(s, in);
    CHECK(kept.outcome.exit_code == 0);
    CHECK(kept.id == "AT-2014-001");
    CHECK(kept.ineligible.size() == 1);
    REQUIRE(s.has("cases/AT-2014-001/closure.yaml"));
    CHECK(slurp(s.dir.path() / "cases/AT-2014-001/closure.yaml").find("reason: ineligible_at_referral") !=
          std::string::npos);
    CHECK(slurp(s.dir.path() / "cases/AT-2014-001/case.yaml").find("status: ineligible") != std::string::npos);
  }

  TEST_CASE("a duplicate is refused; --force registers it") {
    Scratch s;
    s.add("AT-2014-001", "1992-04-01", "eligible", "example", "PERSON-NINE ");
    auto dup = register_in(s, adult());
    CHECK(dup.outcome.exit_code == 1);
    CHECK(dup.duplicate_of == "AT-2014-001");
    CHECK_FALSE(s.has("cases/AT-2014-002"));
    NewCaseInput forced = adult();
    forced.force = true;
    auto r = register_in(s, forced);
    CHECK(r.outcome.exit_code == 0);
    CHECK(r.id == "AT-2014-002");
    NewCaseInput other_office = adult();
    other_office.host = "FR";
    CHECK(register_in(s, other_office).duplicate_of.empty());
  }

  TEST_CASE("bad data is named as such, not judged for eligibility") {
    Scratch s;
    NewCaseInput in = adult();
    in.nationality = "UK";
    auto r = register_in(s, in);
    CHECK(r.outcome.exit_code == 1);
    CHECK_FALSE(r.outcome.problems.empty());
    CHECK(r.ineligible.empty());
    in.nationality = "NG";
    in.birth = "2014-02-30";
    CHECK_FALSE(register_in(s, in).outcome.problems.empty());
    CHECK_FALSE(s.has("cases/AT-2014-001"));
  }

  TEST_CASE("a referral after today is refused") {
    Scratch s;
    NewCaseInput in = adult();
    auto folder = s.folder();
    auto r = care::intake::register_case(s.session("2014-03-04"), folder, care::intake::assemble(in), in, false);
    CHECK(r.outcome.exit_code == 1);
    CHECK_FALSE(s.has("cases/AT-2014-001"));
  }

  TEST_CASE("a dry run writes nothing and previews both files") {
    Scratch s;
    auto r = register_in(s, adult(), true);
    CHECK(r.outcome.exit_code == 0);
    CHECK(r.id == "AT-2014-001");
    CHECK(r.outcome.written.empty());
    CHECK(r.outcome.preview.find("cases/AT-2014-001/case.yaml (not written: dry run)") != std::string::npos);
    CHECK(r.outcome.preview.find("cases/AT-2014-001/identity.yaml (not written: dry run; identity values are not shown)") != std::string::npos);
    CHECK_FALSE(s.has("cases/AT-2014-001"));
  }

  TEST_CASE("capacity reached: registered as eligible and waiting, not closed") {
    Scratch s(toml(1));
    s.add("AT-2014-001");
    auto r = register_in(s, adult());
    CHECK(r.outcome.exit_code == 0);
    CHECK(r.ineligible.empty());
    CHECK(r.waiting);
    REQUIRE(r.id == "AT-2014-002");
    auto written = yaml(slurp(s.dir.path() / "cases/AT-2014-002/case.yaml"));
    CHECK(text(written, "eligibility.status") == "eligible");
    CHECK(care::records::flag(written, "eligibility.waiting") == std::optional<bool>(true));
    CHECK_FALSE(s.has("cases/AT-2014-002/closure.yaml"));
  }

  TEST_CASE("room left: no waiting field at all") {
    Scratch s(toml(2));
    s.add("AT-2014-001");
    auto r = register_in(s, adult());
    CHECK_FALSE(r.waiting);
    auto written = yaml(slurp(s.dir.path() / "cases/AT-2014-002/case.yaml"));
    CHECK(care::records::field(written, "eligibility.waiting") == nullptr);
  }

  TEST_CASE("an ineligible referral to a full program is ineligible, not waiting") {
    Scratch s(toml(1));
    s.add("AT-2014-001");
    NewCaseInput in = adult();
    in.nationality = "DE";
    in.record_ineligible = true;
    auto r = register_in(s, in);
    CHECK(r.outcome.exit_code == 0);
    CHECK_FALSE(r.waiting);
    CHECK(r.ineligible.size() == 1);
  }
}
