#include "monitor/schedule.h"

#include <algorithm>

#include <fmt/format.h>

#include "records/facts.h"
#include "records/fields.h"
#include "util/json_text.h"
#include "util/text.h"
#include "util/table.h"

namespace care::monitor {
using doc::Node;

std::vector<Scheduled> schedule_of(const records::Case& c) {
  std::vector<Scheduled> out;
  if (!records::usable(c.monitoring_plan)) return out;
  for (const auto& entry : records::list(c.monitoring_plan->root, "contacts")) {
    auto number = records::integer(entry, "number");
    auto due = records::date(entry, "due");
    if (!number || !due) continue;
    Scheduled s{*number, *due, std::nullopt};
    for (const auto& move : records::list(entry, "moved"))
      if (auto to = records::date(move, "to")) s.due = *to;
    out.push_back(s);
  }
  for (const auto& contact : c.contacts) {
    if (!contact.valid || records::flag(contact.root, "reached") != true) continue;
    auto number = records::integer(contact.root, "number");
    auto on = records::date(contact.root, "date");
    for (auto& s : out)
      if (number == s.number && on && (!s.done_on || *on < *s.done_on)) s.done_on = on;
  }
  std::sort(out.begin(), out.end(), [](const Scheduled& a, const Scheduled& b) { return a.number < b.number; });
  return out;
}

Node make_plan(const std::string& id, const util::Date& arrival, const std::vector<int>& months,
               const std::string& agreed, const std::vector<std::string>& modes, const std::string& partner,
               bool case_months) {
  Node plan = Node::mapping();
  plan.set("kind", Node::string("monitoring_plan"));
  plan.set("version", Node::integer(1));
  plan.set("case", Node::string(id));
  plan.set("agreed", Node::string(agreed));
  Node mode_list = Node::sequence();
  for (const auto& m : modes) mode_list.push_back(Node::string(m));
  plan.set("modes", std::move(mode_list));
  if (!partner.empty()) plan.set("partner", Node::string(partner));
  if (case_months) {
    Node list = Node::sequence();
    for (int m : months) list.push_back(Node::integer(m));
    plan.set("months", std::move(list));
  }
  Node contacts = Node::sequence();
  for (std::size_t i = 0; i < months.size(); ++i) {
    Node c = Node::mapping();
    c.set("number", Node::integer(static_cast<std::int64_t>(i) + 1));
    c.set("due", Node::string(arrival.add_months(months[i]).str()));
    contacts.push_back(std::move(c));
  }
  plan.set("contacts", std::move(contacts));
  return plan;
}

MonthList parse_months(const std::string& list) {
  MonthList out;
  std::string rest = list;
  while (true) {
    auto comma = rest.find(',');
    std::string word = rest.substr(0, comma);
    word.erase(0, word.find_first_not_of(' '));
    word.erase(word.find_last_not_of(' ') + 1);
    auto number = util::whole_number(word);
    if (!number || *number < 1 || *number > 24) {
      out.problem = word.empty() ? fmt::format("--months \"{}\" has an empty entry", list)
                                 : fmt::format("--months: \"{}\" is not a month from 1 to 24", word);
      return out;
    }
    int month = static_cast<int>(*number);
    if (std::find(out.months.begin(), out.months.end(), month) != out.months.end()) {
      out.problem = fmt::format("--months: month {} is given twice", month);
      return out;
    }
    out.months.push_back(month);
    if (comma == std::string::npos) break;
    rest = rest.substr(comma + 1);
  }
  std::sort(out.months.begin(), out.months.end());
  return out;
}

Node make_safety_plan(const std::vector<std::string>& calls, const std::vector<std::string>& safe_places,
                      const std::string& report_contact_by) {
  Node plan = Node::mapping();
  Node call = Node::sequence();
  for (const auto& c : calls) call.push_back(Node::string(c));
  plan.set("call", std::move(call));
  if (!safe_places.empty()) {
    Node places = Node::sequence();
    for (const auto& p : safe_places) places.push_back(Node::string(p));
    plan.set("safe_places", std::move(places));
  }
  plan.set("report_contact_by", Node::string(report_contact_by));
  return plan;
}

std::optional<std::int64_t> next_number(const records::Case& c) {
  for (const auto& s : schedule_of(c))
    if (!s.done_on) return s.number;
  return std::nullopt;
}

std::vector<OpenFlag> open_flags(const records::Case& c) {
  std::vector<OpenFlag> out;
  for (const auto& open : records::open_flags(c))
    out.push_back({c.id, open.contact->where.stem, records::text(*open.flag, "flag")});
  return out;
}

std::vector<OpenFlag> open_flags(const records::Case& c, const util::Date& as_of, int flag_days) {
  std::vector<OpenFlag> out;
  bool closed = records::is_closed(c);
  for (const auto& open : records::open_flags(c)) {
    OpenFlag f{c.id, open.contact->where.stem, records::text(*open.flag, "flag")};
    f.case_closed = closed;
    auto raised = records::date(open.contact->root, "date");
    if (raised) {
      f.days_open = util::days_between(*raised, as_of);
      bool contact_since = false;
      for (const auto& later : c.contacts) {
        auto on = records::date(later.root, "date");
        contact_since = contact_since || (later.valid && records::flag(later.root, "reached") == true && on &&
                                          *raised < *on && *on <= as_of);
      }
      f.escalated = !closed && !contact_since && f.days_open > flag_days;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::size_t DueReport::escalated() const {
  return static_cast<std::size_t>(std::count_if(flags.begin(), flags.end(), [](const OpenFlag& f) { return f.escalated; }));
}

std::size_t DueReport::overdue() const {
  return static_cast<std::size_t>(std::count_if(due.begin(), due.end(), [](const DueLine& d) { return d.days_late > 0; }));
}

DueReport due_report(const records::Folder& folder, const util::Date& as_of, int within) {
  DueReport r{as_of, within, {}, {}, {}, {}};
  for (const auto& [id, c] : folder.cases) {
    if (!c.main || !c.journey) continue;
    // A case closed over open flags keeps them listed until they are cleared.
    auto flags = monitor::open_flags(c, as_of, folder.config.flag_days);
    r.flags.insert(r.flags.end(), flags.begin(), flags.end());
    if (records::is_closed(c)) continue;
    int months = records::monitoring_months(c, folder.config.monitoring_months).back();
    if (!c.monitoring_plan) {
      r.without_plan.push_back(id);
      continue;
    }
    if (auto arrival = records::arrival_date(c); arrival && arrival->add_months(months) <= as_of)
      r.ended_open.emplace_back(id, arrival->add_months(months));
    for (const auto& s : schedule_of(c)) {
      long late = util::days_between(s.due, as_of);
      if (!s.done_on && late >= -within) r.due.push_back({id, s.number, s.due, late});
    }
  }
  std::sort(r.due.begin(), r.due.end(), [](const DueLine& a, const DueLine& b) {
    return std::tie(b.days_late, a.case_id, a.number) < std::tie(a.days_late, b.case_id, b.number);
  });
  std::stable_partition(r.flags.begin(), r.flags.end(), [](const OpenFlag& f) { return f.escalated; });
  return r;
}

namespace {
// "1 day", "2 days".
std::string days(long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }
}  // namespace

std::string due_text(const DueReport& r) {
  std::string out = fmt::format("monitoring contacts as of {} (due within {} days)\n", r.as_of.str(), r.within);
  // Risk flags first, the escalated ones at the top: they are about a
  // person's safety, and must not hide below a long list of contacts.
  for (const auto& f : r.flags)
    out += f.escalated
               ? fmt::format("  {}  ESCALATED risk flag {} raised at the contact of {}: open {}, no contact since\n",
                             f.case_id, f.flag, f.contact_date, days(f.days_open))
               : fmt::format("  {}  risk flag {} raised at the contact of {}{}\n", f.case_id, f.flag, f.contact_date,
                             f.case_closed ? " (case closed)" : "");
  if (r.due.empty()) out += "  none due\n";
  for (const auto& d : r.due)
    out += fmt::format("  {}  contact {}  due {}  {}\n", d.case_id, d.number, d.due.str(),
                       d.days_late > 0   ? fmt::format("{} late", days(d.days_late))
                       : d.days_late == 0 ? std::string("due today")
                                          : fmt::format("in {}", days(-d.days_late)));
  for (const auto& id : r.without_plan) out += fmt::format("  {}  returned, but has no monitoring plan\n", id);
  for (const auto& [id, ended] : r.ended_open)
    out += fmt::format("  {}  monitoring ended {}, but the case is still open\n", id, ended.str());
  return out;
}

std::string due_json(const DueReport& r) {
  auto j = [](const std::string& s) { return util::json_string(s); };
  std::string due, plans, ended, flags;
  for (const auto& d : r.due)
    due += fmt::format("{}{{\"case\":{},\"contact\":{},\"due\":{},\"days_late\":{},\"status\":{}}}", due.empty() ? "" : ",",
                       j(d.case_id), d.number, j(d.due.str()), d.days_late, j(d.days_late > 0 ? "overdue" : "due"));
  for (const auto& id : r.without_plan) plans += (plans.empty() ? "" : ",") + j(id);
  for (const auto& [id, on] : r.ended_open)
    ended += fmt::format("{}{{\"case\":{},\"ended\":{}}}", ended.empty() ? "" : ",", j(id), j(on.str()));
  for (const auto& f : r.flags)
    flags += fmt::format("{}{{\"case\":{},\"contact\":{},\"flag\":{},\"days_open\":{},\"escalated\":{},"
                         "\"case_closed\":{}}}",
                         flags.empty() ? "" : ",", j(f.case_id), j(f.contact_date), j(f.flag), f.days_open,
                         f.escalated ? "true" : "false", f.case_closed ? "true" : "false");
  return fmt::format("{{\"version\":1,\"as_of\":{},\"within_days\":{},\"overdue\":{},\"escalated\":{},"
                     "\"contacts\":[{}],\"without_plan\":[{}],\"ended_open\":[{}],\"open_flags\":[{}]}}\n",
                     j(r.as_of.str()), r.within, r.overdue(), r.escalated(), due, plans, ended, flags);
}

std::string due_csv(const DueReport& r) {
  util::Table t;
  t.header = {"case", "contact", "due", "days_late", "status"};
  for (const auto& d : r.due)
    t.rows.push_back({d.case_id, std::to_string(d.number), d.due.str(), std::to_string(d.days_late),
                      d.days_late > 0 ? "overdue" : "due"});
  return util::render_csv(t);
}

}  // namespace care::monitor
