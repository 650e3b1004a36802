// care-intake outreach: building the record from flags and input, the next
// free ID, and the list.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "doc/yaml_io.h"
#include "folder/config.h"
#include "intake/numbering.h"
#include "intake/outreach.h"
#include "records/fields.h"
#include "records/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using care::intake::build_outreach;
using care::intake::next_outreach_id;
using care::intake::OutreachInput;

namespace {

care::doc::Node input(const std::string& yaml) {
  auto parsed = care::doc::parse(yaml, "in.yaml");
  REQUIRE(parsed.root);
  return *parsed.root;
}

OutreachInput meeting() {
  OutreachInput in;
  in.date = "2014-05-03";
  in.country = "AT";
  in.type = "information_meeting";
  in.organisations = {"Alpine Help (fictional)=ngo", "A=B (fictional)=service_provider"};
  in.participants = "12";
  return in;
}

}  // namespace

TEST_CASE("outreach: types and organisation kinds come from the schema") {
  CHECK(care::intake::outreach_types() == std::vector<std::string>{"information_meeting", "leaflet_dispatch"});
  const auto& kinds = care::intake::organisation_kinds();
  CHECK(kinds.size() == 6);
  CHECK(std::find(kinds.begin(), kinds.end(), "avr_operator") != kinds.end());
}

TEST_CASE("outreach: a record from flags alone") {
  auto built = build_outreach(meeting(), std::nullopt);
  REQUIRE(built.usage.empty());
  REQUIRE(built.problems.empty());
  REQUIRE(built.record);
  const auto& r = *built.record;
  using care::records::text;
  CHECK(text(r, "kind") == "outreach");
  CHECK(care::records::integer(r, "version") == 1);
  CHECK(r.find("id") == nullptr);
  CHECK(text(r, "date") == "2014-05-03");
  CHECK(care::records::integer(r, "participants") == 12);
  const auto& orgs = care::records::list(r, "organisations");
  REQUIRE(orgs.size() == 2);
  CHECK(text(orgs[1], "name") == "A=B (fictional)");  // split at the last '='
  CHECK(text(orgs[1], "kind") == "service_provider");
}

TEST_CASE("outreach: flags win over the input; the input's other fields are kept") {
  OutreachInput in;
  in.leaflets = "20";
  in.organisations = {"New=ngo"};
  auto built = build_outreach(in, input("kind: outreach\nversion: 1\ndate: \"2014-07-01\"\ncountry: FR\n"
                                        "type: leaflet_dispatch\norganisations: [{name: Old, kind: ngo}]\n"
                                        "leaflets: 10\nx-office: \"12\"\n"));
  REQUIRE(built.record);
  using care::records::text;
  CHECK(care::records::integer(*built.record, "leaflets") == 20);
  CHECK(text(care::records::list(*built.record, "organisations")[0], "name") == "New");
  CHECK(text(*built.record, "country") == "FR");
  CHECK(text(*built.record, "x-office") == "12");
}

TEST_CASE("outreach: the ID, kind and version belong to the tool") {
  auto built = build_outreach({}, input("id: OR-AT-2014-009\nkind: contact\nversion: 2\ndate: \"2014-07-01\"\n"
                                        "country: AT\n"));
  CHECK_FALSE(built.record);
  REQUIRE(built.problems.size() == 3);
  CHECK(built.problems[0].code == "input.id");
  CHECK(built.problems[0].line == 1);
  CHECK(built.problems[1].code == "input.kind");
  CHECK(built.problems[2].code == "input.version");
}

TEST_CASE("outreach: wrong or missing flags are usage errors") {
  auto usage = [](OutreachInput in) { return build_outreach(in, std::nullopt).usage; };
  OutreachInput in = meeting();
  in.date = "2014-02-30";
  CHECK(usage(in).find("--date") != std::string::npos);
  in = meeting();
  in.country = "UK";
  CHECK(usage(in).find("the UK is GB") != std::string::npos);
  in = meeting();
  in.organisations = {"No kind"};
  CHECK(usage(in).find("NAME=KIND") != std::string::npos);
  in.organisations = {"=ngo"};
  CHECK(usage(in).find("NAME=KIND") != std::string::npos);
  in = meeting();
  in.participants = "-3";
  CHECK(usage(in).find("whole number") != std::string::npos);
  in = meeting();
  in.date.clear();
  CHECK(usage(in) == "give --date DATE (or date in the --from input)");
}

