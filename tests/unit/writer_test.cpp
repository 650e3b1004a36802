#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "doc/yaml_io.h"
#include "records/writer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::records::Kind;
using care::records::write_record;
using care::records::WriteRequest;

namespace {

WriteRequest request(const fs::path& path, const std::string& yaml) {
  auto parsed = care::doc::parse(yaml, "input");
  REQUIRE(parsed.root);
  WriteRequest r;
  r.absolute = path;
  r.shown = "closure.yaml";
  r.kind = Kind::Closure;
  r.record = *parsed.root;
  return r;
}

const char* kClosure =
    "reason: completed\nversion: 1\nkind: closure\ndate: \"2015-09-01\"\ncase: AT-2014-001\n";

}  // namespace

TEST_CASE("writer: writes in schema order, owner-only, atomically") {
  care::test::TempDir dir;
  fs::path target = dir.path() / "cases" / "AT-2014-001" / "closure.yaml";
  auto out = write_record(request(target, kClosure));
  REQUIRE(out.problems.empty());
  CHECK(out.written);
  CHECK(care::test::slurp(target) ==
        "kind: closure\nversion: 1\ncase: AT-2014-001\ndate: \"2015-09-01\"\nreason: completed\n");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(target.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  for (const auto& e : fs::directory_iterator(target.parent_path()))
    CHECK(e.path().filename() == "closure.yaml");  // no temporary file left
}

TEST_CASE("writer: an invalid record is never written") {
  care::test::TempDir dir;
  fs::path target = dir.path() / "closure.yaml";
  auto out = write_record(request(target, "kind: closure\nversion: 1\ncase: AT-2014-001\nreason: finished\n"));
  CHECK_FALSE(out.written);
  CHECK_FALSE(out.problems.empty());
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("writer: a dry run validates and renders but writes nothing") {
  care::test::TempDir dir;
  fs::path target = dir.path() / "closure.yaml";
  auto req = request(target, kClosure);
  req.dry_run = true;
  auto out = write_record(req);
  CHECK(out.problems.empty());
  CHECK_FALSE(out.written);
  CHECK(out.yaml.starts_with("kind: closure\n"));
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("writer: comments in the existing file stop the rewrite unless dropped") {
  care::test::TempDir dir;
  fs::path target = dir.path() / "closure.yaml";
  std::string before = "# written by hand\nkind: closure\n";
  care::test::spit(target, before);
  auto out = write_record(request(target, kClosure));
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0].code == "write.comments");
  CHECK(out.problems[0].line == 1);
  CHECK(care::test::slurp(target) == before);
  auto req = request(target, kClosure);
  req.drop_comments = true;
  CHECK(write_record(req).written);
  CHECK(care::test::slurp(target).starts_with("kind: closure\n"));
}

TEST_CASE("writer: a folder that cannot be written is an I/O failure, nothing changes") {
  care::test::TempDir dir;
  fs::path locked = dir.path() / "locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  if (::access(locked.c_str(), W_OK) == 0) return;  // running as root: permissions do not bind
  auto out = write_record(request(locked / "closure.yaml", kClosure));
  CHECK(out.io_failure);
  CHECK_FALSE(fs::exists(locked / "closure.yaml"));
}

TEST_CASE("writer: something that is not a regular file in the record's place is never opened or replaced") {
  care::test::TempDir dir;
  fs::path pipe = dir.path() / "closure.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);  // a read would hang: no writer
  auto out = write_record(request(pipe, kClosure));
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0].code == "folder.not-regular");
  CHECK(out.problems[0].message == "cannot replace the record: it is a named pipe (FIFO), not a regular file");
  CHECK_FALSE(out.written);
  CHECK(fs::is_fifo(pipe));

  fs::path folder = dir.path() / "sub" / "closure.yaml";
  fs::create_directories(folder);
  CHECK(write_record(request(folder, kClosure)).problems[0].code == "folder.not-regular");
  CHECK(fs::is_directory(folder));
  CHECK_FALSE(care::records::write_rendered(folder, kClosure).empty());
  CHECK(fs::is_directory(folder));
}

TEST_CASE("writer: an existing record too large to read is not replaced") {
  care::test::TempDir dir;
  fs::path target = dir.path() / "closure.yaml";
  std::string big = "kind: closure\n" + std::string(2 << 20, '#');
  care::test::spit(target, big);
  auto out = write_record(request(target, kClosure));
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0].code == "write.unreadable");
  CHECK(care::test::slurp(target) == big);
}

TEST_CASE("writer: a control character given on the command line is refused where it would stand") {
  care::test::TempDir dir;
  auto req = request(dir.path() / "closure.yaml", kClosure);
  req.record.set("notes", care::doc::Node::string("red \x1b[31malert"));
  auto out = write_record(req);
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0].code == "yaml.control-character");
  CHECK(out.problems[0].message == "the control character U+001B (escape) is not allowed in a record");
  CHECK(out.problems[0].line > 0);
  CHECK_FALSE(fs::exists(dir.path() / "closure.yaml"));
}
