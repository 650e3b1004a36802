// The case folder under git: init, and a commit of exactly the files a
// command wrote, with a message that names the command and the case ID and
// never anything personal.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::folder {

// True when the folder is in a git work tree: a .git (folder or file) in it
// or in a folder above it, as git itself finds it.
bool under_git(const std::filesystem::path& root);

// Set in git's environment for the tools' own commits: the folder's
// pre-commit hook lets them through, since the command checked what it wrote.
inline constexpr std::string_view kCommittingVariable = "CARE_COMMITTING";

// "" on success, else git's complaint in one line.
std::string git_init(const std::filesystem::path& root);

// git config --local KEY VALUE in the repository holding root. "" on success.
std::string git_config(const std::filesystem::path& root, const std::string& key, const std::string& value);

// Where root lies in its work tree: "" at the top, else "sub/dir/".
// nullopt when git cannot say (not under git, no git).
std::optional<std::string> git_prefix(const std::filesystem::path& root);

// git clone URL DIR, run in cwd, without hard links to a local source.
// "" on success, else git's complaint in one line.
std::string git_clone(const std::string& url, const std::filesystem::path& dir, const std::filesystem::path& cwd);

// True when git sees changes to commit in `files` (relative to root).
bool git_has_changes(const std::filesystem::path& root, const std::vector<std::string>& files);

// Commits `files` (paths relative to root). "" on success, else why not and
// how to commit them by hand. A git lock file older than `started` (when
// this command began) is named as left behind by an earlier git command.
std::string git_commit(const std::filesystem::path& root, const std::vector<std::string>& files,
                       const std::string& message, std::filesystem::file_time_type started);

}  // namespace care::folder
