// Pieces the HTML report's files share (html.cpp lays out the page and its
// tables, html_chart.cpp draws the charts). Internal to the HTML renderer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/model.h"

namespace care::report::html {

// Text for HTML content and attribute values alike; bytes that are not UTF-8
// and control characters other than tab and newline become U+FFFD.
std::string esc(std::string_view s);
// The number of characters (code points; invalid bytes count one each).
std::size_t chars(std::string_view s);
// At most `max` characters of s, ending in an ellipsis when cut.
std::string shorten(std::string_view s, std::size_t max);
// A coordinate with at most one decimal and never "-0": "12", "7.5".
std::string num(double x);

inline bool hidden(const Value& v) { return v.kind == Value::Kind::Count && v.count.hidden; }
inline const Value* value_at(const Row& row, std::size_t column) {
  return column < row.values.size() ? &row.values[column] : nullptr;
}
// The number a value shows: a shown count, or an amount that parses; nothing
// for a hidden count, for text, or for an amount that does not parse.
std::optional<double> number_of(const Value& v);

// A label that names something to act on ("overdue", "missed", "late",
// "escalated", "open risk flags", "over cap"): drawn apart from the rest,
// by pattern and weight, never by colour alone.
bool needs_action(std::string_view label);

// The value columns a chart of `t` draws: the chart's own, in order, once
// each; a cross-table's "total" column is left out when parts are drawn.
std::vector<std::size_t> chart_series(const Table& t, const Chart& chart);

// An inline SVG bar chart of the table (rows as groups, series side by side,
// with a legend). `id` prefixes the element ids it makes.
std::string chart_svg(const Table& t, const Chart& chart, const std::string& id, int min_cell);

}  // namespace care::report::html
