// Flag parsing shared by the four binaries: the global options, and a table
// of subcommands, each registered by its own file under cmd/<tool>/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/session.h"

namespace care::cmd {

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

struct Commands {
  std::vector<Command> list;
  void add(CLI::App* app, std::function<int()> run) { list.push_back({app, std::move(run)}); }
};

// -C DIR and --as-of DATE, on the binary and every subcommand.
void add_global_options(CLI::App& app, cli::GlobalOptions& global);

// --dry-run and --drop-comments, for commands that write.
struct WriteFlags {
  bool dry_run = false;
  bool drop_comments = false;
};
void add_write_flags(CLI::App& sub, WriteFlags& flags);

// Parses and runs the chosen subcommand; returns the exit status.
int run(CLI::App& app, const Commands& commands, int argc, char** argv);

}  // namespace care::cmd
