// Applying a command's change to the case folder: every record it writes is
// rendered, validated against its schema and, together with the rest of its
// case, against the rules across records, before any byte reaches the disk.
// A change that would leave the folder with a new problem is refused whole;
// one that passes is published all together or not at all
// (folder/journal.h), under the folder's exclusive lock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/session.h"
#include "diag/diagnostic.h"
#include "doc/node.h"
#include "folder/journal.h"
#include "records/kind.h"
#include "records/store.h"

namespace care::change {

struct Pending {
  records::Kind kind;
  std::string owner;  // case ID or outreach ID
  std::string stem;   // for dated records: the file name without .yaml
  doc::Node record;   // the whole record, fields the command does not own included
  // When set, these exact bytes are written instead of rendering `record`
  // (care-intake edit keeps a person's own formatting and comments).
  std::optional<std::string> text;
  // The record is removed rather than written (an erased identity): every
  // file of it goes, encrypted or not.
  bool remove = false;
};

struct Request {
  Request(std::string command_, std::string subject_, std::vector<Pending> records_, bool dry_run_,
          bool drop_comments_)
      : command(std::move(command_)), subject(std::move(subject_)), records(std::move(records_)),
        dry_run(dry_run_), drop_comments(drop_comments_) {}

  std::string command;  // e.g. "care-intake new": named in the commit message
  std::string subject;  // the case or outreach ID: the only other thing the message names
  std::vector<Pending> records;
  bool dry_run = false;
  bool drop_comments = false;
  // Folders that must not exist yet, made as part of the change: a new
  // case's folder, so that two registrations can never share one.
  std::vector<std::string> claims;
  // Words after the subject in the commit message ("item 3, 2015-02-01"):
  // never anything personal.
  std::string detail;
  // Closing the case, or giving consent again: what may still be recorded
  // once the person has withdrawn consent to the processing of their data.
  bool allowed_after_withdrawal = false;
  // Rule codes (prefixes, e.g. "rule.minor-") whose errors on the changed
  // case refuse the change even when they were there before it: the
  // conditions of a return, which no earlier record may leave unmet.
  std::vector<std::string> conditions;
  // Whole files published with the change that are not records (a case's
  // access.log), relative to the root, with the version they replace.
  std::vector<folder::StagedFile> companions;
  // An erased case is never changed again; erasing it is the one change.
  bool erasing = false;
};

struct Outcome {
  int exit_code = 0;
  diag::Diagnostics problems;        // why nothing was written
  std::vector<std::string> written;  // paths as shown to the user
  std::vector<std::string> removed;  // likewise
  std::string preview;               // on a dry run: each file and its bytes
  std::string failure;               // why nothing was written, or what failed after writing (git)
};

Outcome apply(const cli::Session& session, const records::Folder& folder, Request request);

// Prints an outcome the way every writing command does; returns its exit code.
int report(const Outcome& outcome, std::string_view program);

}  // namespace care::change
