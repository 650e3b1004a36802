// care-plan return: the journey home. Whether it may be recorded is decided
// by the rules across records (consent to assistance, an agreed plan, and a
// minor's safeguards one by one), which the change module applies: no flag
// here can skip them.
#include <fmt/format.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "plan/plan.h"
#include "records/fields.h"

namespace care::plan {
using doc::Node;

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
    change::Request request{"care-plan return", f.id, {}, f.dry_run, f.drop_comments};
    request.records.push_back({records::Kind::Return, f.id, {}, std::move(journey), std::nullopt});
    return change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
  });
}

}  // namespace care::plan
