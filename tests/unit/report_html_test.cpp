#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "report/render.h"

namespace {

using namespace care::report;

Value hidden_count(int n, bool secondary = false) {
  Value v = Value::of_count(n);
  v.count.hidden = true;
  v.count.secondary = secondary;
  return v;
}

std::size_t count_of(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The <svg> element drawn for the table `id`, or "" when there is none.
std::string chart_of(const std::string& html, const std::string& id) {
  auto at = html.find("data-chart=\"" + id + "\"");
  if (at == std::string::npos) return {};
  auto start = html.rfind("<svg", at);
  auto end = html.find("</svg>", at);
  return html.substr(start, end + 6 - start);
}

// Every value of an attribute, in order.
std::vector<std::string> attribute_values(const std::string& html, const std::string& name) {
  std::vector<std::string> out;
  std::string key = " " + name + "=\"";
  for (auto at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
    auto from = at + key.size();
    out.push_back(html.substr(from, html.find('"', from) - from));
  }
  return out;
}

// Cases by stage with one small count (hidden, shown as "<5") and one hidden
// to protect it ("*"); the hidden counts are set to numbers found nowhere else.
Report sample(int small = 98761, int partner = 45673) {
  Report r;
  r.kind = "status";
  r.title = "Example programme: caseload on 2015-06-30";
  r.facts = {{"program", "Example programme"}, {"as of", "2015-06-30"}};
  Table stages{"cases_by_stage", "Cases by stage", {"stage", "cases"}, {}, Chart{{0}}, false, {}};
  stages.rows = {{"referred", {Value::of_count(12)}, false},
                 {"assessed", {hidden_count(small)}, false},
                 {"planned", {hidden_count(partner, true)}, false},
                 {"returned", {Value::of_count(0)}, false},
                 {"monitoring", {Value::of_count(6)}, false},
                 {"total", {Value::of_count(27)}, true}};
  r.tables.push_back(stages);
  Table targets{"targets", "Progress against targets", {"target", "persons", "of"}, {}, std::nullopt, false, {}};
  targets.rows = {{"assessed", {Value::of_count(20), Value::of_text("40")}, false}};
  r.tables.push_back(targets);
  r.notes = {"Stages are derived from the records a case has."};
  return r;
}

}  // namespace

TEST_CASE("html: one self-contained page, nothing fetched and nothing run") {
  auto html = render_html(sample());
  CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<title>Example programme: caseload on 2015-06-30</title>") != std::string::npos);
  // A date in the heading never breaks at its hyphens.
  CHECK(html.find("<h1>Example programme: caseload on <span class=\"nb\">2015-06-30</span></h1>") != std::string::npos);
  for (std::string_view banned : {"<script", "<link", "<img", "<iframe", "src=", "href=", "http:", "https:", "@import"})
    CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
  // url() only ever names a pattern inside the page.
  for (auto at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1))
    CHECK(html[at + 4] == '#');
  CHECK(html.substr(html.size() - 8) == "</html>\n");
}

TEST_CASE("html: the same report gives the same bytes") {
  auto r = sample();
  auto a = render_html(r);
  CHECK(a == render_html(r));
  CHECK(a == render_html(sample()));
}

TEST_CASE("html: text from the data is escaped everywhere") {
  const std::string evil = "<script>alert('x')</script> & \"q\"";
  const std::string escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;";
  Report r;
  r.kind = evil;
  r.title = evil;
  r.facts = {{evil, evil}};
  Table t{evil, evil, {evil, evil, evil}, {}, Chart{{0}}, false, {}};
  t.rows = {{evil, {Value::of_count(3), Value::of_text(evil)}, false}};
  r.tables.push_back(t);
  r.notes = {evil};
  auto html = render_html(r);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("'x'") == std::string::npos);
  CHECK(html.find("\"q\"") == std::string::npos);
  CHECK(html.find("& ") == std::string::npos);
  // title, h1, fact name and value, h2, caption, three headers, row label,
  // text cell, note, the chart's title and its legend and row label; the
  // chart's description names the title within a longer text.
  CHECK(count_of(html, escaped) >= 15);
  CHECK(html.find("data-chart=\"" + escaped + "\"") != std::string::npos);
  // Element ids are made from the table id but hold none of its markup.
  for (const auto& id : attribute_values(html, "id"))
    CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string::npos);
}

