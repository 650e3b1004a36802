#include "change/change.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "folder/git.h"
#include "folder/journal.h"
#include "folder/local.h"
#include "identity/age.h"
#include "records/facts.h"
#include "records/fields.h"
#include "records/writer.h"
#include "rules/rules.h"
#include "doc/yaml_io.h"
#include "schema/catalog.h"
#include "util/utf8.h"

namespace care::change {
namespace fs = std::filesystem;
namespace {

struct Rendered {
  records::Record record;
  std::string relative;
  std::string yaml;  // what is written: the record's YAML, or its age envelope
  bool removed = false;
};

// The schema link for editors, when `care-intake init` set the folder up for them.
std::string schema_link(const cli::Session& s, const fs::path& file, records::Kind kind) {
  fs::path schemas = s.root / ".care" / "schemas";
  std::error_code ec;
  if (!fs::is_directory(schemas, ec)) return {};
  return (schemas / records::info(kind).schema_file).lexically_relative(file.parent_path()).generic_string();
}

// A person's own text: parsed and validated as it is, written as it is.
records::WriteOutcome take_as_written(const std::string& text, const std::string& shown, records::Kind kind) {
  records::WriteOutcome out;
  out.yaml = text;
  auto parsed = doc::parse(text, shown);
  out.problems = std::move(parsed.problems);
  if (!parsed.root) return out;
  out.problems = schema::validate(schema::catalog(), *parsed.root, schema::uri_for(records::info(kind).schema_file));
  out.parsed = std::move(parsed.root);
  return out;
}

// An identity record is kept encrypted when the folder says so; what
// cannot be encrypted is not written at all.
void seal_identity(const cli::Session& s, Rendered& r, diag::Diagnostics& problems) {
  if (!s.config.encrypt || !r.record.valid) return;
  auto sealed = identity::seal(s.config, identity::office_of(r.record.where.owner), r.yaml);
  if (!sealed.text) {
    problems.push_back(diag::in_file(r.record.file, "identity.seal", fmt::format("cannot encrypt: {}", sealed.error),
                                     "Nothing was written; the identity is never written unencrypted in this folder."));
    return;
  }
  r.relative = records::sealed_identity_path(r.record.where.owner);
  r.record.file = folder::display_path(s.root / r.relative, s.cwd);
  r.record.absolute = s.root / r.relative;
  r.record.sealed = true;  // as it will be read: the rules judge the folder after the change
  r.yaml = std::move(*sealed.text);
}

Rendered removal(const cli::Session& s, const Pending& p) {
  Rendered r;
  r.removed = true;
  r.relative = records::path_of(p.kind, p.owner, p.stem);
  r.record.where = records::Placement{p.kind, p.owner, p.stem};
  r.record.absolute = s.root / r.relative;
  r.record.file = folder::display_path(r.record.absolute, s.cwd);
  return r;
}

Rendered render(const cli::Session& s, Pending p, bool drop_comments, diag::Diagnostics& problems) {
  if (p.remove) return removal(s, p);
  Rendered r;
  r.relative = records::path_of(p.kind, p.owner, p.stem);
  fs::path absolute = s.root / r.relative;
  std::string shown = folder::display_path(absolute, s.cwd);
  records::WriteRequest w{absolute, shown, p.kind, std::move(p.record), false, drop_comments, schema_link(s, absolute, p.kind)};
  auto out = p.text ? take_as_written(*p.text, shown, p.kind) : records::render_record(std::move(w));
  if (p.kind == records::Kind::Identity)  // messages may end up in logs: never quote an identity
    for (auto& d : out.problems) records::redact(d, out.parsed ? &*out.parsed : nullptr);
  problems.insert(problems.end(), out.problems.begin(), out.problems.end());
  r.yaml = std::move(out.yaml);
  r.record.where = records::Placement{p.kind, p.owner, p.stem};
  r.record.file = shown;
  r.record.absolute = absolute;
  r.record.valid = out.parsed.has_value() && out.problems.empty();
  if (out.parsed) r.record.root = std::move(*out.parsed);
  if (p.kind == records::Kind::Identity) seal_identity(s, r, problems);
  return r;
}

// Takes a record out of its case (a removal).
void take_out(records::Folder& folder, const records::Placement& where) {
  auto it = folder.cases.find(where.owner);
  if (it == folder.cases.end()) return;
  records::Case& c = it->second;
  auto same = [&](const records::Record& r) { return r.where.stem == where.stem; };
  switch (where.kind) {
    case records::Kind::Identity: c.identity.reset(); break;
    case records::Kind::Minor: c.minor.reset(); break;
    case records::Kind::Plan: c.plan.reset(); break;
    case records::Kind::Return: c.journey.reset(); break;
    case records::Kind::MonitoringPlan: c.monitoring_plan.reset(); break;
    case records::Kind::Closure: c.closure.reset(); break;
    case records::Kind::Assessment: std::erase_if(c.assessments, same); break;
    case records::Kind::Contact: std::erase_if(c.contacts, same); break;
    case records::Kind::Case:
    case records::Kind::Outreach: break;  // never removed
  }
}

// Puts a record into a case, replacing the one of the same kind (and date).
void place(records::Folder& folder, records::Record record) {
  const auto& where = record.where;
  if (where.kind == records::Kind::Outreach) {
    std::erase_if(folder.outreach, [&](const records::Record& r) { return r.where.owner == where.owner; });
    folder.outreach.push_back(std::move(record));
    return;
  }
  records::Case& c = folder.cases[where.owner];
  c.id = where.owner;
  auto dated = [&](std::vector<records::Record>& list) {
    std::erase_if(list, [&](const records::Record& r) { return r.where.stem == where.stem; });
    list.push_back(std::move(record));
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.where.stem < b.where.stem; });
  };
  switch (where.kind) {
    case records::Kind::Case: c.main = std::move(record); break;
    case records::Kind::Identity: c.identity = std::move(record); break;
    case records::Kind::Minor: c.minor = std::move(record); break;
    case records::Kind::Plan: c.plan = std::move(record); break;
    case records::Kind::Return: c.journey = std::move(record); break;
    case records::Kind::MonitoringPlan: c.monitoring_plan = std::move(record); break;
    case records::Kind::Closure: c.closure = std::move(record); break;
    case records::Kind::Assessment: dated(c.assessments); break;
    case records::Kind::Contact: dated(c.contacts); break;
    case records::Kind::Outreach: break;
  }
}

