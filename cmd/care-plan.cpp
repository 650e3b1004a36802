// care-plan: the reintegration plan, its budget, and a safe return. Flags
// only: they are in cmd/plan/, the work in lib/plan/.
#include "plan/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Draft and follow reintegration plans, their budget and deliveries, and the return."};
  app.name("care-plan");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  care::cmd::plan::add_plan_commands(app, commands, global);
  care::cmd::plan::add_item_commands(app, commands, global);
  care::cmd::plan::add_review_command(app, commands, global);
  care::cmd::plan::add_journey_commands(app, commands, global);
  return care::cmd::run(app, commands, argc, argv);
}
