#include "folder/git.h"

#include <fmt/format.h>

#include "util/process.h"

namespace care::folder {
namespace {

std::string first_line(const std::string& text) {
  auto end = text.find('\n');
  return text.substr(0, end);
}

// `environment`: NAME=VALUE settings for git alone, given to env before it.
std::string run(const std::filesystem::path& root, std::vector<std::string> args,
                const std::vector<std::string>& environment = {}) {
  args.insert(args.begin(), "git");
  std::string verb = args[1];
  args.insert(args.begin(), environment.begin(), environment.end());
  auto result = util::run_captured(args, root.string());
  if (result.status == 0) return {};
  // run_captured starts programs through env, which exits 127 when it cannot find one.
  if ((result.status == -1 && result.output.empty()) || result.status == 127)
    return "git could not be run (is it installed?)";
  return fmt::format("git {} failed: {}", verb, first_line(result.output));
}

}  // namespace

bool under_git(const std::filesystem::path& root) {
  std::error_code ec;
  for (auto dir = std::filesystem::absolute(root, ec).lexically_normal();; dir = dir.parent_path()) {
    if (std::filesystem::exists(std::filesystem::symlink_status(dir / ".git", ec))) return true;
    if (dir == dir.root_path() || dir.parent_path() == dir) return false;
  }
}

std::string git_init(const std::filesystem::path& root) { return run(root, {"init", "--quiet"}); }

std::string git_config(const std::filesystem::path& root, const std::string& key, const std::string& value) {
  return run(root, {"config", "--local", "--", key, value});
}

std::optional<std::string> git_prefix(const std::filesystem::path& root) {
  auto result = util::run_captured({"git", "rev-parse", "--show-prefix"}, root.string());
  if (result.status != 0) return std::nullopt;
  return first_line(result.output);
}

std::string git_clone(const std::string& url, const std::filesystem::path& dir, const std::filesystem::path& cwd) {
  // No hard links to a local source's objects: the clone's modes are changed
  // below, and must not change the source's.
  return run(cwd, {"clone", "--quiet", "--no-hardlinks", "--", url, dir.string()});
}

namespace {

std::string by_hand(const std::filesystem::path& root, const std::vector<std::string>& files,
                    const std::string& message) {
  std::string list;
  for (const auto& f : files) list += " " + f;
  return fmt::format("git -C '{}' add --{} && git -C '{}' commit -m '{}' --{}", root.string(), list, root.string(),
                     message, list);
}

// Why git could not take its lock: a lock file left by a git command that
// was stopped (older than this command), or another git command at work.
std::string lock_trouble(const std::filesystem::path& root, std::filesystem::file_time_type started) {
  auto where = util::run_captured({"git", "rev-parse", "--git-path", "index.lock"}, root.string());
  if (where.status != 0) return {};
  std::filesystem::path lock = first_line(where.output);
  if (lock.is_relative()) lock = root / lock;
  std::error_code ec;
  auto when = std::filesystem::last_write_time(lock, ec);
  if (ec) return {};
  if (when < started)
    return fmt::format("git's lock file {} was left by an earlier git command that was stopped; if no git "
                       "command is running, remove it (rm '{}')", lock.string(), lock.string());
  return fmt::format("another git command is at work in this folder (it holds {}); wait for it to finish",
                     lock.string());
}

}  // namespace

bool git_has_changes(const std::filesystem::path& root, const std::vector<std::string>& files) {
  std::vector<std::string> status = {"git", "status", "--porcelain", "--"};
  status.insert(status.end(), files.begin(), files.end());
  auto result = util::run_captured(status, root.string());
  return result.status != 0 || !result.output.empty();
}

namespace {

// The files git can commit: those on disk, and removed ones it tracks (a
// file removed before git ever saw it is no change to git).
std::vector<std::string> committable(const std::filesystem::path& root, const std::vector<std::string>& files) {
  std::vector<std::string> out, gone;
  std::error_code ec;
  for (const auto& f : files)
    (std::filesystem::exists(std::filesystem::symlink_status(root / f, ec)) ? out : gone).push_back(f);
  if (gone.empty()) return out;
  std::vector<std::string> ask = {"git", "ls-files", "--"};
  ask.insert(ask.end(), gone.begin(), gone.end());
  auto tracked = util::run_captured(ask, root.string());
  for (const auto& f : gone)
    if (tracked.status == 0 && tracked.output.find(f + "\n") != std::string::npos) out.push_back(f);
  return out;
}

}  // namespace

std::string git_commit(const std::filesystem::path& root, const std::vector<std::string>& all_files,
                       const std::string& message, std::filesystem::file_time_type started) {
  std::vector<std::string> files = committable(root, all_files);
  if (files.empty()) return {};
  std::vector<std::string> add = {"add", "--"};
  add.insert(add.end(), files.begin(), files.end());
  std::string error = run(root, add);
  if (error.empty()) {
    std::vector<std::string> commit = {"commit", "--quiet", "-m", message, "--"};
    commit.insert(commit.end(), files.begin(), files.end());
    // The command checked what it wrote: the folder's pre-commit hook
    // (care-intake init) lets its commit through without checking again.
    error = run(root, commit, {std::string(kCommittingVariable) + "=1"});
  }
  if (error.empty()) return {};
  if (error.find("index.lock") != std::string::npos)
    if (std::string trouble = lock_trouble(root, started); !trouble.empty()) error = trouble;
  return fmt::format("{}. Then commit them: {}", error, by_hand(root, files, message));
}

}  // namespace care::folder
