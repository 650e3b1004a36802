#include "report/model.h"

#include <algorithm>

#include <fmt/format.h>

namespace care::report {

std::optional<Audience> audience_named(std::string_view name) {
  if (name == "internal") return Audience::Internal;
  if (name == "donor") return Audience::Donor;
  if (name == "public") return Audience::Public;
  return std::nullopt;
}

std::string_view audience_name(Audience a) {
  switch (a) {
    case Audience::Internal: return "internal";
    case Audience::Donor: return "donor";
    case Audience::Public: return "public";
  }
  return "public";
}

Report begin_report(std::string kind, std::string title, const folder::Config& cfg, Audience audience,
                    std::string covers) {
  Report r;
  r.kind = std::move(kind);
  r.title = std::move(title);
  r.program = cfg.name;
  r.audience = audience;
  r.min_cell = cfg.min_cell;
  r.covers = std::move(covers);
  return r;
}

std::string audience_notice(const Report& r) {
  if (!r.counts_people) return {};
  switch (r.audience) {
    case Audience::Internal:
      return "INTERNAL: exact counts, for the program team only; do not share outside it.";
    case Audience::Donor:
      return fmt::format("CONFIDENTIAL: exact figures of {} for {}, for the funder under the grant agreement; "
                         "not for publication or onward sharing.", r.program, r.covers);
    case Audience::Public: return {};
  }
  return {};
}

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

// The smallest shown non-zero part of a line, or its total when there is none.
Cell* partner_in(Line& line) {
  Cell* partner = nullptr;
  for (Cell* c : line.cells)
    if (!c->hidden && c->count > 0 && (!partner || c->count < partner->count)) partner = c;
  return partner ? partner : line.total;
}

// Whether what a line shows gives back a hidden count. A reader knows the
// total (when shown), the shown parts, and that each "<N" count is from 1 to
// N-1. A single hidden cell among the parts and the total is found by
// subtraction or addition; several "<N" cells whose sum is the smallest or
// the largest they could have are each pinned (two cells adding up to 2 are
// both 1).
bool discloses(const Line& line, int min_cell) {
  int hidden = 0, secondary = 0, sum = 0;
  for (Cell* c : line.cells) {
    hidden += c->hidden;
    secondary += c->hidden && c->secondary;
    sum += c->hidden ? c->count : 0;
  }
  bool total_hidden = line.total && line.total->hidden;
  if (hidden + total_hidden == 1) return line.total != nullptr;
  if (!line.total || total_hidden || hidden == 0 || secondary > 0) return false;
  return sum == hidden || sum == hidden * (min_cell - 1);
}

// Hides one more cell where a line would disclose. Returns true when it did.
bool protect(Line& line, int min_cell) {
  if (!discloses(line, min_cell)) return false;
  Cell* second = partner_in(line);
  if (!second || second->hidden) return false;
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
    for (auto& line : lines) changed = protect(line, min_cell) || changed;
  }
}

}  // namespace care::report
