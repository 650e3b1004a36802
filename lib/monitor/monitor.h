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

struct ScheduleFlags : Writing {
  std::vector<std::string> modes;  // visit, phone, partner
  std::string partner;
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
};
struct ClearFlags : Writing {
  std::string contact;  // the contact's date (file name)
  std::string flag, reason;
};
struct CloseFlags : Writing {
  std::string reason, note;
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
int move_command(const cli::GlobalOptions& g, const MoveFlags& f);
int record_command(const cli::GlobalOptions& g, const RecordFlags& f);
int clear_command(const cli::GlobalOptions& g, const ClearFlags& f);
int close_command(const cli::GlobalOptions& g, const CloseFlags& f);
int reopen_command(const cli::GlobalOptions& g, const ReopenFlags& f);
int due_command(const cli::GlobalOptions& g, const DueFlags& f);
int show_command(const cli::GlobalOptions& g, const ShowFlags& f);
int edit_command(const cli::GlobalOptions& g, const EditFlags& f);

}  // namespace care::monitor
