// Case and outreach IDs: pseudonymous, never derived from a person.
//
//   AT-2014-007       office AT, year of referral 2014, number 7
//   AT-2014-KQ-007    the same in series KQ: the cases registered in one
//                     clone of the folder (folder/series.h), so that two
//                     clones that register while apart never pick one ID
//   AT-2014-1000      numbers grow past 999 without a leading zero
//   OR-AT-2014-002    an outreach activity, numbered the same way
//
// The grammar admits nothing that could be a path trick. IDs sort by office,
// year, series and then number, so AT-2014-1000 comes after AT-2014-999.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace care::records {

struct CaseId {
  std::string office;  // two capitals
  int year = 0;
  std::string series;  // "" (the main series) or two capitals
  long number = 0;     // 0 to 999,999,999

  std::string text() const;  // the number has three digits at least
};

std::optional<CaseId> parse_case_id(std::string_view id);
// An outreach ID is "OR-" and then a case ID's grammar.
std::optional<CaseId> parse_outreach_id(std::string_view id);

bool is_case_id(std::string_view id);
bool is_outreach_id(std::string_view id);
// A series name: two capitals.
bool is_series(std::string_view series);

// The order of IDs everywhere: by office, year, series, number; any text
// that is not an ID after every ID, in byte order.
bool id_less(std::string_view a, std::string_view b);

struct IdOrder {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return id_less(a, b); }
};

}  // namespace care::records
