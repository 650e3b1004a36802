#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include <toml++/toml.h>

#include "folder/config.h"
#include "test_support.h"

using care::folder::parse_config;

namespace {

const std::string kGood = R"(format = 1
[program]
name = "Test program"
start = 2013-09-02
end = 2016-02-29
host_countries = ["AT", "GB"]
eu_countries = ["AT", "GB", "FR"]
[targets]
assisted = 130
minors = 10
assessed = 260
[budget]
cap_per_person = "3000.50"
currency = "EUR"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

care::diag::Diagnostic only_problem(const std::string& text) {
  auto r = parse_config(text, "care.toml");
  REQUIRE(r.problems.size() == 1);
  CHECK_FALSE(r.config);
  return r.problems[0];
}

}  // namespace

TEST_CASE("config: a complete file reads, optional settings take their defaults") {
  auto r = parse_config(kGood, "care.toml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.config);
  const auto& c = *r.config;
  CHECK(c.name == "Test program");
  CHECK(c.start.str() == "2013-09-02");
  CHECK(c.end.str() == "2016-02-29");
  CHECK(c.is_host("GB"));
  CHECK_FALSE(c.is_host("FR"));
  CHECK(c.is_eu("FR"));
  CHECK(c.target_assessed == 260);
  CHECK(c.cap_per_person.str() == "3000.50");
  CHECK(c.monitoring_months == std::vector<int>{1, 3, 6, 9, 12});
  CHECK(c.min_cell == 5);
  CHECK_FALSE(c.git_commit);
  CHECK(c.origin.at("program.name") == "care.toml:3");
  CHECK(c.origin.at("reports.min_cell") == "default");
}

TEST_CASE("config: a misspelt key is an error with its place and a suggestion") {
  auto r = parse_config(replace(kGood, "minors = 10", "minor = 10"), "care.toml");
  REQUIRE(r.problems.size() == 2);  // the setting it failed to give, and the unknown key
  CHECK(r.problems[0].message == "missing setting \"targets.minors\"");
  CHECK(r.problems[0].line == 8);  // the table that lacks it
  auto d = r.problems[1];
  CHECK(d.code == "config.unknown-key");
  CHECK(d.line == 10);
  CHECK(d.column == 1);
  CHECK(d.message == "unknown setting \"targets.minor\"");
  CHECK(d.hint == "Check the spelling: did you mean \"minors\"?");
}

TEST_CASE("config: a missing required value is an error, never a default") {
  auto r = parse_config(replace(kGood, "assessed = 260\n", ""), "care.toml");
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].code == "config.missing");
  CHECK(r.problems[0].message == "missing setting \"targets.assessed\"");
}

TEST_CASE("config: wrong types name the place") {
  auto d = only_problem(replace(kGood, "start = 2013-09-02", "start = \"2013-09-02\""));
  CHECK(d.code == "config.type");
  CHECK(d.line == 4);
  CHECK(only_problem(replace(kGood, "assisted = 130", "assisted = \"130\"")).code == "config.type");
  CHECK(only_problem(replace(kGood, "cap_per_person = \"3000.50\"", "cap_per_person = 3000.5")).code ==
        "config.type");
  CHECK(only_problem(kGood + "[monitoring]\nmonths = [1, 6, 3]\n").code == "config.type");
  CHECK(only_problem(kGood + "[reports]\nmin_cell = 0\n").code == "config.type");
}

TEST_CASE("config: countries and currency are checked against ISO lists") {
  auto d = only_problem(replace(kGood, "[\"AT\", \"GB\"]", "[\"AT\", \"UK\"]"));
  CHECK(d.code == "config.country");
  CHECK(d.column == 25);
  CHECK(only_problem(replace(kGood, "\"EUR\"", "\"EUX\"")).code == "config.currency");
  CHECK(only_problem(replace(kGood, "[\"AT\", \"GB\", \"FR\"]", "[\"AT\", \"FR\"]")).code == "config.host-not-eu");
}

TEST_CASE("config: syntax errors are located") {
  auto d = only_problem("format = 1\n[program\n");
  CHECK(d.code == "config.syntax");
  CHECK(d.line == 2);
}

TEST_CASE("config: an impossible date is refused by the TOML reader itself") {
  auto r = parse_config(replace(kGood, "end = 2016-02-29", "end = 2015-02-29"), "care.toml");
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].line == 5);
}

TEST_CASE("config: only a regular file of a few settings is read") {
  care::test::TempDir dir;
  const auto file = dir.path() / "care.toml";
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  auto pipe = care::folder::load_config(file.string(), "care.toml");
  REQUIRE(pipe.problems.size() == 1);
  CHECK(pipe.problems[0].code == "config.unreadable");
  CHECK(pipe.problems[0].message == "cannot read care.toml: it is a named pipe (FIFO), not a regular file");
  std::filesystem::remove(file);

  care::test::spit(file, kGood + std::string(care::folder::kMaxConfigBytes, '#'));
  auto big = care::folder::load_config(file.string(), "care.toml");
  REQUIRE(big.problems.size() == 1);
  CHECK(big.problems[0].message == "cannot read care.toml: it is larger than 262144 bytes");
  // Not even parsed when handed over as text.
  CHECK(only_problem(kGood + std::string(care::folder::kMaxConfigBytes, '#')).code == "config.unreadable");

  care::test::spit(file, kGood);
  CHECK(care::folder::load_config(file.string(), "care.toml").config.has_value());
}

TEST_CASE("config: describe writes valid TOML, even for a name with quotes and backslashes") {
  auto r = parse_config(replace(kGood, "name = \"Test program\"", R"(name = "The \"Safe\" program \\ 2014")"),
                        "care.toml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.config);
  CHECK(r.config->name == "The \"Safe\" program \\ 2014");
  std::string described = care::folder::describe(*r.config);
  auto again = toml::parse(described);
  CHECK(again["program"]["name"].value_or(std::string()) == r.config->name);
  CHECK(again["budget"]["cap_per_person"].value_or(std::string()) == "3000.50");
}
