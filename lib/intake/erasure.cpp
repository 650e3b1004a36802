#include "intake/erasure.h"

#include <vector>

namespace care::intake {
namespace {

using doc::Node;

// Free text other than notes, by record kind, as dotted paths where "[]"
// stands for every item of a list. Notes ("note", "notes") are blanked
// wherever they are.
const std::vector<std::string_view>& free_text(records::Kind kind) {
  using records::Kind;
  static const std::vector<std::string_view> none, assessment = {"skills[]", "motivations[]",
                                                                 "opportunities[].description", "opportunities[].contact"},
      minor = {"views.wants_to_live", "care_arrangement.place", "transition.reason"},
      monitoring = {"contacts[].moved[].reason", "safety_plan.call[]", "safety_plan.safe_places[]",
                    "safety_plan.report_contact_by"},
      plan = {"over_cap.reason", "items[].description", "items[].exchange_note", "items[].cancelled.reason",
              "changes[].what", "changes[].reason", "risk_reviews[].safety_measures[]"},
      journey = {"destination.place"}, contact = {"view", "flags[].cleared.reason"},
      closure = {"open_flags_reason", "reopened[].reason", "reopened[].open_flags_reason"};
  switch (kind) {
    case Kind::Assessment: return assessment;
    case Kind::Minor: return minor;
    case Kind::MonitoringPlan: return monitoring;
    case Kind::Plan: return plan;
    case Kind::Return: return journey;
    case Kind::Contact: return contact;
    case Kind::Closure: return closure;
    default: return none;
  }
}

bool blank(Node& n) {
  if (!n.is_string() || n.text() == kErased) return false;
  n = Node::string(std::string(kErased), n.location());
  return true;
}

// Blanks what `path` names below `n`.
bool blank_at(Node& n, std::string_view path) {
  if (path.empty()) return blank(n);
  auto dot = path.find('.');
  std::string_view step = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  bool every = step.ends_with("[]");
  if (every) step.remove_suffix(2);
  Node* child = n.is_mapping() ? n.find(step) : nullptr;
  if (!child) return false;
  if (!every) return blank_at(*child, rest);
  bool changed = false;
  if (child->is_sequence())
    for (auto& item : child->items()) changed = blank_at(item, rest) || changed;
  return changed;
}

// Every string below n (an x- field: its content is anyone's guess).
bool blank_all(Node& n) {
  bool changed = blank(n);
  if (n.is_sequence())
    for (auto& item : n.items()) changed = blank_all(item) || changed;
  if (n.is_mapping())
    for (auto& entry : n.entries()) changed = blank_all(entry.value) || changed;
  return changed;
}

bool blank_notes(Node& n) {
  bool changed = false;
  if (n.is_sequence())
    for (auto& item : n.items()) changed = blank_notes(item) || changed;
  if (n.is_mapping())
    for (auto& entry : n.entries()) {
      bool note = entry.key == "note" || entry.key == "notes";
      changed = (note                          ? blank(entry.value)
                 : entry.key.starts_with("x-") ? blank_all(entry.value)
                                               : blank_notes(entry.value)) ||
                changed;
    }
  return changed;
}

}  // namespace

bool blank_free_text(records::Kind kind, Node& record) {
  bool changed = blank_notes(record);
  for (auto path : free_text(kind)) changed = blank_at(record, path) || changed;
  return changed;
}

}  // namespace care::intake
