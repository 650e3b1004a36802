// care-report check: every record against its schema and the rules across
// records, every problem collected in one run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "records/store.h"
#include "util/date.h"

namespace care::check {

struct Request {
  std::vector<std::string> paths;  // files or folders to report on; empty: the whole folder
  bool strict = false;             // warnings count as problems
  bool read_identity = true;       // reports check without opening identity records
  unsigned threads = 0;            // for reading records; 0: one per core
  bool modes = false;              // warn (folder.mode) when records can be read by group or others
};

struct Result {
  diag::Diagnostics problems;       // sorted by file, line, column
  std::size_t records = 0;          // records read
  std::size_t cases = 0;
  std::vector<std::string> bad_paths;  // given paths that are missing or outside the folder
  bool unreadable = false;             // a folder could not be read
  records::Folder folder;              // what was read, for reports built on the check
};

Result run(const std::filesystem::path& root, const std::filesystem::path& cwd, const folder::Config& config,
           const util::Date& today, const Request& request);

// 0 all well; 1 problems; 2 bad paths; 3 unreadable folder.
int exit_code(const Result& result, bool strict);

// A one-line summary: "checked 57 records in 12 cases: 2 errors, 1 warning".
std::string summary(const Result& result);

}  // namespace care::check