TEST_CASE("outreach: a bad date or country in the input is located there") {
  auto built = build_outreach({}, input("date: 2014-13-01\ncountry: UK\n"));
  CHECK(built.usage.empty());
  REQUIRE(built.problems.size() == 2);
  CHECK(built.problems[0].line == 1);
  CHECK(built.problems[1].line == 2);
}

TEST_CASE("outreach: the next ID follows the highest of its country and year") {
  care::test::TempDir tmp;
  CHECK(next_outreach_id(tmp.path(), "AT", 2014) == "OR-AT-2014-001");  // no outreach/ yet
  for (const char* name : {"OR-AT-2014-001.yaml", "OR-AT-2014-003.yaml", "OR-AT-2015-007.yaml",
                           "OR-FR-2014-010.yaml", "OR-AT-2014-050.txt", ".OR-AT-2014-040.yaml.tmp-abc"})
    care::test::spit(tmp.path() / "outreach" / name, "x\n");
  CHECK(next_outreach_id(tmp.path(), "AT", 2014) == "OR-AT-2014-004");
  CHECK(next_outreach_id(tmp.path(), "AT", 2015) == "OR-AT-2015-008");
  CHECK(next_outreach_id(tmp.path(), "GB", 2014) == "OR-GB-2014-001");
  care::test::spit(tmp.path() / "outreach" / "OR-PT-2014-999.yaml", "x\n");
  CHECK(next_outreach_id(tmp.path(), "PT", 2014) == "OR-PT-2014-1000");
  care::test::spit(tmp.path() / "outreach" / "OR-PT-2014-1000.yaml", "x\n");
  CHECK(next_outreach_id(tmp.path(), "PT", 2014) == "OR-PT-2014-1001");
  care::test::spit(tmp.path() / "outreach" / "OR-PT-2014-999999999.yaml", "x\n");
  CHECK_FALSE(next_outreach_id(tmp.path(), "PT", 2014));
}

TEST_CASE("outreach: each series is numbered on its own") {
  care::test::TempDir tmp;
  for (const char* name : {"OR-AT-2014-001.yaml", "OR-AT-2014-002.yaml", "OR-AT-2014-KQ-001.yaml"})
    care::test::spit(tmp.path() / "outreach" / name, "x\n");
  CHECK(next_outreach_id(tmp.path(), "AT", 2014) == "OR-AT-2014-003");
  CHECK(next_outreach_id(tmp.path(), "AT", 2014, "KQ") == "OR-AT-2014-KQ-002");
  CHECK(next_outreach_id(tmp.path(), "AT", 2014, "ZZ") == "OR-AT-2014-ZZ-001");
}

TEST_CASE("outreach: the list of the examples, by date range and in each format") {
  fs::path root = fs::path(CARE_SOURCE_DIR) / "examples";
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto folder = care::records::load(root, *config.config, root, {false, 0}).folder;
  auto all = care::intake::outreach_rows(folder, std::nullopt, std::nullopt);
  CHECK(all.size() == folder.outreach.size());
  auto rows = care::intake::outreach_rows(folder, care::util::Date::parse("2013-10-15"),
                                          care::util::Date::parse("2013-11-04"));
  REQUIRE(rows.size() == 2);
  CHECK(care::intake::render_outreach(rows, "csv") ==
        "id,date,country,type,organisations,participants,leaflets\n"
        "OR-AT-2013-001,2013-10-15,AT,information_meeting,4,24,40\n"
        "OR-FR-2013-001,2013-11-04,FR,leaflet_dispatch,3,,400\n");
  CHECK(care::intake::render_outreach(rows, "table") ==
        "ID              DATE        COUNTRY  TYPE                 ORGANISATIONS  PARTICIPANTS  LEAFLETS\n"
        "OR-AT-2013-001  2013-10-15  AT       information_meeting              4            24        40\n"
        "OR-FR-2013-001  2013-11-04  FR       leaflet_dispatch                 3             -       400\n");
  CHECK(care::intake::render_outreach(rows, "json").starts_with(
      "{\"version\":1,\"outreach\":[{\"id\":\"OR-AT-2013-001\",\"date\":\"2013-10-15\",\"country\":\"AT\","
      "\"type\":\"information_meeting\",\"organisations\":4,\"participants\":24,\"leaflets\":40},"));
}
