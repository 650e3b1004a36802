#include "report/suppress.h"

#include <algorithm>
#include <numeric>

namespace care::report {

Column suppress(const std::vector<int>& counts, int min_cell) {
  Column col;
  for (int n : counts) col.cells.push_back(Cell{n, n > 0 && n < min_cell});
  col.total.count = std::accumulate(counts.begin(), counts.end(), 0);
  col.total.hidden = col.total.count > 0 && col.total.count < min_cell;
  auto hidden = std::count_if(col.cells.begin(), col.cells.end(), [](const Cell& c) { return c.hidden; });
  if (hidden != 1 || col.total.hidden) return col;
  // One hidden cell beside a shown total could be recomputed: hide the
  // smallest other non-zero cell as well (a zero would reveal nothing new).
  Cell* partner = nullptr;
  for (auto& c : col.cells)
    if (!c.hidden && c.count > 0 && (!partner || c.count < partner->count)) partner = &c;
  // Without a partner the lone hidden cell is the total itself, hidden already.
  if (partner) partner->hidden = partner->secondary = true;
  return col;
}

std::string show(const Cell& cell, int min_cell) {
  if (!cell.hidden) return std::to_string(cell.count);
  return cell.secondary ? "*" : "<" + std::to_string(min_cell);
}

}  // namespace care::report
