#include <cstdio>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "intake/referral_input.h"
#include "records/fields.h"

namespace care::intake {
namespace {

// Asks for what is missing, on a terminal only. Returns the flags still missing.
std::vector<std::string> complete(Draft& draft, NewCaseInput& input) {
  std::vector<std::string> missing;
  bool asking = cli::can_prompt();
  for (const auto& need : missing_fields(draft.case_record)) {
    std::optional<std::string> answer = asking ? cli::ask(need.question) : std::nullopt;
    if (answer && !answer->empty()) records::put_text(draft.case_record, need.field, *answer);
    else missing.push_back(need.flag);
  }
  if (input.consents.empty() && !draft.case_record.find("consents")) {
    auto answer = asking ? cli::ask("Consents given, separated by spaces (data_processing is needed to keep a file)")
                         : std::nullopt;
    std::string word;
    for (char c : answer.value_or("") + " ") {
      if (c != ' ' && c != ',') word += c;
      else if (!word.empty()) input.consents.push_back(std::exchange(word, {}));
    }
    if (input.consents.empty()) missing.push_back("--consent");
  }
  return missing;
}

int refuse(const Registration& r, bool record_ineligible) {
  // An ineligible referral given with --record-ineligible is refused only
  // as a duplicate: say so, not to add the flag it has.
  if (!r.ineligible.empty() && r.outcome.problems.empty() && !record_ineligible) {
    cli::print_error(kProgram, fmt::format("not eligible: {}", fmt::join(r.ineligible, "; ")));
    std::fputs("Nothing was written. To keep the referral for the statistics as a closed, ineligible case, "
               "run the command again with --record-ineligible.\n", stderr);
    return cli::kFindings;
  }
  if (!r.duplicate_of.empty()) {
    cli::print_error(kProgram, fmt::format("this person may already be registered as {} "
                                           "(same office, names and date of birth)", r.duplicate_of));
    std::fputs("The case was not registered. If it is another person, run the command again with --force.\n", stderr);
    return cli::kFindings;
  }
  return change::report(r.outcome, kProgram);
}

}  // namespace

int new_command(const cli::GlobalOptions& global, NewFlags flags) {
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, true, code, cli::writing(flags.dry_run));
  if (!w) return code;
  diag::Diagnostics problems;
  if (!flags.from.empty() && !(flags.input.from = read_referral(flags.from, problems))) {
    cli::print_problems(problems, kProgram);
    return cli::kFindings;
  }
  Draft draft = assemble(flags.input);
  if (auto missing = complete(draft, flags.input); !missing.empty()) {
    cli::print_error(kProgram, fmt::format("missing {}{}", fmt::join(missing, ", "),
                                           cli::can_prompt() ? "" : " (there is no terminal to ask on)"));
    return cli::kUsage;
  }
  Registration r = register_case(w->session, w->folder, std::move(draft), flags.input, flags.dry_run);
  // Written but not committed to git (7): the case exists, so its ID is printed like any other.
  bool written = r.outcome.exit_code == cli::kOk || r.outcome.exit_code == cli::kNotCommitted;
  if (!written || !r.outcome.problems.empty()) return refuse(r, flags.input.record_ineligible);
  if (r.series.chosen_now) cli::print_error(kProgram, "note: " + series_note(r.series, r.id));
  if (!r.duplicate_check_gap.empty()) cli::print_error(kProgram, "warning: " + r.duplicate_check_gap);
  if (r.waiting)
    cli::print_error(kProgram, fmt::format("warning: the program's capacity of {} persons assessed is reached: {} is "
                                           "recorded as eligible, waiting for a place",
                                           w->folder.config.target_assessed, r.id));
  if (flags.dry_run) return change::report(r.outcome, kProgram);
  std::fputs((r.id + "\n").c_str(), stdout);
  if (r.minor)
    cli::print_error(kProgram, fmt::format("note: {} is a minor's case (under 18 at referral, or age uncertain): "
                                           "record the guardian with care-intake minor {}", r.id, r.id));
  if (!r.ineligible.empty()) cli::print_error(kProgram, fmt::format("note: {} was recorded as ineligible and closed", r.id));
  return change::report(r.outcome, kProgram);
}

}  // namespace care::intake
