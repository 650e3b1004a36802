// Where a file sits in the folder (classify), and loading a whole folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "records/kind.h"
#include "records/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::records::classify;
using care::records::Kind;

namespace {

void is_record(const std::string& path, Kind kind, const std::string& owner, const std::string& stem = "") {
  INFO(path);
  auto c = classify(path);
  REQUIRE(c.placement);
  CHECK(c.placement->kind == kind);
  CHECK(c.placement->owner == owner);
  CHECK(c.placement->stem == stem);
  CHECK(c.problem.empty());
  CHECK(care::records::path_of(kind, owner, stem) == path);
}

std::string not_record(const std::string& path) {
  INFO(path);
  auto c = classify(path);
  CHECK_FALSE(c.placement);
  CHECK_FALSE(c.problem.empty());
  return c.problem;
}

const std::string kToml = R"y(format = 1
[program]
name = "Store test program (fictional)"
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

care::folder::Config config() {
  auto r = care::folder::parse_config(kToml, "care.toml");
  REQUIRE(r.config);
  return *r.config;
}

std::string case_record(const std::string& id) {
  return "kind: case\nversion: 1\nid: " + id +
         "\noffice: AT\nreferral:\n  date: \"2014-03-03\"\n  organisation_kind: ngo\nhost_country: AT\n"
         "nationality: NG\nreturn_country: NG\nsex: female\ndate_of_birth: \"1990-06-15\"\nconsents:\n"
         "  - purpose: data_processing\n    action: granted\n    date: \"2014-03-03\"\n    given_by: person\n";
}

std::string assessment(const std::string& id, const std::string& date) {
  return "kind: assessment\nversion: 1\ncase: " + id + "\ndate: \"" + date +
         "\"\nassessed_by: caseworker\nneeds:\n  - domain: health\n    level: low\noverall_risk: low\n";
}

// The identity values used below; none may ever appear in a problem.
const std::vector<std::string> kSecrets = {"Person-Secret", "4930000001", "X1234567", "99 Example Road", "fax"};

const std::string kBadIdentity = R"y(kind: identity
version: 1
case: AT-2014-001
names:
  given: Example
  family: Person-Secret
  middle: Example
contacts:
  - type: fax
    value: "4930000001"
documents:
  - type: passport
    number: "X1234567"
    expires: "2019-02-30"
addresses:
  - country: UK
    lines: ["99 Example Road"]
)y";

// A small folder: two cases, dated records out of creation order, outreach.
void fill(const fs::path& root) {
  using care::test::spit;
  spit(root / "care.toml", kToml);
  spit(root / "cases/AT-2014-002/case.yaml", case_record("AT-2014-002"));
  spit(root / "cases/AT-2014-002/assessments/2014-05-01.yaml", assessment("AT-2014-002", "2014-05-01"));
  spit(root / "cases/AT-2014-002/assessments/2014-04-01-2.yaml", assessment("AT-2014-002", "2014-04-01"));
  spit(root / "cases/AT-2014-002/assessments/2014-04-01.yaml", assessment("AT-2014-002", "2014-04-01"));
  spit(root / "cases/AT-2014-001/case.yaml", case_record("AT-2014-001") + "sex: male\n");  // duplicate key
  spit(root / "cases/AT-2014-001/identity.yaml", kBadIdentity);
  spit(root / "cases/AT-2014-001/plan.yaml", "kind: plan\nversion: 1\ncase: AT-2014-001\n");  // incomplete
  spit(root / "cases/AT-2014-001/notes.txt", "not a record\n");
  for (int i = 9; i >= 1; --i)
    spit(root / ("outreach/OR-AT-2014-00" + std::to_string(i) + ".yaml"),
         "kind: outreach\nversion: 1\nid: OR-AT-2014-00" + std::to_string(i) +
             "\ndate: \"2014-02-10\"\ncountry: AT\ntype: leaflet_dispatch\norganisations:\n"
             "  - name: Example NGO (fictional)\n    kind: ngo\nleaflets: " +
             std::to_string(i) + "\n");
}

