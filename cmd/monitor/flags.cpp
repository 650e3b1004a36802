// The subcommands of care-monitor and their flags.
#include "common/commands.h"
#include "monitor/monitor.h"

namespace care::cmd::monitor {
namespace m = ::care::monitor;

namespace {

void add_writing(CLI::App* sub, m::Writing& f, const char* date_help) {
  sub->add_option("ID", f.id, "Case ID")->required();
  sub->add_option("--date", f.date, date_help)->option_text("DATE");
  sub->add_flag("-n,--dry-run", f.dry_run, "Show what would be written, write nothing");
  sub->add_flag("--drop-comments", f.drop_comments, "Rewrite the record even though its comments will be lost");
}

// The safety plan of a return at high risk: roles, services and kinds of place only.
void add_safety_plan(CLI::App* sub, m::SafetyPlanFlags& f) {
  sub->add_option("--call", f.calls, "Safety plan: whom the person calls in danger, a role or service (repeatable)")
      ->option_text("TEXT");
  sub->add_option("--safe-place", f.safe_places, "Safety plan: a kind of place the person can go to (repeatable)")
      ->option_text("TEXT");
  sub->add_option("--report-contact-by", f.report_contact_by,
                  "Safety plan: how the person reports contact by traffickers")
      ->option_text("TEXT");
}

void add_record(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<m::RecordFlags>();
  auto* s = app.add_subcommand("record", "Record one monitoring contact (one file per contact)");
  add_writing(s, *f, "Day of the contact (default: today)");
  s->add_option("--from", f->from, "Read the contact from a YAML file ('-' for stdin)")->option_text("FILE");
  s->add_option("--mode", f->mode, "visit, phone or partner")->option_text("MODE");
  s->add_option("--number", f->number, "Which scheduled contact (default: the earliest not yet done)");
  s->add_flag("--not-reached", f->not_reached, "A failed attempt: the beneficiary could not be reached");
  s->add_option("--item", f->items, "Progress of a plan item as ITEM=PROGRESS[:note] (repeatable); progress: "
                                    "not_started, in_progress, completed, stalled, cancelled")->option_text("SPEC");
  s->add_option("--wellbeing", f->wellbeing, "good, fair or poor, optionally :note")->option_text("LEVEL");
  s->add_option("--risk", f->risks, "A risk factor as FACTOR=LEVEL[:note] (repeatable), as in the assessment")
      ->option_text("SPEC");
  s->add_option("--overall-risk", f->overall_risk, "low, medium or high")->option_text("LEVEL");
  s->add_option("--flag", f->flags, "Raise a risk flag: threats, trafficker_contact, irregular_migration_intent or "
                                    "other, optionally :note (repeatable)")->option_text("FLAG");
  s->add_option("--answer", f->answers, "Answer to a sustainability question as QUESTION=SCORE (repeatable)")
      ->option_text("SPEC");
  s->add_option("--view", f->view, "The beneficiary's own view")->option_text("TEXT");
  s->add_option("--child-protection-seen", f->child_protection_seen,
                "For a child: whether the child-protection service that follows the child up was seen (yes or no)")
      ->check(CLI::IsMember({"yes", "no"}))
      ->option_text("yes|no");
  s->add_option("--notes", f->notes, "Notes (no names)")->option_text("TEXT");
  commands.add(s, [f, &global] { return m::record_command(global, *f); });
}

void add_plan_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto sch = std::make_shared<m::ScheduleFlags>();
  auto* s = app.add_subcommand("schedule", "Create the monitoring plan from the arrival date and care.toml's months");
  add_writing(s, *sch, "Day the beneficiary agreed to the plan (default: today)");
  s->add_option("--mode", sch->modes, "How the beneficiary agreed to be contacted: visit, phone, partner (repeatable)")
      ->option_text("MODE");
  s->add_option("--partner", sch->partner, "The partner organisation, for partner contacts")->option_text("NAME");
  s->add_option("--months", sch->months,
                "This case's months after arrival, 1 to 24, comma-separated (default: care.toml's [monitoring] months)")
      ->option_text("LIST");
  add_safety_plan(s, *sch);
  commands.add(s, [sch, &global] { return m::schedule_command(global, *sch); });

  auto sp = std::make_shared<m::SafetyPlanFlags>();
  auto* p = app.add_subcommand("safety-plan", "Add or replace the safety plan of a monitoring plan");
  add_writing(p, *sp, "(not used)");
  add_safety_plan(p, *sp);
  commands.add(p, [sp, &global] { return m::safety_plan_command(global, *sp); });

