// Finding the case folder, showing paths, and listing the files in it.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "folder/case_folder.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::folder::display_path;
using care::folder::list_record_files;
using care::folder::locate;

namespace {

// True when no folder at or above `dir` holds care.toml (the machine running
// the tests could, in principle, have one in / or /tmp).
bool nothing_above(const fs::path& dir) {
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::exists(d / "care.toml")) return false;
    if (d == d.root_path()) return true;
  }
}

std::vector<std::string> relatives(const care::folder::Listing& l) {
  std::vector<std::string> out;
  for (const auto& f : l.files) out.push_back(f.relative);
  return out;
}

const care::diag::Diagnostic* problem_for(const care::folder::Listing& l, const std::string& shown) {
  for (const auto& d : l.problems)
    if (d.file == shown) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("locate: walks up from the start folder to the nearest care.toml") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "care.toml", "format = 1\n");
  fs::create_directories(dir.path() / "cases" / "AT-2014-001" / "monitoring");
  auto found = locate(dir.path() / "cases" / "AT-2014-001" / "monitoring", std::nullopt, false);
  CHECK(found.error.empty());
  CHECK(found.root == dir.path());
  CHECK(locate(dir.path(), std::nullopt, false).root == dir.path());

  SUBCASE("the nearest one wins when folders are nested") {
    care::test::spit(dir.path() / "cases" / "care.toml", "format = 1\n");
    CHECK(locate(dir.path() / "cases" / "AT-2014-001", std::nullopt, false).root == dir.path() / "cases");
  }
  SUBCASE("a folder named care.toml does not count") {
    fs::create_directories(dir.path() / "cases" / "AT-2014-001" / "care.toml");
    CHECK(locate(dir.path() / "cases" / "AT-2014-001", std::nullopt, false).root == dir.path());
  }
  SUBCASE("a start path with . and .. is normalised") {
    auto odd = dir.path() / "cases" / "." / "AT-2014-001" / ".." / "AT-2014-001";
    CHECK(locate(odd, std::nullopt, false).root == dir.path());
  }
}

TEST_CASE("locate: CARE_DIR names the folder when there is no -C flag") {
  care::test::TempDir a, b;
  care::test::spit(a.path() / "care.toml", "format = 1\n");
  care::test::spit(b.path() / "care.toml", "format = 1\n");
  // Started inside b, but CARE_DIR says a.
  auto found = locate(b.path(), a.path().string(), false);
  CHECK(found.error.empty());
  CHECK(found.root == a.path());

  SUBCASE("a -C flag beats CARE_DIR: the start folder (after -C) decides") {
    CHECK(locate(b.path(), a.path().string(), true).root == b.path());
  }
  SUBCASE("an empty CARE_DIR counts as unset") { CHECK(locate(b.path(), std::string(), false).root == b.path()); }
  SUBCASE("CARE_DIR is taken as given, not walked up from") {
    fs::create_directories(a.path() / "cases");
    auto inside = locate(b.path(), (a.path() / "cases").string(), false);
    CHECK(inside.root.empty());
    CHECK(inside.error == "CARE_DIR=" + (a.path() / "cases").string() + " is not a case folder (it has no care.toml)");
  }
  SUBCASE("CARE_DIR naming a missing folder") {
    auto missing = locate(b.path(), (a.path() / "nowhere").string(), false);
    CHECK(missing.root.empty());
    CHECK(missing.error.find("is not a case folder") != std::string::npos);
  }
}

TEST_CASE("locate: no care.toml anywhere above gives one line naming the folder") {
  care::test::TempDir dir;
  fs::create_directories(dir.path() / "sub");
  if (!nothing_above(dir.path())) return;  // cannot be tested on this machine
  auto found = locate(dir.path() / "sub", std::nullopt, false);
  CHECK(found.root.empty());
  CHECK(found.error == "not in a case folder: no care.toml in " + (dir.path() / "sub").string() +
                           " or any folder above it (use -C DIR or CARE_DIR, or create one with care-intake init)");
  CHECK(found.error.find('\n') == std::string::npos);
}