// Only the cases (and outreach records) the change touches, so that the
// rules judge what the change affects.
records::Folder affected(const records::Folder& folder, const std::vector<Rendered>& changes) {
  records::Folder out;
  out.root = folder.root;
  out.config = folder.config;
  for (const auto& r : changes) {
    if (r.record.where.kind == records::Kind::Outreach) continue;
    auto it = folder.cases.find(r.record.where.owner);
    if (it != folder.cases.end()) out.cases.emplace(it->first, it->second);
  }
  return out;
}

using Key = std::tuple<std::string, int, std::string, std::string>;
Key key_of(const diag::Diagnostic& d) { return {d.file, d.line, d.code, d.message}; }

bool is_condition(const diag::Diagnostic& d, const std::vector<std::string>& conditions) {
  for (const auto& prefix : conditions)
    if (d.code.starts_with(prefix)) return true;
  return false;
}

// Errors the change would bring: any in the files it writes, any new one
// elsewhere, and any of the request's conditions, new or not.
diag::Diagnostics new_rule_errors(const records::Folder& before, const records::Folder& after,
                                  const std::vector<Rendered>& changes, const util::Date& today,
                                  const std::vector<std::string>& conditions) {
  std::set<Key> old;
  for (const auto& d : rules::check(before, today)) old.insert(key_of(d));
  std::set<std::string> written;
  for (const auto& r : changes) written.insert(r.record.file);
  diag::Diagnostics out;
  for (auto& d : rules::check(after, today))
    if (d.severity == diag::Severity::Error &&
        (written.count(d.file) || !old.count(key_of(d)) || is_condition(d, conditions)))
      out.push_back(std::move(d));
  return out;
}

std::string commit_message(const cli::Session& s, const Request& request) {
  if (!s.config.git_commit) return {};
  std::string message = fmt::format("{}: {}", request.command, request.subject);
  return request.detail.empty() ? message : message + " " + request.detail;
}

void commit(const cli::Session& s, const Request& request, const folder::ChangeSet& set, Outcome& out) {
  if (!s.config.git_commit) return;
  std::vector<std::string> files;
  for (const auto& f : set.files) files.push_back(f.relative);
  for (const auto& r : set.removes) files.push_back(r.relative);
  std::string error = folder::git_commit(s.root, files, commit_message(s, request), cli::started());
  if (error.empty()) return;
  out.exit_code = cli::kNotCommitted;
  out.failure = fmt::format("the records were written but not committed to git: {}", error);
}

