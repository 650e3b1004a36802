// The care-monitor commands below their flags, for cmd/monitor/ to call.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"

namespace care::monitor {

inline constexpr std::string_view kProgram = "care-monitor";

struct Writing {
  std::string id;
  std::string date;  // default: today
  std::string from;  // --from FILE, where the command takes structured input
  bool dry_run = false, drop_comments = false;
};

// The safety plan of a return at high risk (monitoring-plan.yaml safety_plan).
struct SafetyPlanFlags : Writing {
  std::vector<std::string> calls;        // --call: whom to call (roles or services)
  std::vector<std::string> safe_places;  // --safe-place: kinds of place
  std::string report_contact_by;         // --report-contact-by: how contact by traffickers is reported
  bool any() const { return !calls.empty() || !safe_places.empty() || !report_contact_by.empty(); }
};
struct ScheduleFlags : SafetyPlanFlags {
  std::vector<std::string> modes;  // visit, phone, partner
  std::string partner;
  std::string months;  // --months 1,2,3: this case's months after arrival (default: care.toml's)
};
struct MoveFlags : Writing {
  std::int64_t number = 0;
  std::string to, reason;
};
struct RecordFlags : Writing {
  std::string mode;
  std::int64_t number = 0;  // 0: the earliest scheduled contact not yet done
  bool not_reached = false;
  std::vector<std::string> items;    // ITEM=PROGRESS[:note]
  std::string wellbeing;             // LEVEL[:note]
  std::vector<std::string> risks;    // FACTOR=LEVEL[:note]
  std::string overall_risk;
  std::vector<std::string> flags;    // FLAG[:note]
  std::vector<std::string> answers;  // QUESTION=SCORE
  std::string view, notes;
  std::string child_protection_seen;  // yes, no, or empty: not said
};
struct ClearFlags : Writing {
  std::string contact;  // the contact's date (file name)
  std::string flag, reason;
};
struct CloseFlags : Writing {
  std::string reason, note;
  std::string open_flags_reason;  // why the case is closed over open risk flags
  int failed_attempts = 0;
};
struct ReopenFlags : Writing {
  std::string reason;
};
struct DueFlags {
  int within = 30;
  std::string format = "text";
  bool fail_on_overdue = false;
};
struct ShowFlags {
  std::string id;
};
struct EditFlags {
  std::string id;
  std::string kind = "monitoring_plan";
  std::string date;
};

int schedule_command(const cli::GlobalOptions& g, const ScheduleFlags& f);
int safety_plan_command(const cli::GlobalOptions& g, const SafetyPlanFlags& f);
int move_command(const cli::GlobalOptions& g, const MoveFlags& f);
int record_command(const cli::GlobalOptions& g, const RecordFlags& f);
int clear_command(const cli::GlobalOptions& g, const ClearFlags& f);
int close_command(const cli::GlobalOptions& g, const CloseFlags& f);
int reopen_command(const cli::GlobalOptions& g, const ReopenFlags& f);
int due_command(const cli::GlobalOptions& g, const DueFlags& f);
int show_command(const cli::GlobalOptions& g, const ShowFlags& f);
int edit_command(const cli::GlobalOptions& g, const EditFlags& f);

}  // namespace care::monitor
