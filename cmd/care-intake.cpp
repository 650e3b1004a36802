// care-intake: from referral to a registered, assessed case. Flags only: each
// subcommand's flags are in cmd/intake/, its work in lib/intake/.
#include "intake/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Register referrals, record consent and assessments, keep minors' files."};
  app.name("care-intake");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  using namespace care::cmd::intake;
  add_init(app, commands, global);
  add_clone(app, commands, global);
  add_new(app, commands, global);
  add_consent(app, commands, global);
  add_assess(app, commands, global);
  add_minor(app, commands, global);
  add_identification(app, commands, global);
  add_edit(app, commands, global);
  add_list(app, commands, global);
  add_show(app, commands, global);
  add_outreach(app, commands, global);
  add_series(app, commands, global);
  add_erase(app, commands, global);
  add_keys(app, commands, global);
  return care::cmd::run(app, commands, argc, argv);
}
