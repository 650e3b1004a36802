// care-intake identification: whether the person is a presumed or an
// identified victim of trafficking and who identified them, the right to
// stay in the host country, and criminal proceedings in which the person is
// a witness or a party. Each run adds to case.yaml; fields it is not given
// are kept, and proceedings are only ever added or closed, never removed.
#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "intake/intake.h"

namespace care::intake {
using doc::Node;

int identification_command(const cli::GlobalOptions& global, const IdentificationFlags& f) {
  if (!any_identification(f)) {
    cli::print_error(kProgram, "give at least one of --trafficking-status, --residence, --proceedings or "
                               "--close-proceedings (see care-intake identification --help)");
    return cli::kUsage;
  }
  return cli::with_case(global, kProgram, f.id, false, cli::writing(f.dry_run),
                        [&](const cli::Workspace& w, const records::Case& c) -> int {
    Node record = c.main->root;
    auto problem = apply_identification(record, f, w.session.today.str());
    if (!problem.message.empty()) {
      cli::print_error(kProgram, problem.message);
      return problem.usage ? cli::kUsage : cli::kFindings;
    }
    change::Request request{"care-intake identification", f.id, {}, f.dry_run, f.drop_comments};
    request.records.push_back({records::Kind::Case, f.id, {}, std::move(record), std::nullopt});
    return change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
  });
}

}  // namespace care::intake
