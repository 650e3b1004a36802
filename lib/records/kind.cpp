#include "records/kind.h"

#include <fmt/format.h>

#include "util/date.h"

namespace care::records {

const std::vector<KindInfo>& all_kinds() {
  static const std::vector<KindInfo> kinds = {
      {Kind::Case, "case", "case.schema.json"},
      {Kind::Identity, "identity", "identity.schema.json"},
      {Kind::Assessment, "assessment", "assessment.schema.json"},
      {Kind::Minor, "minor", "minor.schema.json"},
      {Kind::Plan, "plan", "plan.schema.json"},
      {Kind::Return, "return", "return.schema.json"},
      {Kind::MonitoringPlan, "monitoring_plan", "monitoring_plan.schema.json"},
      {Kind::Contact, "contact", "contact.schema.json"},
      {Kind::Closure, "closure", "closure.schema.json"},
      {Kind::Outreach, "outreach", "outreach.schema.json"},
  };
  return kinds;
}

const KindInfo& info(Kind kind) { return all_kinds()[static_cast<std::size_t>(kind)]; }

std::optional<Kind> kind_named(std::string_view name) {
  for (const auto& k : all_kinds())
    if (k.name == name) return k.kind;
  return std::nullopt;
}

namespace {

// The fixed files of a case folder, by file name.
std::optional<Kind> case_file(std::string_view name) {
  if (name == "case.yaml") return Kind::Case;
  if (name == "identity.yaml" || name == "identity.yaml.age") return Kind::Identity;
  if (name == "minor.yaml") return Kind::Minor;
  if (name == "plan.yaml") return Kind::Plan;
  if (name == "return.yaml") return Kind::Return;
  if (name == "monitoring-plan.yaml") return Kind::MonitoringPlan;
  if (name == "closure.yaml") return Kind::Closure;
  return std::nullopt;
}

// Dated files are named by their date, with -2, -3 ... for a second one that day.
bool is_dated_stem(std::string_view stem) {
  if (stem.size() < 10 || !util::Date::parse(stem.substr(0, 10))) return false;
  std::string_view suffix = stem.substr(10);
  if (suffix.empty()) return true;
  if (suffix.size() < 2 || suffix.size() > 5 || suffix[0] != '-' || suffix[1] < '1' || suffix[1] > '9') return false;
  for (char c : suffix.substr(1))
    if (c < '0' || c > '9') return false;
  return suffix != "-1";
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

Classified not_a_record(std::string reason) { return Classified{std::nullopt, std::move(reason)}; }

Classified classify_case_path(const std::vector<std::string_view>& p) {
  std::string id(p[1]);
  if (!is_case_id(id))
    return not_a_record(fmt::format("folder \"{}\" is not a case ID like AT-2014-007", id));
  if (p.size() == 3) {
    if (auto kind = case_file(p[2])) return Classified{Placement{*kind, id, {}}, {}};
    if (p[2] == "access.log") return Classified{std::nullopt, {}, true};
    return not_a_record("not a record of a case (see care-records(5) for the files a case holds)");
  }
  if (p.size() == 4 && (p[2] == "assessments" || p[2] == "monitoring") && p[3].ends_with(".yaml")) {
    std::string_view stem = p[3].substr(0, p[3].size() - 5);
    if (!is_dated_stem(stem))
      return not_a_record("dated records are named by their date, like 2014-03-01.yaml");
    Kind kind = p[2] == "assessments" ? Kind::Assessment : Kind::Contact;
    return Classified{Placement{kind, id, std::string(stem)}, {}};
  }
  return not_a_record("not a record of a case (see care-records(5) for the files a case holds)");
}

}  // namespace

Classified classify(std::string_view relative_path) {
  auto p = split(relative_path);
  if (p.size() >= 3 && p[0] == "cases") return classify_case_path(p);
  if (p.size() == 2 && p[0] == "outreach") {
    if (!p[1].ends_with(".yaml")) return not_a_record("outreach records end in .yaml");
    std::string id(p[1].substr(0, p[1].size() - 5));
    if (!is_outreach_id(id)) return not_a_record("outreach files are named by their ID, like OR-AT-2014-001.yaml");
    return Classified{Placement{Kind::Outreach, id, {}}, {}};
  }
  return not_a_record("not a place where records are kept");
}

std::string sealed_identity_path(std::string_view owner) { return fmt::format("cases/{}/identity.yaml.age", owner); }

std::string path_of(Kind kind, std::string_view owner, std::string_view stem) {
  switch (kind) {
    case Kind::Case: return fmt::format("cases/{}/case.yaml", owner);
    case Kind::Identity: return fmt::format("cases/{}/identity.yaml", owner);
    case Kind::Assessment: return fmt::format("cases/{}/assessments/{}.yaml", owner, stem);
    case Kind::Minor: return fmt::format("cases/{}/minor.yaml", owner);
    case Kind::Plan: return fmt::format("cases/{}/plan.yaml", owner);
    case Kind::Return: return fmt::format("cases/{}/return.yaml", owner);
    case Kind::MonitoringPlan: return fmt::format("cases/{}/monitoring-plan.yaml", owner);
    case Kind::Contact: return fmt::format("cases/{}/monitoring/{}.yaml", owner, stem);
    case Kind::Closure: return fmt::format("cases/{}/closure.yaml", owner);
    case Kind::Outreach: return fmt::format("outreach/{}.yaml", owner);
  }
  return {};
}

}  // namespace care::records
