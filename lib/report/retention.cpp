#include "report/retention.h"

#include <fmt/format.h>

namespace care::report {

Report retention_report(const folder::Config& cfg, const std::vector<identity::DueErasure>& due,
                        const util::Date& today) {
  Report r = begin_report("retention", fmt::format("{}: cases due for erasure on {}", cfg.name, today.str()), cfg,
                          Audience::Internal, today.str());
  r.counts_people = false;
  r.facts = {{"program", cfg.name},
             {"as of", today.str()},
             {"retention", cfg.retention_years > 0
                               ? fmt::format("{} year{} after closure", cfg.retention_years, cfg.retention_years == 1 ? "" : "s")
                               : std::string("not set ([retention] in care.toml)")},
             {"cases due", std::to_string(due.size())}};
  Table t{"due_for_erasure", "Cases due for erasure", {"case", "why", "due since", "days overdue"}, {}, std::nullopt, false, {}};
  t.left_aligned = true;
  t.empty_text = fmt::format("No case is due for erasure on {}.", today.str());
  for (const auto& d : due)
    t.rows.push_back({d.id,
                      {Value::of_text(d.why), Value::of_text(d.since.str()),
                       Value::of_count(static_cast<int>(util::days_between(d.since, today)))},
                      false});
  r.tables.push_back(std::move(t));
  r.notes.push_back("Erase them with care-intake erase --due; a case erased has erased: DATE in its case.yaml "
                    "and is not listed again.");
  r.notes.push_back("Case IDs are pseudonymous; this report holds no names or contact details.");
  return r;
}

}  // namespace care::report
