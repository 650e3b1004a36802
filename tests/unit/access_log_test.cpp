// identity/access_log: the line format of cases/<ID>/access.log.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "identity/access_log.h"

using care::identity::Access;
using care::identity::line_of;
using care::identity::parse_line;

TEST_CASE("access log: a line round-trips") {
  Access a{"2014-12-03T16:30:05Z", "officer@example.invalid", "care-intake show --identity", "prepare travel documents"};
  auto line = line_of(a);
  CHECK(line == "2014-12-03T16:30:05Z\tofficer@example.invalid\tcare-intake show --identity\tprepare travel documents\n");
  auto back = parse_line(std::string_view(line).substr(0, line.size() - 1));
  REQUIRE(back);
  CHECK(back->when == a.when);
  CHECK(back->who == a.who);
  CHECK(back->command == a.command);
  CHECK(back->purpose == a.purpose);
  CHECK(care::identity::access_log_path("AT-2014-001") == "cases/AT-2014-001/access.log");
}

TEST_CASE("access log: tabs and line breaks in any field are written as spaces") {
  Access a{"2014-12-03T16:30:05Z", "a\tb@example.invalid", "care-intake\nshow", "two\r\nlines\tand a tab"};
  auto line = line_of(a);
  CHECK(line == "2014-12-03T16:30:05Z\ta b@example.invalid\tcare-intake show\ttwo  lines and a tab\n");
  auto back = parse_line(std::string_view(line).substr(0, line.size() - 1));
  REQUIRE(back);
  CHECK(back->who == "a b@example.invalid");
  CHECK(back->purpose == "two  lines and a tab");
}

TEST_CASE("access log: an empty purpose is kept; a CR at the end of a line is dropped") {
  auto back = parse_line("2014-12-03T16:30:05Z\twho\tcmd\t\r");
  REQUIRE(back);
  CHECK(back->purpose.empty());
}

TEST_CASE("access log: malformed lines are not read") {
  CHECK_FALSE(parse_line(""));
  CHECK_FALSE(parse_line("not a read"));
  CHECK_FALSE(parse_line("2014-12-03T16:30:05Z\twho\tcmd"));                  // three fields
  CHECK_FALSE(parse_line("2014-12-03T16:30:05Z\twho\tcmd\tpurpose\textra"));  // five
  CHECK_FALSE(parse_line("2014-12-03T16:30:05Z\t\tcmd\tpurpose"));            // no one
  CHECK_FALSE(parse_line("2014-12-03T16:30:05Z\twho\t\tpurpose"));            // no command
  CHECK_FALSE(parse_line("2014-12-03 16:30:05Z\twho\tcmd\tpurpose"));         // not ISO
  CHECK_FALSE(parse_line("2014-12-03T16:30:05\twho\tcmd\tpurpose"));          // no Z
  CHECK_FALSE(parse_line("2014-02-30T16:30:05Z\twho\tcmd\tpurpose"));         // no such day
  CHECK_FALSE(parse_line("2014-12-03T24:00:00Z\twho\tcmd\tpurpose"));
  CHECK_FALSE(parse_line("2014-12-03T16:60:05Z\twho\tcmd\tpurpose"));
  CHECK_FALSE(parse_line("2014-12-03T16:30:60Z\twho\tcmd\tpurpose"));
  CHECK_FALSE(parse_line("2014-12-03T1a:30:05Z\twho\tcmd\tpurpose"));
  CHECK(parse_line("2014-12-03T23:59:59Z\twho\tcmd\tpurpose"));
}

TEST_CASE("access log: CARE_NOW fixes the time when it is well formed") {
  ::setenv("CARE_NOW", "2014-12-03T16:30:05Z", 1);
  CHECK(care::identity::now_utc() == "2014-12-03T16:30:05Z");
  ::setenv("CARE_NOW", "yesterday", 1);
  auto now = care::identity::now_utc();
  CHECK(now != "yesterday");
  CHECK(parse_line(now + "\twho\tcmd\tp"));
  ::unsetenv("CARE_NOW");
}
