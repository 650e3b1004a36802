#include "folder/case_folder.h"

#include <algorithm>

#include <fmt/format.h>

#include "records/kind.h"
#include "util/file_read.h"

namespace care::folder {
namespace fs = std::filesystem;

Located locate(const fs::path& start, const std::optional<std::string>& care_dir, bool dir_flag_given) {
  std::error_code ec;
  if (care_dir && !care_dir->empty() && !dir_flag_given) {
    fs::path dir = fs::absolute(*care_dir, ec).lexically_normal();
    if (fs::is_regular_file(dir / kConfigFile, ec)) return Located{dir, {}};
    return Located{{}, fmt::format("CARE_DIR={} is not a case folder (it has no {})", *care_dir, kConfigFile)};
  }
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::is_regular_file(d / kConfigFile, ec)) return Located{d, {}};
    if (d == d.root_path() || d.parent_path() == d) break;
  }
  return Located{{}, fmt::format("not in a case folder: no {} in {} or any folder above it "
                                 "(use -C DIR or CARE_DIR, or create one with care-intake init)",
                                 kConfigFile, dir.string())};
}

std::string display_path(const fs::path& absolute, const fs::path& cwd) {
  fs::path rel = absolute.lexically_normal().lexically_relative(cwd.lexically_normal());
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return absolute.lexically_normal().generic_string();
}

namespace {

void note(Listing& out, const RecordFile& f, std::string code, std::string message, std::string hint,
          diag::Severity severity = diag::Severity::Error) {
  out.problems.push_back(diag::in_file(f.shown, std::move(code), std::move(message), std::move(hint), severity));
}

bool is_leftover_temporary(const std::string& name) {
  return name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos;
}

// A named pipe, device, socket or folder where a record belongs: never opened
// (a named pipe would hang the reader), but never passed over in silence either.
void not_regular(Listing& out, const RecordFile& f, fs::file_type type) {
  note(out, f, "folder.not-regular", fmt::format("this is {}, not a record file", util::describe(type)),
       "Replace it with the record, or remove it; care reads only regular files.");
}

bool where_a_record_belongs(const RecordFile& f) { return records::classify(f.relative).placement.has_value(); }

void consider(Listing& out, const fs::directory_entry& entry, RecordFile f) {
  std::string name = entry.path().filename().string();
  std::error_code ec;
  const fs::file_type type = entry.symlink_status(ec).type();
  if (type == fs::file_type::symlink) {
    note(out, f, "folder.symlink", "symbolic links are not followed",
         "Put the record itself in the folder, not a link to it.");
  } else if (is_leftover_temporary(name)) {
    note(out, f, "folder.leftover", "a temporary file left by an interrupted write",
         "The record beside it is intact; delete this file.", diag::Severity::Warning);
  } else if (name[0] == '.') {
    return;  // hidden files (editor swap files, .gitkeep) are not records
  } else if (type != fs::file_type::regular && where_a_record_belongs(f)) {
    not_regular(out, f, type);
  } else if (auto c = records::classify(f.relative); !c.placement) {
    if (c.companion) return;
    note(out, f, "folder.unknown-file", c.problem,
         "Move or remove the file; only records belong under cases/ and outreach/.",
         diag::Severity::Warning);
  } else {
    out.files.push_back(std::move(f));
  }
}

// Walks one folder, and each folder below it: a folder that cannot be read is
// reported by name and skipped, and the walk goes on with the others.
void walk(Listing& out, const fs::path& folder, const fs::path& root, const fs::path& cwd) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code kind_ec;
    RecordFile f{entry.path(), entry.path().lexically_relative(root).generic_string(),
                 display_path(entry.path(), cwd)};
    if (entry.symlink_status(kind_ec).type() == fs::file_type::directory) {
      // A folder named like a record (case.yaml/) is not looked into: it is one finding.
      if (where_a_record_belongs(f))
        not_regular(out, f, fs::file_type::directory);
      else if (!entry.path().filename().string().starts_with("."))
        walk(out, entry.path(), root, cwd);
      continue;
    }
    consider(out, entry, std::move(f));
  }
  if (ec)
    out.problems.push_back(diag::in_file(display_path(folder, cwd), "folder.unreadable",
                                         fmt::format("cannot read the folder: {}", ec.message()),
                                         "Check its permissions; its records were not checked."));
}

}  // namespace

Listing list_record_files(const fs::path& root, const fs::path& cwd) {
  Listing out;
  // A link in place of cases/ or outreach/, or of .care or .care/local
  // (the lock and the journal), is never followed by a command that writes:
  // it is reported, and what it points at is not read either.
  for (const char* place : {".care", ".care/local", "cases", "outreach"}) {
    std::error_code ec;
    if (std::string_view(place) == ".care/local" && fs::is_symlink(root / ".care", ec)) continue;
    if (!fs::is_symlink(root / place, ec)) continue;
    out.problems.push_back(diag::in_file(display_path(root / place, cwd), "folder.symlink",
                                         "symbolic links are not followed",
                                         "Put the folder itself here, not a link to it."));
  }
  for (const char* top : {"cases", "outreach"}) {
    std::error_code ec;
    if (!fs::is_symlink(root / top, ec) && fs::is_directory(root / top, ec)) walk(out, root / top, root, cwd);
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const RecordFile& a, const RecordFile& b) { return a.relative < b.relative; });
  return out;
}

}  // namespace care::folder
