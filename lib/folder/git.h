// The case folder under git: init, and a commit of exactly the files a
// command wrote, with a message that names the command and the case ID and
// never anything personal.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace care::folder {

// "" on success, else git's complaint in one line.
std::string git_init(const std::filesystem::path& root);

// Commits `files` (paths relative to root). "" on success.
std::string git_commit(const std::filesystem::path& root, const std::vector<std::string>& files,
                       const std::string& message);

}  // namespace care::folder
