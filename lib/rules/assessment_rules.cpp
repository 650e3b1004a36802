// An assessment's overall risk is a judgement, but one below its own worst
// factor is more often a slip than a judgement: say so.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
namespace {

int rank(std::string_view level) {
  if (level == "low") return 1;
  if (level == "medium") return 2;
  if (level == "high") return 3;
  return 0;
}

}  // namespace

void check_assessments(const Context& cx, const records::Case& c) {
  for (const auto& a : c.assessments) {
    if (!a.valid) continue;
    std::string overall = records::text(a.root, "overall_risk");
    std::string worst;
    for (const auto& f : records::list(a.root, "risk_factors"))
      if (rank(records::text(f, "level")) > rank(worst)) worst = records::text(f, "level");
    if (rank(overall) < rank(worst))
      cx.report(records::where(a.root, "overall_risk"), "assessment-overall-risk",
                fmt::format("the overall risk is {}, below the highest risk factor ({})", overall, worst),
                "Check the overall risk; if it is right, say why in the notes.", diag::Severity::Warning);
  }
}

}  // namespace care::rules
