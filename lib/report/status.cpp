#include "report/status.h"

#include <array>

#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"
#include "report/suppress.h"

namespace care::report {
namespace {

using records::Stage;
constexpr std::array kStages = {Stage::Referred, Stage::Assessed, Stage::Planned,
                                Stage::Returned, Stage::Monitoring, Stage::Closed};

struct Counts {
  std::array<int, kStages.size()> by_stage{};
  int minors = 0, assessed = 0, assisted = 0, minors_assisted = 0;
};

Counts count(const records::Folder& folder) {
  Counts n;
  for (const auto& [id, c] : folder.cases) {
    if (!c.main) continue;
    ++n.by_stage[static_cast<std::size_t>(records::stage_of(c))];
    bool minor = records::is_minor_case(c);
    bool assisted = c.plan && records::field(c.plan->root, "agreement.date");
    n.minors += minor;
    n.assessed += !c.assessments.empty();
    n.assisted += assisted;
    n.minors_assisted += minor && assisted;
  }
  return n;
}

std::string progress(std::string_view label, int count, int target, int min_cell, bool suppress) {
  Cell cell{count, suppress && count > 0 && count < min_cell};
  return fmt::format("  {:<16}{:>6} of {}\n", label, show(cell, min_cell), target);
}

}  // namespace

std::string status_text(const records::Folder& folder, const check::Result& checked, const util::Date& today,
                        const StatusOptions& options) {
  const auto& cfg = folder.config;
  int min_cell = options.suppress ? cfg.min_cell : 1;
  Counts n = count(folder);
  std::string out = fmt::format("{}: caseload on {}\n", cfg.name, today.str());
  if (!options.suppress) out += "NOT SUPPRESSED: small counts are shown; for internal use only, do not share.\n";
  out += fmt::format("check: {}\n\ncases by stage\n", check::summary(checked));
  Column stages = suppress(std::vector<int>(n.by_stage.begin(), n.by_stage.end()), min_cell);
  for (std::size_t i = 0; i < kStages.size(); ++i)
    out += fmt::format("  {:<16}{:>6}\n", records::stage_name(kStages[i]), show(stages.cells[i], min_cell));
  out += fmt::format("  {:<16}{:>6}\n\nprogress against targets\n", "total", show(stages.total, min_cell));
  bool hide = options.suppress;
  out += progress("assessed", n.assessed, cfg.target_assessed, cfg.min_cell, hide);
  out += progress("assisted", n.assisted, cfg.target_assisted, cfg.min_cell, hide);
  out += progress("minors assisted", n.minors_assisted, cfg.target_minors, cfg.min_cell, hide);
  if (options.suppress)
    out += fmt::format("\n<{0}: fewer than {0}; *: hidden so that a small count cannot be worked out\n", cfg.min_cell);
  return out;
}

}  // namespace care::report
