#include "folder/journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "folder/local.h"

namespace care::folder {
namespace {

constexpr const char* kPending = "pending";
constexpr const char* kCommitted = "committed";
constexpr const char* kManifest = "manifest";
constexpr std::string_view kFirstLine = "care journal 1";
constexpr std::size_t kManifestMax = 1 << 20;

struct Step {
  enum Kind { Claim, Put, Remove, Commit } kind;
  std::string relative;  // for Commit: the message
  std::string staged;    // for Put: the file's name in the journal
};

std::string errno_reason(std::string_view what, std::string_view name) {
  return fmt::format("cannot {} {}: {}", what, name, std::strerror(errno));
}

// "cases/AT-2014-001/plan.yaml" -> {"cases/AT-2014-001", "plan.yaml"}; "outreach" -> {"", "outreach"}.
std::pair<std::string, std::string> split_parent(const std::string& relative) {
  auto slash = relative.rfind('/');
  if (slash == std::string::npos) return {{}, relative};
  return {relative.substr(0, slash), relative.substr(slash + 1)};
}

// The folder `parent` beneath the root ("" is the root itself).
util::Fd open_parent(int root, const std::string& parent, bool create, std::string& error) {
  return parent.empty() ? util::Fd(::dup(root)) : util::open_beneath(root, parent, create, error);
}

// Only records' places: a manifest, even a planted one, can name nothing else.
bool is_record_place(const std::string& relative) {
  auto parts = util::path_components(relative);
  return parts.size() >= 2 && (parts[0] == "cases" || parts[0] == "outreach");
}

// What a change may write: a record's place, or the settings (care-intake
// keys changes the recipients and re-encrypts in one change).
bool is_put_place(const std::string& relative) { return relative == "care.toml" || is_record_place(relative); }

// A folder a change may make: a record's place, or cases/ or outreach/
// itself (the first outreach record of a folder makes outreach/).
bool is_claim_place(const std::string& relative) {
  auto parts = util::path_components(relative);
  return is_record_place(relative) || (parts.size() == 1 && (parts[0] == "cases" || parts[0] == "outreach"));
}

std::string manifest_of(const std::vector<Step>& steps) {
  std::string text = std::string(kFirstLine) + "\n";
  for (const auto& s : steps)
    text += s.kind == Step::Claim    ? fmt::format("claim\t{}\n", s.relative)
            : s.kind == Step::Put    ? fmt::format("put\t{}\t{}\n", s.staged, s.relative)
            : s.kind == Step::Remove ? fmt::format("remove\t{}\n", s.relative)
                                     : fmt::format("commit\t{}\n", s.relative);
  return text + "end\n";
}

std::optional<std::vector<Step>> parse_manifest(const std::string& text) {
  std::vector<Step> steps;
  std::size_t start = 0;
  bool first = true, ended = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) return std::nullopt;  // cut short
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (first) {
      if (line != kFirstLine) return std::nullopt;
      first = false;
    } else if (line == "end") {
      ended = true;
    } else if (line.starts_with("commit\t") && line.size() > 7) {
      steps.push_back({Step::Commit, line.substr(7), {}});
    } else if (line.starts_with("remove\t") && is_record_place(line.substr(7))) {
      steps.push_back({Step::Remove, line.substr(7), {}});
    } else if (line.starts_with("claim\t") && is_claim_place(line.substr(6))) {
      steps.push_back({Step::Claim, line.substr(6), {}});
    } else if (auto tab = line.find('\t', 4); line.starts_with("put\t") && tab != std::string::npos &&
                                               line.compare(4, 1, "f") == 0 && is_put_place(line.substr(tab + 1))) {
      steps.push_back({Step::Put, line.substr(tab + 1), line.substr(4, tab - 4)});
    } else {
      return std::nullopt;
    }
  }
  if (!ended) return std::nullopt;
  return steps;
}

util::Fd open_journal(int root, bool create, std::string& error) {
  util::Fd local = open_local(root, create, error);
  return local ? util::open_beneath(local.get(), "journal", create, error) : util::Fd();
}

