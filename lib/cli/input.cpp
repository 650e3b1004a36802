#include "cli/input.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>

#include "doc/yaml_io.h"

namespace care::cli {

std::optional<doc::Node> read_input(const std::string& path, diag::Diagnostics& problems) {
  doc::ParseResult parsed;
  if (path == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    parsed = doc::parse(std::move(text), "<stdin>");
  } else {
    parsed = doc::read_file(path, path);
  }
  problems.insert(problems.end(), parsed.problems.begin(), parsed.problems.end());
  if (!parsed.root) return std::nullopt;
  if (!parsed.root->is_mapping()) {
    problems.push_back(diag::at(parsed.root->location(), "input.shape", "the input must be a mapping of fields",
                                "Write the input as \"field: value\" lines, in the shape of the record."));
    return std::nullopt;
  }
  return parsed.root;
}

bool can_prompt() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<std::string> ask(const std::string& question) {
  std::fputs((question + ": ").c_str(), stderr);
  std::fflush(stderr);
  std::string answer;
  if (!std::getline(std::cin, answer)) return std::nullopt;
  return answer;
}

}  // namespace care::cli
