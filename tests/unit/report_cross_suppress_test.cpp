// Suppression of the period report's cross-tables (--by with two
// dimensions): rows of the first dimension's values, columns of the
// second's, a row-total column and a totals row. suppress_table (model.cpp)
// must protect every small count across the rows and down the columns: no
// line, with its total, may have exactly one hidden cell, and every count
// from 1 to min_cell-1 is hidden. Checked over every small table, then on a
// real cross-table built by period_report from a folder written here.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
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

// counts[r][c] as a cross-table: rows r0.., columns c0.., totals both ways.
Table cross(const std::vector<std::vector<int>>& counts) {
  Tally t;
  std::vector<std::string> rows, cols;
  for (std::size_t r = 0; r < counts.size(); ++r) rows.push_back(fmt::format("r{}", r));
  for (std::size_t c = 0; c < counts.front().size(); ++c) cols.push_back(fmt::format("c{}", c));
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < cols.size(); ++c) t.add(rows[r], cols[c], counts[r][c]);
  return t.table("cross_test", "T", "row", rows, cols, "count", kMinCell, true);
}

// "" when the table is safe, else the first problem found.
std::string unsafe(const Table& t) {
  std::size_t nrows = t.rows.size(), ncols = t.rows.front().values.size();
  auto at = [&](std::size_t r, std::size_t c) -> const Cell& { return t.rows[r].values[c].count; };
  for (std::size_t r = 0; r < nrows; ++r)
    for (std::size_t c = 0; c < ncols; ++c)
      if (at(r, c).count > 0 && at(r, c).count < kMinCell && !at(r, c).hidden)
        return fmt::format("small count shown at {},{}", r, c);
  for (std::size_t c = 0; c < ncols; ++c) {  // down each column, the totals row included
    int hidden = 0;
    for (std::size_t r = 0; r < nrows; ++r) hidden += at(r, c).hidden;
    if (hidden == 1) return fmt::format("column {} has one hidden cell", c);
  }
  for (std::size_t r = 0; r < nrows; ++r) {  // across each row, the row total included
    int hidden = 0;
    for (std::size_t c = 0; c < ncols; ++c) hidden += at(r, c).hidden;
    if (hidden == 1) return fmt::format("row {} has one hidden cell", r);
  }
  return "";
}

void each(std::size_t rows, std::size_t cols, const std::vector<int>& values,
          const std::function<void(const std::vector<std::vector<int>>&)>& f) {
  std::vector<std::size_t> digit(rows * cols, 0);
  for (;;) {
    std::vector<std::vector<int>> counts(rows, std::vector<int>(cols));
    for (std::size_t i = 0; i < digit.size(); ++i) counts[i / cols][i % cols] = values[digit[i]];
    f(counts);
    std::size_t i = 0;
    while (i < digit.size() && ++digit[i] == values.size()) digit[i++] = 0;
    if (i == digit.size()) return;
  }
}

}  // namespace

TEST_CASE("cross-tables: every small 2x3, 3x2 and 3x3 table is protected across rows and down columns") {
  std::size_t tables = 0, bad = 0;
  std::string first;
  auto check = [&](const std::vector<std::vector<int>>& counts) {
    ++tables;
    std::string problem = unsafe(cross(counts));
    if (problem.empty()) return;
    if (bad++ == 0) first = problem;
  };
  each(2, 3, {0, 1, 2, 5, 7}, check);
  each(3, 2, {0, 1, 2, 5, 7}, check);
  each(3, 3, {0, 1, 6}, check);
  INFO(bad << " unsafe tables, the first: " << first);
  CHECK(bad == 0);
  CHECK(tables == 15625 + 15625 + 19683);
}

TEST_CASE("period --by sex,minor --audience public: the cross-tables are suppressed both ways") {
  care::test::TempDir dir;
  auto root = dir.path();
  care::test::spit(root / "care.toml",
                   "format = 1\n[program]\nname = \"Test\"\nstart = 2013-09-02\nend = 2016-02-29\n"
                   "host_countries = [\"AT\"]\neu_countries = [\"AT\"]\n[targets]\nassisted = 1\nminors = 1\n"
                   "assessed = 1\n[budget]\ncap_per_person = \"3000.00\"\ncurrency = \"EUR\"\n"
                   "[reports]\nmin_cell = 5\n");
  // 9 women (2 of them minors) and 3 men (adults), all referred in 2014.
  for (int n = 1; n <= 12; ++n) {
    std::string id = fmt::format("AT-2014-{:03}", n);
    bool woman = n <= 9, child = n <= 2;
    care::test::spit(root / "cases" / id / "case.yaml",
                     fmt::format("kind: case\nversion: 1\nid: {}\noffice: AT\nreferral:\n  date: \"2014-03-10\"\n"
                                 "  organisation: Example Shelter (fictional)\n  organisation_kind: ngo\n"
                                 "host_country: AT\nnationality: NG\nreturn_country: NG\nsex: {}\n"
                                 "date_of_birth: \"{}\"\neligibility:\n  status: eligible\n  checked: \"2014-03-10\"\n"
                                 "exploitation:\n  - forced_labour\nconsents:\n  - purpose: data_processing\n"
                                 "    action: granted\n    date: \"2014-03-10\"\n    given_by: person\n",
                                 id, woman ? "female" : "male", child ? "2000-01-01" : "1990-01-01"));
  }
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(root, *config.config, root, {false, 0});
  REQUIRE(loaded.problems.empty());
  PeriodInput in{loaded.folder, *care::util::Date::parse("2014-01-01"), *care::util::Date::parse("2014-12-31"),
                 {Dimension::Sex, Dimension::Minor}, Audience::Public};
  Report r = period_report(in);
  auto t = std::find_if(r.tables.begin(), r.tables.end(), [](const Table& x) { return x.id == "cross_referred"; });
  REQUIRE(t != r.tables.end());
  CHECK(t->columns == std::vector<std::string>{"sex", "adult", "minor", "total"});
  std::vector<std::string> shown;
  for (const auto& row : t->rows)
    for (const auto& v : row.values) shown.push_back(show(v, kMinCell));
  // female: 7 adults, 2 minors (hidden), so 7 is hidden too; male: 3 adults (hidden), 0 minors, and
  // the row total 3 (hidden); the adult column then has two hidden cells; totals: 10 adults, 2 minors
  // (hidden), so the adult total is hidden as its partner.
  CHECK(unsafe(*t) == "");
  CHECK(shown.at(1) == "<5");  // female minors
  CHECK(shown.at(3) == "<5");  // male adults
  CHECK(shown.back() == "12");
  Report donor = period_report(PeriodInput{loaded.folder, in.from, in.to, in.by, Audience::Donor});
  auto d = std::find_if(donor.tables.begin(), donor.tables.end(), [](const Table& x) { return x.id == "cross_referred"; });
  REQUIRE(d != donor.tables.end());
  std::vector<std::string> exact;
  for (const auto& row : d->rows)
    for (const auto& v : row.values) exact.push_back(show(v, kMinCell));
  CHECK(exact == std::vector<std::string>{"7", "2", "9", "3", "0", "3", "10", "2", "12"});
}