TEST_CASE("display_path: relative beneath the working folder, absolute elsewhere") {
  fs::path cwd = "/srv/care/program";
  CHECK(display_path("/srv/care/program/cases/AT-2014-001/case.yaml", cwd) == "cases/AT-2014-001/case.yaml");
  CHECK(display_path("/srv/care/program/cases/./AT-2014-001/../AT-2014-001/case.yaml", cwd) ==
        "cases/AT-2014-001/case.yaml");
  CHECK(display_path("/srv/care/program/care.toml", "/srv/care/program/cases/AT-2014-001") ==
        "/srv/care/program/care.toml");
  // A sibling folder that shares a prefix is not beneath the working folder.
  CHECK(display_path("/srv/care/program-2/care.toml", cwd) == "/srv/care/program-2/care.toml");
  CHECK(display_path("/srv/care/program/care.toml", "/srv/care/program/") == "care.toml");
  CHECK(display_path("/srv/other/x.yaml", cwd) == "/srv/other/x.yaml");
}

TEST_CASE("list_record_files: records sorted; hidden files skipped; the rest reported") {
  care::test::TempDir dir;
  const fs::path root = dir.path();
  auto put = [&](const std::string& rel) { care::test::spit(root / rel, "kind: case\n"); };
  put("care.toml");
  put("README.yaml");  // outside cases/ and outreach/: not looked at
  put("cases/AT-2014-001/plan.yaml");
  put("cases/AT-2014-001/case.yaml");
  put("cases/AT-2014-001/assessments/2014-03-10.yaml");
  put("cases/AT-2014-001/assessments/2014-03-10-2.yaml");
  put("cases/AT-2014-001/.case.yaml.swp");  // editor swap file
  put("cases/AT-2014-001/.gitkeep");
  put("cases/.hidden/AT-2014-009/case.yaml");       // hidden folder: skipped whole
  put("cases/AT-2014-001/.plan.yaml.tmp-AbC123");   // leftover of an interrupted write
  put("cases/AT-2014-001/notes.txt");               // not a record
  put("cases/AT-2014-001/assessments/first.yaml");  // not named by a date
  put("cases/john-smith/case.yaml");                // folder not a case ID
  put("outreach/OR-AT-2014-001.yaml");
  put("outreach/meeting.yaml");
  fs::create_symlink("case.yaml", root / "cases/AT-2014-001/minor.yaml");
  fs::create_directories(root / "cases/AT-2014-002");
  fs::create_directory_symlink(root / "cases/AT-2014-001", root / "cases/AT-2014-003");

  auto listing = list_record_files(root, root);
  CHECK(relatives(listing) == std::vector<std::string>{
                                  "cases/AT-2014-001/assessments/2014-03-10-2.yaml",
                                  "cases/AT-2014-001/assessments/2014-03-10.yaml",
                                  "cases/AT-2014-001/case.yaml",
                                  "cases/AT-2014-001/plan.yaml",
                                  "outreach/OR-AT-2014-001.yaml",
                              });
  for (const auto& f : listing.files) {
    CHECK(f.shown == f.relative);
    CHECK(f.absolute == root / f.relative);
  }

  std::vector<std::string> reported;
  for (const auto& d : listing.problems) reported.push_back(d.file);
  std::sort(reported.begin(), reported.end());
  CHECK(reported == std::vector<std::string>{
                        "cases/AT-2014-001/.plan.yaml.tmp-AbC123",
                        "cases/AT-2014-001/assessments/first.yaml",
                        "cases/AT-2014-001/minor.yaml",
                        "cases/AT-2014-001/notes.txt",
                        "cases/AT-2014-003",
                        "cases/john-smith/case.yaml",
                        "outreach/meeting.yaml",
                    });

  const auto* link = problem_for(listing, "cases/AT-2014-001/minor.yaml");
  REQUIRE(link);
  CHECK(link->code == "folder.symlink");
  CHECK(link->severity == care::diag::Severity::Error);
  CHECK(link->line == 0);
  const auto* folder_link = problem_for(listing, "cases/AT-2014-003");
  REQUIRE(folder_link);
  CHECK(folder_link->code == "folder.symlink");  // and not followed: nothing listed under it
  const auto* leftover = problem_for(listing, "cases/AT-2014-001/.plan.yaml.tmp-AbC123");
  REQUIRE(leftover);
  CHECK(leftover->code == "folder.leftover");
  CHECK(leftover->severity == care::diag::Severity::Warning);
  const auto* person = problem_for(listing, "cases/john-smith/case.yaml");
  REQUIRE(person);
  CHECK(person->code == "folder.unknown-file");
  CHECK(person->severity == care::diag::Severity::Warning);
  CHECK(problem_for(listing, "cases/AT-2014-001/assessments/first.yaml")->message ==
        "dated records are named by their date, like 2014-03-01.yaml");
}