  auto mv = std::make_shared<m::MoveFlags>();
  auto* v = app.add_subcommand("move", "Move one scheduled contact to another day, with the reason");
  add_writing(v, *mv, "(not used)");
  v->add_option("NUMBER", mv->number, "Contact number")->required();
  v->add_option("--to", mv->to, "The new due date")->required()->option_text("DATE");
  v->add_option("--reason", mv->reason, "Why")->required()->option_text("TEXT");
  commands.add(v, [mv, &global] { return m::move_command(global, *mv); });
}

void add_closing(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto cl = std::make_shared<m::CloseFlags>();
  auto* c = app.add_subcommand("close", "Close a case, with the reason");
  add_writing(c, *cl, "Day of closure (default: today)");
  c->add_option("--reason", cl->reason, "completed, no_longer_eligible, chose_to_stop, moved_or_migrated, "
                                        "lost_contact, died, security_or_funding, ineligible_at_referral, "
                                        "did_not_return, referred, re_trafficked or return_not_in_best_interest")
      ->required()->option_text("REASON");
  c->add_option("--failed-attempts", cl->failed_attempts, "Failed attempts to reach the person (lost_contact)");
  c->add_option("--note", cl->note, "Note (no names)")->option_text("TEXT");
  c->add_option("--open-flags-reason", cl->open_flags_reason,
                "Why the case is closed while risk flags are still open (required then; no names)")
      ->option_text("TEXT");
  commands.add(c, [cl, &global] { return m::close_command(global, *cl); });

  auto re = std::make_shared<m::ReopenFlags>();
  auto* r = app.add_subcommand("reopen", "Reopen a closed case, with the reason");
  add_writing(r, *re, "Day of reopening (default: today)");
  r->add_option("--reason", re->reason, "Why")->required()->option_text("TEXT");
  commands.add(r, [re, &global] { return m::reopen_command(global, *re); });

  auto cf = std::make_shared<m::ClearFlags>();
  auto* x = app.add_subcommand("clear-flag", "Clear a risk flag raised at a contact, with the reason");
  add_writing(x, *cf, "Day it is cleared (default: today)");
  x->add_option("CONTACT", cf->contact, "The contact's date (its file name)")->required();
  x->add_option("FLAG", cf->flag, "The flag")->required();
  x->add_option("--reason", cf->reason, "Why it no longer applies")->required()->option_text("TEXT");
  commands.add(x, [cf, &global] { return m::clear_command(global, *cf); });
}

void add_reading(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto due = std::make_shared<m::DueFlags>();
  auto* d = app.add_subcommand("due", "List contacts due and overdue across open cases, most overdue first");
  d->add_option("--within", due->within, "Days ahead that count as due soon, 0 to 3660 (default 30)")
      ->check(CLI::Range(0, 3660))
      ->option_text("DAYS");
  d->add_option("--format", due->format, "text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}))
      ->option_text("FORMAT");
  d->add_flag("--fail-on-overdue", due->fail_on_overdue, "Exit 1 when any contact is overdue (for cron and CI)");
  commands.add(d, [due, &global] { return m::due_command(global, *due); });

  auto show = std::make_shared<m::ShowFlags>();
  auto* s = app.add_subcommand("show", "Show a case's timeline after return");
  s->add_option("ID", show->id, "Case ID")->required();
  commands.add(s, [show, &global] { return m::show_command(global, *show); });

  auto edit = std::make_shared<m::EditFlags>();
  auto* e = app.add_subcommand("edit", "Edit a monitoring record in $VISUAL or $EDITOR, saved only if it passes the checks");
  e->add_option("ID", edit->id, "Case ID")->required();
  e->add_option("KIND", edit->kind, "monitoring_plan (default), contact or closure")
      ->check(CLI::IsMember({"monitoring_plan", "contact", "closure"}));
  e->add_option("--date", edit->date, "Which contact (default: the latest)")->option_text("DATE");
  commands.add(e, [edit, &global] { return m::edit_command(global, *edit); });
}

}  // namespace

void add_monitor_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  add_plan_commands(app, commands, global);
  add_record(app, commands, global);
  add_closing(app, commands, global);
  add_reading(app, commands, global);
}

}  // namespace care::cmd::monitor
