// care-intake outreach list: one line per information meeting or dispatch.
#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "doc/yaml_io.h"
#include "intake/intake.h"
#include "intake/outreach.h"
#include "records/fields.h"
#include "util/table.h"

namespace care::intake {
using doc::Node;
namespace {

OutreachRow row_of(const records::Record& r) {
  OutreachRow row;
  row.id = r.where.owner;
  row.date = records::text(r.root, "date");
  row.country = records::text(r.root, "country");
  row.type = records::text(r.root, "type");
  row.organisations = records::list(r.root, "organisations").size();
  row.participants = records::integer(r.root, "participants");
  row.leaflets = records::integer(r.root, "leaflets");
  return row;
}

bool in_range(const records::Record& r, const std::optional<util::Date>& from, const std::optional<util::Date>& to) {
  if (!from && !to) return true;
  auto d = records::date(r.root, "date");
  return d && (!from || *d >= *from) && (!to || *d <= *to);
}

std::string count_text(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string(); }

Node count_node(const std::optional<std::int64_t>& n) { return n ? Node::integer(*n) : Node::null(); }

std::string render_json(const std::vector<OutreachRow>& rows) {
  Node list = Node::sequence();
  for (const auto& r : rows) {
    Node n = Node::mapping();
    n.set("id", Node::string(r.id));
    n.set("date", r.date.empty() ? Node::null() : Node::string(r.date));
    n.set("country", r.country.empty() ? Node::null() : Node::string(r.country));
    n.set("type", r.type.empty() ? Node::null() : Node::string(r.type));
    n.set("organisations", Node::integer(static_cast<std::int64_t>(r.organisations)));
    n.set("participants", count_node(r.participants));
    n.set("leaflets", count_node(r.leaflets));
    list.push_back(std::move(n));
  }
  Node top = Node::mapping();
  top.set("version", Node::integer(1));
  top.set("outreach", std::move(list));
  return doc::emit_json(top, false);
}

util::Table table_of(const std::vector<OutreachRow>& rows, bool for_people) {
  util::Table t;
  t.header = for_people ? std::vector<std::string>{"ID", "DATE", "COUNTRY", "TYPE", "ORGANISATIONS", "PARTICIPANTS", "LEAFLETS"}
                        : std::vector<std::string>{"id", "date", "country", "type", "organisations", "participants", "leaflets"};
  using util::Align;
  t.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right};
  std::string none = for_people ? "-" : "";
  auto or_none = [&](std::string s) { return s.empty() ? none : s; };
  for (const auto& r : rows)
    t.rows.push_back({r.id, or_none(r.date), or_none(r.country), or_none(r.type), std::to_string(r.organisations),
                      or_none(count_text(r.participants)), or_none(count_text(r.leaflets))});
  return t;
}

std::optional<util::Date> date_flag(const std::string& flag, const std::string& text, bool& bad) {
  if (text.empty()) return std::nullopt;
  auto d = util::Date::parse(text);
  if (!d) {
    cli::print_error(kProgram, fmt::format("{} \"{}\" is not a date: write YYYY-MM-DD with a day that exists", flag, text));
    bad = true;
  }
  return d;
}

}  // namespace

std::vector<OutreachRow> outreach_rows(const records::Folder& folder, const std::optional<util::Date>& from,
                                       const std::optional<util::Date>& to) {
  std::vector<OutreachRow> rows;
  for (const auto& r : folder.outreach)
    if (in_range(r, from, to)) rows.push_back(row_of(r));
  return rows;
}

std::string render_outreach(const std::vector<OutreachRow>& rows, std::string_view format) {
  if (format == "json") return render_json(rows);
  if (format == "csv") return util::render_csv(table_of(rows, false));
  return util::render_aligned(table_of(rows, true));
}

int outreach_list_command(const cli::GlobalOptions& global, const OutreachListFlags& flags) {
  bool bad = false;
  auto from = date_flag("--from", flags.from, bad);
  auto to = date_flag("--to", flags.to, bad);
  if (bad) return cli::kUsage;
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, /*read_identity=*/false, code);
  if (!w) return code;
  std::fputs(render_outreach(outreach_rows(w->folder, from, to), flags.format).c_str(), stdout);
  return cli::kOk;
}

}  // namespace care::intake
