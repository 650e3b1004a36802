// Owner-only modes: finding what group or others can use, and narrowing it.
#include <doctest/doctest.h>

#include <filesystem>

#include "folder/modes.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::folder::make_owner_only;
using care::folder::open_to_others;
using care::test::spit;
using care::test::TempDir;

namespace {

void set(const fs::path& p, fs::perms perms) { fs::permissions(p, perms, fs::perm_options::replace); }

constexpr fs::perms k600 = fs::perms::owner_read | fs::perms::owner_write;
constexpr fs::perms k644 = k600 | fs::perms::group_read | fs::perms::others_read;
constexpr fs::perms k755 = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec;

// A case folder as care writes it: every file 0600, every folder 0700.
void private_folder(const fs::path& root) {
  spit(root / "care.toml", "format = 1\n");
  spit(root / "cases/AT-2014-001/case.yaml", "id: AT-2014-001\n");
  spit(root / "cases/AT-2014-002/case.yaml", "id: AT-2014-002\n");
  spit(root / "outreach/OR-AT-2014-001.yaml", "id: OR-AT-2014-001\n");
  spit(root / "notes/elsewhere.txt", "not a record\n");
  for (const auto& e : fs::recursive_directory_iterator(root))
    set(e.path(), e.is_directory() ? fs::perms::owner_all : k600);
  set(root, fs::perms::owner_all);
}

}  // namespace

TEST_CASE("open_to_others: none in a private folder; counts records and folders, first in path order") {
  TempDir dir;
  const fs::path& root = dir.path();
  private_folder(root);
  CHECK(open_to_others(root).count == 0);

  set(root / "cases/AT-2014-002/case.yaml", k644);
  set(root / "cases/AT-2014-001", k755);
  set(root / "outreach/OR-AT-2014-001.yaml", k644);
  set(root / "notes/elsewhere.txt", k644);  // not a record: not counted
  auto open = open_to_others(root);
  CHECK(open.count == 3);
  CHECK(open.first == root / "cases/AT-2014-001");

  set(root / "care.toml", k644);
  open = open_to_others(root);
  CHECK(open.count == 4);
  CHECK(open.first == root / "care.toml");
}

TEST_CASE("open_to_others: a symbolic link is neither counted nor followed") {
  TempDir dir;
  const fs::path& root = dir.path();
  private_folder(root);
  TempDir outside;
  spit(outside.path() / "open.yaml", "x: 1\n");
  set(outside.path() / "open.yaml", k644);
  fs::create_directory_symlink(outside.path(), root / "cases/AT-2014-001/link");
  CHECK(open_to_others(root).count == 0);
}

TEST_CASE("make_owner_only: removes group and other bits everywhere, keeps the owner's, .git included") {
  TempDir dir;
  const fs::path& root = dir.path();
  private_folder(root);
  spit(root / ".git/objects/ab/cdef", "object\n");
  spit(root / ".care/hooks/pre-commit", "#!/bin/sh\n");
  set(root / ".git/objects/ab/cdef", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  set(root / ".care/hooks/pre-commit", k755);
  set(root / "cases", k755);
  set(root / "cases/AT-2014-001/case.yaml", k644);
  set(root, k755);
  REQUIRE(make_owner_only(root) == "");
  CHECK(open_to_others(root).count == 0);
  CHECK(fs::status(root).permissions() == fs::perms::owner_all);
  CHECK(fs::status(root / ".git/objects/ab/cdef").permissions() == fs::perms::owner_read);
  CHECK(fs::status(root / ".care/hooks/pre-commit").permissions() == fs::perms::owner_all);
  CHECK(fs::status(root / "cases/AT-2014-001/case.yaml").permissions() == k600);
}
