#include "intake/listing.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "doc/yaml_io.h"
#include "intake/intake.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/table.h"

namespace care::intake {
using doc::Node;
namespace {

// The first day on which age_on counts 18 years: a 29 February birthday
// comes of age on 1 March.
util::Date eighteenth_birthday(const util::Date& birth) {
  if (auto d = util::Date::from_ymd(birth.year() + 18, birth.month(), birth.day())) return *d;
  return *util::Date::from_ymd(birth.year() + 18, 3, 1);
}

CaseRow row_of(const records::Case& c, const util::Date& today) {
  CaseRow row;
  row.id = c.id;
  row.stage = std::string(records::stage_name(records::stage_of(c)));
  row.referred = records::referral_date(c);
  if (!c.main) return row;
  const Node& main = c.main->root;
  row.host_country = records::text(main, "host_country");
  row.return_country = records::text(main, "return_country");
  row.minor = records::is_minor_case(c);
  auto birth = records::date(main, "date_of_birth");
  if (row.minor && birth && !records::is_minor_on(c, today)) row.adult_since = eighteenth_birthday(*birth);
  return row;
}

std::string date_text(const std::optional<util::Date>& d) { return d ? d->str() : std::string(); }

Node string_or_null(const std::string& s) { return s.empty() ? Node::null() : Node::string(s); }

std::string render_json(const std::vector<CaseRow>& rows) {
  Node cases = Node::sequence();
  for (const auto& r : rows) {
    Node n = Node::mapping();
    n.set("id", Node::string(r.id));
    n.set("stage", Node::string(r.stage));
    n.set("host_country", string_or_null(r.host_country));
    n.set("return_country", string_or_null(r.return_country));
    n.set("minor", Node::boolean(r.minor));
    n.set("adult_since", string_or_null(date_text(r.adult_since)));
    n.set("referred", string_or_null(date_text(r.referred)));
    cases.push_back(std::move(n));
  }
  Node top = Node::mapping();
  top.set("version", Node::integer(1));
  top.set("cases", std::move(cases));
  return doc::emit_json(top, false);
}

std::string minor_text(const CaseRow& r) {
  if (!r.minor) return "no";
  return r.adult_since ? fmt::format("yes (18 since {})", r.adult_since->str()) : "yes";
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string render_table(const std::vector<CaseRow>& rows) {
  util::Table t;
  t.header = {"ID", "STAGE", "HOST", "RETURN", "MINOR", "REFERRED"};
  for (const auto& r : rows)
    t.rows.push_back({r.id, r.stage, or_dash(r.host_country), or_dash(r.return_country), minor_text(r),
                      or_dash(date_text(r.referred))});
  return util::render_aligned(t);
}

std::string render_csv(const std::vector<CaseRow>& rows) {
  util::Table t;
  t.header = {"id", "stage", "host_country", "return_country", "minor", "adult_since", "referred"};
  for (const auto& r : rows)
    t.rows.push_back({r.id, r.stage, r.host_country, r.return_country, r.minor ? "yes" : "no",
                      date_text(r.adult_since), date_text(r.referred)});
  return util::render_csv(t);
}

bool is_country_code(const std::string& s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Flags that need more than CLI11 checks; a one-line reason, or "".
std::string to_filter(const ListFlags& f, CaseFilter& out) {
  out.stages = f.stages;
  for (const auto* cc : {&f.host, &f.return_country})
    if (!cc->empty() && !is_country_code(*cc))
      return fmt::format("\"{}\" is not a country code: write two capital letters, e.g. AT", *cc);
  out.host_country = f.host;
  out.return_country = f.return_country;
  if (f.minor || f.adult) out.minor = f.minor;
  for (auto [text, target] : {std::pair{&f.referred_from, &out.referred_from}, {&f.referred_to, &out.referred_to}}) {
    if (text->empty()) continue;
    *target = util::Date::parse(*text);
    if (!*target) return fmt::format("\"{}\" is not a date: write YYYY-MM-DD with a day that exists", *text);
  }
  return {};
}

}  // namespace

const std::vector<std::string>& stage_names() {
  using records::Stage;
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (Stage s : {Stage::Referred, Stage::Assessed, Stage::Planned, Stage::Returned, Stage::Monitoring,
                    Stage::Closed})
      out.emplace_back(records::stage_name(s));
    return out;
  }();
  return names;
}

std::vector<CaseRow> case_rows(const records::Folder& folder, const util::Date& today) {
  std::vector<CaseRow> rows;
  for (const auto& [id, c] : folder.cases) rows.push_back(row_of(c, today));  // a std::map: in ID order
  return rows;
}

bool matches(const CaseRow& row, const CaseFilter& f) {
  if (!f.stages.empty() && std::find(f.stages.begin(), f.stages.end(), row.stage) == f.stages.end()) return false;
  if (!f.host_country.empty() && row.host_country != f.host_country) return false;
  if (!f.return_country.empty() && row.return_country != f.return_country) return false;
  if (f.minor && row.minor != *f.minor) return false;
  // A case without a referral date cannot be said to fall inside a date range.
  if ((f.referred_from || f.referred_to) && !row.referred) return false;
  if (f.referred_from && *row.referred < *f.referred_from) return false;
  if (f.referred_to && *row.referred > *f.referred_to) return false;
  return true;
}

std::string render_cases(const std::vector<CaseRow>& rows, std::string_view format) {
  if (format == "json") return render_json(rows);
  if (format == "csv") return render_csv(rows);
  return render_table(rows);
}

int list_command(const cli::GlobalOptions& global, const ListFlags& flags) {
  CaseFilter filter;
  if (std::string error = to_filter(flags, filter); !error.empty()) {
    cli::print_error(kProgram, error);
    return cli::kUsage;
  }
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, /*read_identity=*/false, code);
  if (!w) return code;
  std::vector<CaseRow> rows = case_rows(w->folder, w->session.today);
  std::erase_if(rows, [&](const CaseRow& r) { return !matches(r, filter); });
  std::fputs(render_cases(rows, flags.format).c_str(), stdout);
  return cli::kOk;
}

}  // namespace care::intake
