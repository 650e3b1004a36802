#include "report/export.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "report/dimensions.h"
#include "report/money.h"
#include "util/json_text.h"
#include "util/table.h"

namespace care::report {
namespace {

// The columns in order. `literal`: a JSON number (0/1 flags, years, counts)
// rather than a string. `exact`: only for the internal and donor audiences.
struct ColumnSpec {
  std::string_view name;
  bool literal;
  bool exact;
};
constexpr std::array kColumns = {
    ColumnSpec{"caseId", false, true},
    ColumnSpec{"yearOfRegistration", true, false},
    ColumnSpec{"referralDate", false, true},
    ColumnSpec{"gender", false, false},
    ColumnSpec{"ageBroad", false, false},
    ColumnSpec{"majorityStatus", false, false},
    ColumnSpec{"citizenship", false, false},
    ColumnSpec{"hostCountry", false, false},
    ColumnSpec{"returnCountry", false, false},
    ColumnSpec{"isForcedLabour", true, false},
    ColumnSpec{"isSexualExploit", true, false},
    ColumnSpec{"isForcedMarriage", true, false},
    ColumnSpec{"isOrganRemoval", true, false},
    ColumnSpec{"isOtherExploit", true, false},
    ColumnSpec{"typeOfExploitConcatenated", false, false},
    ColumnSpec{"typeOfLabourDomesticWork", true, false},
    ColumnSpec{"typeOfLabourBegging", true, false},
    ColumnSpec{"typeOfLabourIllicitActivities", true, false},
    ColumnSpec{"typeOfLabourConcatenated", false, false},
    ColumnSpec{"isEligible", true, false},
    ColumnSpec{"stage", false, false},
    ColumnSpec{"isAssessed", true, false},
    ColumnSpec{"isPlanAgreed", true, false},
    ColumnSpec{"isReturned", true, false},
    ColumnSpec{"monitoringContacts", true, false},
    ColumnSpec{"closureReason", false, false},
    ColumnSpec{"budgetPlanned", false, false},
    ColumnSpec{"budgetDelivered", false, false},
    ColumnSpec{"currency", false, false},
};

bool is_literal(std::string_view column) {
  for (const auto& c : kColumns)
    if (c.name == column) return c.literal;
  return false;
}

ExportValue flag01(bool v) { return std::string(v ? "1" : "0"); }
ExportValue or_missing(std::string s) { return s.empty() ? ExportValue{} : ExportValue{std::move(s)}; }

// The plan's money in the program's currency: budgets of items not cancelled
// at the plan's date (agreed, else drafted), deliveries at their own date.
struct PlanMoney {
  Sum planned, delivered;
};
PlanMoney plan_money(const records::Record& plan, const folder::Config& cfg) {
  PlanMoney m{Sum(cfg), Sum(cfg)};
  auto planned_on = records::date(plan.root, "agreement.date");
  if (!planned_on) planned_on = records::date(plan.root, "drafted");
  for (const auto& item : records::list(plan.root, "items")) {
    for (const auto& d : records::list(item, "deliveries"))
      if (auto amount = records::money(d, "amount"); amount)
        if (auto on = records::date(d, "date")) m.delivered.add(*amount, *on);
    if (records::text(item, "status") == "cancelled") continue;
    if (auto budget = records::money(item, "budget"); budget && planned_on) m.planned.add(*budget, *planned_on);
  }
  return m;
}

// Every column's value for one case, by column name.
std::map<std::string_view, ExportValue> values_of(const records::Case& c, const folder::Config& cfg, bool exact,
                                                  bool& unconverted) {
  const auto& root = c.main->root;
  std::vector<std::string> types;
  for (const auto& e : records::list(root, "exploitation")) types.push_back(e.text());
  Exploitation x = map_exploitation(types);
  auto known = [&](bool v) { return x.known ? flag01(v) : ExportValue{}; };
  auto labour = [&](bool v) { return x.known && x.labour ? flag01(v) : ExportValue{}; };
  auto referral = records::referral_date(c);
  int contacts = 0;
  for (const auto& s : monitor::schedule_of(c)) contacts += s.done_on.has_value();

  std::map<std::string_view, ExportValue> v;
  v["caseId"] = c.id;
  v["yearOfRegistration"] = referral ? ExportValue{std::to_string(referral->year())} : ExportValue{};
  v["referralDate"] = referral ? ExportValue{referral->str()} : ExportValue{};
  v["gender"] = ctdc_gender(records::text(root, "sex"));
  v["ageBroad"] = ctdc_age_broad(value_of(c, Dimension::AgeBand));
  v["majorityStatus"] = std::string(records::is_minor_case(c) ? "Minor" : "Adult");
  v["citizenship"] = or_missing(records::text(root, "nationality"));
  v["hostCountry"] = or_missing(records::text(root, "host_country"));
  v["returnCountry"] = or_missing(records::text(root, "return_country"));
  v["isForcedLabour"] = known(x.labour);
  v["isSexualExploit"] = known(x.sexual);
  v["isForcedMarriage"] = known(x.marriage);
  v["isOrganRemoval"] = known(x.organs);
  v["isOtherExploit"] = known(x.other);
  v["typeOfExploitConcatenated"] = x.known ? ExportValue{x.types} : ExportValue{};
  v["typeOfLabourDomesticWork"] = labour(x.domestic_work);
  v["typeOfLabourBegging"] = labour(x.begging);
  v["typeOfLabourIllicitActivities"] = labour(x.illicit_activities);
  v["typeOfLabourConcatenated"] = x.known && x.labour ? ExportValue{x.labour_types} : ExportValue{};
  v["isEligible"] = flag01(!records::is_ineligible(c));
  v["stage"] = std::string(records::stage_name(records::stage_of(c)));
  v["isAssessed"] = flag01(!c.assessments.empty());
  v["isPlanAgreed"] = flag01(c.plan && records::field(c.plan->root, "agreement.date"));
  v["isReturned"] = flag01(c.journey.has_value());
  v["monitoringContacts"] = std::to_string(contacts);
  v["closureReason"] = c.closure ? or_missing(records::text(c.closure->root, "reason")) : ExportValue{};
  PlanMoney m = c.plan && c.plan->valid ? plan_money(*c.plan, cfg) : PlanMoney{Sum(cfg), Sum(cfg)};
  auto amount = [&](const Sum& s) -> ExportValue {
    if (!s.apart().empty()) return std::nullopt;  // part of it could not be converted: no total is true
    return exact ? s.total().str() : amount_band(s.total());
  };
  v["budgetPlanned"] = amount(m.planned);
  v["budgetDelivered"] = amount(m.delivered);
  unconverted = !m.planned.apart().empty() || !m.delivered.apart().empty();
  v["currency"] = cfg.currency;
  return v;
}

std::string row_key(const ExportRow& r) {
  std::string key;
  for (const auto& v : r.values) key += v ? "=" + *v + '\x1f' : std::string("\x1e\x1f");
  return key;
}

}  // namespace

Exploitation map_exploitation(const std::vector<std::string>& care_types) {
  Exploitation x;
  x.known = !care_types.empty();
  auto has = [&](std::string_view t) { return std::find(care_types.begin(), care_types.end(), t) != care_types.end(); };
  x.domestic_work = has("domestic_servitude");
  x.begging = has("begging");
  x.illicit_activities = has("forced_criminality");
  x.labour = has("forced_labour") || x.domestic_work || x.begging || x.illicit_activities;
  x.sexual = has("sexual_exploitation");
  x.marriage = has("forced_marriage");
  x.organs = has("organ_removal");
  // A type care does not know is still some exploitation: "other" rather than lost.
  for (const auto& t : care_types)
    if (t != "forced_labour" && t != "domestic_servitude" && t != "begging" && t != "forced_criminality" &&
        t != "sexual_exploitation" && t != "forced_marriage" && t != "organ_removal")
      x.other = true;
  auto join = [](std::string& to, bool on, std::string_view name) {
    if (on) to += (to.empty() ? "" : ";") + std::string(name);
  };
  join(x.types, x.labour, "Forced labour");
  join(x.types, x.sexual, "Sexual exploitation");
  join(x.types, x.marriage, "Forced marriage");
  join(x.types, x.organs, "Organ removal");
  join(x.types, x.other, "Other");
  join(x.labour_types, x.domestic_work, "Domestic work");
  join(x.labour_types, x.begging, "Begging");
  join(x.labour_types, x.illicit_activities, "Illicit activities");
  if (x.labour && x.labour_types.empty()) x.labour_types = "Not specified";
  return x;
}

ExportValue ctdc_age_broad(std::string_view band) {
  const auto& bands = age_bands();
  if (std::find(bands.begin(), bands.end(), band) == bands.end()) return std::nullopt;
  std::string out(band);
  if (auto dash = out.find('-'); dash != std::string::npos) out.insert(dash, "-");
  return out;
}

ExportValue ctdc_gender(std::string_view sex) {
  if (sex == "female") return std::string("Female");
  if (sex == "male") return std::string("Male");
  if (sex == "other") return std::string("Transgender/NonConforming");
  return std::nullopt;
}

std::string amount_band(const util::Amount& amount) {
  std::int64_t units = (amount.cents() + 50) / 100;  // amounts are never negative
  if (units <= 0) return "0";
  constexpr std::array<std::pair<std::int64_t, std::string_view>, 4> kBands = {
      {{500, "1-500"}, {1000, "501-1000"}, {2000, "1001-2000"}, {3000, "2001-3000"}}};
  for (const auto& [upper, name] : kBands)
    if (units <= upper) return std::string(name);
  return "3001+";
}

std::size_t withhold_rare_rows(std::vector<ExportRow>& rows, int k) {
  if (k <= 1) return 0;
  std::map<std::string, int> shared;
  for (const auto& r : rows) ++shared[row_key(r)];
  auto rare = [&](const ExportRow& r) { return shared[row_key(r)] < k; };
  auto before = rows.size();
  rows.erase(std::remove_if(rows.begin(), rows.end(), rare), rows.end());
  return before - rows.size();
}

Export export_cases(const records::Folder& folder, Audience audience, int k) {
  bool exact = audience != Audience::Public;
  Export e;
  e.k = k;
  for (const auto& c : kColumns)
    if (exact || !c.exact) e.columns.emplace_back(c.name);
  for (const auto& [id, c] : folder.cases) {
    if (!c.main || !c.main->valid) continue;
    bool unconverted = false;
    auto values = values_of(c, folder.config, exact, unconverted);
    e.unconverted += unconverted;
    ExportRow row;
    for (const auto& name : e.columns) row.values.push_back(values[name]);
    e.rows.push_back(std::move(row));
  }
  // Rows in case ID order would tell a reader each row's office and order of
  // registration: the public file is sorted by what it publishes instead.
  if (!exact)
    std::sort(e.rows.begin(), e.rows.end(), [](const ExportRow& a, const ExportRow& b) { return a.values < b.values; });
  e.withheld = withhold_rare_rows(e.rows, k);
  return e;
}

std::string export_jsonl(const Export& e) {
  std::string out;
  for (const auto& r : e.rows) {
    std::string line;
    for (std::size_t i = 0; i < e.columns.size() && i < r.values.size(); ++i) {
      const auto& v = r.values[i];
      std::string text = !v ? "null" : is_literal(e.columns[i]) ? *v : util::json_string(*v);
      line += fmt::format("{}{}:{}", line.empty() ? "" : ",", util::json_string(e.columns[i]), text);
    }
    out += "{" + line + "}\n";
  }
  return out;
}

std::string export_csv(const Export& e) {
  std::string out;
  for (const auto& c : e.columns) out += (out.empty() ? "" : ",") + c;
  out += "\n";
  for (const auto& r : e.rows) {
    std::string line;
    for (std::size_t i = 0; i < r.values.size(); ++i)
      line += (i ? "," : "") + (r.values[i] ? util::csv_field(*r.values[i]) : std::string(kCtdcMissing));
    out += line + "\n";
  }
  return out;
}

}  // namespace care::report
