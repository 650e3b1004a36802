// The pieces issue 12's reports stand on: exchange rates held exactly and
// chosen by month, sums that keep unconverted money apart, audiences, and
// breakdowns by one or two dimensions.
#include <doctest/doctest.h>

#include <string>

#include "folder/config.h"
#include "report/dimensions.h"
#include "report/model.h"
#include "report/money.h"
#include "test_support.h"
#include "util/money.h"
#include "util/text.h"

using care::util::Amount;
using care::util::Date;
using care::util::Rate;

namespace {

const std::string& kBase = care::test::kMinimalConfig;

Date day(const char* text) { return *Date::parse(text); }

care::folder::ConfigResult with_rates(const std::string& rates) {
  return care::folder::parse_config(kBase + rates, "care.toml");
}

bool has_code(const care::diag::Diagnostics& problems, const std::string& code) {
  for (const auto& p : problems)
    if (p.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a rate is exact, positive and converts to the cent, rounding half away from zero") {
  CHECK(Rate::parse("0.92")->str() == "0.92");
  CHECK(Rate::parse("117.5")->str() == "117.5");
  CHECK(Rate::parse("1")->str() == "1");
  CHECK(Rate::parse("0.00712345")->str() == "0.00712345");
  for (const char* bad : {"0", "0.0", "-1", "+1", "1e3", "0.123456789", "", ".5", "5.", "01", "1,5", "10000000"})
    CHECK_MESSAGE(!Rate::parse(bad), bad);
  CHECK(Rate::parse("0.92")->convert(*Amount::parse("100"))->str() == "92.00");
  CHECK(Rate::parse("0.005")->convert(*Amount::parse("1"))->str() == "0.01");    // 0.5 cent: up
  CHECK(Rate::parse("0.004")->convert(*Amount::parse("1"))->str() == "0.00");
  CHECK(Rate::parse("0.0071")->convert(*Amount::parse("12345.67"))->str() == "87.65");  // 87.6542...
  CHECK_FALSE(Rate::parse("1000000")->convert(*Amount::parse("999999999999")));        // past a trillion
}

TEST_CASE("[budget.rates]: one rate, or rates by month that hold until the next month given") {
  auto r = with_rates("[budget.rates]\nUSD = \"0.92\"\n[budget.rates.ALL]\n\"2014-01\" = \"0.0071\"\n\"2014-06\" = \"0.0072\"\n");
  REQUIRE(r.config);
  const auto& c = *r.config;
  CHECK(c.rate_for("USD", day("2010-01-01"))->rate.str() == "0.92");
  CHECK(c.rate_for("USD", day("2010-01-01"))->month.empty());
  CHECK_FALSE(c.rate_for("ALL", day("2013-12-31")));
  CHECK(c.rate_for("ALL", day("2014-01-01"))->rate.str() == "0.0071");
  CHECK(c.rate_for("ALL", day("2014-05-31"))->month == "2014-01");
  CHECK(c.rate_for("ALL", day("2014-06-01"))->rate.str() == "0.0072");
  CHECK(c.rate_for("ALL", day("2016-02-01"))->month == "2014-06");
  CHECK_FALSE(c.rate_for("GBP", day("2014-06-01")));
  CHECK(care::folder::describe(c).find("budget.rates.ALL.\"2014-06\" = \"0.0072\"") != std::string::npos);
}

TEST_CASE("[budget.rates]: every wrong rate is a located problem") {
  CHECK(has_code(with_rates("[budget.rates]\nUSD = 0.92\n").problems, "config.type"));           // a float is not exact
  CHECK(has_code(with_rates("[budget.rates]\nUSD = \"0\"\n").problems, "config.type"));
  CHECK(has_code(with_rates("[budget.rates]\nEUR = \"1\"\n").problems, "config.rate"));          // its own currency
  CHECK(has_code(with_rates("[budget.rates]\nXYZ = \"1\"\n").problems, "config.rate"));
  CHECK(has_code(with_rates("[budget.rates.ALL]\n\"2014-13\" = \"1\"\n").problems, "config.rate"));
  CHECK(has_code(with_rates("[budget.rates.ALL]\n\"2014-01-01\" = \"1\"\n").problems, "config.rate"));
  auto r = with_rates("[budget.rates]\nUSD = 0.92\n");
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems.front().line == 16);  // the USD line
}

TEST_CASE("a sum converts what it can and keeps the rest apart, by currency") {
  auto r = with_rates("[budget.rates]\nUSD = \"0.5\"\n");
  REQUIRE(r.config);
  care::report::Sum sum(*r.config);
  sum.add({*Amount::parse("10"), "EUR"}, day("2014-01-01"));
  sum.add({*Amount::parse("10"), "USD"}, day("2014-01-01"));
  sum.add({*Amount::parse("7"), "GBP"}, day("2014-01-01"));
  sum.add({*Amount::parse("3"), "GBP"}, day("2014-02-01"));
  CHECK(sum.total().str() == "15.00");
  CHECK(sum.apart().at("GBP").str() == "10.00");
  REQUIRE(sum.rates_used().size() == 1);
  CHECK(*sum.rates_used().begin() == "USD at 0.5 EUR");
  auto notes = care::report::money_notes(sum, "EUR");
  REQUIRE(notes.size() == 2);
  CHECK(notes[1].find("10.00 GBP could not be converted") == 0);
}

TEST_CASE("audiences and breakdowns are parsed strictly") {
  using care::report::Audience;
  using care::report::Dimension;
  CHECK(care::report::audience_named("donor") == Audience::Donor);
  CHECK_FALSE(care::report::audience_named("Donor"));
  std::string problem;
  auto two = care::report::parse_breakdown("sex, minor", problem);
  CHECK(problem.empty());
  CHECK(two == std::vector<Dimension>{Dimension::Sex, Dimension::Minor});
  CHECK(care::report::parse_breakdown("nationality", problem) == std::vector<Dimension>{Dimension::Nationality});
  for (const char* bad : {"sex,sex", "sex,minor,host", "gender", "", "sex,"}) {
    problem.clear();
    CHECK_MESSAGE(care::report::parse_breakdown(bad, problem).empty(), bad);
    CHECK_MESSAGE(!problem.empty(), bad);
  }
  CHECK(care::util::split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(care::util::trim(" \tx y\r ") == "x y");
}

TEST_CASE("the donor's notice names the program and the period; the public's report has none") {
  care::report::Report r;
  r.program = "Test program";
  r.covers = "2014-01-01 to 2014-12-31";
  r.audience = care::report::Audience::Donor;
  CHECK(care::report::audience_notice(r) ==
        "CONFIDENTIAL: exact figures of Test program for 2014-01-01 to 2014-12-31, for the funder under the grant "
        "agreement; not for publication or onward sharing.");
  r.audience = care::report::Audience::Public;
  CHECK(care::report::audience_notice(r).empty());
  CHECK(care::report::suppressed(r));
}
