// Small-cell suppression for aggregate outputs: a count from 1 to min_cell-1
// is shown as "<min_cell", and enough other cells are hidden too that no
// hidden count can be worked out by subtracting the shown ones from the total.
#pragma once

#include <string>
#include <vector>

namespace care::report {

struct Cell {
  int count = 0;
  bool hidden = false;
  bool secondary = false;  // hidden only so that another hidden count stays hidden
};

struct Column {
  std::vector<Cell> cells;
  Cell total;
};

// Suppresses in place. With min_cell <= 1 nothing is hidden.
Column suppress(const std::vector<int>& counts, int min_cell);

// "12"; "<5" for a small count; "*" for a cell hidden to protect another.
std::string show(const Cell& cell, int min_cell);

}  // namespace care::report
