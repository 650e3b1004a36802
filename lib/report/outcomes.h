// Sustainability outcomes for the period report: for each dimension of the
// survey in sustainability.toml, persons by level at their latest scored
// contact in the period, at months 6 and 12 of their monitoring, and the
// change from their first to their latest scored contact. Only contacts
// scored with the folder's survey (same name and version) are counted; the
// others are counted apart in a note, never mixed in.
#pragma once

#include <string>
#include <vector>

#include "records/store.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

struct Outcomes {
  std::vector<Table> tables;
  std::vector<std::string> notes;
};

Outcomes sustainability_outcomes(const records::Folder& folder, const util::Date& from, const util::Date& to,
                                 int min_cell, bool suppress);

}  // namespace care::report
