// record and clear-flag: one file per monitoring contact, named by its date.
#include <cstdio>
#include <functional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "folder/case_folder.h"
#include "monitor/instrument.h"
#include "monitor/monitor.h"
#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/text.h"

namespace care::monitor {
using doc::Node;

int refused(std::string message, std::string hint);
int write_one(const cli::GlobalOptions& g, const Writing& f, records::Kind kind, const std::string& command,
              const std::function<int(const cli::Workspace&, const records::Case&, const std::string& on, Node&, std::string& stem)>& make);

namespace {

// "KEY=VALUE[:note]" split in three; false when there is no "=".
bool split_spec(const std::string& spec, std::string& key, std::string& value, std::string& note) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  auto colon = spec.find(':', eq);
  key = spec.substr(0, eq);
  value = spec.substr(eq + 1, colon == std::string::npos ? std::string::npos : colon - eq - 1);
  note = colon == std::string::npos ? "" : spec.substr(colon + 1);
  return true;
}

Node keyed(std::string_view key_name, const std::string& key, std::string_view value_name, Node value, const std::string& note) {
  Node n = Node::mapping();
  n.set(std::string(key_name), Node::string(key));
  n.set(std::string(value_name), std::move(value));
  if (!note.empty()) n.set("note", Node::string(note));
  return n;
}

// Appends parsed specs to a list field; returns what is wrong with a bad spec, if any.
std::optional<std::string> add_specs(Node& record, std::string_view field, const std::vector<std::string>& specs,
                                     std::string_view key_name, std::string_view value_name, bool integer_key) {
  if (specs.empty()) return std::nullopt;
  Node* list = records::field(record, field);
  Node fresh = Node::sequence();
  for (const auto& spec : specs) {
    std::string key, value, note;
    if (!split_spec(spec, key, value, note)) return fmt::format("\"{}\" should be KEY=VALUE or KEY=VALUE:note", spec);
    Node entry = keyed(key_name, key, value_name, Node::string(value), note);
    if (integer_key) {
      auto number = util::whole_number(key);  // "2x" is no item number
      if (!number)
        return fmt::format("\"{}\": \"{}\" is not an {} number (the plan numbers its items 1, 2, 3...)", spec, key,
                           key_name);
      entry.set(std::string(key_name), Node::integer(*number));
    }
    (list ? *list : fresh).push_back(std::move(entry));
  }
  if (!list) records::put(record, field, std::move(fresh));
  return std::nullopt;
}

void add_flags(Node& record, const std::vector<std::string>& flags) {
  for (const auto& spec : flags) {
    auto colon = spec.find(':');
    Node f = Node::mapping();
    f.set("flag", Node::string(spec.substr(0, colon)));
    if (colon != std::string::npos) f.set("note", Node::string(spec.substr(colon + 1)));
    if (!record.find("flags")) record.set("flags", Node::sequence());
    record.find("flags")->push_back(std::move(f));
  }
}

// Scores the answers with the folder's survey; an unknown question or a score
// off its scale refuses the contact.
int add_sustainability(const cli::Workspace& w, Node& record, const std::vector<std::string>& answers) {
  if (answers.empty()) return 0;
  auto file = w.session.root / kInstrumentFile;
  auto loaded = load_instrument(file.string(), folder::display_path(file, w.session.cwd));
  if (!loaded.instrument) {
    cli::print_problems(loaded.problems, kProgram);
    return cli::kFindings;
  }
  std::vector<std::pair<std::string, int>> given;
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const auto& a : answers) {
    auto eq = a.find('=');
    auto value = eq == std::string::npos ? std::nullopt : util::whole_number(a.substr(eq + 1));
    if (!value || *value > 1'000'000) problems.push_back(fmt::format("\"{}\" should be QUESTION=SCORE", a));
    else if (!seen.insert(a.substr(0, eq)).second)
      problems.push_back(fmt::format("question {} is answered twice", a.substr(0, eq)));
    else given.emplace_back(a.substr(0, eq), static_cast<int>(*value));
  }
  // The well-formed answers are scored even when others are not, so that
  // every bad answer is named at once.
  Scores s = score(*loaded.instrument, given, problems);
  if (!problems.empty())
    return refused(fmt::format("{}", fmt::join(problems, "; ")),
                   "Give each question once, as --answer QUESTION=SCORE with a question and a score of "
                   "sustainability.toml (for example --answer econ.income=3).");
  Node sus = Node::mapping();
  sus.set("instrument", Node::string(loaded.instrument->name));
  sus.set("instrument_version", Node::string(loaded.instrument->version));
  Node answered = Node::mapping();
  for (const auto& [id, value] : given) answered.set(id, Node::integer(value));
  sus.set("answers", std::move(answered));
  Node scores = Node::mapping();
  auto put = [&](const char* name, const std::optional<double>& v) {
    if (v) scores.set(name, Node::number(*v, fmt::format("{:.2f}", *v)));
  };
  put("economic", s.economic);
  put("social", s.social);
  put("psychosocial", s.psychosocial);
  if (scores.size() > 0) sus.set("scores", std::move(scores));
  record.set("sustainability", std::move(sus));
  return 0;
}

