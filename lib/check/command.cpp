#include "check/command.h"

#include <cstdio>

#include <fmt/format.h>

#include "check/check.h"
#include "cli/exit_codes.h"
#include "util/utf8.h"

namespace care::check {
namespace {

constexpr std::string_view kProgram = "care-report";

std::optional<cli::Session> open(const cli::GlobalOptions& global, int& code) {
  return cli::open_or_explain(global, kProgram, code);
}

void print_bad_paths(const Result& result) {
  for (const auto& p : result.bad_paths)
    cli::print_error(kProgram, fmt::format("{}: no such file or folder inside the case folder", p));
}

}  // namespace

int check_command(const cli::GlobalOptions& global, const CheckFlags& flags) {
  int code = cli::kOk;
  auto session = open(global, code);
  if (!session) return code;
  Request request{flags.paths, flags.strict};
  request.modes = true;
  Result result = run(session->root, session->cwd, session->config, session->today, request);
  auto again = cli::read_again(*session, kProgram, code);
  if (!again) return code;
  if (*again) result = run(session->root, session->cwd, session->config, session->today, request);
  print_bad_paths(result);
  if (flags.format == "json") {
    std::fputs(diag::render_json(result.problems).c_str(), stdout);
  } else {
    cli::print_problems(result.problems, kProgram);
    if (result.bad_paths.empty() && (flags.verbose || !result.problems.empty()))
      std::fputs(fmt::format("{}\n", summary(result)).c_str(), stderr);
  }
  return exit_code(result, flags.strict);
}

int config_command(const cli::GlobalOptions& global) {
  int code = cli::kOk;
  auto session = open(global, code);
  if (!session) return code;
  std::fputs(util::visible(folder::describe(session->config), true).c_str(), stdout);
  return cli::kOk;
}

}  // namespace care::check
