// care-intake consent: grants and withdrawals appended to the case's consent
// history; nothing is ever removed from it.
#include <algorithm>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "records/facts.h"
#include "records/fields.h"

namespace care::intake {
using doc::Node;
namespace {

Node consent_entry(const std::string& purpose, std::string_view action, const std::string& on, const std::string& who) {
  Node e = Node::mapping();
  e.set("purpose", Node::string(purpose));
  e.set("action", Node::string(std::string(action)));
  e.set("date", Node::string(on));
  e.set("given_by", Node::string(who));
  return e;
}

}  // namespace

int consent_command(const cli::GlobalOptions& global, const ConsentFlags& f) {
  if (f.grant.empty() && f.withdraw.empty()) {
    cli::print_error(kProgram, "give at least one --grant PURPOSE or --withdraw PURPOSE");
    return cli::kUsage;
  }
  return cli::with_case(global, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    std::string on = f.date.empty() ? w.session.today.str() : f.date;
    auto when = util::Date::parse(on);
    for (const auto& purpose : f.withdraw)
      if (when && !records::consent_in_force(c, purpose, *when)) {
        cli::print_error(kProgram, fmt::format("{} has no consent to {} in force on {} to withdraw", f.id, purpose, on));
        return cli::kFindings;
      }
    Node record = c.main->root;
    Node history = record.find("consents") ? *record.find("consents") : Node::sequence();
    for (const auto& purpose : f.grant) history.push_back(consent_entry(purpose, "granted", on, f.given_by));
    for (const auto& purpose : f.withdraw) history.push_back(consent_entry(purpose, "withdrawn", on, f.given_by));
    record.set("consents", std::move(history));
    change::Request request{"care-intake consent", f.id, {}, f.dry_run, f.drop_comments};
    request.allowed_after_withdrawal = true;  // a person may give consent again
    request.records.push_back({records::Kind::Case, f.id, {}, std::move(record), std::nullopt});
    int code = change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
    // Withdrawing consent to the processing of one's data asks for erasure.
    bool data = std::find(f.withdraw.begin(), f.withdraw.end(), "data_processing") != f.withdraw.end();
    if (code == cli::kOk && data && !f.dry_run)
      cli::print_error(kProgram, fmt::format("note: with consent to data processing withdrawn, erase the case: "
                                             "care-intake erase {} --reason \"consent withdrawn\" (care-report check "
                                             "reports it until then)", f.id));
    return code;
  });
}

}  // namespace care::intake
