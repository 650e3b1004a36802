// What needs doing today: the list the nightly status opens with, case by
// case, for the program team (case IDs are pseudonymous, but the list is
// still for the internal audience only).
#pragma once

#include <string>
#include <vector>

#include "records/store.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

// One thing to do, with the case it is for and a short reason with numbers.
struct Attention {
  enum class Kind { EscalatedFlag, OpenFlag, OverdueContact, RiskReview, MinorConditions, OverCap, ConsentWithdrawn, PastClosure };
  Kind kind;
  std::string case_id;
  std::string reason;
};

// In this order: escalated open risk flags, other open risk flags, overdue
// monitoring contacts (most overdue first), high-risk cases awaiting a risk
// review before return, minors whose return conditions are not all met,
// plans over the cap, consents withdrawn, cases past the end of monitoring
// and still open; within a kind, by case ID unless said otherwise.
std::vector<Attention> needs_attention(const records::Folder& folder, const util::Date& as_of);

// The "needs_attention" table; empty, it shows one line saying so.
Table attention_table(const std::vector<Attention>& items, const util::Date& as_of);

}  // namespace care::report
