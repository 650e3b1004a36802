// Small-cell suppression of whole report tables (suppress_table in
// lib/report/model.cpp, as called by Tally::table in lib/report/tally.cpp):
// properties checked over every small table of one and two columns, then an
// attacker's brute force on tables shown to a reader: every assignment of the
// hidden cells that agrees with what is shown (the totals, "<5" meaning 1 to
// 4, "*" meaning any count) is enumerated, and each hidden cell must be able
// to take more than one value.
//
// suppress_test.cpp covers the single-column helper in suppress.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "folder/config.h"
#include "records/store.h"
#include "report/model.h"
#include "report/period.h"
#include "report/tally.h"
#include "test_support.h"

namespace {

using namespace care::report;

constexpr int kMinCell = 5;

// A table of `rows` x `cols` counts, as Tally::table lays it out: a totals
// row, and with more than one column a row-total column.
Table tally_table(const std::vector<std::vector<int>>& counts, int min_cell, bool suppress) {
  Tally t;
  std::vector<std::string> rows, cols;
  for (std::size_t r = 0; r < counts.size(); ++r) rows.push_back(fmt::format("r{}", r));
  std::size_t ncols = counts.empty() ? 0 : counts.front().size();
  if (ncols > 1)
    for (std::size_t c = 0; c < ncols; ++c) cols.push_back(fmt::format("c{}", c));
  for (std::size_t r = 0; r < counts.size(); ++r)
    for (std::size_t c = 0; c < ncols; ++c) t.add(rows[r], ncols > 1 ? cols[c] : "", counts[r][c]);
  return t.table("t", "T", "row", rows, cols, "count", min_cell, suppress);
}

// Every count cell of a table as a grid: [row][count column].
std::vector<std::vector<const Cell*>> grid(const Table& t) {
  std::vector<std::vector<const Cell*>> out;
  for (const auto& row : t.rows) {
    std::vector<const Cell*> cells;
    for (const auto& v : row.values)
      if (v.kind == Value::Kind::Count) cells.push_back(&v.count);
    out.push_back(cells);
  }
  return out;
}

// The lines of a Tally table that add up to a shown or hidden total: each
// column down to the totals row, and (with row totals) each row across.
struct Line {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::pair<std::size_t, std::size_t> total;
};

std::vector<Line> lines_of(std::size_t nrows, std::size_t ncells, bool row_totals) {
  std::vector<Line> lines;
  std::size_t data_rows = nrows - 1;
  for (std::size_t c = 0; c < ncells; ++c) {
    Line l{{}, {data_rows, c}};
    for (std::size_t r = 0; r < data_rows; ++r) l.parts.push_back({r, c});
    lines.push_back(l);
  }
  if (row_totals)
    for (std::size_t r = 0; r < nrows; ++r) {
      Line l{{}, {r, ncells - 1}};
      for (std::size_t c = 0; c + 1 < ncells; ++c) l.parts.push_back({r, c});
      lines.push_back(l);
    }
  return lines;
}

// The four properties every suppressed table must have; returns a message
// naming the first one broken, or "".
std::string broken_property(const Table& t, int min_cell) {
  auto g = grid(t);
  std::size_t ncells = g.front().size();
  for (const auto& row : g)
    for (const Cell* c : row) {
      bool small = c->count > 0 && c->count < min_cell;
      if (small && !c->hidden) return "a count from 1 to min_cell-1 is shown";
      if (small && show(*c, min_cell) != fmt::format("<{}", min_cell)) return "a small count is not shown as <N";
      if (c->hidden && !small && (!c->secondary || show(*c, min_cell) != "*"))
        return "a cell hidden only as a partner is not shown as *";
      if (c->count == 0 && c->hidden) return "a zero is hidden";
    }
  for (const auto& line : lines_of(g.size(), ncells, ncells > 1)) {
    if (g[line.total.first][line.total.second]->hidden) continue;
    int hidden = 0;
    for (auto [r, c] : line.parts) hidden += g[r][c]->hidden;
    if (hidden == 1) return "a line with a shown total has exactly one hidden cell";
  }
  return "";
}

std::string describe(const std::vector<std::vector<int>>& counts) {
  std::string out;
  for (const auto& row : counts) {
    out += "[";
    for (std::size_t i = 0; i < row.size(); ++i) out += fmt::format("{}{}", i ? " " : "", row[i]);
    out += "]";
  }
  return out;
}

// Calls f with every table of `rows` rows and `cols` columns whose counts are
// taken from `values`.
void each_table(std::size_t rows, std::size_t cols, const std::vector<int>& values,
                const std::function<void(const std::vector<std::vector<int>>&)>& f) {
  std::size_t cells = rows * cols;
  std::vector<std::size_t> digit(cells, 0);
  for (;;) {
    std::vector<std::vector<int>> counts(rows, std::vector<int>(cols));
    for (std::size_t i = 0; i < cells; ++i) counts[i / cols][i % cols] = values[digit[i]];
    f(counts);
    std::size_t i = 0;
    while (i < cells && ++digit[i] == values.size()) digit[i++] = 0;
    if (i == cells) return;
  }
}

// --- the attacker ------------------------------------------------------------

// What a reader sees of one cell: a number, "<N" (1 to N-1) or "*" (any count).
struct Seen {
  bool hidden = false;
  int value = 0;  // when shown
  int low = 0, high = 0;  // when hidden
};

// For each hidden cell of the table (row-major over the count grid), the set
// of values it takes over every assignment consistent with what is shown.
// Cells hidden as "*" range over 0..bound.
std::vector<std::set<int>> solutions(const Table& t, int min_cell, int bound) {
  auto g = grid(t);
  std::size_t ncells = g.front().size();
  std::vector<std::vector<Seen>> seen(g.size(), std::vector<Seen>(ncells));
  std::vector<std::pair<std::size_t, std::size_t>> unknown;
  for (std::size_t r = 0; r < g.size(); ++r)
    for (std::size_t c = 0; c < ncells; ++c) {
      std::string text = show(*g[r][c], min_cell);
      Seen& s = seen[r][c];
      if (text == "*") s = {true, 0, 0, bound};
      else if (text[0] == '<') s = {true, 0, 1, min_cell - 1};
      else s = {false, std::stoi(text), 0, 0};
      if (s.hidden) unknown.push_back({r, c});
    }
  auto lines = lines_of(g.size(), ncells, ncells > 1);
  std::vector<std::vector<int>> value(g.size(), std::vector<int>(ncells, -1));
  for (std::size_t r = 0; r < g.size(); ++r)
    for (std::size_t c = 0; c < ncells; ++c)
      if (!seen[r][c].hidden) value[r][c] = seen[r][c].value;
  std::vector<std::set<int>> found(unknown.size());

  // A line is still possible when, with its unassigned cells at their bounds,
  // the parts can add up to the total.
  auto possible = [&](const Line& l) {
    auto range = [&](std::pair<std::size_t, std::size_t> at) {
      int v = value[at.first][at.second];
      const Seen& s = seen[at.first][at.second];
      return v >= 0 ? std::pair{v, v} : std::pair{s.low, s.high};
    };
    int lo = 0, hi = 0;
    for (auto at : l.parts) {
      auto [a, b] = range(at);
      lo += a;
      hi += b;
    }
    auto [tlo, thi] = range(l.total);
    return lo <= thi && tlo <= hi;
  };
  std::function<void(std::size_t)> assign = [&](std::size_t i) {
    if (i == unknown.size()) {
      for (std::size_t k = 0; k < unknown.size(); ++k) found[k].insert(value[unknown[k].first][unknown[k].second]);
      return;
    }
    auto [r, c] = unknown[i];
    for (int v = seen[r][c].low; v <= seen[r][c].high; ++v) {
      value[r][c] = v;
      if (std::all_of(lines.begin(), lines.end(), possible)) assign(i + 1);
    }
    value[r][c] = -1;
  };
  assign(0);
  return found;
}

// "" when every hidden cell of the table can take more than one value, else
// which one cannot and the only value it can take.
std::string disclosed(const Table& t, int min_cell) {
  int bound = 0;
  for (const auto& row : grid(t))
    for (const Cell* c : row) bound = std::max(bound, c->count);
  auto found = solutions(t, min_cell, 2 * bound + min_cell);
  auto g = grid(t);
  std::size_t k = 0;
  for (std::size_t r = 0; r < g.size(); ++r)
    for (std::size_t c = 0; c < g[r].size(); ++c) {
      if (!g[r][c]->hidden) continue;
      const auto& values = found[k++];
      if (values.count(g[r][c]->count) == 0) return "the true count is not among the solutions (bad test)";
      if (values.size() == 1)
        return fmt::format("row {}, count column {}: only {} fits", t.rows[r].label, c, *values.begin());
    }
  return "";
}

}  // namespace

