// care-intake show: which files, in which order, and their bytes unchanged.
#include <doctest/doctest.h>

#include <string>

#include "intake/show.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::intake::case_files;
using care::intake::CaseFile;

namespace {

std::vector<std::string> paths(const std::vector<CaseFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.relative);
  return out;
}

}  // namespace

TEST_CASE("show: a case's files in the order the case grows; identity only when asked, first") {
  fs::path root = fs::path(CARE_SOURCE_DIR) / "examples";
  auto files = paths(case_files(root, "AT-2014-002", false));
  CHECK(files == std::vector<std::string>{
                     "cases/AT-2014-002/case.yaml", "cases/AT-2014-002/assessments/2014-05-06.yaml",
                     "cases/AT-2014-002/plan.yaml", "cases/AT-2014-002/return.yaml",
                     "cases/AT-2014-002/monitoring-plan.yaml", "cases/AT-2014-002/monitoring/2014-10-21.yaml",
                     "cases/AT-2014-002/monitoring/2014-12-19.yaml", "cases/AT-2014-002/monitoring/2015-03-23.yaml",
                     "cases/AT-2014-002/monitoring/2015-06-22.yaml"});
  auto with = paths(case_files(root, "AT-2014-002", true));
  REQUIRE(with.size() == files.size() + 1);
  CHECK(with[0] == "cases/AT-2014-002/identity.yaml.age");  // examples/ keeps identities encrypted
}

TEST_CASE("show: records of one day in number order; other files and links left out") {
  care::test::TempDir tmp;
  fs::path c = tmp.path() / "cases" / "AT-2014-001";
  for (const char* name : {"case.yaml", "closure.yaml", "minor.yaml", "assessments/2014-03-10-10.yaml",
                           "assessments/2014-03-10-2.yaml", "assessments/2014-03-10.yaml",
                           "assessments/2014-02-01.yaml", "assessments/notes.txt", "assessments/.x.swp",
                           "stray.yaml"})
    care::test::spit(c / name, "x\n");
  fs::create_symlink(c / "case.yaml", c / "plan.yaml");
  CHECK(paths(case_files(tmp.path(), "AT-2014-001", true)) ==
        std::vector<std::string>{"cases/AT-2014-001/case.yaml", "cases/AT-2014-001/minor.yaml",
                                 "cases/AT-2014-001/assessments/2014-02-01.yaml",
                                 "cases/AT-2014-001/assessments/2014-03-10.yaml",
                                 "cases/AT-2014-001/assessments/2014-03-10-2.yaml",
                                 "cases/AT-2014-001/assessments/2014-03-10-10.yaml",
                                 "cases/AT-2014-001/closure.yaml"});
}

TEST_CASE("show: YAML is the bytes on disk; JSON is one document") {
  care::test::TempDir tmp;
  fs::path c = tmp.path() / "cases" / "AT-2014-001";
  const std::string text = "# a person's comment\nkind: case\nid:   AT-2014-001\n";
  care::test::spit(c / "case.yaml", text);
  care::test::spit(c / "closure.yaml", "kind: closure");  // no final newline
  auto files = case_files(tmp.path(), "AT-2014-001", false);
  auto yaml = care::intake::render_case(tmp.path(), "AT-2014-001", files, "yaml");
  CHECK(yaml.problems.empty());
  CHECK(yaml.text == "--- cases/AT-2014-001/case.yaml\n" + text +
                         "--- cases/AT-2014-001/closure.yaml\nkind: closure\n");
  auto json = care::intake::render_case(tmp.path(), "AT-2014-001", files, "json");
  CHECK(json.problems.empty());
  CHECK(json.text.find("\"case\": \"AT-2014-001\"") != std::string::npos);
  CHECK(json.text.find("\"path\": \"cases/AT-2014-001/closure.yaml\"") != std::string::npos);
  CHECK(json.text.find("\"id\": \"AT-2014-001\"") != std::string::npos);
}

TEST_CASE("show: a broken identity record is reported without quoting it") {
  care::test::TempDir tmp;
  fs::path c = tmp.path() / "cases" / "AT-2014-001";
  care::test::spit(c / "identity.yaml", "names: {given: Secret-Name\n");
  auto files = case_files(tmp.path(), "AT-2014-001", true);
  auto json = care::intake::render_case(tmp.path(), "AT-2014-001", files, "json");
  REQUIRE_FALSE(json.problems.empty());
  for (const auto& d : json.problems) {
    CHECK(d.excerpt.find("Secret") == std::string::npos);
    CHECK(d.message.find("Secret") == std::string::npos);
  }
}
