// care-intake init: the template, the editor wiring, and the folder it makes.
#include <doctest/doctest.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <string>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "intake/init.h"
#include "records/kind.h"
#include "schema/embedded.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::intake::init_files;
using care::intake::InitFile;

namespace {

const InitFile& file_named(const std::vector<InitFile>& files, const std::string& relative) {
  auto it = std::find_if(files.begin(), files.end(), [&](const InitFile& f) { return f.relative == relative; });
  REQUIRE(it != files.end());
  return *it;
}

care::doc::Node parse(const std::string& text) {
  auto parsed = care::doc::parse(text, "test", care::doc::Limits{1 << 22, 64});
  REQUIRE(parsed.problems.empty());
  return *parsed.root;
}

unsigned mode_of(const fs::path& p) {
  struct stat st{};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("init: the care.toml template parses, with the pilot's settings") {
  for (bool commit : {true, false}) {
    auto r = care::folder::parse_config(care::intake::config_template(commit), "care.toml");
    REQUIRE(r.problems.empty());
    const auto& c = *r.config;
    CHECK(c.name == "CARE pilot");
    CHECK(c.start.str() == "2013-09-02");
    CHECK(c.end.str() == "2016-02-29");
    CHECK(c.host_countries == std::vector<std::string>{"AT", "FR", "PT", "ES", "GB"});
    CHECK(c.eu_countries.size() == 28);
    CHECK(c.target_assisted == 130);
    CHECK(c.target_minors == 10);
    CHECK(c.target_assessed == 260);
    CHECK(c.cap_per_person.str() == "3000.00");
    CHECK(c.currency == "EUR");
    CHECK(c.monitoring_months == std::vector<int>{1, 3, 6, 9, 12});
    CHECK(c.min_cell == 5);
    CHECK(c.git_commit == commit);
    // Every key is written out, none left to a default.
    for (const auto& [key, origin] : c.origin) CHECK_MESSAGE(origin != "default", key);
  }
}

TEST_CASE("init: every schema is copied for editors, without its $id") {
  auto files = init_files(false);
  for (const auto& s : care::schema::embedded_schemas()) {
    INFO(s.name);
    auto copy = parse(file_named(files, std::string(".care/schemas/") + s.name).content);
    CHECK(copy.find("$id") == nullptr);
    auto original = parse(s.text);
    REQUIRE(original.erase("$id"));
    CHECK(care::doc::equal(copy, original));
  }
}

TEST_CASE("init: VS Code maps every record path to the schema of its kind") {
  auto settings = parse(file_named(init_files(false), ".vscode/settings.json").content);
  const auto* map = settings.find("yaml.schemas");
  REQUIRE(map);
  for (const auto& k : care::records::all_kinds()) {
    std::string schema = ".care/schemas/" + std::string(k.schema_file);
    INFO(schema);
    const auto* globs = map->find(schema);
    REQUIRE(globs);
    REQUIRE(globs->items().size() == 1);
    std::string record = care::records::path_of(k.kind, k.kind == care::records::Kind::Outreach ? "OR-AT-2014-001" : "AT-2014-001", "2014-03-01");
    CHECK(::fnmatch(globs->items()[0].text().c_str(), record.c_str(), FNM_PATHNAME) == 0);
  }
}

TEST_CASE("init: git keeps records' line ends and ignores leftovers of interrupted writes") {
  auto files = init_files(false);
  std::string attributes = file_named(files, ".gitattributes").content;
  CHECK(attributes.find("*.yaml text eol=lf\n") != std::string::npos);
  CHECK(attributes.find("care.toml text eol=lf\n") != std::string::npos);
  std::string ignore = file_named(files, ".gitignore").content;
  CHECK(ignore.find(".*.tmp-*\n") != std::string::npos);
  CHECK(ignore.find("*.swp\n") != std::string::npos);
  CHECK(files.back().relative == "care.toml");  // last, so that a failed init can be run again
}

TEST_CASE("init: makes a private case folder, and refuses one that has a care.toml") {
  care::test::TempDir tmp;
  fs::path dir = tmp.path() / "new" / "folder";
  auto r = care::intake::init_folder({dir, /*git=*/false, /*dry_run=*/false});
  REQUIRE(r.error.empty());
  CHECK(r.exit_code == 0);
  CHECK(r.root == dir);
  CHECK(mode_of(dir) == 0700);
  for (const auto& f : care::intake::init_folders()) CHECK(mode_of(dir / f) == 0700);
  for (const auto& f : init_files(false)) {
    INFO(f.relative);
    CHECK(mode_of(dir / f.relative) == (f.executable ? 0700u : 0600u));
    CHECK(care::test::slurp(dir / f.relative) == f.content);
  }
  CHECK_FALSE(fs::exists(dir / ".git"));

  care::test::spit(dir / "care.toml", "format = 1\n");
  auto again = care::intake::init_folder({dir, false, false});
  CHECK(again.exit_code == 1);
  CHECK(again.error.find("already holds a care.toml") != std::string::npos);
  CHECK(care::test::slurp(dir / "care.toml") == "format = 1\n");
}

TEST_CASE("init: a dry run touches nothing and says what it would do") {
  care::test::TempDir tmp;
  fs::path dir = tmp.path() / "x";
  auto r = care::intake::init_folder({dir, true, true});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(dir));
  CHECK(r.plan.find("would create folder " + dir.string() + " (mode 0700)\n") != std::string::npos);
  CHECK(r.plan.find("would run git init in " + dir.string() + "\n") != std::string::npos);
  CHECK(r.plan.find("would write " + (dir / "care.toml").string() + "\n") != std::string::npos);
}

TEST_CASE("init: files already there are kept; a folder open to others is made private") {
  care::test::TempDir tmp;
  fs::path dir = tmp.path() / "x";
  care::test::spit(dir / ".gitignore", "mine\n");
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  auto r = care::intake::init_folder({dir, false, false});
  REQUIRE(r.error.empty());
  CHECK(care::test::slurp(dir / ".gitignore") == "mine\n");
  CHECK(r.kept == std::vector<std::string>{(dir / ".gitignore").string()});
  CHECK(mode_of(dir) == 0700);
  CHECK(r.warnings.size() == 1);
}

TEST_CASE("init: refuses a path that is a file") {
  care::test::TempDir tmp;
  care::test::spit(tmp.path() / "file", "x");
  auto r = care::intake::init_folder({tmp.path() / "file", false, false});
  CHECK(r.exit_code == 1);
  CHECK(r.error.find("is not a folder") != std::string::npos);
}

TEST_CASE("init: under git, care.toml asks the tools to commit") {
  care::test::TempDir tmp;
  auto r = care::intake::init_folder({tmp.path() / "g", true, false});
  REQUIRE(r.error.empty());
  if (!r.warnings.empty()) return;  // no git on this machine: covered by the black-box suite
  CHECK(fs::is_directory(tmp.path() / "g" / ".git"));
  auto config = care::folder::load_config((tmp.path() / "g" / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  CHECK(config.config->git_commit);
}

TEST_CASE("init: access logs merge with the union driver; the hooks are sh scripts made executable") {
  auto files = init_files(true);
  CHECK(file_named(files, ".gitattributes").content.find("cases/*/access.log merge=union\n") != std::string::npos);
  for (const char* hook : {"pre-commit", "post-checkout", "post-merge"}) {
    const InitFile& f = file_named(files, std::string(".care/hooks/") + hook);
    CHECK(f.executable);
    CHECK(f.content.starts_with("#!/bin/sh\n"));
  }
  const std::string& pre = file_named(files, ".care/hooks/pre-commit").content;
  CHECK(pre.find("CARE_COMMITTING") != std::string::npos);
  CHECK(pre.find("git checkout-index -a --prefix=") != std::string::npos);
  CHECK(pre.find("--no-verify") != std::string::npos);
  CHECK(file_named(files, ".care/hooks/post-merge").content.find("chmod -R go-rwx") != std::string::npos);
  CHECK(std::count_if(files.begin(), files.end(), [](const InitFile& f) { return f.executable; }) == 3);
}

TEST_CASE("init: the hooks are written 0700, the other files 0600") {
  care::test::TempDir dir;
  auto r = care::intake::init_folder({dir.path() / "cf", false, false});
  REQUIRE(r.error == "");
  CHECK(mode_of(dir.path() / "cf/.care/hooks/pre-commit") == 0700);
  CHECK(mode_of(dir.path() / "cf/.care/hooks/post-checkout") == 0700);
  CHECK(mode_of(dir.path() / "cf/.gitattributes") == 0600);
  CHECK(mode_of(dir.path() / "cf/.care/hooks") == 0700);
}