TEST_CASE("html: bytes that are not UTF-8, and control characters, become U+FFFD") {
  Report r;
  r.title = "bad \xC3 byte";
  r.notes = {std::string("nul\0here", 8), "ok \xC3\xA9t\xC3\xA9 \xE2\x80\x94", "overlong \xC0\xAF, surrogate \xED\xA0\x80"};
  auto html = render_html(r);
  CHECK(html.find("<title>bad \xEF\xBF\xBD byte</title>") != std::string::npos);
  CHECK(html.find("nul\xEF\xBF\xBDhere") != std::string::npos);
  CHECK(html.find("ok \xC3\xA9t\xC3\xA9 \xE2\x80\x94") != std::string::npos);
  CHECK(html.find("\xC0") == std::string::npos);
  CHECK(html.find("\xED\xA0\x80") == std::string::npos);
  CHECK(html.find('\0') == std::string::npos);
}

TEST_CASE("html: tables with a caption, headers, marked totals and right-aligned numbers") {
  auto html = render_html(sample());
  CHECK(count_of(html, "<table>") == 2);
  CHECK(count_of(html, "<caption") == 2);
  CHECK(html.find(">Cases by stage</caption>") != std::string::npos);
  CHECK(html.find("<thead><tr><th scope=\"col\">stage</th><th scope=\"col\" class=\"num\">cases</th></tr></thead>") !=
        std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">referred</th><td class=\"num\">12</td></tr>") != std::string::npos);
  CHECK(html.find("<tr class=\"total\"><th scope=\"row\">total</th><td class=\"num\">27</td></tr>") !=
        std::string::npos);
  CHECK(count_of(html, "<tr class=\"total\">") == 1);
  // Hidden cells read exactly as show() gives them.
  CHECK(html.find("<td class=\"num hidden\">&lt;5</td>") != std::string::npos);
  CHECK(html.find("<td class=\"num hidden\">*</td>") != std::string::npos);
  // A text column is not a number column.
  CHECK(html.find("<th scope=\"col\" class=\"num\">persons</th><th scope=\"col\">of</th>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">20</td><td>40</td>") != std::string::npos);
  // Facts first, as a definition list; notes last.
  auto facts = html.find("<dl class=\"facts\">");
  CHECK(facts < html.find("<table>"));
  CHECK(html.find("<dt>as of</dt><dd><span class=\"nb\">2015-06-30</span></dd>") != std::string::npos);
  CHECK(html.find("<li>Stages are derived from the records a case has.</li>") > html.rfind("</table>"));
}

TEST_CASE("html: a hidden count appears nowhere, and nothing in the page depends on it") {
  auto html = render_html(sample(98761, 45673));
  CHECK(html.find("98761") == std::string::npos);
  CHECK(html.find("45673") == std::string::npos);
  // The page is the same whatever the hidden counts are: no bar, label,
  // attribute, scale or comment carries them.
  CHECK(html == render_html(sample(1, 2)));
  CHECK(html == render_html(sample(4, 7)));
  // Shown counts do change it.
  auto other = sample();
  other.tables[0].rows[0].values[0].count.count = 13;
  CHECK(html != render_html(other));
}

TEST_CASE("html: a chart per charted table, one bar per shown value, hidden values as a mark") {
  auto html = render_html(sample());
  CHECK(count_of(html, "<svg role=\"img\"") == 1);
  auto chart = chart_of(html, "cases_by_stage");
  REQUIRE(!chart.empty());
  CHECK(chart.find("role=\"img\"") != std::string::npos);
  // referred and monitoring; not the two hidden ones, not the zero (written
  // "0" but no bar), not the totals row.
  CHECK(count_of(chart, "<rect class=\"bar\"") == 2);
  CHECK(count_of(chart, ">&lt;5</text>") == 1);
  CHECK(count_of(chart, ">*</text>") == 1);
  CHECK(count_of(chart, ">0</text>") == 1);
  CHECK(chart.find(">total<") == std::string::npos);
  CHECK(chart.find(">27<") == std::string::npos);
  // The largest shown value spans the plot (280 wide); the others to scale.
  CHECK(chart.find("width=\"280\" height=\"14\"") != std::string::npos);
  CHECK(chart.find("width=\"140\" height=\"14\"") != std::string::npos);
  CHECK(chart.find("data-series=\"0\"") != std::string::npos);
  // The accessible name points at the chart's own title.
  auto labelled = attribute_values(chart, "aria-labelledby");
  REQUIRE(labelled.size() == 1);
  auto title_id = labelled[0].substr(0, labelled[0].find(' '));
  CHECK(chart.find("<title id=\"" + title_id + "\">Cases by stage</title>") != std::string::npos);
}

TEST_CASE("html: several series side by side, with a legend naming each") {
  Report r;
  r.title = "Budget";
  Table t{"budget_by_phase", "Budget per phase (EUR)", {"phase", "planned", "delivered", "note"}, {}, Chart{{0, 1}}, false, {}};
  t.rows = {{"pre_departure", {Value::of_amount("1250.00"), Value::of_amount("625.50"), Value::of_text("x")}, false},
            {"post_arrival", {Value::of_amount("0.00"), Value::of_amount("-250.00"), Value::of_text("y")}, false},
            {"reintegration", {Value::of_amount("300.00"), Value::of_amount("n/a"), Value::of_text("z")}, false},
            {"total", {Value::of_amount("1550.00"), Value::of_amount("375.50"), Value::of_text("")}, true}};
  r.tables.push_back(t);
  auto chart = chart_of(render_html(r), "budget_by_phase");
  REQUIRE(!chart.empty());
  // Four non-zero amounts parse; "n/a" has no bar but is named, 0.00 is
  // written without a bar; the totals row is left out.
  CHECK(count_of(chart, "<rect class=\"bar\"") == 4);
  CHECK(chart.find(">n/a</text>") != std::string::npos);
  CHECK(chart.find(">0.00</text>") != std::string::npos);
  CHECK(chart.find("1550") == std::string::npos);
  // Amounts by their numeric value, on a scale from -250 to 1250 over 280.
  CHECK(chart.find("width=\"233.3\" height=\"14\"") != std::string::npos);  // 1250.00
  CHECK(chart.find("width=\"116.8\" height=\"14\"") != std::string::npos);  // 625.50
  CHECK(chart.find("width=\"46.7\" height=\"14\"") != std::string::npos);   // -250.00
  CHECK(chart.find(">1250.00</text>") != std::string::npos);
  // A legend entry per series, told apart by shade and outline, not colour:
  // near-black, then white with a black outline.
  CHECK(chart.find(">planned</text>") != std::string::npos);
  CHECK(chart.find(">delivered</text>") != std::string::npos);
  CHECK(chart.find(">note</text>") == std::string::npos);
  CHECK(count_of(chart, "fill=\"#1a1a1a\"") == 1 + 2);
  CHECK(count_of(chart, "fill=\"#ffffff\" stroke=\"#000\"") == 1 + 2);
}

TEST_CASE("html: charts of odd tables still make a page") {
  Report r;
  Table empty{"empty", "Nothing yet", {"stage", "cases"}, {}, Chart{{0}}, false, {}};
  Table wrong{"wrong", "Column out of range", {"stage", "cases"}, {}, Chart{{5}}, false, {}};
  wrong.rows = {{"referred", {Value::of_count(4)}, false}};
  Table zeros{"zeros", "All zero", {"stage", "cases"}, {}, Chart{{0}}, false, {}};
  zeros.rows = {{"referred", {Value::of_count(0)}, false}, {"assessed", {Value::of_count(0)}, false}};
  r.tables = {empty, wrong, zeros};
  auto html = render_html(r);
  CHECK(html.find("<title>care report</title>") != std::string::npos);
  CHECK(chart_of(html, "empty").find("No rows to chart.") != std::string::npos);
  CHECK(count_of(chart_of(html, "wrong"), "<rect") == 0);
  CHECK(count_of(chart_of(html, "zeros"), "<rect") == 0);
  CHECK(count_of(chart_of(html, "zeros"), ">0</text>") == 2);
  CHECK(html.find("nan") == std::string::npos);
  CHECK(html.find("inf") == std::string::npos);
}

TEST_CASE("html: element ids are unique and every reference finds its element") {
  auto r = sample();
  r.tables.push_back(r.tables[0]);  // the same table id twice
  r.tables.push_back(r.tables[0]);
  r.tables.back().id = "cases by stage";  // and one that cleans up to the same
  auto html = render_html(r);
  CHECK(count_of(html, "<svg role=\"img\"") == 3);
  auto ids = attribute_values(html, "id");
  std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  for (const auto& refs : attribute_values(html, "aria-labelledby")) {
    std::size_t from = 0;
    while (from < refs.size()) {
      auto to = std::min(refs.find(' ', from), refs.size());
      CHECK_MESSAGE(unique.count(refs.substr(from, to - from)) == 1, refs);
      from = to + 1;
    }
  }
}

TEST_CASE("html: the audience's banner when small counts are not suppressed, and the key when they are") {
  auto r = sample();
  r.program = "Test program";
  r.covers = "2014-01-01 to 2014-12-31";
  const std::string banner = "INTERNAL: exact counts, for the program team only; do not share outside it.";
  auto suppressed = render_html(r);
  CHECK(suppressed.find("class=\"banner\"") == std::string::npos);
  CHECK(suppressed.find("&lt;5: a count from 1 to 4, hidden") != std::string::npos);
  CHECK(suppressed.find("*: a count hidden so that another") != std::string::npos);

  r.audience = Audience::Internal;
  for (auto& row : r.tables[0].rows)
    for (auto& v : row.values) v.count.hidden = v.count.secondary = false;
  auto open = render_html(r);
  auto at = open.find("<p class=\"banner\" role=\"note\">" + banner + "</p>");
  CHECK(at != std::string::npos);
  CHECK(at < open.find("<dl"));  // at the top, before any figure
  CHECK(open.find("98761") != std::string::npos);
  CHECK(open.find("class=\"key\"") == std::string::npos);
}

namespace {

// A cross-table as the period report makes one (--by sex,minor): a column per
// value of the second dimension and a "total" column, rows and a totals row.
Report cross(int small = 3, int partner = 7) {
  Report r;
  r.kind = "period";
  r.title = "Persons returned";
  Table t{"cross_returned", "Persons returned by sex / minor", {"sex", "adult", "minor", "total"}, {}, Chart{{0, 1, 2}},
          false, {}};
  t.rows = {{"female", {Value::of_count(12), hidden_count(small), hidden_count(12 + small, true)}, false},
            {"male", {Value::of_count(20), hidden_count(partner, true), hidden_count(20 + partner, true)}, false},
            {"total", {Value::of_count(32), Value::of_count(small + partner), Value::of_count(32 + small + partner)}, true}};
  r.tables.push_back(t);
  return r;
}

}  // namespace

TEST_CASE("html: a cross-table's chart draws its parts, not its total, with a legend per column") {
  auto chart = chart_of(render_html(cross()), "cross_returned");
  REQUIRE(!chart.empty());
  // Two series (adult, minor); the total column is not drawn.
  CHECK(chart.find("data-series=\"0 1\"") != std::string::npos);
  CHECK(chart.find(">adult</text>") != std::string::npos);
  CHECK(chart.find(">minor</text>") != std::string::npos);
  CHECK(chart.find(">total</text>") == std::string::npos);
  // Bars for the shown counts only (12 and 20); the hidden ones are marks.
  CHECK(count_of(chart, "<rect class=\"bar\"") == 2);
  CHECK(count_of(chart, ">&lt;5</text>") == 1);
  CHECK(count_of(chart, ">*</text>") == 1);
  // The scale is the shown values': 20 spans the plot.
  CHECK(chart.find("width=\"280\" height=\"14\"") != std::string::npos);
  CHECK(chart.find("width=\"168\" height=\"14\"") != std::string::npos);
}

TEST_CASE("html: hidden cells of a cross-table leak into nothing, not even the chart's scale") {
  auto page = render_html(cross(3, 7));
  CHECK(page == render_html(cross(1, 9)));
  CHECK(page == render_html(cross(4, 6)));
  // Other hidden counts change the shown totals row, which is not charted:
  // the chart stays the same.
  auto a = chart_of(render_html(cross(2, 30)), "cross_returned");
  CHECK(a == chart_of(page, "cross_returned"));
}

TEST_CASE("html: many series stay told apart: shades, patterns, and names on the bars past eight") {
  Report r;
  Table t{"cross_wide", "Wide", {"host"}, {}, Chart{}, false, {}};
  for (int c = 0; c < 9; ++c) {
    t.columns.push_back("c" + std::to_string(c));
    t.chart->columns.push_back(static_cast<std::size_t>(c));
  }
  t.columns.push_back("total");
  t.chart->columns.push_back(9);
  Row row{"AT", {}, false};
  for (int c = 0; c < 9; ++c) row.values.push_back(Value::of_count(c + 1));
  row.values.push_back(Value::of_count(45));
  t.rows = {row};
  r.tables.push_back(t);
  auto chart = chart_of(render_html(r), "cross_wide");
  CHECK(count_of(chart, "<rect class=\"bar\"") == 9);
  CHECK(chart.find(">c8: 9</text>") != std::string::npos);
  CHECK(count_of(chart, "<pattern ") >= 4);  // hatched, dotted, lined, cross-hatched
  CHECK(chart.find(">45<") == std::string::npos);
}

TEST_CASE("html: what needs action looks apart by pattern and weight, with a legend entry, not by colour") {
  Report r;
  r.kind = "status";
  Table t{"monitoring_contacts", "Monitoring contacts", {"contacts", "contacts"}, {}, Chart{{0}}, false, {}};
  t.rows = {{"done", {Value::of_count(10)}, false},
            {"overdue", {Value::of_count(4)}, false},
            {"due within 30 days", {Value::of_count(2)}, false}};
  r.tables.push_back(t);
  auto html = render_html(r);
  auto chart = chart_of(html, "monitoring_contacts");
  CHECK(chart.find(">needs action</text>") != std::string::npos);
  CHECK(chart.find("font-weight=\"bold\">overdue</text>") != std::string::npos);
  CHECK(count_of(chart, "-p8)\"") == 2);  // the overdue bar and its legend swatch, in the hatching of action
  CHECK(count_of(chart, "fill=\"#1a1a1a\"") == 1 + 2);  // done and due: the series' own look
  CHECK(html.find("<tr class=\"action\"><th scope=\"row\">overdue</th>") != std::string::npos);
  CHECK(html.find("<tr class=\"action\"><th scope=\"row\">done</th>") == std::string::npos);
}

TEST_CASE("html: needs attention first, as a list, then the targets with progress bars, then the rest") {
  Report r = sample();
  r.audience = Audience::Internal;
  for (auto& row : r.tables[0].rows)
    for (auto& v : row.values) v.count.hidden = v.count.secondary = false;
  Table attention{"needs_attention", "Needs attention", {"case", "what", "days"}, {}, std::nullopt, true,
                  "Nothing needs attention today."};
  attention.rows = {{"AT-2014-002", {Value::of_text("overdue monitoring contact (month 6)"), Value::of_count(12)}, false},
                    {"FR-2015-001", {Value::of_text("open risk flag, escalated"), Value::of_count(40)}, false}};
  r.tables.push_back(attention);
  auto html = render_html(r);
  auto list = html.find("<ul class=\"attention-list\">");
  auto targets = html.find("id=\"t-targets\"");
  auto stages = html.find("id=\"t-cases_by_stage\"");
  REQUIRE(list != std::string::npos);
  CHECK(list < targets);
  CHECK(targets < stages);
  CHECK(html.find("<li><span class=\"what\"><span class=\"id\">AT-2014-002</span></span> \xE2\x80\x94 overdue monitoring "
                  "contact (month 6); days: 12</li>") != std::string::npos);
  // Progress: 20 of 40 is 50%, a half-filled bar in an outlined box.
  CHECK(html.find("<th scope=\"col\">progress</th>") != std::string::npos);
  CHECK(html.find("width=\"49.5\" height=\"11\" fill=\"#1a1a1a\"/></svg> 50%</td>") != std::string::npos);

  r.tables.back().rows.clear();
  html = render_html(r);
  CHECK(html.find("<p class=\"empty\">Nothing needs attention today.</p>") != std::string::npos);
  CHECK(html.find("<ul class=\"attention-list\">") == std::string::npos);
}

TEST_CASE("html: progress against a target says nothing of a hidden count") {
  auto a = render_html(sample());
  auto r = sample();
  r.tables[1].rows[0].values[0] = hidden_count(3);
  auto b = render_html(r);
  r.tables[1].rows[0].values[0] = hidden_count(4);
  CHECK(b == render_html(r));
  CHECK(b.find("<td class=\"progress\"></td>") != std::string::npos);
  CHECK(a.find("50%") != std::string::npos);
}

TEST_CASE("html: case IDs never break, \"over cap\" stands out, wide tables are marked, empty tables say so") {
  Report r;
  r.kind = "budget";
  Table t{"budget_by_case", "Budget per case (EUR)", {"case", "planned", "delivered", "remaining", "over cap", "reason"},
          {}, std::nullopt, false, {}};
  t.rows = {{"AT-2014-002", {Value::of_amount("3500.00"), Value::of_amount("0.00"), Value::of_amount("3500.00"),
                             Value::of_text("yes"), Value::of_text("medical needs")}, false},
            {"AT-2015-001", {Value::of_amount("100.00"), Value::of_amount("0.00"), Value::of_amount("100.00"),
                             Value::of_text("no"), Value::of_text("")}, false}};
  Table none{"erasures", "Due for erasure", {"case"}, {}, std::nullopt, false, "No case is due."};
  r.tables = {t, none};
  auto html = render_html(r);
  CHECK(html.find("<th scope=\"row\"><span class=\"id\">AT-2014-002</span></th>") != std::string::npos);
  CHECK(html.find("<td class=\"flag\"><strong>yes</strong></td>") != std::string::npos);
  CHECK(html.find("<td>no</td>") != std::string::npos);
  CHECK(html.find("<table class=\"wide\">") != std::string::npos);
  CHECK(html.find("<p class=\"empty\">No case is due.</p>") != std::string::npos);
  CHECK(count_of(html, "<table") == 1);
  // The page's rules: IDs and numbers never wrap; other text wraps between words, a long word
  // only where it would overflow, so a table fits the page and no header breaks mid-word.
  CHECK(html.find(".id, .nb { white-space: nowrap;") != std::string::npos);
  CHECK(html.find("overflow-wrap: break-word") != std::string::npos);
  CHECK(html.find("@page { size: A4 portrait;") != std::string::npos);
}
