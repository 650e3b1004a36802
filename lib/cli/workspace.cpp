#include "cli/workspace.h"

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "records/kind.h"

namespace care::cli {

std::optional<Workspace> open_workspace(const GlobalOptions& options, std::string_view program,
                                        bool read_identity, int& code, folder::Access access) {
  auto session = open_or_explain(options, program, code, access);
  if (!session) return std::nullopt;
  records::LoadOptions load;
  load.read_identity = read_identity;
  auto loaded = records::load(session->root, session->config, session->cwd, load);
  if (access == folder::Access::Read) {
    auto again = read_again(*session, program, code);
    if (!again) return std::nullopt;
    if (*again) loaded = records::load(session->root, session->config, session->cwd, load);
    session->lock->release();
  }
  // A folder read in part would give a wrong list, a wrong due date or a
  // duplicate check that missed someone, without a word: refuse instead.
  // A link under cases/ or outreach/ is never followed, so what it stands
  // for (a whole case, a person's identity) is not read either.
  diag::Diagnostics unreadable;
  for (const auto& d : loaded.problems)
    if (d.code == "folder.unreadable" || d.code == "file.unreadable" || d.code == "folder.symlink")
      unreadable.push_back(d);
  if (!unreadable.empty()) {
    print_problems(unreadable, program);
    print_error(program, "the case folder cannot be read whole; nothing was done");
    code = kNoCaseFolder;
    return std::nullopt;
  }
  return Workspace{std::move(*session), std::move(loaded.folder)};
}

const records::Case* find_case(const Workspace& w, std::string_view id, std::string_view program, int& code) {
  if (!records::is_case_id(id)) {
    print_error(program, fmt::format("\"{}\" is not a case ID (they look like AT-2014-007)", id));
    code = kUsage;
    return nullptr;
  }
  auto it = w.folder.cases.find(std::string(id));
  if (it == w.folder.cases.end() || !it->second.main) {
    print_error(program, fmt::format("no case {} in this folder", id));
    code = kFindings;
    return nullptr;
  }
  if (!it->second.main->valid) {
    print_error(program, fmt::format("{} does not pass its schema; run care-report check {} and fix it first",
                                     it->second.main->file, it->second.main->file));
    code = kFindings;
    return nullptr;
  }
  return &it->second;
}

int with_case(const GlobalOptions& options, std::string_view program, std::string_view id, bool read_identity,
              folder::Access access, const std::function<int(const Workspace&, const records::Case&)>& work) {
  int code = kOk;
  auto w = open_workspace(options, program, read_identity, code, access);
  if (!w) return code;
  const records::Case* c = find_case(*w, id, program, code);
  return c ? work(*w, *c) : code;
}

}  // namespace care::cli
