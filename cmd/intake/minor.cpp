#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_minor(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::MinorFlags>();
  auto* sub = app.add_subcommand("minor", "Record a minor's guardian, BID, family tracing, reception and escort");
  sub->add_option("ID", f->id, "Case ID")->required();
  sub->add_option("--from", f->from, "Read sections of minor.yaml from a YAML file ('-' for stdin)")->option_text("FILE");
  sub->add_option("--guardian-appointed", f->guardian_appointed, "Day the guardian was appointed")->option_text("DATE");
  sub->add_option("--guardian-type", f->guardian_type, "legal_guardian, parent, social_services or other")
      ->option_text("TYPE");
  sub->add_option("--guardian-organisation", f->guardian_organisation, "Guardian's organisation (no names)")
      ->option_text("NAME");
  sub->add_option("--bid-step", f->bid_steps, "A step of the best interests determination as DATE=TEXT (repeatable)")
      ->option_text("DATE=TEXT");
  sub->add_option("--bid-outcome", f->bid_outcome,
                  "pending, return_in_best_interest or return_not_in_best_interest")->option_text("OUTCOME");
  sub->add_option("--bid-decided", f->bid_decided, "Day the BID was decided")->option_text("DATE");
  sub->add_flag("--bid-panel", f->bid_panel, "The BID was made by a multidisciplinary panel");
  sub->add_option("--tracing", f->tracing_status, "Family tracing: not_started, in_progress, found, not_found")
      ->option_text("STATUS");
  sub->add_option("--tracing-date", f->tracing_date, "Day of the tracing status")->option_text("DATE");
  sub->add_option("--family-assessed", f->family_assessed, "Day of the family assessment")->option_text("DATE");
  sub->add_option("--family-willing", f->family_willing, "Family willing and able to receive the child: yes or no")
      ->option_text("YES|NO");
  sub->add_option("--family-implicated", f->family_implicated, "Family implicated in the trafficking: yes or no")
      ->option_text("YES|NO");
  sub->add_option("--family-outcome", f->family_outcome,
                  "pending, reunification_possible or reunification_not_possible")->option_text("OUTCOME");
  sub->add_option("--reunification-confirmed", f->reunification_confirmed, "Day family reunification was confirmed")
      ->option_text("DATE");
  sub->add_option("--receiving-organisation", f->receiving_name, "Organisation receiving the child on arrival")
      ->option_text("NAME");
  sub->add_option("--receiving-country", f->receiving_country, "Its country")->option_text("CC");
  sub->add_option("--receiving-confirmed", f->receiving_confirmed, "Day it confirmed")->option_text("DATE");
  sub->add_option("--coordinated", f->coordination_date, "Day the return was coordinated with both countries")
      ->option_text("DATE");
  sub->add_option("--host-party", f->host_parties, "A party in the host country (repeatable)")->option_text("NAME");
  sub->add_option("--return-party", f->return_parties, "A party in the country of return (repeatable)")
      ->option_text("NAME");
  sub->add_option("--escort", f->escort_by, "Who escorts the whole journey: guardian or program_staff")
      ->option_text("WHO");
  sub->add_option("--escort-agreed", f->escort_agreed, "Day the escort was agreed")->option_text("DATE");
  auto& s = f->safeguards;
  namespace in = ::care::intake;
  sub->add_option("--views-heard", s.views_heard, "Day the child's views were heard and recorded")
      ->option_text("DATE");
  sub->add_option("--views-heard-by", s.views_heard_by, "Who heard them: a role or an organisation, never a name")
      ->option_text("ROLE");
  sub->add_option("--wants-return", s.wants_return, "The child wants to return: yes, no or undecided")
      ->check(CLI::IsMember(in::views_answers()))
      ->option_text("ANSWER");
  sub->add_option("--wants-tracing", s.wants_tracing, "The child wants family tracing: yes, no or undecided")
      ->check(CLI::IsMember(in::views_answers()))
      ->option_text("ANSWER");
  sub->add_option("--wants-to-live", s.wants_to_live,
                  "Where and with whom the child wants to live, in the child's terms (no names or addresses)")
      ->option_text("TEXT");
  sub->add_option("--views-note", s.views_note, "What else the child said (no names)")->option_text("TEXT");
  sub->add_option("--lives-with", s.lives_with,
                  "On arrival the child lives with parents, relatives, foster_family, residential_care, "
                  "supported_independent_living or other")
      ->check(CLI::IsMember(in::lives_with_values()))
      ->option_text("WHOM");
  sub->add_option("--lives-place", s.lives_place, "The town or region (never an address)")->option_text("TEXT");
  sub->add_option("--care-note", s.care_note, "Details of the care arrangement")->option_text("TEXT");
  sub->add_option("--follow-up-organisation", s.follow_up_organisation,
                  "Child-protection service in the country of return that takes over the follow-up")
      ->option_text("ORG");
  sub->add_option("--follow-up-role", s.follow_up_role, "Who there follows the child up: a role, never a name")
      ->option_text("ROLE");
  sub->add_option("--follow-up-agreed", s.follow_up_agreed, "Day the service agreed")->option_text("DATE");
  sub->add_option("--transition-date", s.transition_date,
                  "Day it was decided that the safeguards for children no longer apply (turned 18)")
      ->option_text("DATE");
  sub->add_option("--transition-reason", s.transition_reason, "Why they no longer apply")->option_text("TEXT");
  sub->add_option("--notes", f->notes, "Notes (no names or contact details)")->option_text("TEXT");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  sub->add_flag("--drop-comments", f->drop_comments, "Rewrite minor.yaml even though its comments will be lost");
  commands.add(sub, [f, &global] { return ::care::intake::minor_command(global, *f); });
}

}  // namespace care::cmd::intake
