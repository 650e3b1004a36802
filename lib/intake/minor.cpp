// care-intake minor: the file of the safeguards for a child: guardian, best
// interests determination, family tracing and assessment, receiving
// organisation, coordination of the return, and escort; the child's views,
// the care arrangement on arrival, the child-protection follow-up and a
// transition to adulthood (intake/safeguards.h). Each run adds to
// what the file already holds; fields it is not given are kept.
#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "records/facts.h"
#include "records/fields.h"

namespace care::intake {
using doc::Node;
namespace {

void put_if(Node& r, std::string_view field, const std::string& value) {
  if (!value.empty()) records::put_text(r, field, value);
}

// "yes"/"no" from a flag; anything else is left for the schema to refuse as text.
void put_yes_no(Node& r, std::string_view field, const std::string& value) {
  if (value.empty()) return;
  if (value == "yes" || value == "no") records::put(r, field, Node::boolean(value == "yes"));
  else records::put_text(r, field, value);
}

void put_list(Node& r, std::string_view field, const std::vector<std::string>& values) {
  if (values.empty()) return;
  Node list = Node::sequence();
  for (const auto& v : values) list.push_back(Node::string(v));
  records::put(r, field, std::move(list));
}

bool add_bid_steps(Node& r, const std::vector<std::string>& steps) {
  if (steps.empty()) return true;
  const Node* existing = records::field(r, "bid.steps");
  Node list = existing && existing->is_sequence() ? *existing : Node::sequence();
  for (const auto& s : steps) {
    auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == s.size()) {
      cli::print_error(kProgram, fmt::format("\"{}\" should be DATE=what was done", s));
      return false;
    }
    Node step = Node::mapping();
    step.set("date", Node::string(s.substr(0, eq)));
    step.set("step", Node::string(s.substr(eq + 1)));
    list.push_back(std::move(step));
  }
  records::put(r, "bid.steps", std::move(list));
  return true;
}

void apply_flags(Node& r, const MinorFlags& f) {
  put_if(r, "guardian.appointed", f.guardian_appointed);
  put_if(r, "guardian.type", f.guardian_type);
  put_if(r, "guardian.organisation", f.guardian_organisation);
  put_if(r, "bid.outcome", f.bid_outcome);
  put_if(r, "bid.decided", f.bid_decided);
  if (f.bid_panel) records::put(r, "bid.panel", Node::boolean(true));
  put_if(r, "family_tracing.status", f.tracing_status);
  put_if(r, "family_tracing.date", f.tracing_date);
  put_if(r, "family_assessment.date", f.family_assessed);
  put_if(r, "family_assessment.outcome", f.family_outcome);
  put_yes_no(r, "family_assessment.willing_and_able", f.family_willing);
  put_yes_no(r, "family_assessment.implicated_in_trafficking", f.family_implicated);
  if (!f.reunification_confirmed.empty()) {
    records::put(r, "reunification.confirmed", Node::boolean(true));
    records::put_text(r, "reunification.date", f.reunification_confirmed);
  }
  put_if(r, "receiving_organisation.name", f.receiving_name);
  put_if(r, "receiving_organisation.country", f.receiving_country);
  put_if(r, "receiving_organisation.confirmed", f.receiving_confirmed);
  put_if(r, "coordination.date", f.coordination_date);
  put_list(r, "coordination.host_country_parties", f.host_parties);
  put_list(r, "coordination.return_country_parties", f.return_parties);
  put_if(r, "escort.by", f.escort_by);
  put_if(r, "escort.agreed", f.escort_agreed);
  put_if(r, "notes", f.notes);
}

// --from gives whole sections; they replace the file's sections of the same name.
void merge(Node& r, const Node& given) {
  for (const auto& e : given.entries()) r.set(e.key, e.value);
}

}  // namespace

int minor_command(const cli::GlobalOptions& global, const MinorFlags& f) {
  return cli::with_case(global, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (!records::is_minor_case(c)) {
      cli::print_error(kProgram, fmt::format("{} is not a minor's case: 18 or over at referral, and age not uncertain", f.id));
      return cli::kFindings;
    }
    Node record = c.minor ? c.minor->root : Node::mapping();
    if (!f.from.empty()) {
      diag::Diagnostics problems;
      auto given = cli::read_input(f.from, problems);
      if (!given) {
        cli::print_problems(problems, kProgram);
        return cli::kFindings;
      }
      merge(record, *given);
    }
    record.set("kind", Node::string("minor"));
    record.set("version", Node::integer(1));
    record.set("case", Node::string(f.id));
    if (!add_bid_steps(record, f.bid_steps)) return cli::kUsage;
    apply_flags(record, f);
    if (std::string problem = apply_minor_safeguards(record, f.safeguards); !problem.empty()) {
      cli::print_error(kProgram, problem);
      return cli::kUsage;
    }
    change::Request request{"care-intake minor", f.id, {}, f.dry_run, f.drop_comments};
    request.records.push_back({records::Kind::Minor, f.id, {}, std::move(record), std::nullopt});
    return change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
  });
}

}  // namespace care::intake
