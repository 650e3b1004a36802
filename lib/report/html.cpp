// The HTML report: one self-contained page (inline CSS, inline SVG charts, no
// script, nothing fetched) that a program manager can read on screen and
// print on A4 in black and white. Like every renderer it is a pure function
// of the report. It never sees more than the other formats show: a hidden
// cell is written as show() writes it, and a chart draws a hidden cell as no
// bar and scales to the shown values only (html_chart.cpp).
//
// The first screen answers "what now?": the program and its date under the
// audience's notice, then what needs attention (as a list) and the key
// figures against their targets (with a progress bar), then the other tables.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "records/case_id.h"
#include "report/html_parts.h"
#include "report/render.h"

namespace care::report {
namespace {

using html::esc;
using html::hidden;
using html::value_at;

// The tables the first screen shows, before all others.
constexpr std::string_view kAttention = "needs_attention";
bool is_targets(const Table& t) { return t.id == "targets" || t.id.starts_with("targets_"); }

// --- ids -----------------------------------------------------------------------

// Element ids from table ids, unique in the page: "t-" and the table id with
// anything but letters, digits and '_' made '_'. The ids derived from one
// ("t-x-h", "t-x-chart-title") cannot then meet another table's, as only the
// page puts a '-' after the prefix.
class Ids {
 public:
  std::string make(std::string_view key) {
    std::string base = "t-";
    for (char c : key) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      base += plain ? c : '_';
    }
    std::string id = base;
    for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

// --- cells ---------------------------------------------------------------------

// Text with its case IDs and dates (YYYY-MM-DD) kept whole: never broken
// across lines at their hyphens, however narrow the column.
bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
std::string text_html(std::string_view text) {
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    bool word = word_char(text[i]);
    while (j < text.size() && word_char(text[j]) == word) ++j;
    std::string_view part = text.substr(i, j - i);
    if (word && records::is_case_id(part)) out += "<span class=\"id\">" + esc(part) + "</span>";
    else if (word && is_date(part)) out += "<span class=\"nb\">" + esc(part) + "</span>";
    else out += esc(part);
    i = j;
  }
  return out;
}

bool is_number_column(const Table& t, std::size_t c) {
  for (const auto& r : t.rows)
    if (const Value* v = value_at(r, c)) return v->kind != Value::Kind::Text;
  return false;
}

std::string header_of(const Table& t, std::size_t c) { return c + 1 < t.columns.size() ? t.columns[c + 1] : ""; }

// "yes" under "over cap": a plan spending more than the cap, marked in bold
// and boxed so that it stands out on paper too.
bool is_flagged(const Table& t, std::size_t c, const Value& v) {
  return v.kind == Value::Kind::Text && v.text == "yes" && header_of(t, c) == "over cap";
}

std::string cell_html(const Table& t, std::size_t c, const Value* v, bool numeric, int min_cell) {
  std::vector<std::string> classes;
  if (numeric) classes.emplace_back("num");
  if (v && hidden(*v)) classes.emplace_back("hidden");
  if (v && is_flagged(t, c, *v)) classes.emplace_back("flag");
  std::string cls;
  for (const auto& k : classes) cls += (cls.empty() ? "" : " ") + k;
  std::string open = cls.empty() ? "<td>" : "<td class=\"" + cls + "\">";
  std::string text = v ? text_html(show(*v, min_cell)) : std::string();
  if (v && is_flagged(t, c, *v)) text = "<strong>" + text + "</strong>";
  return open + text + "</td>";
}

// --- progress against a target ---------------------------------------------------

// The number a target cell holds ("130", or a count), if any.
std::optional<double> target_in(const Value& v) {
  if (auto n = html::number_of(v)) return n;
  if (v.kind != Value::Kind::Text) return std::nullopt;
  double d = 0;
  auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
  if (ec == std::errc() && end == v.text.data() + v.text.size() && std::isfinite(d)) return d;
  return std::nullopt;
}

// Which columns of a targets table hold the persons and the target: the
// first count, and the first number after it.
struct TargetColumns {
  std::size_t persons = 0, target = 0;
  bool found = false;
};
TargetColumns target_columns(const Table& t) {
  TargetColumns tc;
  if (t.rows.empty()) return tc;
  const auto& values = t.rows.front().values;
  for (std::size_t c = 0; c < values.size() && !tc.found; ++c) {
    if (values[c].kind != Value::Kind::Count) continue;
    for (std::size_t d = c + 1; d < values.size() && !tc.found; ++d)
      if (target_in(values[d])) tc = {c, d, true};
  }
  return tc;
}

// A bar readable in black and white: a black part for what is done in an
// outlined box for the target, and the percentage written beside it. No bar
// when the count is hidden or there is no target to measure against.
std::string progress_html(const Row& r, const TargetColumns& tc) {
  const Value* persons = value_at(r, tc.persons);
  const Value* target = value_at(r, tc.target);
  auto done = persons ? html::number_of(*persons) : std::nullopt;
  auto of = target ? target_in(*target) : std::nullopt;
  if (!done || !of || *of <= 0) return "<td class=\"progress\"></td>";
  double ratio = *done / *of;
  long percent = std::lround(ratio * 100);
  double filled = std::clamp(ratio, 0.0, 1.0) * 99;
  return fmt::format(
      "<td class=\"progress\"><svg class=\"meter\" width=\"100\" height=\"12\" viewBox=\"0 0 100 12\" "
      "aria-hidden=\"true\"><rect x=\".5\" y=\".5\" width=\"99\" height=\"11\" fill=\"#fff\" stroke=\"#000\"/>"
      "<rect x=\".5\" y=\".5\" width=\"{}\" height=\"11\" fill=\"#1a1a1a\"/></svg> {}%</td>",
      html::num(filled), percent);
}

// --- tables --------------------------------------------------------------------

std::string section_open(const Table& t, const std::string& id, std::string_view kind) {
  std::string title = t.title.empty() ? t.id : t.title;
  return fmt::format("<section class=\"{0}\" id=\"{1}\" aria-labelledby=\"{1}-h\">\n<h2 id=\"{1}-h\">{2}</h2>\n", kind,
                     id, esc(title));
}

std::string empty_html(const Table& t, std::string_view fallback) {
  return "<p class=\"empty\">" + esc(t.empty_text.empty() ? fallback : std::string_view(t.empty_text)) + "</p>\n";
}

std::string table_html(const Table& t, const std::string& id, int min_cell) {
  std::size_t ncols = t.columns.empty() ? 0 : t.columns.size() - 1;
  for (const auto& r : t.rows) ncols = std::max(ncols, r.values.size());
  // A small table (a breakdown with no chart) shares a line of the page with
  // the next, rather than leaving a narrow column and a wide blank.
  bool small = !t.chart && ncols <= 2 && !is_targets(t);
  std::string out = section_open(t, id, small ? "report-table small" : "report-table");
  if (t.rows.empty() && !t.empty_text.empty()) return out + empty_html(t, {}) + "</section>\n";
  std::vector<bool> numeric(ncols);
  for (std::size_t c = 0; c < ncols; ++c) numeric[c] = is_number_column(t, c);
  TargetColumns progress = is_targets(t) ? target_columns(t) : TargetColumns{};

  std::string title = t.title.empty() ? t.id : t.title;
  out += "<div class=\"pair\">\n<div class=\"tbl\">\n";
  out += ncols >= 5 ? "<table class=\"wide\">\n" : "<table>\n";
  out += "<caption class=\"sr\">" + esc(title) + "</caption>\n";
  out += "<thead><tr>";
  out += "<th scope=\"col\">" + esc(t.columns.empty() ? std::string() : t.columns[0]) + "</th>";
  for (std::size_t c = 0; c < ncols; ++c)
    out += std::string("<th scope=\"col\"") + (numeric[c] ? " class=\"num\"" : "") + ">" + esc(header_of(t, c)) + "</th>";
  if (progress.found) out += "<th scope=\"col\">progress</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    bool act = !r.total && html::needs_action(r.label);
    out += r.total ? "<tr class=\"total\">" : act ? "<tr class=\"action\">" : "<tr>";
    out += "<th scope=\"row\">" + text_html(r.label) + "</th>";
    for (std::size_t c = 0; c < ncols; ++c) out += cell_html(t, c, value_at(r, c), numeric[c], min_cell);
    if (progress.found) out += progress_html(r, progress);
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  if (t.chart)
    out += "<figure class=\"chart\">\n" + html::chart_svg(t, *t.chart, id + "-chart", min_cell) + "\n</figure>\n";
  out += "</div>\n</section>\n";
  return out;
}

// What needs attention, as a list a coordinator works down: each row's label
// (a case ID) and what its columns say, "overdue monitoring contact; days
// overdue: 12". Text is written as it is, numbers with their column's name.
std::string attention_html(const Table& t, const std::string& id, int min_cell) {
  std::string out = section_open(t, id, "report-table attention");
  if (t.rows.empty()) return out + empty_html(t, "Nothing needs attention.") + "</section>\n";
  out += "<ul class=\"attention-list\">\n";
  for (const auto& r : t.rows) {
    std::string what;
    for (std::size_t c = 0; c < r.values.size(); ++c) {
      std::string shown = show(r.values[c], min_cell);
      if (shown.empty()) continue;
      std::string part = r.values[c].kind == Value::Kind::Text || header_of(t, c).empty()
                             ? text_html(shown)
                             : esc(header_of(t, c)) + ": " + text_html(shown);
      what += (what.empty() ? "" : "; ") + part;
    }
    out += r.total ? "<li class=\"total\">" : "<li>";
    out += "<span class=\"what\">" + text_html(r.label) + "</span>";
    if (!what.empty()) out += " \xE2\x80\x94 " + what;
    out += "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

// --- the page ------------------------------------------------------------------

constexpr std::string_view kStyle = R"(:root { color-scheme: light; }
body { margin: 0 auto; max-width: 64rem; padding: 1.5rem; color: #000; background: #fff;
  font: 15px/1.45 system-ui, sans-serif; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); column-gap: 2rem;
  align-items: start; }
main > * { grid-column: 1 / -1; min-width: 0; }
main > section.small { grid-column: auto; }
h1 { font-size: 1.6rem; margin: 0 0 .6rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; }
.banner { border: 3px solid #000; background: #f0f0f0; padding: .5rem .8rem; margin: 0 0 .8rem;
  font-weight: bold; }
.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.6rem; margin: 0 0 1rem; }
.facts div { display: flex; gap: .4rem; }
.facts dt { font-weight: 600; }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; }
.pair { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: flex-start; }
.tbl { flex: 1 1 20rem; min-width: 0; max-width: 100%; }
table { border-collapse: collapse; margin: .25rem 0 .5rem; width: 100%; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #bbb; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
thead th { border-bottom: 2px solid #000; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
thead th.num { white-space: normal; overflow-wrap: normal; }
.id, .nb { white-space: nowrap; overflow-wrap: normal; }
.id { font-variant-numeric: tabular-nums; }
table.wide th, table.wide td { padding: .2rem .35rem; font-size: .9em; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #000; border-bottom: 0; }
tr.action th { font-weight: bold; border-left: 4px solid #000; }
td.hidden { font-style: italic; }
td.flag strong { border: 2px solid #000; padding: 0 .25rem; }
td.progress { white-space: nowrap; }
svg.meter { vertical-align: middle; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
figure.chart { flex: 1 1 24rem; min-width: 0; margin: .25rem 0 1rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.attention-list { margin: .25rem 0 1rem; padding-left: 1.4rem; }
.attention-list li { margin: .15rem 0; }
.attention-list .what { font-weight: bold; }
.empty { font-style: italic; }
.key { font-size: .9rem; }
.notes li { margin: .2rem 0; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { font-size: 12pt; margin-top: 1rem; break-after: avoid; }
  section, table, figure.chart, .banner { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { padding: .15rem .4rem; }
  .pair { gap: .25rem 1rem; }
}
)";

// The meaning of the marks the tables use, for those they use.
std::string key_html(const Report& r) {
  bool small = false, secondary = false;
  for (const auto& t : r.tables)
    for (const auto& row : t.rows)
      for (const auto& v : row.values)
        if (hidden(v)) (v.count.secondary ? secondary : small) = true;
  if (!small && !secondary) return {};
  std::string out = "<p class=\"key\">";
  if (small) {
    std::string range = r.min_cell > 2 ? fmt::format("from 1 to {}", r.min_cell - 1) : "of 1";
    out += esc(show(Cell{1, true, false}, r.min_cell)) + ": a count " + range + ", hidden to protect the people counted.";
  }
  if (secondary) {
    if (small) out += " ";
    out += esc(show(Cell{1, true, true}, r.min_cell)) +
           ": a count hidden so that another hidden count cannot be worked out from the totals.";
  }
  return out + "</p>\n";
}

// The tables in the order the page shows them: what needs attention, the
// targets, then the others as the report has them.
std::vector<const Table*> page_order(const Report& r) {
  std::vector<const Table*> out;
  for (const auto& t : r.tables)
    if (t.id == kAttention) out.push_back(&t);
  for (const auto& t : r.tables)
    if (t.id != kAttention && is_targets(t)) out.push_back(&t);
  for (const auto& t : r.tables)
    if (t.id != kAttention && !is_targets(t)) out.push_back(&t);
  return out;
}

}  // namespace

std::string render_html(const Report& r) {
  std::string title = r.title.empty() ? "care report" : r.title;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Nothing may be loaded or run: the page is whole as it is.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>" + esc(title) + "</title>\n";
  out += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n";
  out += "<body data-report=\"" + esc(r.kind) + "\" data-audience=\"" + esc(audience_name(r.audience)) + "\">\n<main>\n<header>\n";
  out += "<h1>" + text_html(title) + "</h1>\n";
  if (std::string notice = audience_notice(r); !notice.empty())
    out += "<p class=\"banner\" role=\"note\">" + esc(notice) + "</p>\n";
  if (!r.facts.empty()) {
    out += "<dl class=\"facts\">\n";
    for (const auto& [name, value] : r.facts) out += "<div><dt>" + esc(name) + "</dt><dd>" + text_html(value) + "</dd></div>\n";
    out += "</dl>\n";
  }
  out += "</header>\n";
  Ids ids;
  for (const Table* t : page_order(r))
    out += t->id == kAttention ? attention_html(*t, ids.make(t->id), r.min_cell) : table_html(*t, ids.make(t->id), r.min_cell);
  out += key_html(r);
  if (!r.notes.empty()) {
    out += "<section class=\"notes\" aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">Notes</h2>\n<ul>\n";
    for (const auto& n : r.notes) out += "<li>" + text_html(n) + "</li>\n";
    out += "</ul>\n</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace care::report