// Removes a claimed folder if it is empty (a claim never filled). Claims
// are removed deepest first, so a folder claimed inside another is gone by
// the time the outer one is removed; anything else keeps a folder in place.
void remove_if_empty(int root, const std::string& relative) {
  auto [parent, name] = split_parent(relative);
  std::string error;
  util::Fd up = open_parent(root, parent, false, error);
  if (!up) return;
  if (::unlinkat(up.get(), name.c_str(), AT_REMOVEDIR) == 0) util::sync_folder(up.get());
}

void remove_journal_folder(int journal, const char* which) {
  std::string error;
  if (util::Fd dir = util::open_beneath(journal, which, false, error)) {
    for (const auto& name : util::names_in(dir.get())) ::unlinkat(dir.get(), name.c_str(), 0);
    util::sync_folder(dir.get());
  }
  ::unlinkat(journal, which, AT_REMOVEDIR);
  util::sync_folder(journal);
}

std::optional<std::vector<Step>> read_steps(int journal, const char* which, std::string& error) {
  util::Fd dir = util::open_beneath(journal, which, false, error);
  if (!dir) return std::nullopt;
  auto text = util::read_small_file(dir.get(), kManifest, kManifestMax, error);
  if (!text) return std::nullopt;
  auto steps = parse_manifest(*text);
  if (!steps) error = fmt::format("the journal's manifest ({}/{}) is damaged", which, kManifest);
  return steps;
}

// A change never committed: its claims and staged files go.
void roll_back(int root, int journal) {
  std::string error;
  if (auto steps = read_steps(journal, kPending, error))
    for (auto s = steps->rbegin(); s != steps->rend(); ++s)  // the deepest folder first
      if (s->kind == Step::Claim) remove_if_empty(root, s->relative);
  remove_journal_folder(journal, kPending);
}

// Removes a file of the change; one already gone (by an earlier run cut
// short) is done.
bool remove_file(int root, const std::string& parent, const std::string& name, std::map<std::string, util::Fd>& parents,
                 std::string& error) {
  util::Fd& dir = parents[parent];
  if (!dir) dir = open_parent(root, parent, false, error);
  if (!dir) return false;  // the folder held the file when the change was staged
  if (::unlinkat(dir.get(), name.c_str(), 0) == 0 || errno == ENOENT) return true;
  error = errno_reason("remove", parent + "/" + name);
  return false;
}

// A committed change: every staged file still in the journal is renamed
// into place. Run again after a crash, it picks up where it stopped.
std::string roll_forward(int root, int journal, std::string& file, Recovered* commit = nullptr) {
  std::string error;
  // The manifest is the last file taken out of a completed journal (the
  // staged files, "f1"..., were renamed into place before it): an empty
  // journal was completed, and only the removal of its folder was cut short.
  if (util::Fd done = util::open_beneath(journal, kCommitted, false, error); done && util::names_in(done.get()).empty()) {
    remove_journal_folder(journal, kCommitted);
    return util::entry_at(journal, kCommitted) ? errno_reason("remove", "the completed journal") : std::string();
  }
  auto steps = read_steps(journal, kCommitted, error);
  if (!steps) return error;
  util::Fd staged = util::open_beneath(journal, kCommitted, false, error);
  std::map<std::string, util::Fd> parents;
  for (const auto& s : *steps) {
    if (s.kind == Step::Commit) {
      if (commit) commit->commit_message = s.relative;
      continue;
    }
    if ((s.kind == Step::Put || s.kind == Step::Remove) && commit) commit->files.push_back(s.relative);
    auto [parent, name] = split_parent(s.relative);
    file = s.relative;
    if (s.kind == Step::Remove) {
      if (!remove_file(root, parent, name, parents, error)) return error;
      continue;
    }
    util::Fd& dir = parents[s.kind == Step::Claim ? s.relative : parent];
    if (!dir) dir = open_parent(root, s.kind == Step::Claim ? s.relative : parent, true, error);
    if (!dir) return error;
    if (s.kind == Step::Claim || !util::entry_at(staged.get(), s.staged)) continue;  // done before a crash
    if (::renameat(staged.get(), s.staged.c_str(), dir.get(), name.c_str()) != 0)
      return errno_reason("put in place", s.relative);
  }
  for (auto& [relative, dir] : parents) util::sync_folder(dir.get());
  file.clear();
  return {};
}

