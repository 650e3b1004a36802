#include "intake/commands.h"
#include "intake/outreach.h"

namespace care::cmd::intake {
namespace {

void add_outreach_add(CLI::App& outreach, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::OutreachAddFlags>();
  auto& in = f->input;
  auto* sub = outreach.add_subcommand("add", "Record an information meeting or a leaflet dispatch; prints its ID");
  sub->add_option("--date", in.date, "Day of the meeting or dispatch")->option_text("DATE");
  sub->add_option("--country", in.country, "Country where it took place (ISO 3166-1 alpha-2)")->option_text("CC");
  sub->add_option("--type", in.type, "information_meeting or leaflet_dispatch")
      ->check(CLI::IsMember(::care::intake::outreach_types()))
      ->option_text("TYPE");
  sub->add_option("--organisation", in.organisations,
                  "An organisation reached, e.g. \"Harbour Shelter=ngo\" (repeatable)")
      ->option_text("NAME=KIND");
  sub->add_option("--participants", in.participants, "How many people attended (required for a meeting)")
      ->option_text("N");
  sub->add_option("--leaflets", in.leaflets, "How many leaflets were handed out or sent (required for a dispatch)")
      ->option_text("N");
  sub->add_option("--notes", in.notes, "Free text; no names of persons")->option_text("TEXT");
  sub->add_option("--from", f->from, "Read the fields from a YAML mapping (- for stdin); flags win")
      ->option_text("FILE");
  sub->add_flag("-n,--dry-run", f->dry_run, "Show what would be written, write nothing");
  commands.add(sub, [f, &global] { return ::care::intake::outreach_add_command(global, *f); });
}

void add_outreach_list(CLI::App& outreach, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::OutreachListFlags>();
  auto* sub = outreach.add_subcommand("list", "List outreach events, one line each");
  sub->add_option("--from", f->from, "Only events on or after DATE")->option_text("DATE");
  sub->add_option("--to", f->to, "Only events on or before DATE")->option_text("DATE");
  sub->add_option("--format", f->format, "Output format: table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->option_text("FORMAT");
  commands.add(sub, [f, &global] { return ::care::intake::outreach_list_command(global, *f); });
}

}  // namespace

void add_outreach(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto* outreach = app.add_subcommand("outreach", "Information meetings and leaflet dispatches for multipliers");
  outreach->require_subcommand(1);
  add_outreach_add(*outreach, commands, global);
  add_outreach_list(*outreach, commands, global);
}

}  // namespace care::cmd::intake
