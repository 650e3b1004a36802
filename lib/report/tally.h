// Counting cases (or events) into a table: rows by a label, and optionally
// columns by a breakdown, with totals; suppression is applied on the way out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "report/model.h"

namespace care::report {

class Tally {
 public:
  void add(const std::string& row, const std::string& column = "", int n = 1) { counts_[{row, column}] += n; }
  int get(const std::string& row, const std::string& column = "") const;

  // One row per label in `rows` (and any other label counted, after them),
  // a totals row; with `columns` a column per value and a total column,
  // else one column named `count_header`.
  Table table(std::string id, std::string title, std::string row_header, std::vector<std::string> rows,
              const std::vector<std::string>& columns, const std::string& count_header, int min_cell,
              bool suppress) const;

 private:
  std::map<std::pair<std::string, std::string>, int> counts_;
};

}  // namespace care::report