// A link, or anything but a folder, on the way to a record, or anything but
// a file where it goes: the folder must be mended by hand, so refuse.
std::string in_the_way(int root, const std::string& relative) {
  auto parts = util::path_components(relative);
  util::Fd here(::dup(root));
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    walked += (walked.empty() ? "" : "/") + parts[i];
    auto entry = util::entry_at(here.get(), parts[i]);
    if (!entry) return {};  // made by the change
    bool last = i + 1 == parts.size();
    if (entry->kind == 'l') return fmt::format("{} is a symbolic link, which is never followed", walked);
    if (last && entry->kind != 'f') return fmt::format("{} is not a regular file", walked);
    if (!last && entry->kind != 'd') return fmt::format("{} is not a folder", walked);
    if (last) return {};
    std::string error;
    here = util::open_beneath(here.get(), parts[i], false, error);
    if (!here) return error;
  }
  return {};
}

// Refuses a target that changed since it was read.
std::string check_target(int root, const StagedFile& f) {
  auto [parent, name] = split_parent(f.relative);
  std::string error;
  util::Fd dir = open_parent(root, parent, false, error);
  std::optional<util::Entry> now = dir ? util::entry_at(dir.get(), name) : std::nullopt;
  if (!dir && f.replaces) return error;
  if (!f.replaces && now) return "it was created by someone else after this command read the folder";
  if (f.replaces && !now) return "it was removed after this command read it";
  if (f.replaces && now->stamp != *f.replaces) return "it changed after this command read it";
  return {};
}

std::string check_read(int root, const ReadFile& r) {
  auto [parent, name] = split_parent(r.relative);
  std::string error;
  util::Fd dir = open_parent(root, parent, false, error);
  auto now = dir ? util::entry_at(dir.get(), name) : std::nullopt;
  return now && now->stamp == r.stamp ? "" : "it changed after this command read it";
}

PublishOutcome conflict_in(const ChangeSet& change, int root) {
  for (const auto& c : change.claims)
    if (auto why = in_the_way(root, c); !why.empty()) return {Published::Refused, c, why};
  for (const auto& f : change.files)
    if (auto why = in_the_way(root, f.relative); !why.empty()) return {Published::Refused, f.relative, why};
  for (const auto& r : change.removes)
    if (auto why = in_the_way(root, r.relative); !why.empty()) return {Published::Refused, r.relative, why};
  for (const auto& r : change.judged_on)
    if (auto why = check_read(root, r); !why.empty()) return {Published::Conflict, r.relative, why};
  for (const auto& r : change.removes)
    if (auto why = check_read(root, r); !why.empty()) return {Published::Conflict, r.relative, why};
  for (const auto& f : change.files)
    if (auto why = check_target(root, f); !why.empty()) return {Published::Conflict, f.relative, why};
  return {};
}

// Writes the staged files and the manifest into journal/pending.
PublishOutcome stage(int journal, const ChangeSet& change, const std::vector<std::string>& claims) {
  std::vector<Step> steps;
  for (const auto& c : claims) steps.push_back({Step::Claim, c, {}});
  if (::mkdirat(journal, kPending, 0700) != 0) return {Published::NothingChanged, ".care/local/journal", errno_reason("create", "the journal")};
  std::string error;
  util::Fd pending = util::open_beneath(journal, kPending, false, error);
  if (!pending) return {Published::NothingChanged, ".care/local/journal", error};
  for (std::size_t i = 0; i < change.files.size(); ++i) {
    std::string name = fmt::format("f{}", i + 1);
    if (auto e = util::write_new_file(pending.get(), name, change.files[i].content); !e.empty())
      return {Published::NothingChanged, change.files[i].relative, e};
    steps.push_back({Step::Put, change.files[i].relative, name});
  }
  for (const auto& r : change.removes) steps.push_back({Step::Remove, r.relative, {}});
  if (!change.commit_message.empty()) steps.push_back({Step::Commit, change.commit_message, {}});
  if (auto e = util::write_new_file(pending.get(), kManifest, manifest_of(steps)); !e.empty())
    return {Published::NothingChanged, ".care/local/journal", e};
  util::sync_folder(pending.get());
  return {};
}

