#include "report/tally.h"

#include <algorithm>

namespace care::report {

int Tally::get(const std::string& row, const std::string& column) const {
  auto it = counts_.find({row, column});
  return it == counts_.end() ? 0 : it->second;
}

Table Tally::table(std::string id, std::string title, std::string row_header, std::vector<std::string> rows,
                   const std::vector<std::string>& columns, const std::string& count_header, int min_cell,
                   bool suppress) const {
  for (const auto& [key, n] : counts_)
    if (std::find(rows.begin(), rows.end(), key.first) == rows.end()) rows.push_back(key.first);
  Table t{std::move(id), std::move(title), {std::move(row_header)}, {}, std::nullopt, false, {}};
  std::vector<std::string> cols = columns.empty() ? std::vector<std::string>{""} : columns;
  if (columns.empty()) t.columns.push_back(count_header);
  else {
    t.columns.insert(t.columns.end(), columns.begin(), columns.end());
    t.columns.push_back("total");
  }
  Row totals{"total", {}, true};
  std::vector<int> column_sums(cols.size(), 0);
  for (const auto& label : rows) {
    Row row{label, {}, false};
    int sum = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      int n = get(label, cols[i]);
      row.values.push_back(Value::of_count(n));
      sum += n;
      column_sums[i] += n;
    }
    if (!columns.empty()) row.values.push_back(Value::of_count(sum));
    t.rows.push_back(std::move(row));
  }
  int grand = 0;
  for (int n : column_sums) {
    totals.values.push_back(Value::of_count(n));
    grand += n;
  }
  if (!columns.empty()) totals.values.push_back(Value::of_count(grand));
  t.rows.push_back(std::move(totals));
  if (suppress) suppress_table(t, min_cell, !columns.empty());
  return t;
}

}  // namespace care::report
