#include "common/commands.h"

#include <sys/stat.h>

#include <cstdio>
#include <exception>

#include "cli/exit_codes.h"
#include "util/utf8.h"

namespace care::cmd {

namespace {

// CLI11's own messages, in the form of every other error of the tools:
// "care-report: unknown command 'frobnicate'", then where to find help.
std::string failure(const CLI::App* app, const CLI::Error& e) {
  std::string name = app->get_parent() ? app->get_parent()->get_name() + " " + app->get_name() : app->get_name();
  std::string what = e.what();
  if (e.get_name() == "RequiredError" && what.find("subcommand") != std::string::npos && !app->remaining().empty())
    what = "unknown command '" + app->remaining().front() + "'";
  return name + ": " + util::visible(what) + "\nRun '" + name + " --help' for more information.\n";
}

// "care-intake outreach add": the binary and the chosen subcommands.
std::string invocation(const CLI::App* app) {
  std::string words = app->get_name();
  for (const CLI::App* up = app->get_parent(); up; up = up->get_parent()) words = up->get_name() + " " + words;
  return words;
}

}  // namespace

void add_global_options(CLI::App& app, cli::GlobalOptions& global) {
  app.failure_message(failure);
  app.set_version_flag("--version", app.get_name() + " " + CARE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("-C", global.directory, "Run as if started in DIR")->option_text("DIR");
  app.add_option("--as-of", global.as_of, "Take DATE as today (default: CARE_TODAY, else the system date)")
      ->option_text("DATE");
}

void add_write_flags(CLI::App& sub, WriteFlags& flags) {
  sub.add_flag("-n,--dry-run", flags.dry_run, "Show what would be written, write nothing");
  sub.add_flag("--drop-comments", flags.drop_comments,
               "Rewrite a hand-edited record even though its comments will be lost");
}

int run(CLI::App& app, const Commands& commands, int argc, char** argv) {
  ::umask(077);  // records hold special-category data: owner only
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? cli::kOk : cli::kUsage;
  }
  try {
    for (const auto& c : commands.list)
      if (c.app->parsed()) {
        cli::set_invocation(invocation(c.app));
        return c.run();
      }
  } catch (const std::exception& e) {
    // Nothing in lib/ throws on bad input; reaching here is a bug. Writes are
    // atomic, so no record was left half-written.
    std::fprintf(stderr, "%s: internal error: %s (this is a bug in care; please report it)\n",
                 app.get_name().c_str(), e.what());
    return cli::kInternal;
  }
  return cli::kUsage;
}

}  // namespace care::cmd
