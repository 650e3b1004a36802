#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_new(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto flags = std::make_shared<::care::intake::NewFlags>();
  auto& in = flags->input;
  auto* sub = app.add_subcommand("new", "Register a referral; prints the new case ID");
  sub->add_option("--from", flags->from, "Read the case from a YAML file ('-' for stdin), in the record's shape")
      ->option_text("FILE");
  sub->add_option("--host", in.host, "Host country, ISO 3166-1 alpha-2 (the office registering the case)")->option_text("CC");
  sub->add_option("--nationality", in.nationality, "Nationality (ISO code)")->option_text("CC");
  sub->add_option("--return-country", in.return_country, "Country of return (ISO code)")->option_text("CC");
  sub->add_option("--sex", in.sex, "female, male, other or unknown")->option_text("SEX");
  sub->add_option("--birth", in.birth, "Date of birth (an estimate when unknown, with --age-uncertain)")
      ->option_text("DATE");
  sub->add_flag("--age-uncertain", in.age_uncertain, "The age is not established: presume a minor");
  sub->add_option("--referral-date", in.referral_date, "Day of the referral")->option_text("DATE");
  sub->add_option("--referred-by", in.organisation, "Referring organisation")->option_text("NAME");
  sub->add_option("--referred-by-kind", in.organisation_kind,
                  "ngo, shelter, service_provider, law_enforcement, government, avr_operator, self or other")
      ->option_text("KIND");
  sub->add_option("--consent", in.consents,
                  "Purpose consented to at referral (repeatable): assistance, data_processing, "
                  "sharing_return_country, monitoring_contacts")
      ->option_text("PURPOSE");
  sub->add_option("--consent-by", in.consent_by, "Who gave the consents: person, guardian or both")
      ->check(CLI::IsMember({"person", "guardian", "both"}))
      ->option_text("WHO");
  sub->add_option("--exploitation", in.exploitation, "Type of exploitation (repeatable)")->option_text("TYPE");
  sub->add_option("--notes", in.notes, "Notes (no names or contact details here)")->option_text("TEXT");
  sub->add_option("--given-name", in.given, "Given name (kept in identity.yaml only)")->option_text("NAME");
  sub->add_option("--family-name", in.family, "Family name (identity.yaml only)")->option_text("NAME");
  sub->add_option("--other-name", in.other_names, "Other name or alias (repeatable; identity.yaml only)")
      ->option_text("NAME");
  sub->add_option("--phone", in.phones, "Phone number (repeatable; identity.yaml only)")->option_text("NUMBER");
  sub->add_option("--email", in.emails, "E-mail address (repeatable; identity.yaml only)")->option_text("ADDRESS");
  sub->add_option("--address-line", in.address_lines, "A line of the address (repeatable; identity.yaml only)")
      ->option_text("TEXT");
  sub->add_option("--address-country", in.address_country, "Country of the address")->option_text("CC");
  sub->add_option("--document", in.documents, "Identity document as TYPE=NUMBER (repeatable; identity.yaml only)")
      ->option_text("TYPE=NUMBER");
  sub->add_flag("--record-ineligible", in.record_ineligible,
                "Keep an ineligible referral as a closed, ineligible case for the statistics");
  sub->add_flag("--force", in.force, "Register even though the same person seems to be registered already");
  sub->add_flag("-n,--dry-run", flags->dry_run, "Show what would be written, write nothing");
  commands.add(sub, [flags, &global] { return ::care::intake::new_command(global, *flags); });
}

}  // namespace care::cmd::intake
