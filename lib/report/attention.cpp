#include "report/attention.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "rules/rules.h"

namespace care::report {
namespace {

using Kind = Attention::Kind;

std::string days(long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

bool departed(const records::Case& c) {
  return records::usable(c.journey) && records::date(c.journey->root, "departure");
}

// Escalated first, then the others, as due_report orders them.
void flags(const monitor::DueReport& due, std::vector<Attention>& out) {
  for (const auto& f : due.flags)
    out.push_back({f.escalated ? Kind::EscalatedFlag : Kind::OpenFlag, f.case_id,
                   fmt::format("{}risk flag {} raised at the contact of {}, open {}{}", f.escalated ? "escalated " : "",
                               f.flag, f.contact_date, days(f.days_open), f.case_closed ? " (case closed)" : "")});
}

void overdue(const monitor::DueReport& due, std::vector<Attention>& out) {
  for (const auto& d : due.due)
    if (d.days_late > 0)
      out.push_back({Kind::OverdueContact, d.case_id,
                     fmt::format("monitoring contact {} overdue by {} (due {})", d.number, days(d.days_late), d.due.str())});
}

// Not yet left, the latest assessment found the risk high, and no review
// since (rule return-risk-review will refuse the return without one that
// decided to proceed).
void risk_review(const records::Case& c, const util::Date& as_of, std::vector<Attention>& out) {
  if (!records::usable(c.plan) || departed(c)) return;
  const records::Record* latest = records::latest_assessment(c, as_of);
  if (!latest || records::text(latest->root, "overall_risk") != "high") return;
  auto assessed = records::date(latest->root, "date");
  if (!assessed || rules::last_risk_review(c, *assessed, as_of)) return;
  out.push_back({Kind::RiskReview, c.id,
                 fmt::format("high risk at the assessment of {}, no risk review for {}", assessed->str(),
                             days(util::days_between(*assessed, as_of)))});
}

void minor_conditions(const records::Folder& folder, const records::Case& c, const util::Date& as_of,
                      std::vector<Attention>& out) {
  if (!records::usable(c.plan) || departed(c) || !records::child_safeguards_apply(c, as_of)) return;
  auto unmet = rules::unmet_return_conditions(folder, c, as_of);
  if (unmet.empty()) return;
  out.push_back({Kind::MinorConditions, c.id,
                 fmt::format("minor's return conditions not met: {}", fmt::join(unmet, ", "))});
}

void over_cap(const folder::Config& cfg, const records::Case& c, std::vector<Attention>& out) {
  if (!records::usable(c.plan)) return;
  auto totals = records::plan_totals(*c.plan, cfg);
  if (totals.planned <= cfg.cap_per_person) return;
  bool reason = !records::text(c.plan->root, "over_cap.reason").empty();
  out.push_back({Kind::OverCap, c.id,
                 fmt::format("plan of {} {} over the cap of {} {}, {}", totals.planned.str(), cfg.currency,
                             cfg.cap_per_person.str(), cfg.currency,
                             reason ? "reason recorded" : "no reason recorded")});
}

// A purpose once granted and no longer in force, with the day of the latest
// withdrawal on or before today.
void consents(const records::Case& c, const util::Date& as_of, std::vector<Attention>& out) {
  std::set<std::string> granted;
  for (const auto& e : records::list(c.main->root, "consents")) {
    auto on = records::date(e, "date");
    if (on && *on <= as_of && records::text(e, "action") == "granted") granted.insert(records::text(e, "purpose"));
  }
  for (const auto& purpose : granted) {
    if (records::consent_in_force(c, purpose, as_of)) continue;
    std::optional<util::Date> withdrawn;
    for (const auto& e : records::list(c.main->root, "consents")) {
      auto on = records::date(e, "date");
      if (on && *on <= as_of && records::text(e, "purpose") == purpose && records::text(e, "action") != "granted" &&
          (!withdrawn || *withdrawn < *on))
        withdrawn = on;
    }
    out.push_back({Kind::ConsentWithdrawn, c.id,
                   withdrawn ? fmt::format("consent to {} withdrawn on {}", purpose, withdrawn->str())
                             : fmt::format("consent to {} no longer in force", purpose)});
  }
}

void past_closure(const monitor::DueReport& due, std::vector<Attention>& out) {
  for (const auto& [id, ended] : due.ended_open)
    out.push_back({Kind::PastClosure, id, fmt::format("monitoring ended on {}, case still open", ended.str())});
}

}  // namespace

std::vector<Attention> needs_attention(const records::Folder& folder, const util::Date& as_of) {
  auto due = monitor::due_report(folder, as_of, 0);
  std::vector<Attention> out;
  flags(due, out);
  overdue(due, out);
  std::vector<Attention> per_case;
  for (const auto& [id, c] : folder.cases) {
    // Closed or erased cases take no more steps; their open flags are listed above.
    if (!records::usable(c.main) || records::is_closed(c) || records::field(c.main->root, "erased")) continue;
    risk_review(c, as_of, per_case);
    minor_conditions(folder, c, as_of, per_case);
    over_cap(folder.config, c, per_case);
    consents(c, as_of, per_case);
  }
  // One kind after another, each by case ID (the folder's order).
  std::stable_sort(per_case.begin(), per_case.end(),
                   [](const Attention& a, const Attention& b) { return a.kind < b.kind; });
  out.insert(out.end(), per_case.begin(), per_case.end());
  past_closure(due, out);
  return out;
}

Table attention_table(const std::vector<Attention>& items, const util::Date& as_of) {
  Table t{"needs_attention", "Needs attention", {"case", "what needs doing"}, {}, std::nullopt, true,
          fmt::format("Nothing needs attention on {}.", as_of.str())};
  for (const auto& a : items) t.rows.push_back({a.case_id, {Value::of_text(a.reason)}, false});
  return t;
}

}  // namespace care::report
