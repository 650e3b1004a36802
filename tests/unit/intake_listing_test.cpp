// care-intake list, and the table helper it shares with reports.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "intake/listing.h"
#include "records/store.h"
#include "util/table.h"

namespace fs = std::filesystem;
using care::intake::CaseFilter;
using care::intake::CaseRow;
using care::util::Date;

namespace {

Date day(const char* text) { return *Date::parse(text); }

care::records::Folder examples() {
  fs::path root = fs::path(CARE_SOURCE_DIR) / "examples";
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  care::records::LoadOptions options;
  options.read_identity = false;
  return care::records::load(root, *config.config, root, options).folder;
}

const CaseRow& row(const std::vector<CaseRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.id == id) return r;
  FAIL("no row " << id);
  return rows.front();
}

// A folder of one case whose case.yaml holds just these fields.
care::records::Folder one_case(const std::string& yaml) {
  care::records::Folder folder;
  auto& c = folder.cases["AT-2014-001"];
  c.id = "AT-2014-001";
  c.main.emplace();
  c.main->root = *care::doc::parse(yaml, "case.yaml").root;
  return folder;
}

}  // namespace

TEST_CASE("table: columns aligned by code points, right-aligned where asked, no trailing spaces") {
  care::util::Table t;
  t.header = {"ID", "NAME", "N"};
  t.align = {care::util::Align::Left, care::util::Align::Left, care::util::Align::Right};
  t.rows = {{"a", "Zoë", "7"}, {"bbb", "x", "12"}};
  CHECK(care::util::render_aligned(t) ==
        "ID   NAME   N\n"
        "a    Zoë    7\n"
        "bbb  x     12\n");
  t.rows = {{"a", "", ""}};
  CHECK(care::util::render_aligned(t) == "ID  NAME  N\na\n");
}

TEST_CASE("table: CSV quotes only what RFC 4180 asks") {
  using care::util::csv_field;
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  care::util::Table t;
  t.header = {"a", "b"};
  t.rows = {{"1", "x,y"}};
  CHECK(care::util::render_csv(t) == "a,b\n1,\"x,y\"\n");
}

TEST_CASE("list: rows of the examples, in ID order, with stage and minority") {
  auto rows = care::intake::case_rows(examples(), day("2016-06-30"));
  REQUIRE(rows.size() == 35);
  CHECK(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; }));
  const auto& gb = row(rows, "GB-2014-004");
  CHECK(gb.stage == "monitoring");
  CHECK(gb.host_country == "GB");
  CHECK(gb.return_country == "AL");
  CHECK(gb.minor);
  REQUIRE(gb.adult_since);
  CHECK(gb.adult_since->str() == "2016-05-14");
  CHECK(gb.referred->str() == "2014-09-08");
  const auto& pt = row(rows, "PT-2015-001");  // of uncertain age: presumed a child, never "turned 18"
  CHECK(pt.minor);
  CHECK_FALSE(pt.adult_since);
  CHECK_FALSE(row(rows, "AT-2014-002").minor);
  // Before the 18th birthday there is nothing to note.
  CHECK_FALSE(row(care::intake::case_rows(examples(), day("2016-05-13")), "GB-2014-004").adult_since);
}

TEST_CASE("list: one born on 29 February comes of age on 1 March") {
  auto folder = one_case("referral: {date: \"2014-01-10\"}\ndate_of_birth: \"1996-02-29\"\n");
  auto rows = care::intake::case_rows(folder, day("2014-03-01"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].minor);
  REQUIRE(rows[0].adult_since);
  CHECK(rows[0].adult_since->str() == "2014-03-01");
  CHECK_FALSE(care::intake::case_rows(folder, day("2014-02-28"))[0].adult_since);
}

TEST_CASE("list: filters combine, and date ranges are inclusive") {
  CaseRow r{"FR-2014-003", "monitoring", "FR", "VN", false, std::nullopt, day("2014-06-16")};
  CHECK(care::intake::matches(r, {}));
  CaseFilter f;
  f.stages = {"closed", "monitoring"};
  CHECK(care::intake::matches(r, f));
  f.host_country = "AT";
  CHECK_FALSE(care::intake::matches(r, f));
  f = {};
  f.return_country = "VN";
  f.minor = false;
  f.referred_from = day("2014-06-16");
  f.referred_to = day("2014-06-16");
  CHECK(care::intake::matches(r, f));
  f.minor = true;
  CHECK_FALSE(care::intake::matches(r, f));
  f = {};
  f.referred_to = day("2014-06-15");
  CHECK_FALSE(care::intake::matches(r, f));
  r.referred.reset();  // no referral date: outside every range
  f = {};
  f.referred_from = day("2000-01-01");
  CHECK_FALSE(care::intake::matches(r, f));
}

TEST_CASE("list: the three formats") {
  std::vector<CaseRow> rows = {
      {"GB-2014-004", "monitoring", "GB", "AL", true, day("2016-05-14"), day("2014-09-08")},
      {"PT-2013-001", "closed", "", "BR", false, std::nullopt, std::nullopt},
  };
  CHECK(care::intake::render_cases(rows, "table") ==
        "ID           STAGE       HOST  RETURN  MINOR                      REFERRED\n"
        "GB-2014-004  monitoring  GB    AL      yes (18 since 2016-05-14)  2014-09-08\n"
        "PT-2013-001  closed      -     BR      no                         -\n");
  CHECK(care::intake::render_cases(rows, "csv") ==
        "id,stage,host_country,return_country,minor,adult_since,referred\n"
        "GB-2014-004,monitoring,GB,AL,yes,2016-05-14,2014-09-08\n"
        "PT-2013-001,closed,,BR,no,,\n");
  CHECK(care::intake::render_cases(rows, "json") ==
        "{\"version\":1,\"cases\":["
        "{\"id\":\"GB-2014-004\",\"stage\":\"monitoring\",\"host_country\":\"GB\",\"return_country\":\"AL\","
        "\"minor\":true,\"adult_since\":\"2016-05-14\",\"referred\":\"2014-09-08\"},"
        "{\"id\":\"PT-2013-001\",\"stage\":\"closed\",\"host_country\":null,\"return_country\":\"BR\","
        "\"minor\":false,\"adult_since\":null,\"referred\":null}]}\n");
  CHECK(care::intake::render_cases({}, "json") == "{\"version\":1,\"cases\":[]}\n");
}

TEST_CASE("list: the stage names, in the order of a case") {
  CHECK(care::intake::stage_names() ==
        std::vector<std::string>{"referred", "assessed", "planned", "returned", "monitoring", "closed"});
}