TEST_CASE("suppress_table: every small table of one column keeps the four properties") {
  std::size_t tables = 0;
  for (int min_cell : {3, 5})
    for (std::size_t rows = 2; rows <= 4; ++rows)
      each_table(rows, 1, {0, 1, 2, 3, 4, 5, 6, 7}, [&](const std::vector<std::vector<int>>& counts) {
        ++tables;
        Table t = tally_table(counts, min_cell, true);
        std::string broken = broken_property(t, min_cell);
        INFO("counts " << describe(counts) << ", min_cell " << min_cell);
        CHECK(broken == "");
      });
  CHECK(tables == 2 * (64 + 512 + 4096));
}

TEST_CASE("suppress_table: every small table of two columns, with row totals, keeps the four properties") {
  std::size_t tables = 0;
  auto check = [&](const std::vector<std::vector<int>>& counts) {
    ++tables;
    Table t = tally_table(counts, kMinCell, true);
    std::string broken = broken_property(t, kMinCell);
    if (!broken.empty()) {
      INFO("counts " << describe(counts));
      CHECK(broken == "");
    }
  };
  each_table(2, 2, {0, 1, 2, 3, 4, 5, 6, 7}, check);           // 4,096 tables
  each_table(3, 2, {0, 1, 2, 4, 5, 7}, check);                 // 46,656
  each_table(4, 2, {0, 1, 4, 5, 7}, check);                    // 390,625
  CHECK(tables == 4096 + 46656 + 390625);
}

