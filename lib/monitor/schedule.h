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
// With case_months, the months are this case's own and are written as `months`.
doc::Node make_plan(const std::string& id, const util::Date& arrival, const std::vector<int>& months,
                    const std::string& agreed, const std::vector<std::string>& modes, const std::string& partner,
                    bool case_months = false);

// --months "1,2,3,6,12": whole months after arrival, 1 to 24, each given once,
// returned in rising order; or what is wrong with the list.
struct MonthList {
  std::vector<int> months;
  std::string problem;  // empty when the list is good
};
MonthList parse_months(const std::string& list);

// monitoring-plan.yaml's safety_plan: call (1 or more), safe_places (if any),
// report_contact_by.
doc::Node make_safety_plan(const std::vector<std::string>& calls, const std::vector<std::string>& safe_places,
                           const std::string& report_contact_by);

// The number a new reached contact fulfils: the earliest not yet done.
std::optional<std::int64_t> next_number(const records::Case& c);

struct OpenFlag {
  std::string case_id, contact_date, flag;
  long days_open = 0;        // from the contact that raised it to the report's day
  bool escalated = false;    // open longer than care.toml's flag_days, no reached contact since
  bool case_closed = false;  // closed over the flag (with the reason why in closure.yaml)
};
std::vector<OpenFlag> open_flags(const records::Case& c);
// The case's open flags as of `as_of`, each escalated when it has stood longer
// than `flag_days` without a reached contact since (never on a closed case:
// it takes no contacts).
std::vector<OpenFlag> open_flags(const records::Case& c, const util::Date& as_of, int flag_days);

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
  std::vector<OpenFlag> flags;               // risk flags not cleared, escalated first, closed cases' too
  std::size_t overdue() const;
  std::size_t escalated() const;
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
