// care-report: checks a case folder and reports on it, writing nothing into
// it. Flags only; the work is in lib/check and lib/report.
#include "check/command.h"
#include "common/commands.h"
#include "report/commands.h"

namespace {

namespace r = care::report;

// `suppressible`: the report holds counts of persons, which --no-suppress may show.
void add_output(CLI::App* sub, r::Output& o, bool suppressible = true) {
  sub->add_option("--format", o.format, "text (default), markdown, csv, json or html")
      ->check(CLI::IsMember({"text", "markdown", "csv", "json", "html"}))
      ->option_text("FORMAT");
  sub->add_option("-o,--output", o.file, "Write to FILE, outside the case folder; its extension (.txt .md .csv .json .html) picks the format")
      ->option_text("FILE");
  sub->add_flag("--force", o.force, "Let -o replace an existing file");
  if (suppressible) {
    sub->add_option("--audience", o.audience, "Who the report is for: internal, donor or public (hides small counts)")
        ->check(CLI::IsMember({"internal", "donor", "public"}))
        ->option_text("AUDIENCE");
    sub->add_flag("--no-suppress", o.no_suppress, "The same as --audience internal (kept for older scripts)");
  }
}

void add_check(CLI::App& app, care::cmd::Commands& commands, care::cli::GlobalOptions& global) {
  auto f = std::make_shared<care::check::CheckFlags>();
  auto* check = app.add_subcommand("check", "Check records against their schemas and the rules across records");
  check->add_option("paths", f->paths, "Report only on these files or folders")->option_text("PATH...");
  check->add_option("--format", f->format, "Output format: text (on stderr) or json (on stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");
  check->add_flag("-v,--verbose", f->verbose, "Print a summary line even when all is well");
  check->add_flag("--strict", f->strict, "Count warnings as problems");
  commands.add(check, [f, &global] { return care::check::check_command(global, *f); });
  auto* config = app.add_subcommand("config", "Print every setting of care.toml and where it came from");
  commands.add(config, [&global] { return care::check::config_command(global); });
}

void add_reports(CLI::App& app, care::cmd::Commands& commands, care::cli::GlobalOptions& global) {
  auto st = std::make_shared<r::StatusFlags>();
  auto* status = app.add_subcommand("status", "The caseload today: the nightly report");
  add_output(status, *st);
  status->add_flag("--fail-on-overdue", st->fail_on_overdue, "Exit 1 when a monitoring contact is overdue");
  commands.add(status, [st, &global] { return r::status_command(global, *st); });

  auto pe = std::make_shared<r::PeriodFlags>();
  auto* period = app.add_subcommand("period", "What happened between two dates, for donors");
  add_output(period, *pe);
  period->add_option("--from", pe->from, "First day")->required()->option_text("DATE");
  period->add_option("--to", pe->to, "Last day")->required()->option_text("DATE");
  period->add_option("--by", pe->by, "Break figures down by one or two of sex, age_band, host, return_country, "
                                     "minor, nationality (--by sex,minor: a cross-table)")
      ->option_text("DIM[,DIM]");
  commands.add(period, [pe, &global] { return r::period_command(global, *pe); });

  auto bu = std::make_shared<r::BudgetFlags>();
  auto* budget = app.add_subcommand("budget", "Planned, delivered and remaining per case and in total");
  add_output(budget, *bu);
  commands.add(budget, [bu, &global] { return r::budget_command(global, *bu); });

  auto re = std::make_shared<r::RetentionFlags>();
  auto* retention = app.add_subcommand("retention", "The cases due for erasure: consent withdrawn, or retention over");
  add_output(retention, *re, false);
  retention->add_flag("--fail-on-due", re->fail_on_due, "Exit 1 when a case is due for erasure");
  commands.add(retention, [re, &global] { return r::retention_command(global, *re); });

  auto ac = std::make_shared<r::AccessFlags>();
  auto* access = app.add_subcommand("access", "Who read whose identity record, from the cases' access logs");
  add_output(access, *ac, false);
  access->add_option("--from", ac->from, "First day (UTC) of reads to show")->option_text("DATE");
  access->add_option("--to", ac->to, "Last day (UTC) of reads to show")->option_text("DATE");
  access->add_option("--case", ac->case_id, "Only this case's reads")->option_text("ID");
  commands.add(access, [ac, &global] { return r::access_command(global, *ac); });

  auto ex = std::make_shared<r::ExportFlags>();
  auto* exp = app.add_subcommand("export", "One pseudonymous row per case, for analysis elsewhere");
  exp->add_option("--format", ex->format, "jsonl or csv (default: from -o's extension, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->option_text("FORMAT");
  exp->add_option("-o,--output", ex->file, "Write to FILE (outside the case folder); .csv picks csv")->option_text("FILE");
  exp->add_flag("--force", ex->force, "Let -o replace an existing file");
  exp->add_option("--audience", ex->audience, "public (default: no case IDs, exact amounts or dates; k-anonymous), "
                                              "donor or internal")
      ->check(CLI::IsMember({"internal", "donor", "public"}))
      ->option_text("AUDIENCE");
  exp->add_option("--k", ex->k, "Withhold rows whose published columns are shared by fewer than K rows "
                                "(default for the public: reports.min_cell)")
      ->check(CLI::Range(1, 1000))
      ->option_text("K");
  commands.add(exp, [ex, &global] { return r::export_command(global, *ex); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Check a case folder of the care tools and report on it."};
  app.name("care-report");
  care::cli::GlobalOptions global;
  care::cmd::add_global_options(app, global);
  care::cmd::Commands commands;
  add_check(app, commands, global);
  add_reports(app, commands, global);
  return care::cmd::run(app, commands, argc, argv);
}