// The record of the same kind (and date) the command read, if any.
const records::Record* read_record(const records::Folder& folder, const records::Placement& where) {
  const records::Record* found = nullptr;
  auto same = [&](const records::Record& r) { return r.where.kind == where.kind && r.where.stem == where.stem; };
  if (where.kind == records::Kind::Outreach) {
    for (const auto& r : folder.outreach)
      if (r.where.owner == where.owner) found = &r;
  } else if (auto it = folder.cases.find(where.owner); it != folder.cases.end()) {
    records::for_each_record(it->second, [&](const records::Record& r) {
      if (same(r)) found = &r;
    });
  }
  return found;
}

// What the change publishes, and every record of its cases it was judged on.
folder::ChangeSet change_set(const records::Folder& folder, const std::vector<Rendered>& changes,
                             const Request& request, std::string commit_message) {
  folder::ChangeSet set;
  set.claims = request.claims;
  set.files = request.companions;
  set.commit_message = std::move(commit_message);
  std::set<std::string> written;
  for (const auto& r : changes) {
    const records::Record* before = read_record(folder, r.record.where);
    std::string old_path = before ? records::relative_path(*before) : std::string();
    // The record's file as read goes when the change removes it, or writes
    // it in the other form (encrypted where it was plain, or back).
    if (before && before->stamp && (r.removed || old_path != r.relative)) set.removes.push_back({old_path, *before->stamp});
    if (before) written.insert(old_path);
    if (r.removed) continue;
    set.files.push_back({r.relative, r.yaml, old_path == r.relative ? before->stamp : std::nullopt});
    written.insert(r.relative);
  }
  for (const auto& r : changes) {
    auto it = folder.cases.find(r.record.where.owner);
    if (it == folder.cases.end()) continue;
    records::for_each_record(it->second, [&](const records::Record& judged) {
      std::string relative = records::relative_path(judged);
      if (judged.stamp && written.insert(relative).second) set.judged_on.push_back({relative, *judged.stamp});
    });
  }
  return set;
}

void explain_unpublished(const folder::PublishOutcome& p, Outcome& out) {
  std::string file = p.file.empty() ? "the case folder" : p.file;
  switch (p.result) {
    case folder::Published::Done: return;
    case folder::Published::NothingChanged:
      out.exit_code = cli::kWriteFailed;
      out.failure = fmt::format("{}: {}; nothing was changed (check the disk space and permissions)", file, p.reason);
      return;
    case folder::Published::Refused:
      out.exit_code = cli::kFindings;
      out.failure = fmt::format("{}; nothing was written. Put the record itself (or a real folder) in its place; "
                                "care-report check lists what is in the way.", p.reason);
      return;
    case folder::Published::Conflict:
      out.exit_code = cli::kBusy;
      out.failure = fmt::format("{}: {}; nothing was changed. Run the command again.", file, p.reason);
      return;
    case folder::Published::Unfinished:
      out.exit_code = cli::kUnfinished;
      out.failure = fmt::format("{}: {}. The change is recorded in {}/journal and the next care command "
                                "completes it once the cause is mended.", file, p.reason, folder::kLocalFolder);
      return;
  }
}

void preview(const std::vector<Rendered>& changes, Outcome& out) {
  for (const auto& r : changes)
    out.preview += r.removed ? fmt::format("--- {} (not removed: dry run)\n", r.record.file)
                   : r.record.where.kind == records::Kind::Identity  // previews end up in logs too
                       ? fmt::format("--- {} (not written: dry run; identity values are not shown)\n", r.record.file)
                       : fmt::format("--- {} (not written: dry run)\n{}", r.record.file, r.yaml);
}

// The exclusive lock: held since the session opened for most commands, taken
// now by one that read without it (an edit, after the editor closed), or by
// a session made without one (a test's).
std::shared_ptr<folder::FolderLock> hold_exclusive(const cli::Session& s, Outcome& out) {
  std::shared_ptr<folder::FolderLock> lock = s.lock;
  folder::LockResult r = folder::LockResult::Failed;
  if (lock) {
    r = lock->hold_exclusive();
  } else {
    lock = std::make_shared<folder::FolderLock>();
    std::string error;
    r = lock->take(s.root, folder::Access::Write, cli::lock_wait(error).value_or(std::chrono::seconds(10)),
                   "a care command");
  }
  if (r == folder::LockResult::Taken) return lock;
  out.exit_code = r == folder::LockResult::Busy         ? cli::kBusy
                  : r == folder::LockResult::Unfinished ? cli::kUnfinished
                                                        : cli::kWriteFailed;
  out.failure = lock->message() + "; nothing was changed";
  return nullptr;
}

