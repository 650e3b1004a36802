// The monitoring schedule of a case and what is due: derived from the
// monitoring plan and the contacts on file, never stored twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc/node.h"
#include "records/store.h"
#include "util/date.h"

namespace care::monitor {

struct Scheduled {
  std::int64_t number = 0;
  util::Date due;                      // where it was last moved to, or as planned
  std::optional<util::Date> done_on;   // the first reached contact with this number
};

// The plan's contacts in number order, with the day each was done, if it was.
std::vector<Scheduled> schedule_of(const records::Case& c);

// A new monitoring plan: one contact per month of the schedule after arrival.
doc::Node make_plan(const std::string& id, const util::Date& arrival, const std::vector<int>& months,
                    const std::string& agreed, const std::vector<std::string>& modes, const std::string& partner);

// The number a new reached contact fulfils: the earliest not yet done.
std::optional<std::int64_t> next_number(const records::Case& c);

struct OpenFlag {
  std::string case_id, contact_date, flag;
};
std::vector<OpenFlag> open_flags(const records::Case& c);

struct DueLine {
  std::string case_id;
  std::int64_t number = 0;
  util::Date due;
  long days_late = 0;  // negative: due in that many days
};

struct DueReport {
  util::Date as_of;
  int within = 30;
  std::vector<DueLine> due;                  // overdue and due within `within` days, most overdue first
  std::vector<std::string> without_plan;     // returned, open, no monitoring plan
  std::vector<std::pair<std::string, util::Date>> ended_open;  // monitoring period over, still open
  std::vector<OpenFlag> flags;               // risk flags not cleared
  std::size_t overdue() const;
};

DueReport due_report(const records::Folder& folder, const util::Date& as_of, int within);

// The case's life after return, by date: departure, arrival, each contact
// due and done with its risk and scores, flags, closure.
// With the folder's survey, scores scored by that version of it carry their label.
struct Instrument;
std::string timeline_text(const records::Case& c, const util::Date& today, const Instrument* survey = nullptr);

std::string due_text(const DueReport& r);
std::string due_json(const DueReport& r);
std::string due_csv(const DueReport& r);

}  // namespace care::monitor
