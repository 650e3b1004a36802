// Reading a person's identity: the one path by which commands get at an
// identity record, so that every decryption is logged in the case's
// access.log (identity/access_log.h) before anything is shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/workspace.h"
#include "doc/node.h"
#include "folder/journal.h"
#include "records/store.h"

namespace care::change {

struct IdentityText {
  std::optional<std::string> yaml;  // the record's text, decrypted when it was encrypted
  std::optional<doc::Node> root;    // parsed, when it parses
  std::string error;                // why there is no text: one line, never a value
  bool decrypted = false;
};

// Decrypts (or reads) one case's identity; `key` is the person's key file.
IdentityText identity_text(const cli::Session& s, const records::Case& c, const std::string& key);

// The access.log of a case with one more line: a whole file to publish
// with a change (Request::companions). nullopt, with the reason, when the
// log there cannot be read: it is never replaced by a shorter one.
std::optional<folder::StagedFile> access_line(const cli::Session& s, std::string_view case_id,
                                              std::string_view command, std::string_view purpose,
                                              std::string& error);

// Publishes access lines on their own (a read that changes nothing else),
// committed with "COMMAND: ID identity read". Returns the exit status;
// problems are printed.
int publish_access(const cli::Session& session, const records::Folder& folder, std::string_view program,
                   const std::string& command, const std::string& case_id, std::vector<folder::StagedFile> lines);

}  // namespace care::change
