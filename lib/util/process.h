// Running another program (git, an editor) without a shell, so that no
// argument is ever interpreted.
#pragma once

#include <string>
#include <vector>

namespace care::util {

struct ProcessResult {
  int status = -1;     // the exit status; -1 if it could not be started or was killed
  std::string output;  // stdout and stderr together, when captured
};

// Runs argv[0] (looked up in PATH) in folder `cwd`, capturing its output.
ProcessResult run_captured(const std::vector<std::string>& argv, const std::string& cwd);

struct PipedResult {
  int status = -1;     // the exit status; -1 if it could not be started or was killed
  std::string out;     // its standard output
  std::string err;     // its standard error, kept apart: out may be a secret, err is shown
};

// Runs argv[0] (looked up in PATH) with `input` on its standard input,
// capturing its output and its errors apart. Nothing passes through a file.
PipedResult run_piped(const std::vector<std::string>& argv, const std::string& input);

// Runs argv[0] attached to this terminal (for an editor); returns its exit status.
int run_attached(const std::vector<std::string>& argv);

}  // namespace care::util
