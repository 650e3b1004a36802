// care-monitor show: the timeline of a case after return.
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "monitor/instrument.h"
#include "monitor/monitor.h"
#include "monitor/schedule.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/utf8.h"

namespace care::monitor {
namespace {

// Events in date order; on the same day, in the order they were added.
using Timeline = std::multimap<util::Date, std::string>;

// A score's label by the survey's thresholds, when the contact was scored
// with this very version of the survey (another version may label otherwise).
std::string labelled(const doc::Node& contact, const Instrument* survey, const doc::Node& score) {
  if (!survey || records::text(contact, "sustainability.instrument") != survey->name ||
      records::text(contact, "sustainability.instrument_version") != survey->version)
    return score.text();
  return fmt::format("{} ({})", score.text(), survey->label(score.as_number()));
}

void add_contacts(Timeline& t, const records::Case& c, const Instrument* survey) {
  for (const auto& r : c.contacts) {
    auto on = records::date(r.root, "date");
    if (!on || !r.valid) continue;
    auto number = records::integer(r.root, "number");
    std::string line = fmt::format("contact{} by {}{}", number ? fmt::format(" {}", *number) : std::string(" (unscheduled)"),
                                   records::text(r.root, "mode"),
                                   records::flag(r.root, "reached") == true ? "" : ": not reached");
    if (auto risk = records::text(r.root, "risk.overall"); !risk.empty()) line += fmt::format(", risk {}", risk);
    std::string scores;
    for (const char* d : {"economic", "social", "psychosocial"})
      if (const doc::Node* s = records::field(r.root, std::string("sustainability.scores.") + d))
        scores += fmt::format(" {} {}", d, labelled(r.root, survey, *s));
    if (!scores.empty()) line += ", scores" + scores;
    for (const auto& f : records::list(r.root, "flags"))
      line += fmt::format(", flag {}{}", records::text(f, "flag"),
                          records::field(f, "cleared") ? fmt::format(" (cleared {})", records::text(f, "cleared.date")) : " (open)");
    t.emplace(*on, line);
  }
}

void add_schedule(Timeline& t, const records::Case& c, const util::Date& today) {
  for (const auto& s : schedule_of(c)) {
    std::string state = s.done_on ? fmt::format("done {}", s.done_on->str())
                        : s.due < today ? fmt::format("overdue by {} days", util::days_between(s.due, today))
                                        : std::string("open");
    t.emplace(s.due, fmt::format("contact {} due ({})", s.number, state));
  }
}

void add_closure(Timeline& t, const records::Case& c) {
  if (!records::usable(c.closure)) return;
  const auto& root = c.closure->root;
  if (auto on = records::date(root, "date")) t.emplace(*on, fmt::format("closed: {}", records::text(root, "reason")));
  for (const auto& r : records::list(root, "reopened")) {
    if (auto on = records::date(r, "date")) t.emplace(*on, fmt::format("reopened: {}", records::text(r, "reason")));
    if (auto again = records::date(r, "closed_again")) t.emplace(*again, "closed again");
  }
}

}  // namespace

std::string timeline_text(const records::Case& c, const util::Date& today, const Instrument* survey) {
  Timeline t;
  if (auto dep = records::date(c.journey->root, "departure")) t.emplace(*dep, "departure");
  if (auto arr = records::arrival_date(c))
    t.emplace(*arr, fmt::format("arrival in {}", records::text(c.journey->root, "destination.country")));
  if (records::usable(c.monitoring_plan))
    if (auto agreed = records::date(c.monitoring_plan->root, "agreed")) t.emplace(*agreed, "monitoring plan agreed");
  add_schedule(t, c, today);
  add_contacts(t, c, survey);
  add_closure(t, c);
  std::string out = fmt::format("{} as of {}: {}\n", c.id, today.str(), records::stage_name(records::stage_of(c)));
  for (const auto& [on, what] : t) out += fmt::format("  {}  {}\n", on.str(), what);
  return out;
}

int show_command(const cli::GlobalOptions& g, const ShowFlags& f) {
  return cli::with_case(g, kProgram, f.id, false, folder::Access::Read, [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (!records::usable(c.journey)) {
      cli::print_error(kProgram, fmt::format("{} has not returned: there is no monitoring to show", f.id));
      return cli::kFindings;
    }
    auto file = w.session.root / kInstrumentFile;
    auto loaded = load_instrument(file.string(), file.string());  // no survey, or a broken one: no labels
    std::string text = timeline_text(c, w.session.today, loaded.instrument ? &*loaded.instrument : nullptr);
    std::fputs(util::visible(text, true).c_str(), stdout);
    return cli::kOk;
  });
}

}  // namespace care::monitor
