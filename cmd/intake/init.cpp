#include "intake/commands.h"
#include "intake/init.h"

namespace care::cmd::intake {

void add_init(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::InitFlags>();
  auto* sub = app.add_subcommand("init", "Create a case folder: care.toml, git, schemas for editors");
  sub->add_option("DIR", f->dir, "The folder to create (or to set up, if it has no care.toml)")->required();
  sub->add_flag("--no-git", f->no_git, "Do not run git init");
  sub->add_flag("--hooks", f->hooks,
                "In an existing case folder: write its git hooks and .gitattributes, enable the hooks, "
                "make it owner-only; records are left as they are");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be created, create nothing");
  commands.add(sub, [f, &global] { return ::care::intake::init_command(global, *f); });
}

}  // namespace care::cmd::intake
