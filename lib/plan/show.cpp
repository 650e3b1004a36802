#include "plan/show.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "plan/plan.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/json_text.h"
#include "util/utf8.h"

namespace care::plan {
using doc::Node;
namespace {

struct Line {
  std::int64_t id;
  std::string phase, type, status, currency, provider;
  util::Amount planned, delivered;
  util::Amount remaining() const { return status == "cancelled" ? util::Amount() : planned - delivered; }
};

std::vector<Line> lines(const Node& plan) {
  std::vector<Line> out;
  for (const auto& item : records::list(plan, "items")) {
    Line l{records::integer(item, "id").value_or(0), records::text(item, "phase"), records::text(item, "type"),
           records::text(item, "status"), "", records::text(item, "provider"), {}, {}};
    if (auto b = records::money(item, "budget")) {
      l.planned = b->amount;
      l.currency = b->currency;
    }
    for (const auto& d : records::list(item, "deliveries"))
      if (auto m = records::money(d, "amount"); m && m->currency == l.currency) l.delivered += m->amount;
    out.push_back(std::move(l));
  }
  return out;
}

// Totals count the program's currency only: other currencies carry an
// exchange note and cannot be added without a rate.
struct Totals {
  util::Amount planned, delivered, remaining;
};
Totals totals(const std::vector<Line>& ls, const std::string& currency) {
  Totals t;
  for (const auto& l : ls) {
    if (l.currency != currency) continue;
    if (l.status != "cancelled") t.planned += l.planned;
    t.delivered += l.delivered;
    t.remaining += l.remaining();
  }
  return t;
}

std::string state(const Node& plan) {
  return is_agreed(plan) ? fmt::format("agreed on {}", records::text(plan, "agreement.date"))
                         : fmt::format("draft of {}", records::text(plan, "drafted"));
}

}  // namespace

std::string show_text(const records::Case& c, const folder::Config& cfg) {
  const Node& plan = c.plan->root;
  auto ls = lines(plan);
  std::string out = fmt::format("plan of {}: {}\n", c.id, state(plan));
  out += fmt::format("{:>4}  {:<14} {:<22} {:<10} {:>11} {:>11} {:>11} {}\n", "item", "phase", "type", "status",
                     "planned", "delivered", "remaining", "cur");
  for (const auto& l : ls)
    out += fmt::format("{:>4}  {:<14} {:<22} {:<10} {:>11} {:>11} {:>11} {}\n", l.id, l.phase, l.type, l.status,
                       l.planned.str(), l.delivered.str(), l.remaining().str(), l.currency);
  Totals t = totals(ls, cfg.currency);
  out += fmt::format("{:>4}  {:<14} {:<22} {:<10} {:>11} {:>11} {:>11} {}\n", "", "total", "", "", t.planned.str(),
                     t.delivered.str(), t.remaining.str(), cfg.currency);
  out += fmt::format("cap {} {}", cfg.cap_per_person.str(), cfg.currency);
  if (const Node* over = records::field(plan, "over_cap"))
    out += fmt::format("; over the cap: {}", records::text(*over, "reason"));
  return out + "\n";
}

std::string show_json(const records::Case& c, const folder::Config& cfg) {
  const Node& plan = c.plan->root;
  auto ls = lines(plan);
  Totals t = totals(ls, cfg.currency);
  auto j = [](const std::string& s) { return util::json_string(s); };
  std::string items;
  for (const auto& l : ls)
    items += fmt::format("{}{{\"id\":{},\"phase\":{},\"type\":{},\"status\":{},\"currency\":{},\"planned\":{},"
                         "\"delivered\":{},\"remaining\":{}}}",
                         items.empty() ? "" : ",", l.id, j(l.phase), j(l.type), j(l.status), j(l.currency),
                         j(l.planned.str()), j(l.delivered.str()), j(l.remaining().str()));
  const Node* over = records::field(plan, "over_cap");
  return fmt::format(
      "{{\"version\":1,\"case\":{},\"drafted\":{},\"agreed\":{},\"currency\":{},\"cap\":{},\"over_cap\":{},"
      "\"items\":[{}],\"total\":{{\"planned\":{},\"delivered\":{},\"remaining\":{}}}}}\n",
      j(c.id), j(records::text(plan, "drafted")),
      is_agreed(plan) ? j(records::text(plan, "agreement.date")) : "null", j(cfg.currency),
      j(cfg.cap_per_person.str()), over ? j(records::text(*over, "reason")) : "null", items, j(t.planned.str()),
      j(t.delivered.str()), j(t.remaining.str()));
}

int show_command(const cli::GlobalOptions& g, const ShowFlags& f) {
  return cli::with_case(g, kProgram, f.id, false, folder::Access::Read, [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (!c.plan || !c.plan->valid) {
      cli::print_error(kProgram, c.plan ? fmt::format("{} does not pass its schema; run care-report check", c.plan->file)
                                         : fmt::format("{} has no plan", f.id));
      return cli::kFindings;
    }
    std::string out = f.format == "json" ? show_json(c, w.session.config) : util::visible(show_text(c, w.session.config), true);
    std::fputs(out.c_str(), stdout);
    return cli::kOk;
  });
}

}  // namespace care::plan
