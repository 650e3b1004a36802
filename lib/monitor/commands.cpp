// schedule, move, close, reopen, due, edit.
#include <cstdio>
#include <functional>

#include <fmt/format.h>

#include "change/change.h"
#include "change/edit.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "monitor/monitor.h"
#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/utf8.h"

namespace care::monitor {
using doc::Node;

int refused(std::string message, std::string hint) {
  cli::print_error(kProgram, message);
  std::fputs((util::visible(hint) + "\n").c_str(), stderr);
  return cli::kFindings;
}

// Opens the folder and the case, builds the record with `make`, and writes it
// through the change module. `make` returns 0, or an exit status after
// printing why it refused.
int write_one(const cli::GlobalOptions& g, const Writing& f, records::Kind kind, const std::string& command,
              const std::function<int(const cli::Workspace&, const records::Case&, const std::string& on, Node&, std::string& stem)>& make) {
  return cli::with_case(g, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    Node record;
    std::string stem;
    std::string on = f.date.empty() ? w.session.today.str() : f.date;
    if (int refusal = make(w, c, on, record, stem)) return refusal;
    change::Request request{command, f.id, {}, f.dry_run, f.drop_comments};
    request.allowed_after_withdrawal = command == "care-monitor close";  // closing is always allowed
    request.records.push_back({kind, f.id, stem, std::move(record), std::nullopt});
    return change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
  });
}

// The safety plan the flags give, into `plan`; or a refusal when it is incomplete.
int put_safety_plan(const SafetyPlanFlags& f, Node& plan) {
  if (f.calls.empty() || f.report_contact_by.empty())
    return refused("a safety plan needs whom to call and how contact by traffickers is reported",
                   "Give --call TEXT (repeatable) and --report-contact-by TEXT; --safe-place TEXT (repeatable) is "
                   "optional. Roles, services and kinds of place only: never a name, a number or an address.");
  plan.set("safety_plan", make_safety_plan(f.calls, f.safe_places, f.report_contact_by));
  return 0;
}

int schedule_command(const cli::GlobalOptions& g, const ScheduleFlags& f) {
  return write_one(g, f, records::Kind::MonitoringPlan, "care-monitor schedule",
                   [&](const cli::Workspace& w, const records::Case& c, const std::string& on, Node& out, std::string&) {
                     if (c.monitoring_plan)
                       return refused(fmt::format("{} already has a monitoring plan", c.id),
                                      f.any() ? "Add or change its safety plan with care-monitor safety-plan."
                                              : "Move single contacts with care-monitor move, add a safety plan with "
                                                "care-monitor safety-plan, or edit it with care-monitor edit.");
                     auto arrival = records::arrival_date(c);
                     if (!arrival)
                       return refused(fmt::format("{} has not returned: the schedule counts from arrival", c.id),
                                      "Record the return first: care-plan return.");
                     if (f.modes.empty())
                       return refused("say how the beneficiary agreed to be contacted",
                                      "Give --mode visit, phone or partner (repeatable).");
                     MonthList months{w.session.config.monitoring_months, {}};
                     if (!f.months.empty()) months = parse_months(f.months);
                     if (!months.problem.empty())
                       return refused(months.problem,
                                      "Give the months after arrival as whole numbers from 1 to 24, separated by "
                                      "commas, each once (for example --months 1,2,3,4,5,6,9,12).");
                     out = make_plan(c.id, *arrival, months.months, on, f.modes, f.partner, !f.months.empty());
                     return f.any() ? put_safety_plan(f, out) : 0;
                   });
}

int safety_plan_command(const cli::GlobalOptions& g, const SafetyPlanFlags& f) {
  return write_one(g, f, records::Kind::MonitoringPlan, "care-monitor safety-plan",
                   [&](const cli::Workspace&, const records::Case& c, const std::string&, Node& out, std::string&) {
                     if (!records::usable(c.monitoring_plan))
                       return refused(fmt::format("{} has no monitoring plan", c.id),
                                      "Create it with its safety plan: care-monitor schedule --call ... "
                                      "--report-contact-by ...");
                     out = c.monitoring_plan->root;
                     return put_safety_plan(f, out);
                   });
}

