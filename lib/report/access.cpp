#include "report/access.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "records/case_id.h"
#include "util/beneath.h"

namespace care::report {
namespace {

diag::Diagnostic unreadable(const std::string& file, const std::string& why) {
  return diag::in_file(file, "access.unreadable", fmt::format("the access log cannot be read: {}", why),
                       "Make it a regular file (not a link, a folder or a pipe) of the case folder, or remove it; "
                       "no report on part of the logs is given.");
}

auto key(const AccessRead& r) {
  return std::tie(r.access.when, r.case_id, r.access.who, r.access.command, r.access.purpose);
}

bool read_less(const AccessRead& a, const AccessRead& b) {
  if (a.access.when != b.access.when) return a.access.when < b.access.when;
  if (a.case_id != b.case_id) return records::id_less(a.case_id, b.case_id);
  return key(a) < key(b);
}

}  // namespace

void parse_access_log(std::string_view text, const std::string& case_id, const std::string& file, AccessLogs& into) {
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    ++number;
    if (line.empty() || line == "\r") continue;
    if (auto access = identity::parse_line(line)) {
      into.reads.push_back({case_id, std::move(*access)});
      continue;
    }
    diag::Diagnostic d = diag::in_file(file, "access.malformed-line",
                                       "this line is not a read (WHEN, WHO, COMMAND and PURPOSE, separated by tabs); "
                                       "it is left out of the report",
                                       "The tools only ever append well-formed lines: look at the file's history "
                                       "(git log -p) to see where this one came from.",
                                       diag::Severity::Warning);
    d.line = number;
    d.column = 1;
    into.warnings.push_back(std::move(d));
  }
}

AccessLogs read_access_logs(const std::filesystem::path& root, const std::string& only_case) {
  AccessLogs out;
  std::string error;
  util::Fd top = util::open_root(root.string(), error);
  if (!top) {
    out.errors.push_back(unreadable(".", error));
    return out;
  }
  auto cases_entry = util::entry_at(top.get(), "cases");
  if (!cases_entry) return out;  // no case yet
  util::Fd cases = util::open_beneath(top.get(), "cases", false, error);
  if (!cases) {
    out.errors.push_back(unreadable("cases", error));
    return out;
  }
  std::vector<std::string> ids;
  for (auto& name : util::names_in(cases.get()))
    if (records::is_case_id(name) && (only_case.empty() || name == only_case)) ids.push_back(std::move(name));
  std::sort(ids.begin(), ids.end(), records::id_less);
  for (const auto& id : ids) {
    std::string file = identity::access_log_path(id);
    util::Fd dir = util::open_beneath(cases.get(), id, false, error);
    if (!dir) {
      // Not a folder: check reports it; a linked case folder is not followed.
      auto e = util::entry_at(cases.get(), id);
      if (e && e->kind == 'l') out.errors.push_back(unreadable(file, fmt::format("cases/{} is a symbolic link", id)));
      else if (e && e->kind == 'd') out.errors.push_back(unreadable(file, error));
      continue;
    }
    auto entry = util::entry_at(dir.get(), std::string(identity::kAccessLog));
    if (!entry) continue;  // no read of this case's identity yet
    if (entry->kind != 'f') {
      out.errors.push_back(unreadable(file, entry->kind == 'l' ? "it is a symbolic link, not a regular file"
                                                               : entry->kind == 'd' ? "it is a folder, not a regular file"
                                                                                    : "it is not a regular file"));
      continue;
    }
    auto text = util::read_small_file(dir.get(), std::string(identity::kAccessLog), kMaxAccessLogBytes, error);
    if (!text) {
      out.errors.push_back(unreadable(file, error));
      continue;
    }
    parse_access_log(*text, id, file, out);
  }
  return out;
}

Report access_report(const folder::Config& cfg, std::vector<AccessRead> reads, const AccessQuery& q) {
  // The UTC date of a read is the first ten characters of WHEN (parse_line checked them).
  auto day = [](const AccessRead& r) { return util::Date::parse(std::string_view(r.access.when).substr(0, 10)); };
  std::erase_if(reads, [&](const AccessRead& r) {
    auto d = day(r);
    return !d || (q.from && *d < *q.from) || (q.to && *d > *q.to) || (!q.only_case.empty() && r.case_id != q.only_case);
  });
  std::sort(reads.begin(), reads.end(), read_less);
  reads.erase(std::unique(reads.begin(), reads.end(), [](const AccessRead& a, const AccessRead& b) { return key(a) == key(b); }),
              reads.end());

  Report r = begin_report("access", fmt::format("{}: reads of identity records", cfg.name), cfg, Audience::Internal, "");
  r.counts_people = false;
  r.facts.push_back({"program", cfg.name});
  r.facts.push_back({"from", q.from ? q.from->str() : std::string("the first read")});
  r.facts.push_back({"to", q.to ? q.to->str() : std::string("the last read")});
  if (!q.only_case.empty()) r.facts.push_back({"case", q.only_case});
  r.facts.push_back({"reads", std::to_string(reads.size())});

  struct Person {
    int reads = 0;
    std::set<std::string> cases;
    std::string first, last;
  };
  std::map<std::string, Person> people;
  for (const auto& read : reads) {
    Person& p = people[read.access.who];
    ++p.reads;
    p.cases.insert(read.case_id);
    if (p.first.empty()) p.first = read.access.when;  // reads are in time order
    p.last = read.access.when;
  }
  Table by_person{"access_by_person", "Reads per person", {"who", "reads", "cases", "first", "last"}, {}, std::nullopt, false, {}};
  by_person.empty_text = "No read of an identity record in this period.";
  for (const auto& [who, p] : people)
    by_person.rows.push_back({who,
                              {Value::of_count(p.reads), Value::of_count(static_cast<int>(p.cases.size())),
                               Value::of_text(p.first), Value::of_text(p.last)},
                              false});
  Table list{"access_reads", "Reads", {"time", "who", "case", "command", "purpose"}, {}, std::nullopt, false, {}};
  list.left_aligned = true;
  list.empty_text = "None.";
  for (const auto& read : reads)
    list.rows.push_back({read.access.when,
                         {Value::of_text(read.access.who), Value::of_text(read.case_id), Value::of_text(read.access.command),
                          Value::of_text(read.access.purpose)},
                         false});
  r.tables.push_back(std::move(by_person));
  r.tables.push_back(std::move(list));
  r.notes.push_back("Times are UTC. Read from cases/*/access.log only; identical lines (a merge can repeat one) "
                    "count once.");
  return r;
}

}  // namespace care::report
