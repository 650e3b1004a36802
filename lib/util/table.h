// Tables of text: aligned columns for people, CSV for programs. Knows nothing
// of the domain, so that every list and report lays rows out the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace care::util {

enum class Align { Left, Right };

struct Table {
  std::vector<std::string> header;
  std::vector<Align> align;  // per column; a column not listed is left-aligned
  std::vector<std::vector<std::string>> rows;
};

// The header and rows, each column as wide as its widest cell (counted in code
// points), columns two spaces apart, no trailing spaces, one LF per line.
// Cells are printed as util::visible shows them: no control character of a
// cell reaches the terminal.
std::string render_aligned(const Table& table);

// One CSV field, double-quoted (quotes doubled) when it holds a comma, a
// quote, CR or LF, as RFC 4180 asks; otherwise as it is. A field starting
// with =, +, -, @, TAB or CR that is not a plain number (-12.50 is one) gets
// a leading single quote first, so that a spreadsheet shows it as text
// instead of running it as a formula.
std::string csv_field(std::string_view text);

// The header line and one line per row, fields quoted by csv_field, LF line ends.
std::string render_csv(const Table& table);

}  // namespace care::util
