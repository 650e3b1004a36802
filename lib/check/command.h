// The care-report commands, below their flags: cmd/care-report.cpp parses
// flags and calls these; tests can call them too.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"

namespace care::check {

struct CheckFlags {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json
  bool verbose = false;
  bool strict = false;
};

int check_command(const cli::GlobalOptions& global, const CheckFlags& flags);
int config_command(const cli::GlobalOptions& global);

}  // namespace care::check
