// The export: exploitation mapped as CTDC and HTCDS define it, values in
// CTDC's spelling, amounts banded and dates cut to years for the public, and
// k-anonymity over every published column.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "folder/config.h"
#include "records/case_id.h"
#include "records/store.h"
#include "report/export.h"
#include "test_support.h"
#include "util/money.h"

using namespace care::report;

namespace {

care::util::Amount amount(const char* text) { return *care::util::Amount::parse(text); }

ExportRow row_of(std::vector<ExportValue> values) { return ExportRow{std::move(values)}; }

// --- a small folder --------------------------------------------------------------

const std::string kConfig = care::test::kMinimalConfig + "[budget.rates]\nUSD = \"0.80\"\n";

struct Person {
  std::string sex = "female";
  std::string birth = "1990-01-01";
  std::vector<std::string> exploitation = {"forced_labour"};
  std::vector<std::string> budgets;  // "100.00 EUR", one plan item each; none: no plan
};

std::string case_yaml(const std::string& id, const Person& p) {
  std::string yaml = "kind: case\nversion: 1\nid: " + id +
                     "\noffice: AT\nreferral:\n  date: \"2014-03-12\"\n  organisation: Example Shelter (fictional)\n"
                     "  organisation_kind: ngo\nhost_country: AT\nnationality: NG\nreturn_country: NG\nsex: " +
                     p.sex + "\ndate_of_birth: \"" + p.birth +
                     "\"\neligibility:\n  status: eligible\n  checked: \"2014-03-12\"\n";
  if (!p.exploitation.empty()) {
    yaml += "exploitation:\n";
    for (const auto& e : p.exploitation) yaml += "  - " + e + "\n";
  }
  return yaml + "consents:\n  - purpose: data_processing\n    action: granted\n    date: \"2014-03-12\"\n"
                "    given_by: person\n";
}

std::string plan_yaml(const std::string& id, const std::vector<std::string>& budgets) {
  std::string yaml = "kind: plan\nversion: 1\ncase: " + id + "\ndrafted: \"2014-04-01\"\nitems:\n";
  int n = 0;
  for (const auto& b : budgets) {
    auto space = b.find(' ');
    yaml += "  - id: " + std::to_string(++n) + "\n    phase: reintegration\n    type: vocational_training\n" +
            "    budget:\n      amount: \"" + b.substr(0, space) + "\"\n      currency: " + b.substr(space + 1) +
            "\n    status: planned\n";
  }
  return yaml;
}

struct Loaded {
  care::test::TempDir dir;
  care::records::Folder folder;
};

void load(Loaded& l, const std::vector<Person>& people) {
  const auto& root = l.dir.path();
  care::test::spit(root / "care.toml", kConfig);
  for (std::size_t i = 0; i < people.size(); ++i) {
    std::string number = std::to_string(i + 1);
    std::string id = "AT-2014-" + std::string(3 - number.size(), '0') + number;
    care::test::spit(root / "cases" / id / "case.yaml", case_yaml(id, people[i]));
    if (!people[i].budgets.empty()) care::test::spit(root / "cases" / id / "plan.yaml", plan_yaml(id, people[i].budgets));
  }
  auto config = care::folder::load_config((root / "care.toml").string(), "care.toml");
  REQUIRE(config.config);
  auto loaded = care::records::load(root, *config.config, root, {false, 0});
  for (const auto& p : loaded.problems) INFO(p.message);
  REQUIRE(loaded.problems.empty());
  l.folder = std::move(loaded.folder);
}

std::size_t column(const Export& e, const std::string& name) {
  auto at = std::find(e.columns.begin(), e.columns.end(), name);
  REQUIRE(at != e.columns.end());
  return static_cast<std::size_t>(at - e.columns.begin());
}

}  // namespace

TEST_CASE("export: exploitation as CTDC and HTCDS define it") {
  auto x = map_exploitation({"domestic_servitude"});
  CHECK(x.known);
  CHECK(x.labour);
  CHECK(x.domestic_work);
  CHECK_FALSE(x.sexual);
  CHECK_FALSE(x.other);
  CHECK(x.types == "Forced labour");
  CHECK(x.labour_types == "Domestic work");

  x = map_exploitation({"begging", "forced_criminality", "sexual_exploitation"});
  CHECK(x.labour);
  CHECK(x.sexual);
  CHECK(x.types == "Forced labour;Sexual exploitation");
  CHECK(x.labour_types == "Begging;Illicit activities");

  x = map_exploitation({"forced_labour"});
  CHECK(x.labour_types == "Not specified");

  x = map_exploitation({"forced_marriage", "organ_removal", "other"});
  CHECK_FALSE(x.labour);
  CHECK(x.marriage);
  CHECK(x.organs);
  CHECK(x.other);
  CHECK(x.types == "Forced marriage;Organ removal;Other");
  CHECK(x.labour_types.empty());

  x = map_exploitation({});
  CHECK_FALSE(x.known);
  CHECK(x.types.empty());
}

