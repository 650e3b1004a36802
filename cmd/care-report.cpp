// care-report: checks a case folder and reports on it. Flags only; the work
// is in lib/check and lib/report.
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "check/command.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  ::umask(077);
  CLI::App app{"Check a case folder of the care tools and report on it."};
  app.name("care-report");
  app.set_version_flag("--version", std::string("care-report ") + CARE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  care::cli::GlobalOptions global;
  app.add_option("-C", global.directory, "Run as if started in DIR")->option_text("DIR");
  app.add_option("--as-of", global.as_of, "Take DATE as today (default: CARE_TODAY, else the system date)")
      ->option_text("DATE");

  care::check::CheckFlags check_flags;
  auto* check = app.add_subcommand("check", "Check records against their schemas and the rules across records");
  check->add_option("paths", check_flags.paths, "Report only on these files or folders")->option_text("PATH...");
  check->add_option("--format", check_flags.format, "Output format: text (on stderr) or json (on stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");
  check->add_flag("-v,--verbose", check_flags.verbose, "Print a summary line even when all is well");
  check->add_flag("--strict", check_flags.strict, "Count warnings as problems");

  care::check::StatusFlags status_flags;
  auto* status = app.add_subcommand("status", "Summarise the caseload: stages, targets, check result");
  status->add_flag("--no-suppress", status_flags.no_suppress,
                   "Show small counts (internal use only; the output says so)");

  auto* config = app.add_subcommand("config", "Print every setting of care.toml and where it came from");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? care::cli::kOk : care::cli::kUsage;
  }
  if (*check) return care::check::check_command(global, check_flags);
  if (*status) return care::check::status_command(global, status_flags);
  if (*config) return care::check::config_command(global);
  return care::cli::kUsage;
}
