// care-intake assess: a dated needs-and-risks assessment. Each is a file of
// its own, so a later assessment never overwrites an earlier one.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "records/fields.h"

namespace care::intake {
using doc::Node;
namespace {

// "housing=high:note text" -> {domain: housing, level: high, note: note text}
std::optional<Node> keyed_level(const std::string& spec, std::string_view key_name) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  auto colon = spec.find(':', eq);
  Node n = Node::mapping();
  n.set(std::string(key_name), Node::string(spec.substr(0, eq)));
  n.set("level", Node::string(spec.substr(eq + 1, colon == std::string::npos ? std::string::npos : colon - eq - 1)));
  if (colon != std::string::npos) n.set("note", Node::string(spec.substr(colon + 1)));
  return n;
}

bool append_levels(Node& record, std::string_view field, std::string_view key_name,
                   const std::vector<std::string>& specs) {
  if (specs.empty()) return true;
  Node list = record.find(field) ? *record.find(field) : Node::sequence();
  for (const auto& spec : specs) {
    auto entry = keyed_level(spec, key_name);
    if (!entry) {
      cli::print_error(kProgram, fmt::format("\"{}\" should be {}=LEVEL or {}=LEVEL:note", spec, key_name, key_name));
      return false;
    }
    list.push_back(std::move(*entry));
  }
  record.set(std::string(field), std::move(list));
  return true;
}

void append_texts(Node& record, std::string_view field, const std::vector<std::string>& values, bool as_description) {
  if (values.empty()) return;
  Node list = record.find(field) ? *record.find(field) : Node::sequence();
  for (const auto& v : values) {
    if (!as_description) {
      list.push_back(Node::string(v));
      continue;
    }
    Node o = Node::mapping();
    o.set("description", Node::string(v));
    list.push_back(std::move(o));
  }
  record.set(std::string(field), std::move(list));
}

// The file name for an assessment on `on`: the date, or date-2, date-3 ...
std::string free_stem(const records::Case& c, const std::string& on) {
  auto taken = [&](const std::string& stem) {
    for (const auto& a : c.assessments)
      if (a.where.stem == stem) return true;
    return false;
  };
  std::string stem = on;
  for (int n = 2; taken(stem); ++n) stem = fmt::format("{}-{}", on, n);
  return stem;
}

std::vector<std::string> ask_missing(Node& record) {
  static const std::vector<std::pair<std::string, std::string>> needed = {
      {"assessed_by", "Assessed by (a role and office, not a name)"},
      {"overall_risk", "Overall risk (low, medium, high)"}};
  std::vector<std::string> missing;
  for (const auto& [field, question] : needed) {
    if (record.find(field)) continue;
    auto answer = cli::can_prompt() ? cli::ask(question) : std::nullopt;
    if (answer && !answer->empty()) record.set(field, Node::string(*answer));
    else missing.push_back("--" + std::string(field == "assessed_by" ? "by" : "overall-risk"));
  }
  if (!record.find("needs")) missing.push_back("--need");
  return missing;
}

}  // namespace

int assess_command(const cli::GlobalOptions& global, const AssessFlags& f) {
  return cli::with_case(global, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    diag::Diagnostics problems;
    Node record = Node::mapping();
    if (!f.from.empty()) {
      auto given = cli::read_input(f.from, problems);
      if (!given) {
        cli::print_problems(problems, kProgram);
        return cli::kFindings;
      }
      record = std::move(*given);
    }
    std::string on = !f.date.empty() ? f.date : records::text(record, "date");
    if (on.empty()) on = w.session.today.str();
    record.set("kind", Node::string("assessment"));
    record.set("version", Node::integer(1));
    record.set("case", Node::string(f.id));
    record.set("date", Node::string(on));
    if (!f.assessed_by.empty()) record.set("assessed_by", Node::string(f.assessed_by));
    if (!f.overall_risk.empty()) record.set("overall_risk", Node::string(f.overall_risk));
    if (!append_levels(record, "needs", "domain", f.needs) || !append_levels(record, "risk_factors", "factor", f.risks))
      return cli::kUsage;
    append_texts(record, "skills", f.skills, false);
    append_texts(record, "motivations", f.motivations, false);
    append_texts(record, "opportunities", f.opportunities, true);
    if (f.with_guardian) record.set("with_guardian", Node::boolean(true));
    if (!f.notes.empty()) record.set("notes", Node::string(f.notes));
    if (auto missing = ask_missing(record); !missing.empty()) {
      cli::print_error(kProgram, fmt::format("missing {}{}", fmt::join(missing, ", "),
                                             cli::can_prompt() ? "" : " (there is no terminal to ask on)"));
      return cli::kUsage;
    }
    std::string stem = free_stem(c, on);
    change::Request request{"care-intake assess", f.id, {}, f.dry_run, false};
    request.records.push_back({records::Kind::Assessment, f.id, stem, std::move(record), std::nullopt});
    auto outcome = change::apply(w.session, w.folder, std::move(request));
    for (const auto& file : outcome.written) std::fputs((file + "\n").c_str(), stdout);
    return change::report(outcome, kProgram);
  });
}

}  // namespace care::intake
