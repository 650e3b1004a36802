#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_consent(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::ConsentFlags>();
  auto* sub = app.add_subcommand("consent", "Record consent given or withdrawn, per purpose");
  sub->add_option("ID", f->id, "Case ID")->required();
  sub->add_option("--grant", f->grant, "Purpose consented to (repeatable)")->option_text("PURPOSE");
  sub->add_option("--withdraw", f->withdraw, "Purpose whose consent is withdrawn (repeatable)")->option_text("PURPOSE");
  sub->add_option("--date", f->date, "Day of the decision (default: today)")->option_text("DATE");
  sub->add_option("--by", f->given_by, "Who decided: person or guardian")
      ->check(CLI::IsMember({"person", "guardian"}))
      ->option_text("WHO");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  sub->add_flag("--drop-comments", f->drop_comments, "Rewrite case.yaml even though its comments will be lost");
  commands.add(sub, [f, &global] { return ::care::intake::consent_command(global, *f); });
}

}  // namespace care::cmd::intake
