// care-intake purge: erasure that holds against git history. One clone
// rewrites history with git filter-repo so that every erased case exists
// only in its erased form (and, in an encrypted folder, no plain
// identity.yaml exists in any commit), and force-pushes it; every other
// clone follows (--follow) or is cloned anew. The procedure and what it
// cannot reach (forks, backups, a server's own copies) are in care-intake(1).
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "intake/intake.h"
#include "records/fields.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
#include "util/process.h"
#include "util/text.h"

namespace care::intake {
namespace fs = std::filesystem;
namespace {

struct Git {
  fs::path root;
  util::ProcessResult operator()(std::vector<std::string> args) const {
    args.insert(args.begin(), "git");
    return util::run_captured(args, root.string());
  }
};

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The non-empty lines of git's output.
std::vector<std::string> lines(const std::string& text) {
  auto all = util::split_lines(text);
  std::erase_if(all, [](const std::string& l) { return l.empty(); });
  return all;
}

// Why this clone cannot be rewritten or follow now, or "".
std::string not_ready(const Git& git) {
  auto status = git({"status", "--porcelain"});
  if (status.status != 0) return "this case folder is not in a git work tree";
  if (!status.output.empty()) return "there are uncommitted changes: commit them first (not a stash: a stash keeps old data)";
  if (!trimmed(git({"stash", "list"}).output).empty()) return "git stash holds entries, which keep old versions: drop them (git stash clear)";
  return {};
}

// What history loses, for git filter-repo: the folder of every erased case;
// in an encrypted folder, every plain identity.yaml, and every encrypted
// identity but its current version (so that a removed key opens nothing in
// history). The current files of both are committed again afterwards.
struct Purge {
  std::vector<std::string> paths;  // filter-repo's --paths-from-file lines
  std::vector<std::string> kept;   // git pathspecs (from the top) of the files committed again
  int erased = 0;
};

Purge what_to_purge(const cli::Workspace& w, const std::string& prefix) {
  Purge out;
  for (const auto& [id, c] : w.folder.cases)
    if (c.main && !records::text(c.main->root, "erased").empty()) {
      out.paths.push_back(fmt::format("{}cases/{}/", prefix, id));
      out.kept.push_back(fmt::format(":(top){}cases/{}/", prefix, id));
      ++out.erased;
    }
  if (w.session.config.encrypt) {
    out.paths.push_back(fmt::format("glob:{}cases/*/identity.yaml", prefix));
    out.paths.push_back(fmt::format("glob:{}cases/*/identity.yaml.age", prefix));
    out.kept.push_back(fmt::format(":(top,glob){}cases/*/identity.yaml.age", prefix));
  }
  return out;
}

// A plain identity in an encrypted folder would be lost with its history:
// it is encrypted first (care-intake encrypt).
std::string plain_identity(const cli::Workspace& w) {
  if (!w.session.config.encrypt) return {};
  for (const auto& [id, c] : w.folder.cases)
    if (c.identity && !c.identity->sealed) return id;
  return {};
}

// The erased cases' current files, kept in .care/local/purge while history
// is rewritten (filter-repo removes them from the work tree too).
std::vector<std::pair<std::string, std::string>> keep_current(const Git& git, const std::vector<std::string>& specs,
                                                              const fs::path& save, std::string& error) {
  std::vector<std::pair<std::string, std::string>> kept;
  for (const auto& spec : specs) {
    for (const auto& file : lines(git({"ls-files", "--full-name", "--", spec}).output)) {
      auto shown = git({"show", "HEAD:" + file});
      if (shown.status != 0) continue;
      kept.emplace_back(file, shown.output);
    }
  }
  std::error_code ec;
  for (const auto& [file, text] : kept) {
    fs::create_directories((save / file).parent_path(), ec);
    if (auto e = util::write_atomically((save / file).string(), text); !e.empty()) error = e;
  }
  return kept;
}

int rewrite(const cli::Workspace& w, const PurgeFlags& flags) {
  Git git{w.session.root};
  std::string top = trimmed(git({"rev-parse", "--show-toplevel"}).output);
  std::string prefix = trimmed(git({"rev-parse", "--show-prefix"}).output);
  if (std::string id = plain_identity(w); !id.empty()) {
    cli::print_error(kProgram, fmt::format("{} has a plain identity.yaml, which the purge would remove with its "
                                           "history: run care-intake encrypt first. Nothing was changed.", id));
    return cli::kFindings;
  }
  Purge purge = what_to_purge(w, prefix);
  const auto& paths = purge.paths;
  if (paths.empty()) {
    std::puts("nothing to purge: no case is erased, and identities are not encrypted");
    return cli::kOk;
  }
  if (!flags.yes && !(cli::can_prompt() && cli::ask("This rewrites the history of every branch. Type purge to go on") == "purge")) {
    cli::print_error(kProgram, "not confirmed (give --yes when no one can be asked); nothing was changed");
    return cli::kUsage;
  }
  std::string error;
  Git at_top{top};
  auto kept = keep_current(at_top, purge.kept, w.session.root / ".care" / "local" / "purge", error);
  if (!error.empty()) {
    cli::print_error(kProgram, fmt::format("cannot keep the erased records aside: {}; nothing was changed", error));
    return cli::kWriteFailed;
  }
  // filter-repo removes the remote "origin", and with it what each branch
  // follows: both are put back afterwards.
  auto origin = git({"remote", "get-url", "origin"});
  auto tracking = lines(git({"config", "--get-regexp", "^branch\\..*\\.(remote|merge)$"}).output);
  fs::path list = w.session.root / ".care" / "local" / "purge-paths";
  std::string text;
  for (const auto& p : paths) text += p + "\n";
  util::write_atomically(list.string(), text);
  auto filtered = at_top({"filter-repo", "--force", "--quiet", "--replace-refs", "delete-no-add", "--invert-paths",
                            "--paths-from-file", list.string()});
  if (filtered.status != 0) {
    cli::print_error(kProgram, fmt::format("git filter-repo failed: {}", trimmed(filtered.output)));
    return cli::kWriteFailed;
  }
  // The remote first: whatever happens next, the clone still knows where it pushes.
  if (origin.status == 0 && git({"remote", "get-url", "origin"}).status != 0) {
    git({"remote", "add", "origin", trimmed(origin.output)});
    for (const auto& line : tracking)
      if (auto space = line.find(' '); space != std::string::npos) git({"config", line.substr(0, space), line.substr(space + 1)});
  }
  std::vector<std::string> add = {"add", "--"};
  for (const auto& [file, content] : kept) {
    std::error_code made;
    fs::create_directories((fs::path(top) / file).parent_path(), made);
    if (std::string e = util::write_atomically((fs::path(top) / file).string(), content); !e.empty() || made) {
      cli::print_error(kProgram, fmt::format("history was rewritten, but {} could not be put back: {}. The files are "
                                             "kept in .care/local/purge: copy them back and commit.",
                                             file, e.empty() ? made.message() : e));
      return cli::kNotCommitted;
    }
    add.push_back(file);
  }
  if (!kept.empty()) {
    auto added = at_top(add);
    auto committed = added.status == 0 ? at_top({"commit", "--quiet", "--no-verify", "-m",
                             fmt::format("care-intake purge: history rewritten ({} erased case(s){})", purge.erased,
                                         w.session.config.encrypt ? ", identities at their current version only" : "")})
                                       : added;
    if (committed.status != 0) {
      cli::print_error(kProgram, fmt::format("history was rewritten, but the kept records could not be committed "
                                             "again: {}. They are kept in .care/local/purge: copy them back and commit.",
                                             trimmed(committed.output)));
      return cli::kNotCommitted;
    }
  }
  std::error_code ec;
  fs::remove_all(w.session.root / ".care" / "local" / "purge", ec);
  fs::remove(list, ec);
  std::printf("history rewritten: %zu path(s) purged from every commit\n", paths.size());
  if (!flags.push.empty()) {
    auto pushed = git({"push", "--force", "--all", flags.push});
    auto tags = git({"push", "--force", "--tags", flags.push});
    if (pushed.status != 0 || tags.status != 0) {
      std::string why = trimmed(pushed.status != 0 ? pushed.output : tags.output);
      cli::print_error(kProgram, fmt::format("the rewritten history could not be pushed to {}: {}", flags.push,
                                             why.substr(0, why.find('\n'))));
      return cli::kNotCommitted;
    }
    std::printf("pushed to %s; on the server, expire its reflogs and run git gc --prune=now; every other clone runs "
                "care-intake purge --follow %s\n", flags.push.c_str(), flags.push.c_str());
  }
  return cli::kOk;
}

// Another clone takes the rewritten history and drops every old object.
int follow(const cli::Session& s, const PurgeFlags& flags) {
  Git git{s.root};
  auto upstream = trimmed(git({"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"}).output);
  if (!upstream.starts_with(flags.follow + "/")) {
    cli::print_error(kProgram, fmt::format("this branch does not follow a branch of {}; clone the folder anew "
                                           "(care-intake clone)", flags.follow));
    return cli::kFindings;
  }
  for (const auto& remote : lines(git({"remote"}).output))
    if (remote != flags.follow) {
      cli::print_error(kProgram, fmt::format("the remote {} keeps the old history in this clone: remove it first "
                                             "(git remote remove {})", remote, remote));
      return cli::kFindings;
    }
  auto ahead = trimmed(git({"rev-list", "--count", "@{u}..HEAD"}).output);
  if (ahead != "0") {
    cli::print_error(kProgram, fmt::format("this clone has {} commit(s) that {} never had; they are based on the old "
                                           "history. Save what they changed, clone anew, and record it again.",
                                           ahead, upstream));
    return cli::kFindings;
  }
  auto branches = lines(git({"for-each-ref", "--format=%(refname:short)", "refs/heads/"}).output);
  if (branches.size() > 1) {
    cli::print_error(kProgram, "other local branches keep the old history: delete them first (git branch -D NAME)");
    return cli::kFindings;
  }
  for (auto args : std::vector<std::vector<std::string>>{
           {"fetch", "--quiet", "--force", "--prune", "--prune-tags", flags.follow,
            "+refs/heads/*:refs/remotes/" + flags.follow + "/*", "+refs/tags/*:refs/tags/*"},
           {"reset", "--quiet", "--hard", upstream},
           {"reflog", "expire", "--expire=now", "--all"},
           {"gc", "--quiet", "--prune=now"}}) {
    if (auto r = git(args); r.status != 0) {
      cli::print_error(kProgram, fmt::format("git {} failed: {}", args[0], trimmed(r.output)));
      return cli::kWriteFailed;
    }
  }
  std::printf("this clone now holds only the rewritten history of %s\n", flags.follow.c_str());
  return cli::kOk;
}

}  // namespace

int purge_command(const cli::GlobalOptions& global, const PurgeFlags& flags) {
  if (!flags.push.empty() && !flags.follow.empty()) {
    cli::print_error(kProgram, "--push rewrites and publishes, --follow takes what was published: give one");
    return cli::kUsage;
  }
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, false, code, folder::Access::Write);
  if (!w) return code;
  if (std::string why = not_ready(Git{w->session.root}); !why.empty()) {
    cli::print_error(kProgram, fmt::format("cannot purge: {}; nothing was changed", why));
    return cli::kFindings;
  }
  return flags.follow.empty() ? rewrite(*w, flags) : follow(w->session, flags);
}

}  // namespace care::intake
