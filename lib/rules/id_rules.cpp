// Each record names the case it belongs to, and that name must be the folder
// it sits in: a record copied into the wrong folder is caught here.
#include <fmt/format.h>

#include "rules/internal.h"

namespace care::rules {
using records::Record;

namespace {

void owner_matches(const Context& cx, const Record& r) {
  std::string_view key = r.where.kind == records::Kind::Case ? "id" : "case";
  const doc::Node* n = records::field(r.root, key);
  if (!n || !n->is_string() || n->text() == r.where.owner) return;
  cx.report(n->location(), "id-matches-folder",
            fmt::format("{} \"{}\" does not match the folder {}", key, n->text(), r.where.owner),
            "Move the file to the folder of its case, or correct the ID inside it.");
}

void dated_name_matches(const Context& cx, const Record& r) {
  if (r.where.stem.empty()) return;
  const doc::Node* n = records::field(r.root, "date");
  if (!n || !n->is_string()) return;
  if (r.where.stem.substr(0, 10) == n->text()) return;
  cx.report(n->location(), "file-date",
            fmt::format("date {} does not match the file name {}.yaml", n->text(), r.where.stem),
            "Rename the file after the date inside it, or correct the date.");
}

}  // namespace

void check_ids(const Context& cx, const records::Case& c) {
  each_record(c, [&](const Record& r) {
    if (!r.valid) return;
    owner_matches(cx, r);
    dated_name_matches(cx, r);
  });
  if (!c.main) {
    each_record(c, [&](const Record& r) {
      cx.report_file(r, "case-missing", fmt::format("case {} has no case.yaml", c.id),
                     "Register the case with care-intake new, or move this file to its case's folder.");
    });
  }
}

void check_outreach(const Context& cx, const Record& r) {
  if (!r.valid) return;
  const doc::Node* id = records::field(r.root, "id");
  if (id && id->is_string() && id->text() != r.where.owner)
    cx.report(id->location(), "id-matches-folder",
              fmt::format("id \"{}\" does not match the file name {}.yaml", id->text(), r.where.owner),
              "Rename the file after the ID inside it, or correct the ID.");
  auto when = records::date(r.root, "date");
  const auto& cfg = cx.config();
  if (when && (*when < cfg.start || *when > cfg.end))
    cx.report(records::where(r.root, "date"), "outside-program",
              fmt::format("outreach on {} is outside the program ({} to {})", when->str(), cfg.start.str(), cfg.end.str()),
              "Check the date; only the program's own activities belong here.", diag::Severity::Warning);
  if (when && *when > cx.today)
    cx.report(records::where(r.root, "date"), "future",
              fmt::format("date {} is in the future (today is {})", when->str(), cx.today.str()),
              "Record events once they have happened; check the year.");
}

}  // namespace care::rules
