#include "util/table.h"

#include <algorithm>

#include "util/utf8.h"

namespace care::util {
namespace {

std::vector<std::size_t> widths(const Table& t) {
  std::vector<std::size_t> w(t.header.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    if (row.size() > w.size()) w.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], code_points(row[i]));
  };
  widen(t.header);
  for (const auto& row : t.rows) widen(row);
  return w;
}

std::string aligned_line(const std::vector<std::string>& row, const std::vector<std::size_t>& w,
                         const std::vector<Align>& align) {
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) line += "  ";
    std::string pad(w[i] - code_points(row[i]), ' ');
    bool right = i < align.size() && align[i] == Align::Right;
    line += right ? pad + row[i] : row[i] + pad;
  }
  // Only the last column's padding can trail; a ragged right edge is easier to diff.
  line.erase(line.find_last_not_of(' ') + 1);
  return line + "\n";
}

std::string csv_line(const std::vector<std::string>& row) {
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) line += ',';
    line += csv_field(row[i]);
  }
  return line + "\n";
}

// Cells may hold what a record said: made visible before they are measured,
// so that an escaped control character keeps the columns aligned.
Table visible_cells(const Table& table) {
  Table out = table;
  for (auto& cell : out.header) cell = visible(cell);
  for (auto& row : out.rows)
    for (auto& cell : row) cell = visible(cell);
  return out;
}

// A plain number (-12.50, +3, 7) is data a spreadsheet must read as a number.
bool is_plain_number(std::string_view text) {
  std::size_t i = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
  std::size_t digits = 0, points = 0;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') ++digits;
    else if (text[i] != '.' || ++points > 1) return false;
  }
  return digits > 0;
}

// A spreadsheet takes a cell starting with one of these for a formula.
bool looks_like_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos &&
         !is_plain_number(text);
}

}  // namespace

std::string render_aligned(const Table& table) {
  Table shown = visible_cells(table);
  auto w = widths(shown);
  std::string out = aligned_line(shown.header, w, shown.align);
  for (const auto& row : shown.rows) out += aligned_line(row, w, shown.align);
  return out;
}

std::string csv_field(std::string_view text) {
  std::string field = looks_like_formula(text) ? "'" + std::string(text) : std::string(text);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string render_csv(const Table& table) {
  std::string out = csv_line(table.header);
  for (const auto& row : table.rows) out += csv_line(row);
  return out;
}

}  // namespace care::util
