// care-monitor: Follow returned beneficiaries for twelve months. Its commands arrive in later
// changes; until then it answers --help and --version and refuses the rest.
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  ::umask(077);
  CLI::App app{"Follow returned beneficiaries for twelve months (no commands in this version yet)."};
  app.name("care-monitor");
  app.set_version_flag("--version", std::string("care-monitor ") + CARE_VERSION);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? care::cli::kOk : care::cli::kUsage;
  }
  return care::cli::kUsage;
}