// The claimed folders, made now so that a clash is seen before anything happens.
PublishOutcome claim(int root, const std::vector<std::string>& claims) {
  for (const auto& c : claims) {
    auto [parent, name] = split_parent(c);
    std::string error;
    util::Fd up = open_parent(root, parent, true, error);
    if (!up) return {Published::NothingChanged, c, error};
    if (::mkdirat(up.get(), name.c_str(), 0700) != 0)
      return {errno == EEXIST ? Published::Conflict : Published::NothingChanged, c,
              errno == EEXIST ? std::string("the folder exists already") : errno_reason("create", c)};
    util::sync_folder(up.get());
  }
  return {};
}

// The folders on the way to the files that do not exist yet ("monitoring"
// of a case's first contact), shallowest first, so that they are claimed:
// made as part of the change, and removed again if it never happens.
std::vector<std::string> missing_folders(int root, const ChangeSet& change) {
  std::vector<std::string> missing;
  for (const auto& f : change.files) {
    util::Fd here(::dup(root));
    std::string walked;
    bool absent = false;
    for (const auto& part : util::path_components(split_parent(f.relative).first)) {
      walked += (walked.empty() ? "" : "/") + part;
      if (!absent) {
        auto e = util::entry_at(here.get(), part);
        if (e && e->kind != 'd') break;  // a link or a file: refused when the folder is opened
        absent = !e;
        std::string error;
        if (!absent) here = util::open_beneath(here.get(), part, false, error);
        if (!absent && !here) break;
      }
      if (absent && is_claim_place(walked) && std::find(missing.begin(), missing.end(), walked) == missing.end())
        missing.push_back(walked);
    }
  }
  for (const auto& c : change.claims)
    if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
  return missing;
}

// The folders the files go into, made before the change is committed, so
// that committing leaves nothing to do but renames.
PublishOutcome make_parents(int root, const ChangeSet& change) {
  for (const auto& f : change.files) {
    std::string error;
    if (!open_parent(root, split_parent(f.relative).first, true, error))
      return {Published::NothingChanged, f.relative, error};
  }
  return {};
}

}  // namespace

PublishOutcome publish(int root, const ChangeSet& change) {
  std::string error;
  util::Fd journal = open_journal(root, true, error);
  if (!journal) return {Published::NothingChanged, ".care/local/journal", error};
  if (has_unfinished(root)) return {Published::Unfinished, {}, "an earlier change is still unfinished"};
  if (auto found = conflict_in(change, root); found.result != Published::Done) return found;
  std::vector<std::string> claims = missing_folders(root, change);
  PublishOutcome out = stage(journal.get(), change, claims);
  if (out.result == Published::Done) out = claim(root, claims);
  if (out.result == Published::Done) out = make_parents(root, change);
  if (out.result == Published::Done && ::renameat(journal.get(), kPending, journal.get(), kCommitted) != 0)
    out = {Published::NothingChanged, ".care/local/journal", errno_reason("commit", "the journal")};
  if (out.result != Published::Done) {
    roll_back(root, journal.get());
    return out;
  }
  util::sync_folder(journal.get());  // the change has happened
  std::string file;
  if (auto e = roll_forward(root, journal.get(), file); !e.empty()) return {Published::Unfinished, file, e};
  if (change.commit_message.empty()) remove_journal_folder(journal.get(), kCommitted);
  return {};
}

void forget_change(int root) {
  std::string error;
  if (util::Fd journal = open_journal(root, false, error)) remove_journal_folder(journal.get(), kCommitted);
}

bool has_unfinished(int root) {
  std::string error;
  util::Fd journal = open_journal(root, false, error);
  return journal && (util::entry_at(journal.get(), kPending) || util::entry_at(journal.get(), kCommitted));
}

Recovered recover(int root) {
  Recovered out;
  util::Fd journal = open_journal(root, false, out.error);
  out.error.clear();
  if (!journal) return out;
  if (util::entry_at(journal.get(), kPending)) roll_back(root, journal.get());
  if (!util::entry_at(journal.get(), kCommitted)) return out;
  std::string file;
  if (std::string why = roll_forward(root, journal.get(), file, &out); !why.empty()) {
    out.error = fmt::format("{}{}", why, file.empty() ? "" : fmt::format(" ({})", file));
    return out;
  }
  if (out.commit_message.empty()) remove_journal_folder(journal.get(), kCommitted);
  return out;
}

}  // namespace care::folder
