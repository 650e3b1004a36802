#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_edit(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::EditFlags>();
  auto* sub = app.add_subcommand("edit", "Edit a record in $VISUAL or $EDITOR; it is saved only if it passes the checks");
  sub->add_option("ID", f->id, "Case ID")->required();
  sub->add_option("KIND", f->kind, "Which record: case (default), identity, assessment, minor, plan, return, "
                                   "monitoring_plan, contact, closure");
  sub->add_option("--date", f->date, "Which assessment or contact, by its file name (default: the latest)")
      ->option_text("DATE");
  sub->add_option("--purpose", f->purpose, "Why an encrypted identity is decrypted (kept in the case's access.log)")
      ->option_text("TEXT");
  commands.add(sub, [f, &global] { return ::care::intake::edit_command(global, *f); });
}

}  // namespace care::cmd::intake
