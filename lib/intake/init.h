// care-intake init: a new case folder, ready for the tools, for git and for
// editors that run the YAML language server.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/session.h"

namespace care::intake {

struct InitFile {
  std::string relative;  // to the new case folder, '/' separators
  std::string content;
};

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
};
int init_command(const cli::GlobalOptions& global, const InitFlags& flags);

}  // namespace care::intake
