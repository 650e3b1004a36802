// care-plan: Draft and follow reintegration plans and returns. Its commands arrive in later
// changes; until then it answers --help and --version and refuses the rest.
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  ::umask(077);
  CLI::App app{"Draft and follow reintegration plans and returns (no commands in this version yet)."};
  app.name("care-plan");
  app.set_version_flag("--version", std::string("care-plan ") + CARE_VERSION);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? care::cli::kOk : care::cli::kUsage;
  }
  return care::cli::kUsage;
}
