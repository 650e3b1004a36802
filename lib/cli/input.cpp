#include "cli/input.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "util/file_read.h"

namespace care::cli {

std::optional<doc::Node> read_input(const std::string& path, diag::Diagnostics& problems) {
  doc::ParseResult parsed;
  if (path == "-") {
    // Bounded like a record file: the input becomes one.
    util::FileText input = util::read_descriptor(STDIN_FILENO, doc::Limits{}.max_bytes);
    if (input.ok()) {
      parsed = doc::parse(std::move(input.text), "<stdin>");
    } else {
      diag::Diagnostic d = doc::read_failure(input, "<stdin>");
      if (input.failure == util::ReadFailure::TooLarge) {
        d.message = fmt::format("the input is larger than {} bytes, the most a record may have", doc::Limits{}.max_bytes);
        d.hint = "Check what is sent to standard input; a record is a few kilobytes.";
      }
      parsed.problems.push_back(std::move(d));
    }
  } else {
    parsed = doc::read_file(path, path);
    for (diag::Diagnostic& d : parsed.problems)
      if (d.code == "file.not-regular")
        d.hint = "Give a regular file; to pass text through a pipe, use --from - and standard input.";
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
