#include <fmt/format.h>

#include "change/edit.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "intake/intake.h"

namespace care::intake {
namespace {

const records::Record* dated(const std::vector<records::Record>& list, const std::string& date) {
  if (list.empty()) return nullptr;
  if (date.empty()) return &list.back();
  for (const auto& r : list)
    if (r.where.stem == date) return &r;
  return nullptr;
}

const records::Record* pick(const records::Case& c, records::Kind kind, const std::string& date) {
  using records::Kind;
  const std::optional<records::Record>* single = nullptr;
  switch (kind) {
    case Kind::Case: single = &c.main; break;
    case Kind::Identity: single = &c.identity; break;
    case Kind::Minor: single = &c.minor; break;
    case Kind::Plan: single = &c.plan; break;
    case Kind::Return: single = &c.journey; break;
    case Kind::MonitoringPlan: single = &c.monitoring_plan; break;
    case Kind::Closure: single = &c.closure; break;
    case Kind::Assessment: return dated(c.assessments, date);
    case Kind::Contact: return dated(c.contacts, date);
    case Kind::Outreach: return nullptr;
  }
  return single && *single ? &**single : nullptr;
}

}  // namespace

int edit_command(const cli::GlobalOptions& global, const EditFlags& f) {
  auto kind = records::kind_named(f.kind);
  if (!kind || *kind == records::Kind::Outreach) {
    cli::print_error(kProgram, fmt::format("\"{}\" is not a kind of case record (case, identity, assessment, "
                                           "minor, plan, return, monitoring_plan, contact, closure)", f.kind));
    return cli::kUsage;
  }
  return cli::with_case(global, kProgram, f.id, *kind == records::Kind::Identity, folder::Access::Read, [&](const cli::Workspace& w, const records::Case& c) -> int {
    const records::Record* record = pick(c, *kind, f.date);
    if (!record) {
      cli::print_error(kProgram, fmt::format("{} has no {} record{}", f.id, f.kind, f.date.empty() ? "" : " of " + f.date));
      return cli::kFindings;
    }
    return change::edit_record(w, *record, kProgram, "care-intake edit", f.purpose);
  });
}

}  // namespace care::intake
