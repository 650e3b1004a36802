// Shared by the period report's builders (period*.cpp): the period, the
// breakdown, and how persons (each counted once per row) become a table.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "records/store.h"
#include "report/period.h"
#include "report/tally.h"

namespace care::report::period_detail {

// Persons per row and breakdown value: a case adds itself to a row once,
// however many events (assessments, deliveries, contacts) put it there.
class People {
 public:
  void add(const std::string& row, const records::Case& c, const std::string& column);
  const Tally& tally() const { return tally_; }
  const std::set<std::string>& ids(const std::string& row) const;

 private:
  Tally tally_;
  std::map<std::string, std::set<std::string>> ids_;
};

struct Builder {
  const PeriodInput& in;
  int min_cell;
  std::vector<std::string> columns;  // the breakdown's values (combinations with two), or none

  bool inside(const std::optional<util::Date>& d) const { return d && *d >= in.from && *d <= in.to; }
  bool by_end(const std::optional<util::Date>& d) const { return d && *d <= in.to; }
  std::string column(const records::Case& c) const { return value_of(c, in.by); }
  // The cases that have a case record (the others are not counted anywhere).
  std::vector<const records::Case*> cases() const;

  // A table of `t` by the breakdown. `totals`: rows are disjoint and add up
  // (else the totals row is left out: one person can be in several rows).
  // Suppressed for the public, a bar chart of the value columns.
  Table table(const Tally& t, std::string id, std::string title, std::string header, std::vector<std::string> rows,
              bool totals) const;
};

// The period's key populations, by the row names of the "persons" table:
// "referred", "assessed", "plan agreed", "returned", "assisted",
// "completed 12 months of monitoring".
People key_populations(const Builder& b);
inline const std::vector<std::string>& key_rows() {
  static const std::vector<std::string> rows = {"referred", "assessed", "plan agreed", "returned", "assisted",
                                                "completed 12 months of monitoring"};
  return rows;
}

// The day a person completed 12 months of monitoring: the earlier of the day
// the last scheduled contact was done and the day of a closure for the reason
// "completed"; none when neither happened by the end of the period.
std::optional<util::Date> completed_monitoring(const records::Case& c, const util::Date& to);

std::vector<Table> referral_tables(const Builder& b);
Table persons_table(const Builder& b, const People& key);
std::vector<Table> assistance_person_tables(const Builder& b);
Table minors_table(const Builder& b);
Table protection_table(const Builder& b);
std::vector<Table> closure_tables(const Builder& b);
std::vector<Table> monitoring_tables(const Builder& b);
Table events_table(const Builder& b);
Table targets_table(const Builder& b);
std::vector<Table> cross_tables(const Builder& b, const People& key);
std::vector<Table> outreach_tables(const Builder& b);
// Deliveries and plan budgets, converted; the money notes are added to `notes`.
std::vector<Table> money_tables(const Builder& b, std::vector<std::string>& notes);

}  // namespace care::report::period_detail
