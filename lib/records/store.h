// Loading a whole case folder: every record read, typed and checked against
// its schema, grouped by case. Files load in parallel; the result does not
// depend on the order in which they finish.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "doc/node.h"
#include "folder/config.h"
#include "records/kind.h"
#include "records/redact.h"
#include "util/beneath.h"

namespace care::records {

struct Record {
  Placement where;
  std::string file;  // as shown to the user
  std::filesystem::path absolute;
  doc::Node root;
  bool valid = false;  // parsed and passed its schema
  // The version of the file that was read, so that a write can refuse to
  // replace a file that changed meanwhile. Empty for a record not on disk.
  std::optional<util::FileStamp> stamp;
  // An identity record kept encrypted (identity.yaml.age): `root` is empty
  // and `sealed_text` holds the armored file; identity/open.h decrypts it
  // for the few commands that need a person's identity.
  bool sealed = false;
  std::string sealed_text;
};

// The record's path relative to the case folder ("cases/AT-2014-001/identity.yaml.age").
std::string relative_path(const Record& record);

struct Case {
  std::string id;
  std::optional<Record> main, identity, minor, plan, journey, monitoring_plan, closure;
  std::vector<Record> assessments, contacts;  // in file-name (date) order
};

// Every record of a case: the fixed ones, then assessments and contacts.
void for_each_record(const Case& c, const std::function<void(const Record&)>& visit);

struct Folder {
  std::filesystem::path root;
  folder::Config config;
  std::map<std::string, Case, IdOrder> cases;  // in ID order (AT-2014-999 before AT-2014-1000)
  std::vector<Record> outreach;  // in ID order
};

struct LoadOptions {
  // Reports never read identity records; check reads them to validate them.
  bool read_identity = true;
  unsigned threads = 0;  // 0: one per core
};

struct Loaded {
  Folder folder;
  diag::Diagnostics problems;  // listing, syntax and schema problems
};

Loaded load(const std::filesystem::path& root, const folder::Config& config,
            const std::filesystem::path& cwd, const LoadOptions& options = {});

}  // namespace care::records
