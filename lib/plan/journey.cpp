// care-plan return: the journey home and the voluntary return declaration.
// Whether it may be recorded is decided by the rules across records (consent
// to assistance, a plan the person agreed, the declaration, a review of a
// high risk, the destination, and a minor's safeguards one by one), which the
// change module applies, those unmet before the return included: no flag
// here can skip them. A refusal ends with the codes of the unmet conditions.
#include <cstdio>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "plan/plan.h"
#include "records/fields.h"
#include "util/utf8.h"

namespace care::plan {
using doc::Node;

namespace {

// The codes of the findings that refused a return, each once, in order.
std::string conditions_unmet(const diag::Diagnostics& problems) {
  std::vector<std::string> codes;
  for (const auto& d : problems)
    if (std::find(codes.begin(), codes.end(), d.code) == codes.end()) codes.push_back(d.code);
  return fmt::format("{}", fmt::join(codes, ", "));
}

}  // namespace

int return_command(const cli::GlobalOptions& g, const ReturnFlags& f) {
  return cli::with_case(g, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    Node journey = c.journey ? c.journey->root : Node::mapping();
    journey.set("kind", Node::string("return"));
    journey.set("version", Node::integer(1));
    journey.set("case", Node::string(f.id));
    if (!f.depart.empty()) journey.set("departure", Node::string(f.depart));
    if (!f.arrive.empty()) journey.set("arrival", Node::string(f.arrive));
    // A correction keeps the country given before; a first record defaults to the case's country of return.
    if (!f.country.empty()) records::put_text(journey, "destination.country", f.country);
    else if (!records::field(journey, "destination.country"))
      records::put_text(journey, "destination.country", records::text(c.main->root, "return_country"));
    if (!f.destination.empty()) records::put_text(journey, "destination.place", f.destination);
    if (!f.escort.empty()) records::put_text(journey, "escort.by", f.escort);
    if (!records::field(journey, "escort.by")) records::put_text(journey, "escort.by", "none");
    if (!f.escort_note.empty()) records::put_text(journey, "escort.note", f.escort_note);
    if (!f.notes.empty()) journey.set("notes", Node::string(f.notes));
    if (auto r = set_declaration(journey, f.declaration)) {
      cli::print_error(kProgram, r->message);
      std::fputs((util::visible(r->hint) + "\n").c_str(), stderr);
      return cli::kFindings;
    }
    change::Request request{"care-plan return", f.id, {}, f.dry_run, f.drop_comments};
    // A condition unmet before the return (a guardian appointed late, a plan
    // agreed without the guardian, ...) refuses it as much as a new one.
    request.conditions = {"rule.minor-", "rule.return-"};
    request.records.push_back({records::Kind::Return, f.id, {}, std::move(journey), std::nullopt});
    auto outcome = change::apply(w.session, w.folder, std::move(request));
    int code = change::report(outcome, kProgram);
    if (code == cli::kFindings && !outcome.problems.empty())
      cli::print_error(kProgram, fmt::format("the return is refused until these are met: {} (care-plan(1): The return "
                                             "gate)", conditions_unmet(outcome.problems)));
    return code;
  });
}

}  // namespace care::plan
