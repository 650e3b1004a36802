#include "intake/commands.h"
#include "intake/listing.h"

namespace care::cmd::intake {

void add_list(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::ListFlags>();
  auto* sub = app.add_subcommand("list", "List the cases, one line each (never any identity)");
  sub->add_option("--stage", f->stages, "Only cases at this stage (repeatable)")
      ->check(CLI::IsMember(::care::intake::stage_names()))
      ->option_text("STAGE");
  sub->add_option("--host", f->host, "Only cases whose host country is CC")->option_text("CC");
  sub->add_option("--return-country", f->return_country, "Only cases returning to CC")->option_text("CC");
  auto* minor = sub->add_flag("--minor", f->minor, "Only cases of a minor at referral");
  auto* adult = sub->add_flag("--adult", f->adult, "Only cases of an adult at referral");
  minor->excludes(adult);
  sub->add_option("--referred-from", f->referred_from, "Only cases referred on or after DATE")->option_text("DATE");
  sub->add_option("--referred-to", f->referred_to, "Only cases referred on or before DATE")->option_text("DATE");
  sub->add_option("--format", f->format, "Output format: table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->option_text("FORMAT");
  commands.add(sub, [f, &global] { return ::care::intake::list_command(global, *f); });
}

}  // namespace care::cmd::intake