TEST_CASE("export: age bands, gender and missing values in CTDC's spelling") {
  CHECK(ctdc_age_broad("0-8") == "0--8");
  CHECK(ctdc_age_broad("9-17") == "9--17");
  CHECK(ctdc_age_broad("18-20") == "18--20");
  CHECK(ctdc_age_broad("39-47") == "39--47");
  CHECK(ctdc_age_broad("48+") == "48+");
  CHECK_FALSE(ctdc_age_broad("unknown"));
  CHECK_FALSE(ctdc_age_broad(""));
  CHECK(ctdc_gender("female") == "Female");
  CHECK(ctdc_gender("male") == "Male");
  CHECK(ctdc_gender("other") == "Transgender/NonConforming");
  CHECK_FALSE(ctdc_gender("unknown"));
  CHECK(kCtdcMissing == "-99");
}

TEST_CASE("export: amounts in bands, rounded to whole units first") {
  CHECK(amount_band(amount("0")) == "0");
  CHECK(amount_band(amount("0.49")) == "0");
  CHECK(amount_band(amount("0.50")) == "1-500");
  CHECK(amount_band(amount("500.49")) == "1-500");
  CHECK(amount_band(amount("500.50")) == "501-1000");
  CHECK(amount_band(amount("1000")) == "501-1000");
  CHECK(amount_band(amount("1001")) == "1001-2000");
  CHECK(amount_band(amount("2000")) == "1001-2000");
  CHECK(amount_band(amount("2001")) == "2001-3000");
  CHECK(amount_band(amount("3000")) == "2001-3000");
  CHECK(amount_band(amount("3000.50")) == "3001+");
  CHECK(amount_band(amount("250000")) == "3001+");
}

TEST_CASE("export: k-anonymity counts every column, a missing value included") {
  std::vector<ExportRow> rows = {
      row_of({"Female", "18--20", "1-500"}), row_of({"Female", "18--20", "1-500"}),
      row_of({"Female", "18--20", "501-1000"}),  // alike but for the amount: alone
      row_of({"Female", "18--20", std::nullopt}), row_of({"Female", "18--20", std::nullopt}),
      row_of({"Female", "18--20", "-99"}),  // the text "-99" is not a missing value
  };
  auto kept = rows;
  CHECK(withhold_rare_rows(kept, 2) == 2);
  REQUIRE(kept.size() == 4);
  CHECK(kept[0].values[2] == "1-500");
  CHECK(kept[2].values[2] == std::nullopt);
  kept = rows;
  CHECK(withhold_rare_rows(kept, 3) == 6);
  CHECK(kept.empty());
  kept = rows;
  CHECK(withhold_rare_rows(kept, 1) == 0);
  CHECK(withhold_rare_rows(kept, 0) == 0);
  CHECK(kept.size() == rows.size());
}