std::string render(const care::diag::Diagnostics& all) {
  std::string out;
  for (const auto& d : all) out += care::diag::render_text(d, "t");
  return out;
}

// Everything load produced, as text, for comparing two loads.
std::string describe(const care::records::Loaded& loaded) {
  std::string out = render(loaded.problems);
  for (const auto& [id, c] : loaded.folder.cases) {
    out += "case " + id + "\n";
    for (const auto* r : {&c.main, &c.identity, &c.minor, &c.plan, &c.journey, &c.monitoring_plan, &c.closure})
      if (*r) out += "  " + (*r)->file + (((*r)->valid) ? " valid\n" : " invalid\n");
    for (const auto& r : c.assessments) out += "  " + r.file + (r.valid ? " valid\n" : " invalid\n");
    for (const auto& r : c.contacts) out += "  " + r.file + (r.valid ? " valid\n" : " invalid\n");
  }
  for (const auto& r : loaded.folder.outreach) out += r.file + "\n";
  return out;
}

}  // namespace

TEST_CASE("classify: the places records live") {
  is_record("cases/AT-2014-001/case.yaml", Kind::Case, "AT-2014-001");
  is_record("cases/AT-2014-001/identity.yaml", Kind::Identity, "AT-2014-001");
  is_record("cases/AT-2014-001/minor.yaml", Kind::Minor, "AT-2014-001");
  is_record("cases/AT-2014-001/plan.yaml", Kind::Plan, "AT-2014-001");
  is_record("cases/AT-2014-001/return.yaml", Kind::Return, "AT-2014-001");
  is_record("cases/AT-2014-001/monitoring-plan.yaml", Kind::MonitoringPlan, "AT-2014-001");
  is_record("cases/AT-2014-001/closure.yaml", Kind::Closure, "AT-2014-001");
  is_record("cases/AT-2014-001/assessments/2014-03-01.yaml", Kind::Assessment, "AT-2014-001", "2014-03-01");
  is_record("cases/AT-2014-001/assessments/2014-03-01-2.yaml", Kind::Assessment, "AT-2014-001", "2014-03-01-2");
  is_record("cases/AT-2014-001/assessments/2014-03-01-12.yaml", Kind::Assessment, "AT-2014-001", "2014-03-01-12");
  is_record("cases/AT-2014-001/monitoring/2016-02-29.yaml", Kind::Contact, "AT-2014-001", "2016-02-29");
  is_record("outreach/OR-AT-2014-001.yaml", Kind::Outreach, "OR-AT-2014-001");
}

TEST_CASE("classify: path tricks and near misses are not records") {
  not_record("cases/../x/case.yaml");
  not_record("cases/AT-2014-001/../../x");
  not_record("cases/AT-2014-001/../AT-2014-002/case.yaml");
  not_record("cases/./AT-2014-001/case.yaml");
  not_record("cases/AT-2014-001/./case.yaml");
  not_record("cases//AT-2014-001/case.yaml");
  not_record("/cases/AT-2014-001/case.yaml");
  not_record("/etc/passwd");
  not_record("cases/AT-2014-001/case.yaml/");
  not_record("cases/AT-2014-001/sub/case.yaml");
  not_record("cases/AT-2014-001/Case.yaml");
  not_record("cases/AT-2014-001/case.yml");
  not_record("cases/AT-2014-001");
  not_record("case.yaml");
  not_record("");
  CHECK(not_record("cases/AT-2014-1/case.yaml") == "folder \"AT-2014-1\" is not a case ID like AT-2014-007");
  not_record("cases/at-2014-001/case.yaml");
  not_record("cases/AT-2014-0001/case.yaml");
  not_record("cases/OR-AT-2014-001/case.yaml");
  CHECK(not_record("outreach/x.yaml") == "outreach files are named by their ID, like OR-AT-2014-001.yaml");
  not_record("outreach/OR-AT-2014-001.yml");
  not_record("outreach/AT-2014-001.yaml");
  not_record("outreach/sub/OR-AT-2014-001.yaml");
  not_record("outreach/../cases/AT-2014-001/case.yaml");
}