TEST_CASE("suppress_table: with suppression off (--no-suppress) nothing is hidden") {
  each_table(3, 2, {0, 1, 2, 5, 7}, [&](const std::vector<std::vector<int>>& counts) {
    Table t = tally_table(counts, kMinCell, false);
    for (const auto& row : grid(t))
      for (const Cell* c : row) {
        INFO("counts " << describe(counts));
        REQUIRE_FALSE(c->hidden);
        REQUIRE(show(*c, kMinCell) == std::to_string(c->count));
      }
  });
}

TEST_CASE("suppress_table: counts, totals and labels are laid out as Tally::table documents") {
  Table t = tally_table({{3, 0}, {6, 2}}, kMinCell, true);
  REQUIRE(t.rows.size() == 3);
  CHECK(t.columns == std::vector<std::string>{"row", "c0", "c1", "total"});
  CHECK(t.rows.back().total);
  CHECK(t.rows.back().label == "total");
  auto g = grid(t);
  // The counts themselves are kept: suppression only marks cells hidden.
  CHECK(g[0][0]->count == 3);
  CHECK(g[1][2]->count == 8);
  CHECK(g[2][0]->count == 9);
  CHECK(g[2][2]->count == 11);
  // min_cell 1 hides nothing.
  Table open = tally_table({{1, 2}, {3, 4}}, 1, true);
  for (const auto& row : grid(open))
    for (const Cell* c : row) CHECK_FALSE(c->hidden);
}

TEST_CASE("the attacker: finds the count of a cell left alone in a line, so the check is real") {
  // What suppress_table would show without partners: "<5" beside a shown total.
  Table t = tally_table({{3}, {9}}, kMinCell, false);
  t.rows[0].values[0].count.hidden = true;
  CHECK(disclosed(t, kMinCell) == "row r0, count column 0: only 3 fits");
  // With the partner hidden too, the two share 12 in many ways.
  t.rows[1].values[0].count.hidden = t.rows[1].values[0].count.secondary = true;
  CHECK(disclosed(t, kMinCell) == "");
}

// A small folder: one case record per person, referred in 2014, by sex and
// eligibility as given.
struct Person {
  std::string sex;
  bool eligible;
};

