#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_series(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::SeriesFlags>();
  auto* sub = app.add_subcommand("series", "Show or set the series in which this clone numbers new cases");
  sub->add_option("SERIES", f->series, "Two capitals (e.g. KQ), or main; without it, print the series")
      ->option_text("SERIES");
  sub->add_flag("--force", f->force, "Set a series that IDs in the folder already use");
  commands.add(sub, [f, &global] { return ::care::intake::series_command(global, *f); });
}

}  // namespace care::cmd::intake
