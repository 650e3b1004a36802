#include "intake/clone.h"
#include "intake/commands.h"

namespace care::cmd::intake {

void add_clone(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::CloneFlags>();
  auto* sub = app.add_subcommand("clone", "Clone a shared case folder: owner-only, hooks enabled, key checked");
  sub->add_option("URL", f->url, "Where the folder is shared: anything git clone accepts")->required();
  sub->add_option("DIR", f->dir, "The new folder (missing, or empty)")->required();
  commands.add(sub, [f, &global] { return ::care::intake::clone_command(global, *f); });
}

}  // namespace care::cmd::intake
