// The subcommands of care-plan.
#pragma once

#include "common/commands.h"

namespace care::cmd::plan {

void add_plan_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_item_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_journey_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global);
void add_review_command(CLI::App& app, Commands& commands, cli::GlobalOptions& global);

}  // namespace care::cmd::plan
