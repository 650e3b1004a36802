#include <doctest/doctest.h>

#include "util/date.h"
#include "util/money.h"

using care::util::Amount;
using care::util::Date;

TEST_CASE("date: parse accepts only real calendar dates in YYYY-MM-DD") {
  CHECK(Date::parse("2014-03-01"));
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2023-02-29"));
  CHECK_FALSE(Date::parse("2014-02-30"));
  CHECK_FALSE(Date::parse("2014-13-01"));
  CHECK_FALSE(Date::parse("2014-00-10"));
  CHECK_FALSE(Date::parse("2014-3-1"));
  CHECK_FALSE(Date::parse("2014-03-01T00:00"));
  CHECK_FALSE(Date::parse("20140301"));
  CHECK_FALSE(Date::parse(""));
  CHECK(Date::parse("1900-02-28"));
  CHECK_FALSE(Date::parse("1900-02-29"));
  CHECK(Date::parse("2000-02-29"));
}

TEST_CASE("date: days round-trip and arithmetic") {
  Date d = *Date::parse("2014-03-01");
  CHECK(Date::from_days_since_epoch(d.days_since_epoch()) == d);
  CHECK(Date::parse("1970-01-01")->days_since_epoch() == 0);
  CHECK(d.add_days(-1).str() == "2014-02-28");
  CHECK(care::util::days_between(*Date::parse("2015-12-31"), *Date::parse("2016-03-01")) == 61);
}

TEST_CASE("date: add_months clamps to the end of the month") {
  CHECK(Date::parse("2014-01-31")->add_months(1).str() == "2014-02-28");
  CHECK(Date::parse("2016-01-31")->add_months(1).str() == "2016-02-29");
  CHECK(Date::parse("2014-11-15")->add_months(3).str() == "2015-02-15");
  CHECK(Date::parse("2014-05-20")->add_months(12).str() == "2015-05-20");
}

TEST_CASE("date: age is computed at a date") {
  Date birth = *Date::parse("1997-06-15");
  CHECK(care::util::age_on(birth, *Date::parse("2015-06-14")) == 17);
  CHECK(care::util::age_on(birth, *Date::parse("2015-06-15")) == 18);
  Date leap = *Date::parse("1996-02-29");
  CHECK(care::util::age_on(leap, *Date::parse("2014-02-28")) == 17);
  CHECK(care::util::age_on(leap, *Date::parse("2014-03-01")) == 18);
}

TEST_CASE("money: exact decimals with at most two places") {
  CHECK(Amount::parse("1250")->cents() == 125000);
  CHECK(Amount::parse("1250.5")->cents() == 125050);
  CHECK(Amount::parse("0.05")->cents() == 5);
  CHECK(Amount::parse("0")->cents() == 0);
  CHECK_FALSE(Amount::parse("-5"));
  CHECK_FALSE(Amount::parse("1.234"));
  CHECK_FALSE(Amount::parse("1e3"));
  CHECK_FALSE(Amount::parse("01"));
  CHECK_FALSE(Amount::parse("1."));
  CHECK_FALSE(Amount::parse(".5"));
  CHECK_FALSE(Amount::parse(""));
  CHECK_FALSE(Amount::parse("1,5"));
  CHECK((*Amount::parse("0.10") + *Amount::parse("0.20")).str() == "0.30");
  CHECK(Amount::from_cents(-150).str() == "-1.50");
}