int move_command(const cli::GlobalOptions& g, const MoveFlags& f) {
  return write_one(g, f, records::Kind::MonitoringPlan, "care-monitor move",
                   [&](const cli::Workspace&, const records::Case& c, const std::string&, Node& out, std::string&) {
                     if (!records::usable(c.monitoring_plan))
                       return refused(fmt::format("{} has no monitoring plan", c.id), "Create it: care-monitor schedule.");
                     out = c.monitoring_plan->root;
                     for (auto& entry : out.find("contacts")->items()) {
                       if (records::integer(entry, "number") != f.number) continue;
                       std::string from = records::text(entry, "due");
                       for (const auto& m : records::list(entry, "moved")) from = records::text(m, "to");
                       Node move = Node::mapping();
                       move.set("from", Node::string(from));
                       move.set("to", Node::string(f.to));
                       move.set("reason", Node::string(f.reason));
                       if (!entry.find("moved")) entry.set("moved", Node::sequence());
                       entry.find("moved")->push_back(std::move(move));
                       return 0;
                     }
                     return refused(fmt::format("the monitoring plan has no contact {}", f.number),
                                    "care-monitor show lists the contacts and their numbers.");
                   });
}

int close_command(const cli::GlobalOptions& g, const CloseFlags& f) {
  return write_one(g, f, records::Kind::Closure, "care-monitor close",
                   [&](const cli::Workspace&, const records::Case& c, const std::string& on, Node& out, std::string&) {
                     if (records::is_closed(c))
                       return refused(fmt::format("{} is closed already", c.id), "Reopen it first if it must change.");
                     if (!f.open_flags_reason.empty() && records::open_flags(c).empty())
                       return refused(fmt::format("{} has no open risk flags: --open-flags-reason explains nothing", c.id),
                                      "Leave it out; --note takes any other remark.");
                     if (c.closure) {  // reopened: this closes it again
                       out = c.closure->root;
                       auto& reopenings = out.find("reopened")->items();
                       reopenings.back().set("closed_again", Node::string(on));
                       reopenings.back().set("closed_again_reason", Node::string(f.reason));
                       if (!f.open_flags_reason.empty())
                         reopenings.back().set("open_flags_reason", Node::string(f.open_flags_reason));
                       return 0;
                     }
                     out = Node::mapping();
                     out.set("kind", Node::string("closure"));
                     out.set("version", Node::integer(1));
                     out.set("case", Node::string(c.id));
                     out.set("date", Node::string(on));
                     out.set("reason", Node::string(f.reason));
                     if (f.failed_attempts > 0) out.set("failed_attempts", Node::integer(f.failed_attempts));
                     if (!f.open_flags_reason.empty()) out.set("open_flags_reason", Node::string(f.open_flags_reason));
                     if (!f.note.empty()) out.set("notes", Node::string(f.note));
                     return 0;
                   });
}

int reopen_command(const cli::GlobalOptions& g, const ReopenFlags& f) {
  return write_one(g, f, records::Kind::Closure, "care-monitor reopen",
                   [&](const cli::Workspace&, const records::Case& c, const std::string& on, Node& out, std::string&) {
                     if (!records::is_closed(c)) return refused(fmt::format("{} is not closed", c.id), "Nothing to reopen.");
                     out = c.closure->root;
                     if (!out.find("reopened")) out.set("reopened", Node::sequence());
                     Node r = Node::mapping();
                     r.set("date", Node::string(on));
                     r.set("reason", Node::string(f.reason));
                     out.find("reopened")->push_back(std::move(r));
                     return 0;
                   });
}

int due_command(const cli::GlobalOptions& g, const DueFlags& f) {
  int code = cli::kOk;
  auto w = cli::open_workspace(g, kProgram, false, code);
  if (!w) return code;
  DueReport r = due_report(w->folder, w->session.today, f.within);
  std::string out = f.format == "json" ? due_json(r) : f.format == "csv" ? due_csv(r) : util::visible(due_text(r), true);
  std::fputs(out.c_str(), stdout);
  return f.fail_on_overdue && r.overdue() > 0 ? cli::kFindings : cli::kOk;
}

int edit_command(const cli::GlobalOptions& g, const EditFlags& f) {
  return cli::with_case(g, kProgram, f.id, false, folder::Access::Read, [&](const cli::Workspace& w, const records::Case& c) -> int {
    const records::Record* record = nullptr;
    if (f.kind == "monitoring_plan" && c.monitoring_plan) record = &*c.monitoring_plan;
    if (f.kind == "closure" && c.closure) record = &*c.closure;
    if (f.kind == "contact")
      for (const auto& r : c.contacts)
        if (f.date.empty() || r.where.stem == f.date) record = &r;
    if (!record) return refused(fmt::format("{} has no such {} record", f.id, f.kind), "care-monitor show lists what it has.");
    return change::edit_record(w, *record, kProgram, "care-monitor edit");
  });
}

}  // namespace care::monitor
