// A session with its case folder read: what every command that works on
// cases starts from.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "cli/session.h"
#include "records/store.h"

namespace care::cli {

struct Workspace {
  Session session;
  records::Folder folder;
};

// Opens the session and reads the folder; prints why not and sets code.
// With Access::Write the folder's lock stays exclusive until the workspace
// goes (after the change and its commit); with Access::Read the shared lock
// is let go once the folder is read, and a later change takes the exclusive
// lock and refuses if a file it read has changed meanwhile.
std::optional<Workspace> open_workspace(const GlobalOptions& options, std::string_view program,
                                        bool read_identity, int& code,
                                        folder::Access access = folder::Access::Read);

// The case with this ID. An ID that is not one (a path trick such as ../x)
// is a usage error (2); an unknown case is refused (1); so is a case whose
// case.yaml does not pass its schema (fix it first).
const records::Case* find_case(const Workspace& w, std::string_view id, std::string_view program, int& code);

// Opens the workspace and the case, then runs `work` on them; returns its
// exit status, or why the folder or the case could not be opened.
int with_case(const GlobalOptions& options, std::string_view program, std::string_view id, bool read_identity,
              folder::Access access, const std::function<int(const Workspace&, const records::Case&)>& work);

// The access a command needs: a dry run changes nothing, so it only reads.
inline folder::Access writing(bool dry_run) { return dry_run ? folder::Access::Read : folder::Access::Write; }

}  // namespace care::cli
