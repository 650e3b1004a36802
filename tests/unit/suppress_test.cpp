#include <doctest/doctest.h>

#include "report/suppress.h"

using care::report::suppress;

TEST_CASE("suppress: counts below the threshold are hidden, zeros shown") {
  auto col = suppress({0, 3, 7, 9}, 5);
  CHECK_FALSE(col.cells[0].hidden);
  CHECK(col.cells[1].hidden);
  CHECK(care::report::show(col.cells[1], 5) == "<5");
  CHECK(col.total.count == 19);
}

TEST_CASE("suppress: a lone hidden cell takes the smallest other non-zero cell with it") {
  auto col = suppress({0, 3, 7, 9}, 5);
  CHECK(col.cells[2].hidden);
  CHECK(col.cells[2].secondary);
  CHECK(care::report::show(col.cells[2], 5) == "*");
  CHECK_FALSE(col.cells[3].hidden);
  CHECK_FALSE(col.total.hidden);
  // What is shown cannot give back the hidden counts: total minus shown is 10,
  // which two hidden cells share.
  int shown = 0, hidden_cells = 0;
  for (const auto& c : col.cells) {
    if (c.hidden) ++hidden_cells;
    else shown += c.count;
  }
  CHECK(hidden_cells == 2);
  CHECK(col.total.count - shown == 10);
}

TEST_CASE("suppress: a small total is hidden too") {
  auto col = suppress({0, 2, 0}, 5);
  CHECK(col.cells[1].hidden);
  CHECK(col.total.hidden);
  CHECK_FALSE(col.total.secondary);
}

TEST_CASE("suppress: two hidden cells need no partner; threshold 1 hides nothing") {
  auto col = suppress({1, 2, 10}, 5);
  CHECK(col.cells[0].hidden);
  CHECK(col.cells[1].hidden);
  CHECK_FALSE(col.cells[2].hidden);
  auto open = suppress({1, 2, 10}, 1);
  for (const auto& c : open.cells) CHECK_FALSE(c.hidden);
}
