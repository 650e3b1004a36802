#include "intake/init.h"

#include <sys/stat.h>

#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "folder/git.h"
#include "folder/modes.h"
#include "folder/series.h"
#include "intake/intake.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
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
  if (git) plan += "would set core.hooksPath (to .care/hooks) and core.sharedRepository in git's settings\n";
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

// A file init writes; a hook is made executable, by its owner only.
std::string write_one(const fs::path& target, const InitFile& f) {
  if (std::string e = util::write_atomically(target.string(), f.content); !e.empty()) return e;
  if (!f.executable) return {};
  std::error_code ec;
  fs::permissions(target, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return fmt::format("cannot make {} executable: {}", target.string(), ec.message());
  return {};
}

std::string write_files(const fs::path& root, const std::vector<InitFile>& files, InitResult& r) {
  for (const auto& f : files) {
    fs::path target = root / f.relative;
    if (present(target)) {
      r.kept.push_back(target.string());
      continue;
    }
    if (std::string e = util::make_private_dirs(target.parent_path().string()); !e.empty()) return e;
    if (std::string e = write_one(target, f); !e.empty()) return e;
  }
  return {};
}

// The line .gitattributes needs for the access logs, added to a file made by
// an older init or by hand, every other line kept.
std::string add_attributes(const fs::path& root, InitResult& r, bool dry_run) {
  fs::path target = root / ".gitattributes";
  std::string want(gitattributes());
  if (!present(target)) {
    if (dry_run) return r.plan += fmt::format("would write {}\n", target.string()), std::string();
    return util::write_atomically(target.string(), want);
  }
  auto text = util::read_regular_file(target.string(), 1 << 20);
  if (!text.ok()) return fmt::format("cannot read {}: {}", target.string(), text.reason);
  std::string have = text.text;
  std::string missing;
  for (std::size_t at = 0; at < want.size();) {
    std::size_t end = want.find('\n', at);
    std::string line = want.substr(at, end - at);
    at = end + 1;
    if (line.starts_with("cases/") && ("\n" + have + "\n").find("\n" + line + "\n") == std::string::npos)
      missing += line + "\n";
  }
  if (missing.empty()) return {};
  if (dry_run) return r.plan += fmt::format("would add to {}: {}", target.string(), missing), std::string();
  if (!have.empty() && have.back() != '\n') have += '\n';
  return util::write_atomically(target.string(), have + missing);
}

InitResult init_hooks(const fs::path& root, bool dry_run) {
  InitResult r;
  r.root = root;
  if (!fs::is_regular_file(root / folder::kConfigFile)) {
    r.exit_code = cli::kNoCaseFolder;
    r.error = fmt::format("{} has no {}: it is not a case folder (create one with care-intake init {}); nothing "
                          "was changed",
                          root.string(), folder::kConfigFile, root.string());
    return r;
  }
  bool git = folder::under_git(root);
  if (dry_run) {
    for (const auto& f : hook_files()) r.plan += fmt::format("would write {}\n", (root / f.relative).string());
    for (const auto& f : schema_files()) r.plan += fmt::format("would write {}\n", (root / f.relative).string());
    r.error = add_attributes(root, r, true);
    if (git) r.plan += "would set core.hooksPath and core.sharedRepository in git's settings\n";
    r.plan += fmt::format("would make every file and folder in {} owner-only\n", root.string());
    return r;
  }
  r.error = util::make_private_dirs((root / kHooksFolder).string());
  for (const auto& f : hook_files())
    if (r.error.empty()) r.error = write_one(root / f.relative, f);
  // An upgrade brings new schemas: the editors' copies follow them.
  if (r.error.empty()) r.error = util::make_private_dirs((root / ".care" / "schemas").string());
  for (const auto& f : schema_files())
    if (r.error.empty()) r.error = write_one(root / f.relative, f);
  if (r.error.empty()) r.error = add_attributes(root, r, false);
  if (r.error.empty() && git)
    if (std::string e = enable_hooks(root); !e.empty())
      r.warnings.push_back(fmt::format("the hooks are written but not enabled: {}", e));
  if (r.error.empty() && !git)
    r.warnings.push_back("the folder is not under git: the hooks are written but git will run them only once "
                         "it is (git init, then care-intake init --hooks again)");
  if (r.error.empty()) r.error = folder::make_owner_only(root);
  if (!r.error.empty()) r.exit_code = cli::kWriteFailed;
  return r;
}

}  // namespace

std::string enable_hooks(const fs::path& root) {
  auto prefix = folder::git_prefix(root);
  if (!prefix) return fmt::format("git cannot say where {} lies in its work tree", root.string());
  if (std::string e = folder::git_config(root, "core.hooksPath", *prefix + std::string(kHooksFolder)); !e.empty())
    return e;
  return folder::git_config(root, "core.sharedRepository", "0600");
}

InitResult init_folder(const InitOptions& o) {
  InitResult r;
  std::error_code ec;
  r.root = fs::absolute(o.dir, ec).lexically_normal();
  if (!r.root.has_filename() && r.root.has_relative_path()) r.root = r.root.parent_path();  // "DIR/"
  if (o.hooks_only) return init_hooks(r.root, o.dry_run);
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
  if (r.error.empty() && commit)
    if (std::string e = enable_hooks(r.root); !e.empty())
      r.warnings.push_back(fmt::format("the folder's hooks are not enabled ({}); run care-intake init --hooks {} "
                                       "to try again",
                                       e, r.root.string()));
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
  InitResult r = init_folder({flags.dir, !flags.no_git, flags.dry_run, flags.hooks});
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