int build_contact(const cli::Workspace& w, const records::Case& c, const RecordFlags& f, const std::string& on, Node& record) {
  if (records::is_closed(c))
    return refused(fmt::format("{} is closed and takes no new contacts", c.id), "Reopen it first: care-monitor reopen.");
  for (const auto& existing : c.contacts)
    if (existing.where.stem == on)
      return refused(fmt::format("{} already has a contact on {}", c.id, on),
                     fmt::format("Edit that one: care-monitor edit {} contact --date {}", c.id, on));
  record.set("kind", Node::string("contact"));
  record.set("version", Node::integer(1));
  record.set("case", Node::string(c.id));
  record.set("date", Node::string(on));
  if (!f.mode.empty()) record.set("mode", Node::string(f.mode));
  bool reached = !f.not_reached;
  if (!record.find("reached")) record.set("reached", Node::boolean(reached));
  std::optional<std::int64_t> number = f.number > 0 ? std::optional<std::int64_t>(f.number) : next_number(c);
  if (number && !record.find("number")) record.set("number", Node::integer(*number));
  std::optional<std::string> bad = add_specs(record, "items", f.items, "item", "progress", true);
  if (!bad) bad = add_specs(record, "risk.factors", f.risks, "factor", "level", false);
  if (bad) return refused(*bad, "See care-monitor record --help.");
  if (!f.overall_risk.empty()) records::put_text(record, "risk.overall", f.overall_risk);
  if (!f.wellbeing.empty()) {
    auto colon = f.wellbeing.find(':');
    records::put_text(record, "wellbeing.level", f.wellbeing.substr(0, colon));
    if (colon != std::string::npos) records::put_text(record, "wellbeing.note", f.wellbeing.substr(colon + 1));
  }
  if (!f.child_protection_seen.empty()) record.set("child_protection_seen", Node::boolean(f.child_protection_seen == "yes"));
  add_flags(record, f.flags);
  if (!f.view.empty()) record.set("view", Node::string(f.view));
  if (!f.notes.empty()) record.set("notes", Node::string(f.notes));
  return add_sustainability(w, record, f.answers);
}

}  // namespace

int record_command(const cli::GlobalOptions& g, const RecordFlags& f) {
  return write_one(g, f, records::Kind::Contact, "care-monitor record",
                   [&](const cli::Workspace& w, const records::Case& c, const std::string& on, Node& out, std::string& stem) {
                     out = Node::mapping();
                     if (!f.from.empty()) {
                       diag::Diagnostics problems;
                       auto given = cli::read_input(f.from, problems);
                       if (!given) {
                         cli::print_problems(problems, kProgram);
                         return static_cast<int>(cli::kFindings);
                       }
                       out = std::move(*given);
                     }
                     stem = f.date.empty() && out.find("date") ? records::text(out, "date") : on;
                     return build_contact(w, c, f, stem, out);
                   });
}

int clear_command(const cli::GlobalOptions& g, const ClearFlags& f) {
  return write_one(g, f, records::Kind::Contact, "care-monitor clear-flag",
                   [&](const cli::Workspace&, const records::Case& c, const std::string& on, Node& out, std::string& stem) {
                     for (const auto& contact : c.contacts) {
                       if (contact.where.stem != f.contact) continue;
                       out = contact.root;
                       stem = contact.where.stem;
                       Node* flags = records::field(out, "flags");
                       for (std::size_t i = 0; flags && i < flags->items().size(); ++i) {
                         Node& flag = flags->items()[i];
                         if (records::text(flag, "flag") != f.flag || records::field(flag, "cleared")) continue;
                         records::put_text(flag, "cleared.date", on);
                         records::put_text(flag, "cleared.reason", f.reason);
                         return 0;
                       }
                       return refused(fmt::format("the contact of {} has no open {} flag", f.contact, f.flag),
                                      "care-monitor due lists the open flags.");
                     }
                     return refused(fmt::format("{} has no contact on {}", c.id, f.contact), "care-monitor show lists the contacts.");
                   });
}

}  // namespace care::monitor