TEST_CASE("classify: dated files are named by a real date") {
  const std::string dir = "cases/AT-2014-001/assessments/";
  CHECK(not_record(dir + "2014-02-30.yaml") == "dated records are named by their date, like 2014-03-01.yaml");
  not_record(dir + "2014-13-01.yaml");
  not_record(dir + "2015-02-29.yaml");
  not_record(dir + "2014-3-1.yaml");
  not_record(dir + "2014-03-01-1.yaml");  // the first one that day has no number
  not_record(dir + "2014-03-01-02.yaml");
  not_record(dir + "2014-03-01-.yaml");
  not_record(dir + "2014-03-01-2-2.yaml");
  not_record(dir + "2014-03-01.yaml.bak");
  not_record(dir + ".yaml");
  not_record("cases/AT-2014-001/monitoring/2014-03-01 .yaml");
  is_record("cases/AT-2014-001/monitoring/2016-02-29-3.yaml", Kind::Contact, "AT-2014-001", "2016-02-29-3");
}

TEST_CASE("load: records grouped by case, dated ones in file-name order, outreach in ID order") {
  care::test::TempDir dir;
  fill(dir.path());
  auto loaded = care::records::load(dir.path(), config(), dir.path());
  const auto& cases = loaded.folder.cases;
  REQUIRE(cases.size() == 2);
  const auto& two = cases.at("AT-2014-002");
  REQUIRE(two.main);
  CHECK(two.main->valid);
  CHECK(two.id == "AT-2014-002");
  REQUIRE(two.assessments.size() == 3);
  CHECK(two.assessments[0].where.stem == "2014-04-01-2");
  CHECK(two.assessments[1].where.stem == "2014-04-01");
  CHECK(two.assessments[2].where.stem == "2014-05-01");
  for (const auto& a : two.assessments) CHECK(a.valid);

  const auto& one = cases.at("AT-2014-001");
  REQUIRE(one.main);
  CHECK_FALSE(one.main->valid);  // the duplicate key
  REQUIRE(one.plan);
  CHECK_FALSE(one.plan->valid);  // parsed, but fails its schema
  CHECK(one.plan->root.is_mapping());
  CHECK(one.plan->file == "cases/AT-2014-001/plan.yaml");
  CHECK(one.plan->absolute == dir.path() / "cases/AT-2014-001/plan.yaml");

  REQUIRE(loaded.folder.outreach.size() == 9);
  for (std::size_t i = 0; i < 9; ++i)
    CHECK(loaded.folder.outreach[i].where.owner == "OR-AT-2014-00" + std::to_string(i + 1));

  std::vector<std::string> codes;
  for (const auto& d : loaded.problems) codes.push_back(d.file + " " + d.code);
  CHECK(std::count(codes.begin(), codes.end(), "cases/AT-2014-001/notes.txt folder.unknown-file") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "cases/AT-2014-001/case.yaml yaml.duplicate-key") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "cases/AT-2014-001/plan.yaml schema.required") >= 1);
}

TEST_CASE("load: identity records are not read when read_identity is false") {
  care::test::TempDir dir;
  fill(dir.path());
  care::records::LoadOptions options;
  options.read_identity = false;
  auto loaded = care::records::load(dir.path(), config(), dir.path(), options);
  CHECK_FALSE(loaded.folder.cases.at("AT-2014-001").identity);
  for (const auto& d : loaded.problems) CHECK(d.file != "cases/AT-2014-001/identity.yaml");

  // Even an identity.yaml that cannot be opened is never touched.
  fs::remove(dir.path() / "cases/AT-2014-001/identity.yaml");
  fs::create_directories(dir.path() / "cases/AT-2014-001/identity.yaml");  // a folder in its place
  auto again = care::records::load(dir.path(), config(), dir.path(), options);
  for (const auto& d : again.problems) CHECK(d.file != "cases/AT-2014-001/identity.yaml");
}

