#include "report/model.h"

#include <algorithm>

namespace care::report {

std::string show(const Value& v, int min_cell) {
  if (v.kind == Value::Kind::Count) return report::show(v.count, min_cell);
  return v.text;
}

namespace {

// A line of cells that add up to a total: a column down to the totals row,
// or a row across to its row total.
struct Line {
  std::vector<Cell*> cells;
  Cell* total = nullptr;
};

// Hides one more cell of a line whose only hidden cell could otherwise be
// recomputed from its total. Returns true when it hid something.
bool protect(Line& line) {
  if (!line.total || line.total->hidden) return false;
  auto hidden = std::count_if(line.cells.begin(), line.cells.end(), [](Cell* c) { return c->hidden; });
  if (hidden != 1) return false;
  Cell* partner = nullptr;
  for (Cell* c : line.cells)
    if (!c->hidden && c->count > 0 && (!partner || c->count < partner->count)) partner = c;
  Cell* second = partner ? partner : line.total;
  second->hidden = second->secondary = true;
  return true;
}

std::vector<Line> lines_of(Table& t, const std::vector<std::size_t>& counts, bool row_totals) {
  std::vector<Line> lines;
  Row* totals = t.rows.empty() || !t.rows.back().total ? nullptr : &t.rows.back();
  std::size_t data_rows = t.rows.size() - (totals ? 1 : 0);
  std::size_t parts = counts.size() - (row_totals ? 1 : 0);
  for (std::size_t c : counts) {  // columns, down to the totals row
    Line line;
    for (std::size_t r = 0; r < data_rows; ++r) line.cells.push_back(&t.rows[r].values[c].count);
    if (totals) line.total = &totals->values[c].count;
    lines.push_back(std::move(line));
  }
  if (!row_totals) return lines;
  for (auto& row : t.rows) {  // rows, across to their row total
    Line line;
    for (std::size_t i = 0; i < parts; ++i) line.cells.push_back(&row.values[counts[i]].count);
    line.total = &row.values[counts.back()].count;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

void suppress_table(Table& t, int min_cell, bool row_totals) {
  std::vector<std::size_t> counts;
  if (!t.rows.empty())
    for (std::size_t i = 0; i < t.rows.front().values.size(); ++i)
      if (t.rows.front().values[i].kind == Value::Kind::Count) counts.push_back(i);
  if (counts.empty()) return;
  for (auto& row : t.rows)
    for (std::size_t c : counts) {
      Cell& cell = row.values[c].count;
      cell.hidden = cell.count > 0 && cell.count < min_cell;
    }
  auto lines = lines_of(t, counts, row_totals && counts.size() > 1);
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& line : lines) changed = protect(line) || changed;
  }
}

}  // namespace care::report
