// care-intake show: every record of one case, as the bytes on disk, in the
// order a case grows. The identity record is read only when asked for.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"
#include "diag/diagnostic.h"
#include "records/kind.h"

namespace care::intake {

struct CaseFile {
  records::Kind kind;
  std::string relative;  // to the case folder's root, e.g. "cases/AT-2014-001/plan.yaml"
  // The text to show instead of the file's bytes: a decrypted identity.
  std::optional<std::string> text;
};

// The record files of case `id` under `root`: identity first (only when
// with_identity), then case, minor, assessments by date, plan, return,
// monitoring plan, contacts by date, closure. Links and files that are not
// records are left out, as care-report check would report them. `id` must
// already have passed records::is_case_id.
std::vector<CaseFile> case_files(const std::filesystem::path& root, std::string_view id, bool with_identity);

struct Shown {
  std::string text;            // for stdout
  diag::Diagnostics problems;  // files that could not be read (or, in JSON, parsed)
};

// "yaml": each file as "--- PATH" and its bytes. "json":
// {"version":1,"case":ID,"records":[{"path":...,"kind":...,"record":{...}}]}.
Shown render_case(const std::filesystem::path& root, std::string_view id, const std::vector<CaseFile>& files,
                  std::string_view format);

struct ShowFlags {
  std::string id;
  bool identity = false;
  std::string purpose;  // why the identity is read: required with --identity, kept in access.log
  std::string format = "yaml";
};
int show_command(const cli::GlobalOptions& global, const ShowFlags& flags);

}  // namespace care::intake