TEST_CASE("load: the result is the same whatever the number of threads") {
  care::test::TempDir dir;
  fill(dir.path());
  for (int i = 1; i <= 30; ++i) {
    std::string id = "AT-2015-" + std::string(i < 10 ? "00" : "0") + std::to_string(i);
    care::test::spit(dir.path() / "cases" / id / "case.yaml",
                     i % 3 ? case_record(id) : case_record(id) + "sex: other\n");
    care::test::spit(dir.path() / "cases" / id / "assessments/2015-01-02.yaml",
                     i % 4 ? assessment(id, "2015-01-02") : "kind: assessment\n");
  }
  auto with = [&](unsigned threads) {
    care::records::LoadOptions options;
    options.threads = threads;
    return describe(care::records::load(dir.path(), config(), dir.path(), options));
  };
  std::string one = with(1);
  CHECK(one.find("case AT-2015-030") != std::string::npos);
  CHECK(with(4) == one);
  CHECK(with(64) == one);
  CHECK(with(0) == one);
}

TEST_CASE("load: problems in identity records never show the record's values") {
  care::test::TempDir dir;
  fill(dir.path());
  auto loaded = care::records::load(dir.path(), config(), dir.path());
  int found = 0;
  for (const auto& d : loaded.problems) {
    if (d.file != "cases/AT-2014-001/identity.yaml") continue;
    ++found;
    INFO(d.code << ": " << d.message);
    CHECK(d.excerpt.empty());
    CHECK(d.line > 0);  // still located
    for (const auto& secret : kSecrets) CHECK(d.message.find(secret) == std::string::npos);
    std::string text = care::diag::render_text(d, "t");
    for (const auto& secret : kSecrets) CHECK(text.find(secret) == std::string::npos);
    CHECK(text.find(" | ") == std::string::npos);  // no excerpt line
  }
  CHECK(found == 4);  // names.middle, the fax, the impossible expiry, UK
  CHECK(care::diag::render_json(loaded.problems).find("Person-Secret") == std::string::npos);

  SUBCASE("a YAML error in identity.yaml is located without its line") {
    care::test::spit(
        dir.path() / "cases/AT-2014-001/identity.yaml",
        "kind: identity\nversion: 1\ncase: AT-2014-001\nnames:\n  given: Example\n  given: Person-Secret\n");
    auto again = care::records::load(dir.path(), config(), dir.path());
    bool seen = false;
    for (const auto& d : again.problems) {
      if (d.file != "cases/AT-2014-001/identity.yaml") continue;
      seen = true;
      CHECK(d.code == "yaml.duplicate-key");
      CHECK(d.line == 6);
      CHECK(d.excerpt.empty());
      CHECK(care::diag::render_text(d, "t").find("Person-Secret") == std::string::npos);
    }
    CHECK(seen);
  }
}

// The hint of a type error quotes the value ("Put the value in double quotes,
// like \"4930000001\""): for identity records it is replaced too.
TEST_CASE("load: hints of identity problems never show the record's values") {
  care::test::TempDir dir;
  fill(dir.path());
  care::test::spit(dir.path() / "cases/AT-2014-001/identity.yaml",
                   "kind: identity\nversion: 1\ncase: AT-2014-001\nnames:\n  given: Example\ncontacts:\n"
                   "  - type: phone\n    value: 4930000001\n");
  auto loaded = care::records::load(dir.path(), config(), dir.path());
  bool seen = false;
  for (const auto& d : loaded.problems) {
    if (d.file != "cases/AT-2014-001/identity.yaml") continue;
    seen = true;
    CHECK(care::diag::render_text(d, "t").find("4930000001") == std::string::npos);
  }
  CHECK(seen);
}

TEST_CASE("redact: keeps where and which rule, drops the values") {
  care::diag::Diagnostic d;
  d.code = "schema.pattern";
  d.file = "cases/AT-2014-001/identity.yaml";
  d.line = 7;
  d.column = 12;
  d.message = "documents[0].number: \"X1234567\" is not in the expected form";
  d.excerpt = "    number: X1234567";
  care::records::redact(d);
  CHECK(d.excerpt.empty());
  CHECK(d.line == 7);
  CHECK(d.column == 12);
  CHECK(d.code == "schema.pattern");
  CHECK(d.message.find("X1234567") == std::string::npos);
  CHECK(d.message.find("pattern") != std::string::npos);
}
