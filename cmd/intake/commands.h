// The subcommands of care-intake, one registration function per file.
#pragma once

#include "common/commands.h"

namespace care::cmd::intake {

void add_init(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_clone(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_new(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_consent(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_assess(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_minor(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_identification(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_edit(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_list(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_show(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_outreach(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_series(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_erase(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_keys(CLI::App& app, Commands& commands, cli::GlobalOptions& global);

}  // namespace care::cmd::intake
