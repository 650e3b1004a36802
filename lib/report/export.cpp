#include "report/export.h"

#include <map>

#include <fmt/format.h>

#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "report/dimensions.h"
#include "util/json_text.h"
#include "util/table.h"

namespace care::report {
namespace {

// Columns whose values are JSON numbers or booleans rather than strings.
bool is_literal(const std::string& column) {
  return column == "yearOfRegistration" || column == "isSexualExploit" || column == "isForcedLabour" ||
         column == "isEligible" || column == "isAssessed" || column == "isPlanAgreed" || column == "isReturned" ||
         column == "monitoringContacts";
}

std::string exploitation(const records::Case& c, bool& sexual, bool& labour) {
  std::string joined;
  for (const auto& e : records::list(c.main->root, "exploitation")) {
    std::string t = e.text();
    sexual = sexual || t == "sexual_exploitation";
    labour = labour || t == "forced_labour";
    joined += (joined.empty() ? "" : ";") + t;
  }
  return joined;
}

ExportRow row_of(const records::Case& c, const folder::Config& cfg) {
  const auto& root = c.main->root;
  bool sexual = false, labour = false;
  std::string types = exploitation(c, sexual, labour);
  auto referral = records::referral_date(c);
  auto totals = c.plan ? records::plan_totals(*c.plan, cfg.currency) : records::PlanTotals{};
  int contacts = 0;
  for (const auto& s : monitor::schedule_of(c)) contacts += s.done_on.has_value();
  auto b = [](bool v) { return std::string(v ? "true" : "false"); };
  ExportRow r;
  r.fields = {
      {"caseId", c.id},
      {"yearOfRegistration", referral ? std::to_string(referral->year()) : ""},
      {"gender", value_of(c, Dimension::Sex)},
      {"ageBroad", value_of(c, Dimension::AgeBand)},
      {"majorityStatus", records::is_minor_case(c) ? "Minor" : "Adult"},
      {"citizenship", records::text(root, "nationality")},
      {"hostCountry", records::text(root, "host_country")},
      {"returnCountry", records::text(root, "return_country")},
      {"typeOfExploitConcatenated", types},
      {"isSexualExploit", b(sexual)},
      {"isForcedLabour", b(labour)},
      {"isEligible", b(!records::is_ineligible(c))},
      {"stage", std::string(records::stage_name(records::stage_of(c)))},
      {"isAssessed", b(!c.assessments.empty())},
      {"isPlanAgreed", b(c.plan && records::field(c.plan->root, "agreement.date"))},
      {"isReturned", b(c.journey.has_value())},
      {"monitoringContacts", std::to_string(contacts)},
      {"closureReason", c.closure ? records::text(c.closure->root, "reason") : ""},
      {"budgetPlanned", totals.planned.str()},
      {"budgetDelivered", totals.delivered.str()},
      {"currency", cfg.currency},
  };
  r.quasi_identifier = fmt::format("{}|{}|{}|{}|{}", r.fields[3].second, r.fields[2].second, r.fields[5].second,
                                   r.fields[6].second, r.fields[7].second);
  return r;
}

}  // namespace

Export export_cases(const records::Folder& folder, const util::Date&, int k) {
  Export e;
  std::vector<ExportRow> all;
  std::map<std::string, int> shared;
  for (const auto& [id, c] : folder.cases) {
    if (!c.main || !c.main->valid) continue;
    all.push_back(row_of(c, folder.config));
    ++shared[all.back().quasi_identifier];
  }
  if (!all.empty())
    for (const auto& [name, value] : all.front().fields) e.columns.push_back(name);
  for (auto& r : all) {
    if (k > 1 && shared[r.quasi_identifier] < k) {
      ++e.withheld;
      continue;
    }
    e.rows.push_back(std::move(r));
  }
  return e;
}

std::string export_jsonl(const Export& e) {
  std::string out;
  for (const auto& r : e.rows) {
    std::string line;
    for (const auto& [name, value] : r.fields) {
      std::string v = is_literal(name) && !value.empty() ? value : util::json_string(value);
      line += fmt::format("{}{}:{}", line.empty() ? "" : ",", util::json_string(name), v);
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
    for (const auto& [name, value] : r.fields) line += (line.empty() ? "" : ",") + util::csv_field(value);
    out += line + "\n";
  }
  return out;
}

}  // namespace care::report
