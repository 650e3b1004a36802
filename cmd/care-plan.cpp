// care-plan: Draft and follow reintegration plans and returns. Its commands arrive in later
// changes; until then it answers --help and --version and refuses the rest.
#include "common/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Draft and follow reintegration plans and returns (no commands in this version yet)."};
  app.name("care-plan");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  return care::cmd::run(app, commands, argc, argv);
}
