#include "intake/outreach.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "intake/numbering.h"
#include "records/fields.h"
#include "records/kind.h"
#include "schema/catalog.h"
#include "util/text.h"

namespace care::intake {
namespace fs = std::filesystem;
using doc::Node;
namespace {

std::vector<std::string> schema_enum(std::string_view pointer) {
  std::vector<std::string> out;
  const Node* n = schema::catalog().find(schema::uri_for("outreach.schema.json") + "#" + std::string(pointer));
  if (const Node* values = n && n->is_mapping() ? n->find("enum") : nullptr)
    for (const auto& v : values->items()) out.push_back(v.text());
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::optional<std::int64_t> whole_number(const std::string& s) {
  return s.size() > 15 ? std::nullopt : util::whole_number(s);
}

// NAME=KIND, split at the last '=' since a name may hold one and a kind never does.
std::optional<Node> organisation(const std::string& spec, std::string& usage) {
  auto eq = spec.rfind('=');
  std::string name = eq == std::string::npos ? spec : spec.substr(0, eq);
  std::string kind = eq == std::string::npos ? "" : spec.substr(eq + 1);
  const auto& kinds = organisation_kinds();
  if (name.empty() || std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    usage = fmt::format("--organisation \"{}\": write NAME=KIND, KIND one of {}", spec, joined(kinds));
    return std::nullopt;
  }
  Node org = Node::mapping();
  org.set("name", Node::string(name));
  org.set("kind", Node::string(kind));
  return org;
}

std::string check_flags(const OutreachInput& in) {
  if (!in.date.empty() && !util::Date::parse(in.date))
    return fmt::format("--date \"{}\" is not a date: write YYYY-MM-DD with a day that exists", in.date);
  if (!in.country.empty() && !schema::is_country(in.country))
    return fmt::format("--country \"{}\" is not an ISO 3166-1 alpha-2 code in capitals, e.g. AT (the UK is GB)",
                       in.country);
  for (const auto& [flag, value] : {std::pair{"--participants", &in.participants}, {"--leaflets", &in.leaflets}})
    if (!value->empty() && !whole_number(*value)) return fmt::format("{} \"{}\" is not a whole number", flag, *value);
  return {};
}

// kind, version and id belong to the tool: the input may repeat the first two, never set the ID.
void check_fixed(const Node& rec, diag::Diagnostics& problems) {
  if (const Node* id = rec.find("id"))
    problems.push_back(diag::at(id->location(), "input.id", "the input gives an id",
                                "Leave id out: care-intake gives the next free outreach ID."));
  if (const Node* kind = rec.find("kind"); kind && !(kind->is_string() && kind->text() == "outreach"))
    problems.push_back(diag::at(kind->location(), "input.kind", "the input is not an outreach record",
                                "Write kind: outreach, or leave kind out."));
  if (const Node* v = rec.find("version"); v && !(v->is_integer() && v->as_integer() == 1))
    problems.push_back(diag::at(v->location(), "input.version", "this release writes outreach records of version 1",
                                "Write version: 1, or leave version out."));
}

std::string overlay(Node& rec, const OutreachInput& in) {
  rec.set("kind", Node::string("outreach"));
  rec.set("version", Node::integer(1));
  for (const auto& [key, value] : {std::pair{"date", &in.date}, {"country", &in.country}, {"type", &in.type},
                                   {"notes", &in.notes}})
    if (!value->empty()) rec.set(key, Node::string(*value));
  for (const auto& [key, value] : {std::pair{"participants", &in.participants}, {"leaflets", &in.leaflets}})
    if (!value->empty()) rec.set(key, Node::integer(*whole_number(*value)));
  if (in.organisations.empty()) return {};
  Node orgs = Node::sequence();
  std::string usage;
  for (const auto& spec : in.organisations) {
    auto org = organisation(spec, usage);
    if (!org) return usage;
    orgs.push_back(std::move(*org));
  }
  rec.set("organisations", std::move(orgs));
  return {};
}

// The date and country make the ID, so they are checked here rather than
// left to the schema.
void check_id_parts(const Node& rec, BuiltOutreach& out) {
  for (const auto& [key, flag] : {std::pair{"date", "--date DATE"}, {"country", "--country CC"}})
    if (!rec.find(key) && out.usage.empty()) out.usage = fmt::format("give {} (or {} in the --from input)", flag, key);
  if (!out.usage.empty()) return;
  const Node& date = *rec.find("date");
  if (!date.is_string() || !util::Date::parse(date.text()))
    out.problems.push_back(diag::at(date.location(), "input.date", "date is not a date",
                                    "Write the day as \"YYYY-MM-DD\", a day that exists."));
  const Node& country = *rec.find("country");
  if (!country.is_string() || !schema::is_country(country.text()))
    out.problems.push_back(diag::at(country.location(), "input.country", "country is not a country code",
                                    "Write an ISO 3166-1 alpha-2 code in capitals, e.g. AT (the UK is GB)."));
}

}  // namespace

const std::vector<std::string>& outreach_types() {
  static const std::vector<std::string> values = schema_enum("/properties/type");
  return values;
}

const std::vector<std::string>& organisation_kinds() {
  static const std::vector<std::string> values = schema_enum("/properties/organisations/items/properties/kind");
  return values;
}

BuiltOutreach build_outreach(const OutreachInput& input, const std::optional<Node>& from) {
  BuiltOutreach out;
  out.usage = check_flags(input);
  if (!out.usage.empty()) return out;
  Node rec = from ? *from : Node::mapping();
  check_fixed(rec, out.problems);
  out.usage = overlay(rec, input);
  if (out.usage.empty()) check_id_parts(rec, out);
  if (out.usage.empty() && out.problems.empty()) out.record = std::move(rec);
  return out;
}

// The record with its ID, or the exit code of why there is none.
std::optional<Node> outreach_record(const cli::Workspace& w, const OutreachAddFlags& flags, SeriesChoice& series,
                                    int& code) {
  diag::Diagnostics problems;
  std::optional<Node> from;
  if (!flags.from.empty() && !(from = cli::read_input(flags.from, problems))) {
    cli::print_problems(problems, kProgram);
    code = cli::kFindings;
    return std::nullopt;
  }
  BuiltOutreach built = build_outreach(flags.input, from);
  if (!built.usage.empty()) {
    cli::print_error(kProgram, built.usage);
    code = cli::kUsage;
    return std::nullopt;
  }
  if (!built.record) {
    cli::print_problems(built.problems, kProgram);
    code = cli::kFindings;
    return std::nullopt;
  }
  std::string country = built.record->find("country")->text();
  int year = util::Date::parse(built.record->find("date")->text())->year();
  series = series_for_new_ids(w.folder);
  if (!series.error.empty()) {
    cli::print_error(kProgram, series.error);
    code = cli::kFindings;
    return std::nullopt;
  }
  auto id = next_outreach_id(w.session.root, country, year, series.series);
  if (id && series.chosen_now) cli::print_error(kProgram, "note: " + series_note(series, *id));
  if (!id) {
    cli::print_error(kProgram, fmt::format("no outreach ID left for {} in {}", country, year));
    code = cli::kFindings;
    return std::nullopt;
  }
  built.record->set("id", Node::string(*id));
  return built.record;
}

int outreach_add_command(const cli::GlobalOptions& global, const OutreachAddFlags& flags) {
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, /*read_identity=*/false, code, cli::writing(flags.dry_run));
  if (!w) return code;
  SeriesChoice series;
  auto record = outreach_record(*w, flags, series, code);
  if (!record) return code;
  std::string id = record->find("id")->text();
  change::Request request{"care-intake outreach add", id, {}, flags.dry_run, false};
  request.records.push_back({records::Kind::Outreach, id, {}, std::move(*record), std::nullopt});
  change::Outcome outcome = change::apply(w->session, w->folder, std::move(request));
  if (!flags.dry_run && !outcome.written.empty())
    if (std::string error = keep_series(w->session.root, series); !error.empty())
      outcome.failure = fmt::format("warning: the record was written, but this clone's series could not be "
                                    "recorded: {}; the next registration picks a new one", error);
  code = change::report(outcome, kProgram);
  // The ID alone, so that a script can take it: id=$(care-intake outreach add ...); also when
  // the record was written but not committed to git (7).
  if ((code == cli::kOk || code == cli::kNotCommitted) && !flags.dry_run) std::puts(id.c_str());
  return code;
}

}  // namespace care::intake
