#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_erase(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::EraseFlags>();
  auto* sub = app.add_subcommand("erase", "Erase cases: the identity record and every free-text detail go, the "
                                          "pseudonymous record stays for the statistics");
  sub->add_option("ID", f->ids, "Case IDs")->option_text("ID...");
  sub->add_flag("--due", f->due, "Every case due for erasure (care-report retention lists them)");
  sub->add_option("--reason", f->reason, "Why (kept in case.yaml; never name the person)")->option_text("TEXT");
  sub->add_flag("-y,--yes", f->yes, "Do not ask for confirmation");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would change; change nothing");
  commands.add(sub, [f, &global] { return ::care::intake::erase_command(global, *f); });

  auto p = std::make_shared<::care::intake::PurgeFlags>();
  auto* purge = app.add_subcommand("purge", "Rewrite git history so that erased cases exist only erased, and no plain "
                                            "identity of an encrypted folder is in any commit");
  purge->add_option("--push", p->push, "Force-push the rewritten history to REMOTE")->option_text("REMOTE");
  purge->add_option("--follow", p->follow, "In another clone: take REMOTE's rewritten history and drop the old one")
      ->option_text("REMOTE");
  purge->add_flag("-y,--yes", p->yes, "Do not ask for confirmation");
  commands.add(purge, [p, &global] { return ::care::intake::purge_command(global, *p); });
}

}  // namespace care::cmd::intake
