// review: a review of a high risk before return.
#include "plan/commands.h"
#include "plan/plan.h"

namespace care::cmd::plan {
namespace p = ::care::plan;

void add_common(CLI::App* sub, p::Common& f, const char* date_help);

void add_review_command(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<p::ReviewFlags>();
  auto* r = app.add_subcommand("review", "Record a review of the risk before return: who, the decision, the safety measures");
  add_common(r, *f, "Day of the review (default: today)");
  r->add_option("--reviewer", f->review.reviewer, "Who reviewed: a role or an organisation, never a name")
      ->required()
      ->option_text("ROLE");
  r->add_option("--decision", f->review.decision, "proceed, postpone or cancel")
      ->required()
      ->check(CLI::IsMember({"proceed", "postpone", "cancel"}))
      ->option_text("DECISION");
  r->add_option("--safety-measure", f->review.safety_measures,
                "A safety measure agreed for the journey and the first months (repeatable, at least one)")
      ->required()
      ->option_text("TEXT");
  r->add_option("--note", f->review.note, "Details (no names)")->option_text("TEXT");
  commands.add(r, [f, &global] { return p::review_command(global, *f); });
}

}  // namespace care::cmd::plan