// Once the person has withdrawn consent to the processing of their data, the
// file is only closed (or erased), or the consent given again.
diag::Diagnostics withdrawn_consent(const cli::Session& s, const records::Folder& folder, const Request& request) {
  diag::Diagnostics out;
  if (request.allowed_after_withdrawal) return out;
  std::set<std::string> seen;
  for (const auto& p : request.records) {
    auto it = folder.cases.find(p.owner);
    if (it == folder.cases.end() || !records::usable(it->second.main) || !seen.insert(p.owner).second) continue;
    const records::Case& c = it->second;
    if (records::is_ineligible(c) || records::consent_in_force(c, "data_processing", s.today)) continue;
    bool withdrawn = false;
    for (const auto& entry : records::list(c.main->root, "consents"))
      withdrawn = withdrawn || (records::text(entry, "purpose") == "data_processing" &&
                                records::text(entry, "action") == "withdrawn");
    if (withdrawn)
      out.push_back(diag::in_file(c.main->file, "consent.withdrawn",
                                  fmt::format("{}: consent to the processing of the person's data is withdrawn", c.id),
                                  fmt::format("Nothing more is recorded but the closure of the case (care-monitor "
                                              "close {}) or the consent given again (care-intake consent {} --grant "
                                              "data_processing).", c.id, c.id)));
  }
  return out;
}

}  // namespace

// An erased case keeps only what statistics need, and stays so.
diag::Diagnostics erased_case(const records::Folder& folder, const Request& request) {
  diag::Diagnostics out;
  if (request.erasing) return out;
  std::set<std::string> seen;
  for (const auto& p : request.records) {
    auto it = folder.cases.find(p.owner);
    if (it == folder.cases.end() || !records::usable(it->second.main) || !seen.insert(p.owner).second) continue;
    std::string when = records::text(it->second.main->root, "erased");
    if (!when.empty())
      out.push_back(diag::in_file(it->second.main->file, "case.erased",
                                  fmt::format("{} was erased on {}; an erased case is not changed again", p.owner, when),
                                  "Register the person as a new case if they come back (care-intake new)."));
  }
  return out;
}

Outcome apply(const cli::Session& s, const records::Folder& folder, Request request) {
  Outcome out;
  out.problems = erased_case(folder, request);
  if (out.problems.empty()) out.problems = withdrawn_consent(s, folder, request);
  if (!out.problems.empty()) {
    out.exit_code = cli::kFindings;
    return out;
  }
  std::vector<Rendered> changes;
  for (auto& p : request.records) changes.push_back(render(s, std::move(p), request.drop_comments, out.problems));
  if (out.problems.empty()) {
    records::Folder before = affected(folder, changes);
    records::Folder after = before;
    for (const auto& r : changes) r.removed ? take_out(after, r.record.where) : place(after, r.record);
    out.problems = new_rule_errors(before, after, changes, s.today, request.conditions);
  }
  if (!out.problems.empty()) {
    diag::sort(out.problems);
    out.exit_code = cli::kFindings;
    return out;
  }
  if (request.dry_run) {
    preview(changes, out);
    return out;
  }
  auto lock = hold_exclusive(s, out);
  if (!lock) return out;
  folder::ChangeSet set = change_set(folder, changes, request, commit_message(s, request));
  folder::PublishOutcome published = folder::publish(lock->root_fd(), set);
  explain_unpublished(published, out);
  if (published.result != folder::Published::Done) return out;
  for (const auto& f : set.files) out.written.push_back(folder::display_path(s.root / f.relative, s.cwd));
  for (const auto& r : set.removes) out.removed.push_back(folder::display_path(s.root / r.relative, s.cwd));
  commit(s, request, set, out);
  folder::forget_change(lock->root_fd());  // committed, or the failure said how to commit by hand
  return out;
}

int report(const Outcome& outcome, std::string_view program) {
  cli::print_problems(outcome.problems, program);
  if (!outcome.problems.empty() && outcome.exit_code == cli::kFindings)
    cli::print_error(program, "nothing was written");
  std::fputs(util::visible(outcome.preview, true).c_str(), stdout);  // a record's text, shown on a terminal
  if (!outcome.failure.empty()) cli::print_error(program, outcome.failure);
  return outcome.exit_code;
}

}  // namespace care::change
