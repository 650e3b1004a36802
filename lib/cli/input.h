// Structured input given to a command with --from FILE ("-" for stdin), and
// questions asked on a terminal.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "doc/node.h"

namespace care::cli {

// Reads a YAML mapping from a file or stdin; problems located in it.
std::optional<doc::Node> read_input(const std::string& path, diag::Diagnostics& problems);

// True when stdin is a terminal: only then may a command ask questions.
bool can_prompt();

// Asks on the terminal (question on stderr, answer from stdin); nullopt at end of input.
std::optional<std::string> ask(const std::string& question);

}  // namespace care::cli
