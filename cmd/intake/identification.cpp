#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_identification(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  namespace in = ::care::intake;
  auto f = std::make_shared<in::IdentificationFlags>();
  auto* sub = app.add_subcommand("identification",
                                 "Record the trafficking status, the residence status and criminal proceedings");
  sub->add_option("ID", f->id, "Case ID")->required();
  sub->add_option("--trafficking-status", f->trafficking_status, "presumed, identified or not_identified")
      ->check(CLI::IsMember(in::trafficking_statuses()))
      ->option_text("STATUS");
  sub->add_option("--identified-by", f->identified_by,
                  "Kind of authority or organisation that identified the person: police, labour_inspection, "
                  "immigration_authority, prosecutor_or_court, social_services, ngo, international_organisation "
                  "or other")
      ->check(CLI::IsMember(in::identifying_kinds()))
      ->option_text("KIND");
  sub->add_option("--identified-on", f->identified_on, "Day of the identification (or of the decision)")
      ->option_text("DATE");
  sub->add_option("--residence", f->residence,
                  "none, reflection_period, residence_permit, asylum_applicant or other")
      ->check(CLI::IsMember(in::residence_statuses()))
      ->option_text("STATUS");
  sub->add_option("--residence-from", f->residence_from, "First day of the period or permit")->option_text("DATE");
  sub->add_option("--residence-until", f->residence_until, "Last day of the period or permit")->option_text("DATE");
  sub->add_option("--residence-note", f->residence_note, "Details, such as the kind of permit")->option_text("TEXT");
  sub->add_option("--proceedings", f->proceedings,
                  "Add open criminal proceedings, the person being witness, injured_party, defendant or other")
      ->check(CLI::IsMember(in::proceedings_roles()))
      ->option_text("ROLE");
  sub->add_option("--proceedings-since", f->proceedings_since, "Day the person's part in them began")
      ->option_text("DATE");
  sub->add_option("--proceedings-note", f->proceedings_note, "Details of them (never a name)")->option_text("TEXT");
  sub->add_option("--close-proceedings", f->close_proceedings,
                  "Mark proceedings entry N (1 for the first, as care-intake show lists them) closed")
      ->check(CLI::PositiveNumber)
      ->option_text("N");
  sub->add_option("--proceedings-closed", f->proceedings_closed, "Day they closed (default: today)")
      ->option_text("DATE");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  sub->add_flag("--drop-comments", f->drop_comments, "Rewrite case.yaml even though its comments will be lost");
  commands.add(sub, [f, &global] { return in::identification_command(global, *f); });
}

}  // namespace care::cmd::intake
