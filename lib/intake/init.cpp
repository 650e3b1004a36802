#include "intake/init.h"

#include <sys/stat.h>

#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "folder/git.h"
#include "folder/series.h"
#include "intake/intake.h"
#include "util/atomic_file.h"
#include "util/utf8.h"

namespace care::intake {
namespace fs = std::filesystem;
namespace {

// Links are not followed: a link named care.toml still means "taken".
fs::file_type type_of(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type();
}

bool present(const fs::path& p) {
  auto t = type_of(p);
  return t != fs::file_type::not_found && t != fs::file_type::none;
}

bool readable_by_others(const fs::path& p) {
  std::error_code ec;
  auto perms = fs::status(p, ec).permissions();
  return !ec && (perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none;
}

// Why the folder cannot be made here; "" when it can.
std::string refusal(const fs::path& root) {
  auto t = type_of(root);
  if (t != fs::file_type::not_found && t != fs::file_type::directory)
    return fmt::format("{} exists and is not a folder; nothing was changed", root.string());
  if (present(root / folder::kConfigFile))
    return fmt::format("{} already holds a {}: it is a case folder already; nothing was changed", root.string(),
                       folder::kConfigFile);
  return {};
}

std::string plan_of(const fs::path& root, bool git, const std::vector<InitFile>& files) {
  std::string plan;
  if (!present(root)) plan += fmt::format("would create folder {} (mode 0700)\n", root.string());
  else if (readable_by_others(root)) plan += fmt::format("would make {} private (mode 0700)\n", root.string());
  for (const auto& f : init_folders())
    if (!present(root / f)) plan += fmt::format("would create folder {}\n", (root / f).string());
  if (git && !present(root / ".git")) plan += fmt::format("would run git init in {}\n", root.string());
  if (git) plan += fmt::format("would number this clone's cases in the main series ({}/.care/local/series)\n",
                               root.string());
  for (const auto& f : files)
    plan += present(root / f.relative) ? fmt::format("would keep {} (it is there already)\n", (root / f.relative).string())
                                       : fmt::format("would write {}\n", (root / f.relative).string());
  return plan;
}

// The case folder and the folders in it, owner only: they will hold special-category data.
std::string make_folders(const fs::path& root, InitResult& r) {
  bool existed = present(root);
  if (std::string e = util::make_private_dirs(root.string()); !e.empty()) return e;
  if (existed && readable_by_others(root)) {
    std::error_code ec;
    fs::permissions(root, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) return fmt::format("cannot make {} private: {}", root.string(), ec.message());
    r.warnings.push_back(fmt::format("{} could be read by others; it is now private (mode 0700)", root.string()));
  }
  for (const auto& f : init_folders())
    if (std::string e = util::make_private_dirs((root / f).string()); !e.empty()) return e;
  return {};
}

// True when the folder ends up under git. A missing git is not fatal: the
// folder works without it, and the warning says how to add it later.
bool put_under_git(const fs::path& root, InitResult& r) {
  if (present(root / ".git")) return true;
  std::string error = folder::git_init(root);
  if (error.empty()) return true;
  r.warnings.push_back(fmt::format("the folder is not under git ({}); to add it later, run git init in it "
                                   "and set commit = true in care.toml",
                                   error));
  return false;
}

std::string write_files(const fs::path& root, const std::vector<InitFile>& files, InitResult& r) {
  for (const auto& f : files) {
    fs::path target = root / f.relative;
    if (present(target)) {
      r.kept.push_back(target.string());
      continue;
    }
    if (std::string e = util::make_private_dirs(target.parent_path().string()); !e.empty()) return e;
    if (std::string e = util::write_atomically(target.string(), f.content); !e.empty()) return e;
  }
  return {};
}

}  // namespace

InitResult init_folder(const InitOptions& o) {
  InitResult r;
  std::error_code ec;
  r.root = fs::absolute(o.dir, ec).lexically_normal();
  if (!r.root.has_filename() && r.root.has_relative_path()) r.root = r.root.parent_path();  // "DIR/"
  if (r.error = refusal(r.root); !r.error.empty()) {
    r.exit_code = cli::kFindings;
    return r;
  }
  if (o.dry_run) {
    r.plan = plan_of(r.root, o.git, init_files(o.git));
    return r;
  }
  r.error = make_folders(r.root, r);
  bool commit = r.error.empty() && o.git && put_under_git(r.root, r);
  // The clone that made the folder numbers in the main series; its clones
  // will pick series of their own (folder/series.h). Recorded before
  // care.toml, so that init can run again if this fails.
  if (r.error.empty() && folder::under_git(r.root)) r.error = folder::write_series(r.root, "");
  if (r.error.empty()) r.error = write_files(r.root, init_files(commit), r);
  if (!r.error.empty()) r.exit_code = cli::kWriteFailed;
  return r;
}

int init_command(const cli::GlobalOptions& global, const InitFlags& flags) {
  std::error_code ec;
  if (!global.directory.empty()) fs::current_path(global.directory, ec);
  if (ec) {
    cli::print_error(kProgram, fmt::format("cannot change to {}: {}", global.directory, ec.message()));
    return cli::kNoCaseFolder;
  }
  InitResult r = init_folder({flags.dir, !flags.no_git, flags.dry_run});
  if (!r.error.empty()) {
    cli::print_error(kProgram, r.error);
    return r.exit_code;
  }
  for (const auto& k : r.kept) cli::print_error(kProgram, fmt::format("warning: kept {} as it was", k));
  for (const auto& w : r.warnings) cli::print_error(kProgram, "warning: " + w);
  std::fputs(util::visible(flags.dry_run ? r.plan : r.root.string() + "\n", true).c_str(), stdout);
  return cli::kOk;
}

}  // namespace care::intake
