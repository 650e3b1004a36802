#include "folder/git.h"

#include <fmt/format.h>

#include "util/process.h"

namespace care::folder {
namespace {

std::string first_line(const std::string& text) {
  auto end = text.find('\n');
  return text.substr(0, end);
}

std::string run(const std::filesystem::path& root, std::vector<std::string> args) {
  args.insert(args.begin(), "git");
  auto result = util::run_captured(args, root.string());
  if (result.status == 0) return {};
  // run_captured starts programs through env, which exits 127 when it cannot find one.
  if ((result.status == -1 && result.output.empty()) || result.status == 127)
    return "git could not be run (is it installed?)";
  return fmt::format("git {} failed: {}", args[1], first_line(result.output));
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

std::string git_commit(const std::filesystem::path& root, const std::vector<std::string>& files,
                       const std::string& message) {
  std::vector<std::string> add = {"add", "--"};
  add.insert(add.end(), files.begin(), files.end());
  if (std::string error = run(root, add); !error.empty()) return error;
  std::vector<std::string> commit = {"commit", "--quiet", "-m", message, "--"};
  commit.insert(commit.end(), files.begin(), files.end());
  return run(root, commit);
}

}  // namespace care::folder
