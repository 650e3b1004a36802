// care-monitor: Follow returned beneficiaries for twelve months. Its commands arrive in later
// changes; until then it answers --help and --version and refuses the rest.
#include "common/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Follow returned beneficiaries for twelve months (no commands in this version yet)."};
  app.name("care-monitor");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  return care::cmd::run(app, commands, argc, argv);
}