TEST_CASE("export: the public file has no case ID, no date, no exact amount; the internal one has them") {
  Loaded l;
  load(l, {{"female", "1990-01-01", {"domestic_servitude"}, {"1200.00 EUR"}},
           {"male", "1996-05-01", {"begging", "sexual_exploitation"}, {"100.00 USD", "20.00 EUR"}},
           {"other", "2001-01-01", {}, {"300.00 ALL"}},
           {"unknown", "1960-01-01", {"forced_marriage"}, {}}});

  Export pub = export_cases(l.folder, Audience::Public, 0);
  CHECK(std::find(pub.columns.begin(), pub.columns.end(), "caseId") == pub.columns.end());
  CHECK(std::find(pub.columns.begin(), pub.columns.end(), "referralDate") == pub.columns.end());
  REQUIRE(pub.rows.size() == 4);
  CHECK(pub.unconverted == 1);
  for (const auto& r : pub.rows)
    for (const auto& v : r.values) {
      if (!v) continue;
      CHECK_MESSAGE(!care::records::is_case_id(*v), *v);
      CHECK_MESSAGE(v->find("2014-") == std::string::npos, *v);  // no date, only the year
      CHECK_MESSAGE(v->find('.') == std::string::npos, *v);      // no exact amount
    }
  auto at = [&](const Export& e, std::size_t row, const std::string& name) { return e.rows[row].values[column(e, name)]; };
  // The public rows are sorted by what they publish, not by case ID: found here by gender.
  CHECK(std::is_sorted(pub.rows.begin(), pub.rows.end(),
                       [](const auto& a, const auto& b) { return a.values < b.values; }));
  auto with_gender = [&](std::optional<std::string> gender) {
    for (std::size_t i = 0; i < pub.rows.size(); ++i)
      if (at(pub, i, "gender") == gender) return i;
    FAIL("no public row of that gender");
    return std::size_t{0};
  };
  const std::size_t female = with_gender("Female"), male = with_gender("Male"),
                    other = with_gender("Transgender/NonConforming"), unknown = with_gender(std::nullopt);
  CHECK(at(pub, female, "yearOfRegistration") == "2014");
  CHECK(at(pub, female, "gender") == "Female");
  CHECK(at(pub, female, "ageBroad") == "24--26");
  CHECK(at(pub, female, "majorityStatus") == "Adult");
  CHECK(at(pub, female, "isForcedLabour") == "1");
  CHECK(at(pub, female, "typeOfLabourDomesticWork") == "1");
  CHECK(at(pub, female, "typeOfLabourBegging") == "0");
  CHECK(at(pub, female, "typeOfLabourConcatenated") == "Domestic work");
  CHECK(at(pub, female, "budgetPlanned") == "1001-2000");
  CHECK(at(pub, female, "budgetDelivered") == "0");
  CHECK(at(pub, male, "gender") == "Male");
  CHECK(at(pub, male, "ageBroad") == "9--17");
  CHECK(at(pub, male, "majorityStatus") == "Minor");
  CHECK(at(pub, male, "isSexualExploit") == "1");
  CHECK(at(pub, male, "budgetPlanned") == "1-500");  // 100 USD at 0.80 and 20 EUR: 100 EUR
  CHECK(at(pub, other, "gender") == "Transgender/NonConforming");
  CHECK(at(pub, other, "isForcedLabour") == std::nullopt);  // no exploitation recorded: missing, not 0
  CHECK(at(pub, other, "typeOfExploitConcatenated") == std::nullopt);
  CHECK(at(pub, other, "budgetPlanned") == std::nullopt);  // ALL has no rate: no true total
  CHECK(at(pub, unknown, "gender") == std::nullopt);
  CHECK(at(pub, unknown, "isForcedMarriage") == "1");
  CHECK(at(pub, unknown, "isForcedLabour") == "0");
  CHECK(at(pub, unknown, "typeOfLabourConcatenated") == std::nullopt);  // not forced labour
  CHECK(at(pub, unknown, "closureReason") == std::nullopt);

  auto csv = export_csv(pub);
  CHECK(csv.find("caseId") == std::string::npos);
  CHECK(csv.find(",-99,") != std::string::npos);
  auto jsonl = export_jsonl(pub);
  CHECK(jsonl.find("\"isForcedLabour\":null") != std::string::npos);
  CHECK(jsonl.find("\"isForcedLabour\":1") != std::string::npos);
  CHECK(jsonl.find("\"yearOfRegistration\":2014") != std::string::npos);
  CHECK(jsonl.find("\"ageBroad\":\"24--26\"") != std::string::npos);

  Export internal = export_cases(l.folder, Audience::Internal, 0);
  CHECK(internal.columns.front() == "caseId");
  CHECK(at(internal, 0, "caseId") == "AT-2014-001");
  CHECK(at(internal, 0, "referralDate") == "2014-03-12");
  CHECK(at(internal, 0, "budgetPlanned") == "1200.00");
  CHECK(at(internal, 1, "budgetPlanned") == "100.00");
  CHECK(internal.withheld == 0);
  CHECK(export_cases(l.folder, Audience::Donor, 0).columns == internal.columns);
}

TEST_CASE("export: with k, rows that differ in any published column are withheld") {
  Loaded l;
  // Four alike, one like them but for its budget band, one with a plan in a
  // currency without a rate.
  std::vector<Person> people(4, Person{"female", "1990-01-01", {"forced_labour"}, {"100.00 EUR"}});
  people.push_back(Person{"female", "1990-01-01", {"forced_labour"}, {"900.00 EUR"}});
  load(l, people);
  Export e = export_cases(l.folder, Audience::Public, 4);
  CHECK(e.k == 4);
  CHECK(e.rows.size() == 4);
  CHECK(e.withheld == 1);
  e = export_cases(l.folder, Audience::Public, 5);
  CHECK(e.rows.empty());
  CHECK(e.withheld == 5);
  CHECK(export_csv(e) == export_csv(e).substr(0, export_csv(e).find('\n') + 1));  // the header only
}