void write_folder(const std::filesystem::path& root, const std::vector<Person>& people) {
  care::test::spit(root / "care.toml", care::test::slurp(std::filesystem::path(CARE_SOURCE_DIR) / "examples/care.toml"));
  int n = 0;
  for (const auto& p : people) {
    ++n;
    std::string number = std::to_string(n);
    std::string id = "AT-2014-" + std::string(3 - std::min<std::size_t>(3, number.size()), '0') + number;
    std::string day = std::to_string(10 + n % 18);
    std::string yaml = "kind: case\nversion: 1\nid: " + id +
                       "\noffice: AT\nreferral:\n  date: \"2014-03-" + day +
                       "\"\n  organisation: Example Shelter (fictional)\n  organisation_kind: ngo\n"
                       "host_country: AT\nnationality: NG\nreturn_country: NG\nsex: " + p.sex +
                       "\ndate_of_birth: \"1990-01-01\"\neligibility:\n  status: " +
                       (p.eligible ? "eligible" : "ineligible") + "\n  checked: \"2014-03-" + day + "\"\n" +
                       (p.eligible ? "" : "  reason: returns to an EU member state\n") +
                       "exploitation:\n  - forced_labour\nconsents:\n  - purpose: data_processing\n"
                       "    action: granted\n    date: \"2014-03-" + day + "\"\n    given_by: person\n";
    care::test::spit(root / "cases" / id / "case.yaml", yaml);
  }
}

