#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_assess(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::AssessFlags>();
  auto* sub = app.add_subcommand("assess", "Record a dated needs-and-risks assessment (never overwrites an earlier one)");
  sub->add_option("ID", f->id, "Case ID")->required();
  sub->add_option("--from", f->from, "Read the assessment from a YAML file ('-' for stdin)")->option_text("FILE");
  sub->add_option("--date", f->date, "Day of the assessment (default: today)")->option_text("DATE");
  sub->add_option("--by", f->assessed_by, "Who assessed: a role and office, not a name")->option_text("ROLE");
  sub->add_option("--need", f->needs,
                  "A need as DOMAIN=LEVEL[:note] (repeatable); domains: health, psychosocial, housing, livelihood, "
                  "education_training, legal, family, child_care; levels: none, low, medium, high")
      ->option_text("SPEC");
  sub->add_option("--risk", f->risks,
                  "A risk factor as FACTOR=LEVEL[:note] (repeatable); factors: threats_reprisals, debt_to_traffickers, "
                  "family_involvement, stigma, health, earlier_retrafficking, other")
      ->option_text("SPEC");
  sub->add_option("--overall-risk", f->overall_risk, "low, medium or high")->option_text("LEVEL");
  sub->add_option("--skill", f->skills, "A skill (repeatable)")->option_text("TEXT");
  sub->add_option("--motivation", f->motivations, "A motivation (repeatable)")->option_text("TEXT");
  sub->add_option("--opportunity", f->opportunities, "An opportunity found in the country of return (repeatable)")
      ->option_text("TEXT");
  sub->add_flag("--with-guardian", f->with_guardian, "The guardian took part (minors)");
  sub->add_option("--notes", f->notes, "Notes (no names or contact details)")->option_text("TEXT");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  commands.add(sub, [f, &global] { return ::care::intake::assess_command(global, *f); });
}

}  // namespace care::cmd::intake
