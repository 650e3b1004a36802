#include "report/commands.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "check/check.h"
#include "cli/exit_codes.h"
#include "identity/retention.h"
#include "monitor/schedule.h"
#include "records/case_id.h"
#include "records/history.h"
#include "report/access.h"
#include "report/budget.h"
#include "report/export.h"
#include "report/period.h"
#include "report/render.h"
#include "report/retention.h"
#include "report/status.h"
#include "util/atomic_file.h"
#include "util/utf8.h"

namespace care::report {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kProgram = "care-report";

// Why a report may not be written to `file`: inside the case folder (it
// could replace a record, an identity or care.toml), or over an existing
// file without --force. "" when it may; `code` is the exit status.
std::string unsafe_output(const std::string& file, bool force, const fs::path& root, int& code) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::absolute(file, ec), ec);
  fs::path folder = fs::weakly_canonical(root, ec);
  auto inside = target.lexically_relative(folder);
  if (!inside.empty() && *inside.begin() != "..") {
    code = cli::kUsage;
    return fmt::format("{} is inside the case folder: reports are written outside it, so that they can never "
                       "replace a record or a setting", file);
  }
  if (!force && fs::exists(fs::symlink_status(file, ec))) {
    code = cli::kFindings;
    return fmt::format("{} exists; give --force to replace it", file);
  }
  return {};
}

// Reads the folder the way every report does: never an identity record.
// A -o FILE that may not be written is refused before anything is read.
std::optional<check::Result> read_folder(const cli::GlobalOptions& g, cli::Session& session, int& code,
                                         const std::string& file = {}, bool force = false) {
  auto opened = cli::open_or_explain(g, kProgram, code);
  if (!opened) return std::nullopt;
  session = std::move(*opened);
  if (std::string why = file.empty() ? "" : unsafe_output(file, force, session.root, code); !why.empty()) {
    cli::print_error(kProgram, why + "; nothing was written");
    return std::nullopt;
  }
  check::Request request;
  request.read_identity = false;
  check::Result result = check::run(session.root, session.cwd, session.config, session.today, request);
  auto again = cli::read_again(session, kProgram, code);
  if (!again) return std::nullopt;
  if (*again) result = check::run(session.root, session.cwd, session.config, session.today, request);
  if (result.unreadable) {  // a report on part of the folder would give wrong figures
    diag::Diagnostics unreadable;
    for (const auto& d : result.problems)
      if (d.code == "folder.unreadable" || d.code == "file.unreadable") unreadable.push_back(d);
    cli::print_problems(unreadable, kProgram);
    code = cli::kNoCaseFolder;
    return std::nullopt;
  }
  return result;
}

// Writes to -o FILE (atomically) or stdout. Returns an exit status.
int deliver(const std::string& text, const std::string& file, bool force, const fs::path& root) {
  if (file.empty()) {
    std::fputs(text.c_str(), stdout);
    return cli::kOk;
  }
  int code = cli::kOk;
  if (std::string why = unsafe_output(file, force, root, code); !why.empty()) {
    cli::print_error(kProgram, why + "; nothing was written");
    return code;
  }
  if (std::string error = util::write_atomically(file, text); !error.empty()) {
    cli::print_error(kProgram, error);
    return cli::kWriteFailed;
  }
  return cli::kOk;
}

std::optional<std::string> format_of(const Output& o) {
  if (!o.format.empty()) return o.format;
  if (o.file.empty()) return "text";
  if (auto f = format_for_file(o.file)) return f;
  cli::print_error(kProgram, fmt::format("cannot tell the format of {} from its extension; give --format", o.file));
  return std::nullopt;
}

int output(const Report& r, const Output& o, const fs::path& root) {
  int code = cli::kOk;
  if (std::string why = o.file.empty() ? "" : unsafe_output(o.file, o.force, root, code); !why.empty()) {
    cli::print_error(kProgram, why + "; nothing was written");
    return code;
  }
  auto format = format_of(o);
  if (!format) return cli::kUsage;
  return deliver(render(r, *format), o.file, o.force, root);
}

// --audience, or --no-suppress (its old spelling), or the report's default.
std::optional<Audience> audience_of(const Output& o, Audience fallback) {
  if (o.audience.empty()) return o.no_suppress ? Audience::Internal : fallback;
  auto a = audience_named(o.audience);
  if (!a) cli::print_error(kProgram, fmt::format("--audience {}: use internal, donor or public", util::visible(o.audience)));
  else if (o.no_suppress && *a != Audience::Internal) {
    cli::print_error(kProgram, fmt::format("--no-suppress means --audience internal; it cannot go with --audience {}", o.audience));
    return std::nullopt;
  }
  return a;
}

std::optional<util::Date> date_flag(const std::string& text, std::string_view flag) {
  auto d = util::Date::parse(text);
  if (!d) cli::print_error(kProgram, fmt::format("{} \"{}\" is not a date (YYYY-MM-DD)", flag, text));
  return d;
}

// What the reader of an export must know that the file cannot say: the rows
// withheld, the amounts left out, and for the donor that the file is confidential.
void report_export(const Export& e, Audience audience, const folder::Config& cfg) {
  if (audience == Audience::Donor)
    cli::print_error(kProgram, fmt::format("CONFIDENTIAL: this export holds case IDs, dates and exact amounts of {}, for "
                                           "the funder under the grant agreement; not for publication or onward sharing",
                                           cfg.name));
  if (e.k > 1)
    cli::print_error(kProgram, fmt::format("withheld {} of {} rows whose combination of all published values is shared "
                                           "by fewer than {} rows (k-anonymity over every column)",
                                           e.withheld, e.withheld + e.rows.size(), e.k));
  if (e.unconverted > 0)
    cli::print_error(kProgram, fmt::format("{} an amount in a currency with no rate in care.toml's "
                                           "[budget.rates]: the total it is part of is left missing",
                                           e.unconverted == 1 ? std::string("1 case has")
                                                              : std::to_string(e.unconverted) + " cases have"));
}

}  // namespace

