// The safeguards of issue 9 that care-intake writes: in minor.yaml the
// child's views, the care arrangement on arrival, the child-protection
// follow-up and a transition to adulthood (care-intake minor); in case.yaml
// the trafficking status, the residence status and criminal proceedings
// (care-intake identification). Each function here changes a record in
// memory only; the commands write it through change::apply.
#pragma once

#include <string>
#include <vector>

#include "doc/node.h"

namespace care::intake {

// The values of the enumerated flags, spelt as the schemas spell them.
const std::vector<std::string>& views_answers();        // --wants-return, --wants-tracing
const std::vector<std::string>& lives_with_values();    // --lives-with
const std::vector<std::string>& trafficking_statuses(); // --trafficking-status
const std::vector<std::string>& identifying_kinds();    // --identified-by
const std::vector<std::string>& residence_statuses();   // --residence
const std::vector<std::string>& proceedings_roles();    // --proceedings

// care-intake minor's flags for the four sections of issue 9.
struct MinorSafeguardFlags {
  std::string views_heard, views_heard_by, wants_return, wants_tracing, wants_to_live, views_note;
  std::string lives_with, lives_place, care_note;
  std::string follow_up_organisation, follow_up_role, follow_up_agreed;
  std::string transition_date, transition_reason;
};

// Puts the given flags into a minor.yaml record. Returns empty, or why the
// flags cannot be used (naming the flag), with the record left unchanged:
// a date that is not a date, or a section written for the first time
// without the fields its schema requires (views: --views-heard and
// --views-heard-by; care_arrangement: --lives-with; follow_up:
// --follow-up-organisation and --follow-up-agreed; transition: both flags).
std::string apply_minor_safeguards(doc::Node& minor_record, const MinorSafeguardFlags& flags);

struct IdentificationFlags {
  std::string id;
  std::string trafficking_status, identified_by, identified_on;
  std::string residence, residence_from, residence_until, residence_note;
  std::string proceedings, proceedings_since, proceedings_note;
  int close_proceedings = 0;       // 1-based entry of proceedings; 0: none
  std::string proceedings_closed;  // default: today
  bool dry_run = false, drop_comments = false;
};

bool any_identification(const IdentificationFlags& flags);

// What apply_identification found wrong: a usage problem (exit 2: a bad or
// missing flag) or a refusal on the record's contents (exit 1: no such
// proceedings, or already closed).
struct IdentificationProblem {
  std::string message;  // empty: none
  bool usage = true;
};

// Puts the given flags into a case.yaml record; `today` is the default day
// a proceedings entry is closed on. A new --trafficking-status or --residence
// (one that differs from the recorded one) starts its section afresh: the
// dates and note of the old status are dropped. On a problem the record is
// left unchanged.
IdentificationProblem apply_identification(doc::Node& case_record, const IdentificationFlags& flags,
                                           const std::string& today);

}  // namespace care::intake
