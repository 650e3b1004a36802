// return: the journey home.
#include "plan/commands.h"
#include "plan/plan.h"

namespace care::cmd::plan {
namespace p = ::care::plan;

void add_journey_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<p::ReturnFlags>();
  auto* r = app.add_subcommand("return", "Record the return journey; refused while any condition for it is unmet");
  r->add_option("ID", f->id, "Case ID")->required();
  r->add_option("--depart", f->depart, "Day of departure")->option_text("DATE");
  r->add_option("--arrive", f->arrive, "Day of arrival")->option_text("DATE");
  r->add_option("--destination", f->destination, "Final destination: town or region, never an address")
      ->option_text("PLACE");
  r->add_option("--country", f->country, "Country of arrival (default: the case's country of return)")
      ->option_text("CC");
  r->add_option("--escort", f->escort, "none, guardian, program_staff or other")->option_text("WHO");
  r->add_option("--escort-note", f->escort_note, "About the escort (no names)")->option_text("TEXT");
  r->add_option("--notes", f->notes, "Notes (no names)")->option_text("TEXT");
  r->add_option("--declaration-signed", f->declaration.signed_on,
                "Day the person signed the voluntary return declaration")
      ->option_text("DATE");
  r->add_flag("--alternatives-explained", f->declaration.alternatives_explained,
              "Staying, asylum and a residence permit were explained to the person");
  r->add_option("--language", f->declaration.language, "Language the declaration was explained and signed in")
      ->option_text("LANG");
  r->add_option("--guardian-signed", f->declaration.guardian_signed,
                "For a child: day the guardian signed the declaration")
      ->option_text("DATE");
  r->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  r->add_flag("--drop-comments", f->drop_comments, "Rewrite return.yaml even though its comments will be lost");
  commands.add(r, [f, &global] { return p::return_command(global, *f); });
}

}  // namespace care::cmd::plan
