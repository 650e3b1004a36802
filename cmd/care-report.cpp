// care-report: checks a case folder and reports on it. Flags only; the work
// is in lib/check and lib/report.
#include "check/command.h"
#include "common/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Check a case folder of the care tools and report on it."};
  app.name("care-report");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;

  care::check::CheckFlags check_flags;
  auto* check = app.add_subcommand("check", "Check records against their schemas and the rules across records");
  check->add_option("paths", check_flags.paths, "Report only on these files or folders")->option_text("PATH...");
  check->add_option("--format", check_flags.format, "Output format: text (on stderr) or json (on stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");
  check->add_flag("-v,--verbose", check_flags.verbose, "Print a summary line even when all is well");
  check->add_flag("--strict", check_flags.strict, "Count warnings as problems");
  commands.add(check, [&] { return care::check::check_command(global, check_flags); });

  care::check::StatusFlags status_flags;
  auto* status = app.add_subcommand("status", "Summarise the caseload: stages, targets, check result");
  status->add_flag("--no-suppress", status_flags.no_suppress,
                   "Show small counts (internal use only; the output says so)");
  commands.add(status, [&] { return care::check::status_command(global, status_flags); });

  auto* config = app.add_subcommand("config", "Print every setting of care.toml and where it came from");
  commands.add(config, [&] { return care::check::config_command(global); });

  return care::cmd::run(app, commands, argc, argv);
}