int status_command(const cli::GlobalOptions& g, const StatusFlags& f) {
  auto audience = audience_of(f, Audience::Internal);
  if (!audience) return cli::kUsage;
  int code = cli::kOk;
  cli::Session s;
  auto checked = read_folder(g, s, code, f.file, f.force);
  if (!checked) return code;
  auto then = records::as_of(checked->folder, s.today);  // records dated after today are not yet
  StatusInput in{then, s.today, check::summary(*checked), *audience};
  if (int rc = output(status_report(in), f, s.root); rc != cli::kOk) return rc;
  bool overdue = f.fail_on_overdue && monitor::due_report(then, s.today, 0).overdue() > 0;
  return check::exit_code(*checked, false) != cli::kOk || overdue ? cli::kFindings : cli::kOk;
}

int period_command(const cli::GlobalOptions& g, const PeriodFlags& f) {
  auto from = date_flag(f.from, "--from");
  auto to = date_flag(f.to, "--to");
  if (!from || !to) return cli::kUsage;
  if (*to < *from) {
    cli::print_error(kProgram, "--to is before --from");
    return cli::kUsage;
  }
  std::string problem;
  auto by = f.by.empty() ? std::vector<Dimension>{} : parse_breakdown(f.by, problem);
  if (!problem.empty()) {
    cli::print_error(kProgram, util::visible(problem));
    return cli::kUsage;
  }
  auto audience = audience_of(f, Audience::Donor);
  if (!audience) return cli::kUsage;
  int code = cli::kOk;
  cli::Session s;
  auto checked = read_folder(g, s, code, f.file, f.force);
  if (!checked) return code;
  auto then = records::as_of(checked->folder, std::min(*to, s.today));  // what was known at the end
  PeriodInput in{then, *from, *to, by, *audience};
  return output(period_report(in), f, s.root);
}

int budget_command(const cli::GlobalOptions& g, const BudgetFlags& f) {
  auto audience = audience_of(f, Audience::Internal);
  if (!audience) return cli::kUsage;
  int code = cli::kOk;
  cli::Session s;
  auto checked = read_folder(g, s, code, f.file, f.force);
  if (!checked) return code;
  auto then = records::as_of(checked->folder, s.today);
  return output(budget_report(then, s.today, *audience), f, s.root);
}

int export_command(const cli::GlobalOptions& g, const ExportFlags& f) {
  Output o;
  o.audience = f.audience;
  auto audience = audience_of(o, Audience::Public);
  if (!audience) return cli::kUsage;
  std::string format = f.format;
  if (format.empty()) format = f.file.ends_with(".csv") ? "csv" : "jsonl";
  int code = cli::kOk;
  cli::Session s;
  auto checked = read_folder(g, s, code, f.file, f.force);
  if (!checked) return code;
  int k = f.k.value_or(*audience == Audience::Public ? s.config.min_cell : 0);
  auto then = records::as_of(checked->folder, s.today);
  Export e = export_cases(then, *audience, k);
  if (int rc = deliver(format == "csv" ? export_csv(e) : export_jsonl(e), f.file, f.force, s.root); rc != cli::kOk) return rc;
  report_export(e, *audience, s.config);
  return cli::kOk;
}

int retention_command(const cli::GlobalOptions& g, const RetentionFlags& f) {
  int code = cli::kOk;
  cli::Session s;
  auto checked = read_folder(g, s, code, f.file, f.force);
  if (!checked) return code;
  auto due = identity::due_for_erasure(checked->folder, s.config, s.today);
  if (int rc = output(retention_report(s.config, due, s.today), f, s.root); rc != cli::kOk) return rc;
  return f.fail_on_due && !due.empty() ? cli::kFindings : cli::kOk;
}

int access_command(const cli::GlobalOptions& g, const AccessFlags& f) {
  AccessQuery q;
  if (!f.from.empty() && !(q.from = date_flag(f.from, "--from"))) return cli::kUsage;
  if (!f.to.empty() && !(q.to = date_flag(f.to, "--to"))) return cli::kUsage;
  if (q.from && q.to && *q.to < *q.from) {
    cli::print_error(kProgram, "--to is before --from");
    return cli::kUsage;
  }
  if (!f.case_id.empty() && !records::is_case_id(f.case_id)) {
    cli::print_error(kProgram, fmt::format("--case \"{}\" is not a case ID (they look like AT-2014-007)",
                                           util::visible(f.case_id)));
    return cli::kUsage;
  }
  q.only_case = f.case_id;
  int code = cli::kOk;
  auto s = cli::open_or_explain(g, kProgram, code);
  if (!s) return code;
  if (std::string why = f.file.empty() ? "" : unsafe_output(f.file, f.force, s->root, code); !why.empty()) {
    cli::print_error(kProgram, why + "; nothing was written");
    return code;
  }
  if (!q.only_case.empty()) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(s->root / "cases" / q.only_case, ec))) {
      cli::print_error(kProgram, fmt::format("no case {} in this folder", q.only_case));
      return cli::kFindings;
    }
  }
  AccessLogs logs = read_access_logs(s->root, q.only_case);
  diag::sort(logs.warnings);
  cli::print_problems(logs.warnings, kProgram);
  if (!logs.errors.empty()) {  // a summary of part of the logs would understate who read what
    diag::sort(logs.errors);
    cli::print_problems(logs.errors, kProgram);
    return cli::kNoCaseFolder;
  }
  return output(access_report(s->config, std::move(logs.reads), q), f, s->root);
}

}  // namespace care::report
