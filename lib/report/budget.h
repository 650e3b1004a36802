// care-report budget: planned, committed, delivered and remaining per case
// and in total, every currency converted with care.toml's [budget.rates] and
// what has no rate shown apart; the cases over the cap with their recorded
// reason; totals by phase and type; the cost per person assisted.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "records/store.h"
#include "report/model.h"
#include "report/money.h"
#include "util/date.h"

namespace care::report {

// Planned (items not cancelled), committed (items committed or delivered)
// and delivered (every delivery, a cancelled item's included: money paid
// stays paid), each in the program's currency with what has no rate apart.
struct Money3 {
  explicit Money3(const folder::Config& cfg) : planned(cfg), committed(cfg), delivered(cfg) {}
  Sum planned, committed, delivered;
  void add(const Money3& o);
  // Planned minus delivered, never below zero (more delivered than planned,
  // e.g. a cancelled item that was paid, leaves nothing to deliver).
  util::Amount remaining() const;
};

struct CaseBudget {
  std::string case_id;
  bool agreed = false;          // the plan has an agreement date
  std::string over_cap_reason;  // plan.yaml over_cap.reason
  Money3 total;
  std::map<std::pair<std::string, std::string>, Money3> by_phase_type;  // (phase, type)
  explicit CaseBudget(const folder::Config& cfg) : total(cfg) {}
};

// The case's plan in money; the case must have a usable plan.
CaseBudget case_budget(const records::Case& c, const folder::Config& cfg);

Report budget_report(const records::Folder& folder, const util::Date& today, Audience audience = Audience::Internal);

// Planned, committed and delivered per phase, over every plan, converted (a
// chart in the nightly report); budget_notes gives the rates used and what
// could not be converted, to print with it.
Table budget_by_phase(const records::Folder& folder);
std::vector<std::string> budget_notes(const records::Folder& folder);
// The rates used and, per currency, what was planned and paid with no rate.
std::vector<std::string> money_notes(const Money3& m, const std::string& currency);

}  // namespace care::report
