// care-monitor: twelve months of follow-up after return. Flags only: they
// are in cmd/monitor/, the work in lib/monitor/.
#include "common/commands.h"

namespace care::cmd::monitor {
void add_monitor_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
}

int main(int argc, char** argv) {
  CLI::App app{"Follow returned beneficiaries: monitoring plan, contacts, risk flags, closure; what is due."};
  app.name("care-monitor");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  care::cmd::monitor::add_monitor_commands(app, commands, global);
  return care::cmd::run(app, commands, argc, argv);
}
