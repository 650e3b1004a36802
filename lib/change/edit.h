// Editing a record by hand in $VISUAL or $EDITOR: the person edits a copy;
// it replaces the record only once it passes the schema and the rules. On a
// terminal a failed edit is shown and reopened; when the person gives up,
// the record stays as it was.
#pragma once

#include <string>
#include <string_view>

#include "cli/workspace.h"
#include "records/store.h"

namespace care::change {

// An encrypted identity is decrypted into a private 0700 folder outside the
// case folder, removed whatever happens; the decryption is logged with
// `purpose` before the editor opens.
int edit_record(const cli::Workspace& w, const records::Record& record, std::string_view program,
                const std::string& command, const std::string& purpose = "edit of the identity record");

// The editor command: $VISUAL, else $EDITOR, else vi; split on spaces.
std::vector<std::string> editor_command();

}  // namespace care::change
