// care-intake init: a new case folder, ready for the tools, for git and for
// editors that run the YAML language server.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"

namespace care::intake {

struct InitFile {
  std::string relative;  // to the new case folder, '/' separators
  std::string content;
  bool executable = false;  // 0700 rather than 0600: a git hook
};

// The folder's git hooks, kept in the folder and committed with it; git runs
// them once core.hooksPath names this folder (init, init --hooks and clone set it).
inline constexpr std::string_view kHooksFolder = ".care/hooks";

// The hooks: pre-commit (care-report check on what is staged), post-checkout
// and post-merge (owner-only modes again on the whole work tree).
std::vector<InitFile> hook_files();

// The copies of the schemas in .care/schemas/ that editors validate with:
// written by init, and refreshed by init --hooks after an upgrade.
std::vector<InitFile> schema_files();

// .gitattributes as init writes it.
std::string_view gitattributes();

// care.toml with the pilot's settings and a comment on every key. `commit`
// is the value of [git] commit: true only when the folder is under git.
std::string config_template(bool commit);

// Every file init writes, care.toml last: a folder left half made by a
// failed write has no care.toml yet, so running init again finishes it.
std::vector<InitFile> init_files(bool commit);

// The folders init makes inside the case folder, parents first.
const std::vector<std::string>& init_folders();

struct InitOptions {
  std::filesystem::path dir;  // absolute, or relative to the working folder
  bool git = true;
  bool dry_run = false;
  bool hooks_only = false;  // an existing case folder: its hooks, .gitattributes and core.hooksPath only
};

struct InitResult {
  int exit_code = 0;
  std::string error;                  // why init stopped (exit 1 or 5), one line
  std::vector<std::string> warnings;  // done, but with something to say
  std::filesystem::path root;         // the case folder, absolute
  std::vector<std::string> kept;      // files that were there already, left as they were
  std::string plan;                   // on a dry run: what would be done, one line each
};

InitResult init_folder(const InitOptions& options);

struct InitFlags {
  std::string dir;
  bool no_git = false;
  bool dry_run = false;
  bool hooks = false;
};

// Points git at the folder's hooks (core.hooksPath, relative to the top of
// its work tree) and keeps .git owner-only (core.sharedRepository 0600).
// "" on success, else why not, in one line.
std::string enable_hooks(const std::filesystem::path& root);
int init_command(const cli::GlobalOptions& global, const InitFlags& flags);

}  // namespace care::intake
