// draft, agree, show, edit: the plan as a whole.
#include "plan/commands.h"
#include "plan/plan.h"

namespace care::cmd::plan {
namespace p = ::care::plan;

void add_common(CLI::App* sub, p::Common& f, const char* date_help) {
  sub->add_option("ID", f.id, "Case ID")->required();
  sub->add_option("--date", f.date, date_help)->option_text("DATE");
  sub->add_flag("-n,--dry-run", f.dry_run, "Show what would be written, write nothing");
  sub->add_flag("--drop-comments", f.drop_comments, "Rewrite the record even though its comments will be lost");
}

void add_plan_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto draft = std::make_shared<p::DraftFlags>();
  auto* d = app.add_subcommand("draft", "Draft the plan from the latest assessment: one proposed item per need");
  add_common(d, *draft, "Day of drafting (default: today)");
  d->add_option("--provider", draft->providers, "A service provider who took part (repeatable)")->option_text("NAME");
  d->add_flag("--beneficiary", draft->beneficiary, "The beneficiary took part");
  d->add_flag("--no-staff", draft->no_staff, "Program staff did not take part");
  d->add_flag("--post-arrival-requested", draft->post_arrival_requested,
              "The beneficiary asked for post-arrival help (airport reception, accommodation, ...)");
  commands.add(d, [draft, &global] { return p::draft_command(global, *draft); });

  auto agree = std::make_shared<p::AgreeFlags>();
  auto* a = app.add_subcommand("agree", "Record the beneficiary's agreement to the plan");
  add_common(a, *agree, "Day of the agreement (default: today)");
  a->add_flag("--guardian", agree->guardian, "The guardian agreed too (required for a minor)");
  commands.add(a, [agree, &global] { return p::agree_command(global, *agree); });

  auto show = std::make_shared<p::ShowFlags>();
  auto* s = app.add_subcommand("show", "Show the plan: planned, delivered and remaining per item and in total");
  s->add_option("ID", show->id, "Case ID")->required();
  s->add_option("--format", show->format, "text or json")->check(CLI::IsMember({"text", "json"}))->option_text("FORMAT");
  commands.add(s, [show, &global] { return p::show_command(global, *show); });

  auto edit = std::make_shared<p::EditFlags>();
  auto* e = app.add_subcommand("edit", "Edit plan.yaml or return.yaml in $VISUAL or $EDITOR, saved only if it passes the checks");
  e->add_option("ID", edit->id, "Case ID")->required();
  e->add_option("KIND", edit->kind, "plan (default) or return")->check(CLI::IsMember({"plan", "return"}));
  commands.add(e, [edit, &global] { return p::edit_command(global, *edit); });
}

}  // namespace care::cmd::plan
