// Finding the case folder (as git finds .git) and listing the files in it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace care::folder {

inline constexpr std::string_view kConfigFile = "care.toml";

struct Located {
  std::filesystem::path root;  // absolute; empty when not found
  std::string error;           // one line, when not found
};

// The case folder for a command started in `start`: CARE_DIR names it when
// set (care_dir), else the nearest folder at or above start holding care.toml.
// A -C flag is applied before this, by changing the working folder, so it
// beats CARE_DIR as a flag should.
Located locate(const std::filesystem::path& start, const std::optional<std::string>& care_dir,
               bool dir_flag_given);

// How a path is shown in messages: relative to the working folder when it
// lies beneath it, else absolute. Always with '/' separators.
std::string display_path(const std::filesystem::path& absolute, const std::filesystem::path& cwd);

struct RecordFile {
  std::filesystem::path absolute;
  std::string relative;  // to the case folder root, e.g. "cases/AT-2014-001/case.yaml"
  std::string shown;     // as display_path shows it
};

struct Listing {
  std::vector<RecordFile> files;  // sorted by relative path
  diag::Diagnostics problems;     // files that are not records, links, leftovers
};

// Every file under cases/ and outreach/. Symbolic links are not followed.
Listing list_record_files(const std::filesystem::path& root, const std::filesystem::path& cwd);

}  // namespace care::folder
