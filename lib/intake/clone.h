// care-intake clone: a copy of a shared case folder, set up so that git does
// not undo the folder's protections: owner-only modes, the folder's hooks
// enabled, and a word on whether the person's key reads the office's records.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"

namespace care::intake {

struct CloneFlags {
  std::string url;
  std::string dir;
};

struct KeyReport {
  std::vector<std::string> lines;  // what the person's key can read, and what to do if nothing
};

// What the key found by identity::find_key(root) reads in the folder at root,
// whose settings are `config`: the offices listing its public key.
KeyReport key_report(const std::filesystem::path& root, const folder::Config& config);

int clone_command(const cli::GlobalOptions& global, const CloneFlags& flags);

}  // namespace care::intake