Table referrals_by_sex(const std::vector<Person>& people, bool suppress = true) {
  care::test::TempDir dir;
  write_folder(dir.path(), people);
  auto config = care::folder::load_config((dir.path() / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(dir.path(), *config.config, dir.path(), {false, 0});
  REQUIRE(loaded.problems.empty());
  REQUIRE(loaded.folder.cases.size() == people.size());
  PeriodInput in{loaded.folder, *care::util::Date::parse("2014-01-01"), *care::util::Date::parse("2014-12-31"),
                 {Dimension::Sex}, suppress ? Audience::Public : Audience::Internal};
  Report r = period_report(in);
  auto t = std::find_if(r.tables.begin(), r.tables.end(), [](const Table& x) { return x.id == "referrals"; });
  REQUIRE(t != r.tables.end());
  return *t;
}

TEST_CASE("period --by sex: no suppressed count of a real referrals table can be solved from what is shown") {
  // 7 referrals: eligible 4 women and 2 men, ineligible 1 woman.
  std::vector<Person> people = {{"female", true}, {"female", true}, {"female", true}, {"female", true},
                                {"male", true},   {"male", true},   {"female", false}};
  Table t = referrals_by_sex(people);
  REQUIRE(t.columns == std::vector<std::string>{"referrals", "female", "male", "total"});
  std::vector<std::string> shown;
  for (const auto& row : t.rows)
    for (const auto& v : row.values) shown.push_back(show(v, kMinCell));
  // Worked by hand: each small count is "<5"; the eligible total and the
  // female total are hidden as partners ("*"); the grand total is shown.
  // The rows "eligible, waiting for a place" and "no decision yet" are zero.
  CHECK(shown == std::vector<std::string>{"<5", "<5", "*", "0", "0", "0", "0", "0", "0", "<5", "0", "<5", "*", "<5",
                                          "7"});
  CHECK(broken_property(t, kMinCell) == "");
  CHECK(disclosed(t, kMinCell) == "");

  Table open = referrals_by_sex(people, false);
  std::vector<std::string> all;
  for (const auto& row : open.rows)
    for (const auto& v : row.values) all.push_back(show(v, kMinCell));
  CHECK(all == std::vector<std::string>{"4", "2", "6", "0", "0", "0", "0", "0", "0", "1", "0", "1", "5", "2", "7"});
}

// A cell hidden as a partner can be a total whose parts are all shown; it
// must not then be the only hidden cell of its line, or adding up the parts
// gives it back, and with it the small count it was to protect. Twelve
// referrals: eligible 8 women and 3 men, ineligible 1 man.
TEST_CASE("period --by sex: twelve referrals, more women than men: none solvable") {
  std::vector<Person> people;
  for (int i = 0; i < 8; ++i) people.push_back({"female", true});
  for (int i = 0; i < 3; ++i) people.push_back({"male", true});
  people.push_back({"male", false});
  Table t = referrals_by_sex(people);
  CHECK(broken_property(t, kMinCell) == "");
  CHECK(disclosed(t, kMinCell) == "");
}

// The rule behind the case above, over every small table of two columns: no
// line (its parts and its total together) may have exactly one hidden cell,
// whether that cell is a part or the total.
TEST_CASE("suppress_table: no line of a two-column table has exactly one hidden cell, counting its total") {
  std::vector<std::string> lone;
  each_table(2, 2, {0, 1, 2, 3, 4, 5, 6, 7, 8}, [&](const std::vector<std::vector<int>>& counts) {
    Table t = tally_table(counts, kMinCell, true);
    auto g = grid(t);
    for (const auto& line : lines_of(g.size(), g.front().size(), true)) {
      int hidden = g[line.total.first][line.total.second]->hidden;
      for (auto [r, c] : line.parts) hidden += g[r][c]->hidden;
      if (hidden == 1) {
        lone.push_back(describe(counts));
        break;
      }
    }
  });
  std::string first;
  for (std::size_t i = 0; i < lone.size() && i < 5; ++i) first += " " + lone[i];
  INFO(lone.size() << " tables, the first:" << first);
  CHECK(lone.empty());
}

// Runs the attacker on every table of `rows` x `cols` counts from `values`;
// returns how many tables it solved a hidden count of, naming the first few.
std::string solvable_tables(std::size_t rows, std::size_t cols, const std::vector<int>& values,
                            std::size_t& tables) {
  std::vector<std::string> solvable;
  tables = 0;
  each_table(rows, cols, values, [&](const std::vector<std::vector<int>>& counts) {
    ++tables;
    std::string why = disclosed(tally_table(counts, kMinCell, true), kMinCell);
    if (!why.empty()) solvable.push_back(describe(counts) + " (" + why + ")");
  });
  std::string first;
  for (std::size_t i = 0; i < solvable.size() && i < 5; ++i) first += "\n  " + solvable[i];
  return solvable.empty() ? "" : fmt::format("{} of {} tables, the first:{}", solvable.size(), tables, first);
}

// "<5" tells the reader that a hidden count is from 1 to 4. Two hidden cells
// that must add up to 2 are both 1; a column 1, 1, 8 with total 10, shown as
// <5, <5, 8, 10, gives both away.
TEST_CASE("suppress_table: no hidden count of a one-column table of three rows can be solved") {
  std::size_t tables = 0;
  CHECK(solvable_tables(3, 1, {0, 1, 2, 3, 4, 5, 6, 7, 8}, tables) == "");
  CHECK(tables == 729);
}

// KNOWN DISCLOSURE (reported with this file; lib/report/model.cpp,
// discloses()): a total shown as "<5" is at most 4, and each "<5" part at
// least 1. Four parts of 1 under a total of 4, all shown as "<5", are each
// 1. The same happens in a row of a --by table: in the example folder,
// period --from 2014-01-01 --to 2014-12-31 --by host shows the returns of
// 2014 as <5 in AT, FR, GB and PT with a total of <5, so one each.
// Kept as a known limit, marked should_fail: what the issue asks (no hidden
// count worked out from the totals shown) holds; this stronger property,
// inference from the bounds of "<5" totals, is not yet met.
TEST_CASE("KNOWN DISCLOSURE: no hidden count of a one-column table of four rows can be solved" *
          doctest::should_fail()) {
  std::size_t tables = 0;
  CHECK(solvable_tables(4, 1, {0, 1, 2, 3, 5, 6}, tables) == "");
  CHECK(tables == 1296);
}

// KNOWN DISCLOSURE (as above): the bounds combine across lines. Counts
// [1 3][3 0] are shown as  <5 <5 <5 / <5 0 <5 / <5 <5 7.  The two column
// totals are at most 4 and add up to 7: 3 and 4. Were the second row's total
// 4, its first cell would be 4 and fill the first column's total, leaving
// nothing for the 1 above it; so it is 3, and every count follows.
TEST_CASE("KNOWN DISCLOSURE: no hidden count of a two-by-two table with row totals can be solved" *
          doctest::should_fail()) {
  std::size_t tables = 0;
  CHECK(solvable_tables(2, 2, {0, 1, 2, 3, 4, 5, 6}, tables) == "");
  CHECK(tables == 2401);
}
