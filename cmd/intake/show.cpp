#include "intake/commands.h"
#include "intake/show.h"

namespace care::cmd::intake {

void add_show(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::ShowFlags>();
  auto* sub = app.add_subcommand("show", "Print every record of a case as it is on disk");
  sub->add_option("ID", f->id, "Case ID, e.g. AT-2014-007")->required();
  sub->add_flag("--identity", f->identity, "Include the identity record (names, contacts, documents), first; "
                                            "an encrypted one is decrypted with your key and the access logged");
  sub->add_option("--purpose", f->purpose, "Why the identity is read (required with --identity; kept in the "
                                           "case's access.log)")->option_text("TEXT");
  sub->add_option("--format", f->format, "Output format: yaml (the files' bytes) or json")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->option_text("FORMAT");
  commands.add(sub, [f, &global] { return ::care::intake::show_command(global, *f); });
}

}  // namespace care::cmd::intake
