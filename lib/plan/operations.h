// What the care-plan commands do to a plan, as functions on the record's
// tree: no files, no flags, so that tests can call them directly. Each
// returns a refusal (a reason and how to proceed) or nothing when it applied.
#pragma once

#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "doc/node.h"
#include "records/store.h"
#include "util/money.h"

namespace care::plan {

struct Refusal {
  std::string message;
  std::string hint;
};
using Result = std::optional<Refusal>;

// What an item is given on `add` or `change`; empty strings are left alone.
struct ItemFields {
  std::string phase, type, description, provider;
  std::string budget, currency, exchange_note;
  std::string status;
};

struct DraftInput {
  std::string on;  // drafting day
  bool staff = true, beneficiary = false, post_arrival_requested = false;
  std::vector<std::string> providers;
  std::string currency;  // the program's
};

// The item type that answers a need of the assessment, or "" when none does.
std::string item_type_for_need(std::string_view domain);

// A new plan from the case's latest assessment: one proposed item per need.
std::variant<doc::Node, Refusal> draft(const records::Case& c, const DraftInput& in);

// Once the plan is agreed, a new item needs a reason and is recorded as a change.
Result add_item(doc::Node& plan, const ItemFields& f, const std::string& program_currency, const std::string& on,
                const std::string& reason, std::int64_t& new_id);
Result change_item(doc::Node& plan, std::int64_t id, const ItemFields& f, const std::string& on, const std::string& reason);
Result drop_item(doc::Node& plan, std::int64_t id);
Result agree(doc::Node& plan, const std::string& on, bool minor, bool guardian);
Result deliver(doc::Node& plan, std::int64_t id, const std::string& on, const std::string& amount,
               const std::string& currency, const std::string& note);
Result cancel(doc::Node& plan, std::int64_t id, const std::string& on, const std::string& reason);
void set_over_cap(doc::Node& plan, const std::string& reason, const std::string& on);

// Recorded at all (changes after it are recorded with their reason).
bool is_agreed(const doc::Node& plan);
// Agreed as a return needs it: by the beneficiary and, for a minor, the guardian.
bool is_fully_agreed(const doc::Node& plan, bool minor);

// A review of a high risk before return (plan.yaml risk_reviews).
struct RiskReview {
  std::string date, reviewer, decision;  // decision: proceed, postpone or cancel
  std::vector<std::string> safety_measures;
  std::string note;
};
Result add_risk_review(doc::Node& plan, const RiskReview& r);

// The voluntary return declaration (return.yaml declaration), given on
// care-plan return: what is given is set, what is not is kept from before.
// A declaration is recorded whole (signed, language, alternatives) or not at all.
struct Declaration {
  std::string signed_on, language, guardian_signed;
  bool alternatives_explained = false;
  bool given() const { return !signed_on.empty() || !language.empty() || !guardian_signed.empty() || alternatives_explained; }
};
Result set_declaration(doc::Node& journey, const Declaration& d);

}  // namespace care::plan
