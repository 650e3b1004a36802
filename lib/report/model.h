// A report as data: titled tables of counts, amounts and text, with notes.
// The builders (status, period, budget) fill it; the renderers (text,
// markdown, csv, json, html) only lay it out, so every format shows the same
// figures and small cells are suppressed once, before any rendering.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folder/config.h"
#include "report/suppress.h"

namespace care::report {

// Who a report is for decides what it may show:
// - internal: exact counts, for the team that can read the records anyway;
// - donor: exact counts under a confidentiality notice naming the program and
//   the period, for the funder under the grant agreement;
// - public: small cells and the cells that would give them away hidden, for
//   partners and publications.
// Whatever the audience, no report opens an identity record.
enum class Audience { Internal, Donor, Public };
std::optional<Audience> audience_named(std::string_view name);
std::string_view audience_name(Audience a);

struct Value {
  enum class Kind { Count, Amount, Text };
  Kind kind = Kind::Text;
  Cell count;         // Count: may be hidden by suppression
  std::string text;   // Amount ("1250.00") or Text

  static Value of_count(int n) { return Value{Kind::Count, Cell{n, false, false}, {}}; }
  static Value of_amount(std::string a) { return Value{Kind::Amount, {}, std::move(a)}; }
  static Value of_text(std::string t) { return Value{Kind::Text, {}, std::move(t)}; }
};

struct Row {
  std::string label;
  std::vector<Value> values;
  bool total = false;  // a totals row (bold in HTML, last in the table)
};

// How a chart shows a table: bars per row, one series per chosen column.
struct Chart {
  std::vector<std::size_t> columns;  // value columns drawn as series (0 = first value column)
};

struct Table {
  std::string id;                    // stable key for JSON and CSV, e.g. "cases_by_stage"
  std::string title;
  std::vector<std::string> columns;  // headers: the label column first, then one per value
  std::vector<Row> rows;
  std::optional<Chart> chart;        // drawn in the HTML report
  bool left_aligned = false;         // text and Markdown: every column left-aligned (a list, not figures)
  std::string empty_text;            // text and Markdown: the line shown instead of a table with no rows
};

struct Report {
  std::string kind;   // "status", "period", "budget"
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // program, as_of, period ...
  std::vector<Table> tables;
  std::vector<std::string> notes;
  std::string program;  // the program's name, from care.toml
  Audience audience = Audience::Public;
  int min_cell = 5;
  // The period the figures cover ("2014-01-01 to 2014-12-31", or "on 2015-06-30"),
  // named by the donor's confidentiality notice.
  std::string covers;
  // Counts of persons, suppressed and explained in a note. False for a
  // report that lists cases or events (retention, access): no count in it is
  // one of persons, nothing is hidden and no note about hiding is printed.
  bool counts_people = true;
};

// A report of `kind` for `audience`, with the program's name and smallest cell from care.toml.
Report begin_report(std::string kind, std::string title, const folder::Config& cfg, Audience audience,
                    std::string covers);

// Shows a value as the renderers do: "12", "<5", "*", "1250.00".
std::string show(const Value& v, int min_cell);

// Small counts are hidden for the public only.
inline bool suppressed(const Report& r) { return r.audience == Audience::Public; }
// The line that heads a report for its audience: the donor's confidentiality
// notice, the internal warning, or "" for the public (whose key is at the foot).
std::string audience_notice(const Report& r);

// Hides small counts in every count column of the table, and enough others
// that none can be worked out from the totals row or from the row totals
// (the last count column when `row_totals` is set).
void suppress_table(Table& t, int min_cell, bool row_totals);

}  // namespace care::report