TEST_CASE("list_record_files: paths are shown relative to the working folder") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "cases/AT-2014-001/case.yaml", "kind: case\n");
  care::test::spit(dir.path() / "cases/AT-2014-001/notes.txt", "x\n");
  auto listing = list_record_files(dir.path(), dir.path() / "cases");
  REQUIRE(listing.files.size() == 1);
  CHECK(listing.files[0].relative == "cases/AT-2014-001/case.yaml");
  CHECK(listing.files[0].shown == "AT-2014-001/case.yaml");
  REQUIRE(listing.problems.size() == 1);
  CHECK(listing.problems[0].file == "AT-2014-001/notes.txt");

  fs::create_directories(dir.path() / "elsewhere");
  auto outside = list_record_files(dir.path(), dir.path() / "elsewhere");
  REQUIRE(outside.files.size() == 1);
  CHECK(outside.files[0].shown == (dir.path() / "cases/AT-2014-001/case.yaml").string());
}

TEST_CASE("list_record_files: a folder without cases/ or outreach/ is empty, not an error") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "care.toml", "format = 1\n");
  auto listing = list_record_files(dir.path(), dir.path());
  CHECK(listing.files.empty());
  CHECK(listing.problems.empty());
}

TEST_CASE("list_record_files: a folder that cannot be read is reported" * doctest::skip(::geteuid() == 0)) {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "cases/AT-2014-001/case.yaml", "kind: case\n");
  fs::permissions(dir.path() / "cases", fs::perms::none);
  auto listing = list_record_files(dir.path(), dir.path());
  fs::permissions(dir.path() / "cases", fs::perms::owner_all);
  REQUIRE(listing.problems.size() == 1);
  CHECK(listing.problems[0].code == "folder.unreadable");
  CHECK(listing.problems[0].file == "cases");
}

TEST_CASE("list_record_files: a named pipe or a folder where a record belongs is an error, never opened") {
  care::test::TempDir dir;
  const fs::path root = dir.path();
  care::test::spit(root / "cases/AT-2014-001/case.yaml", "kind: case\n");
  // Opening this named pipe to read would wait for ever for a writer.
  REQUIRE(::mkfifo((root / "cases/AT-2014-001/plan.yaml").c_str(), 0600) == 0);
  fs::create_directories(root / "cases/AT-2014-001/closure.yaml/inside");
  care::test::spit(root / "cases/AT-2014-001/closure.yaml/inside/x.yaml", "kind: closure\n");
  fs::create_directories(root / "outreach/OR-AT-2014-001.yaml");
  REQUIRE(::mkfifo((root / "cases/AT-2014-001/notes.txt").c_str(), 0600) == 0);

  auto listing = list_record_files(root, root);
  CHECK(relatives(listing) == std::vector<std::string>{"cases/AT-2014-001/case.yaml"});
  const auto* pipe = problem_for(listing, "cases/AT-2014-001/plan.yaml");
  REQUIRE(pipe);
  CHECK(pipe->code == "folder.not-regular");
  CHECK(pipe->severity == care::diag::Severity::Error);
  CHECK(pipe->message == "this is a named pipe (FIFO), not a record file");
  CHECK(pipe->hint == "Replace it with the record, or remove it; care reads only regular files.");
  const auto* folder = problem_for(listing, "cases/AT-2014-001/closure.yaml");
  REQUIRE(folder);
  CHECK(folder->code == "folder.not-regular");
  CHECK(folder->message == "this is a folder, not a record file");
  CHECK(problem_for(listing, "outreach/OR-AT-2014-001.yaml")->code == "folder.not-regular");
  // Not looked into: one finding for the folder, none for what is inside.
  CHECK_FALSE(problem_for(listing, "cases/AT-2014-001/closure.yaml/inside/x.yaml"));
  // Where no record belongs, a named pipe is an unknown file, as any other.
  CHECK(problem_for(listing, "cases/AT-2014-001/notes.txt")->code == "folder.unknown-file");
  CHECK(listing.problems.size() == 4);
}
