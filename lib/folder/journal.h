// Publishing the files of one change all together, or not at all.
//
// The files are first written in full, and flushed, into a journal folder
// (.care/local/journal/pending) together with a manifest of where each goes.
// Renaming `pending` to `committed` is the moment the change happens: before
// it, a crash or a full disk leaves the folder as it was, and the next
// command throws the pending files away; after it, the files are renamed
// into place, and a command that finds a `committed` journal finishes those
// renames first. Either way, no reader ever sees half of a change for long,
// and the folder ends as before or as after. The folders a change makes (a
// new case's, the monitoring/ of a first contact) are claimed: made before
// the commit, and removed again when the change is dropped.
//
// Every folder is opened beneath the case folder without following links,
// and no file is written anywhere but in the journal: a link planted in the
// case folder can neither receive a record nor redirect one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/beneath.h"

namespace care::folder {

struct StagedFile {
  std::string relative;  // "cases/AT-2014-001/plan.yaml"
  std::string content;
  // The version of the file the command read; nullopt: it must not exist yet.
  std::optional<util::FileStamp> replaces;
};

// A file the change was judged on without writing it: it must be unchanged.
struct ReadFile {
  std::string relative;
  util::FileStamp stamp;
};

struct ChangeSet {
  std::vector<std::string> claims;  // folders that must not exist yet ("cases/AT-2014-008")
  std::vector<StagedFile> files;
  std::vector<ReadFile> judged_on;
  // Files the change removes (an erased identity, a plain identity once it
  // is encrypted): as read, and gone once the change is committed.
  std::vector<ReadFile> removes;
  // The git commit message, when the change is committed to git: the journal
  // then stays until the commit is made (forget_change), so that a command
  // stopped in between leaves the commit to the next command.
  std::string commit_message;
};

enum class Published {
  Done,
  NothingChanged,  // a disk or permission failure before the change was committed
  Conflict,        // a claimed folder exists, or a file changed since it was read
  Refused,         // a link or something other than a file or folder stands where the change goes
  Unfinished,      // committed, but putting the files in place failed; the next command finishes it
};

struct PublishOutcome {
  Published result = Published::Done;
  std::string file;    // the file or folder at fault, relative to the root
  std::string reason;  // one line
};

// Publishes `change` in the case folder open as `root`. The caller holds the
// folder's exclusive lock.
PublishOutcome publish(int root, const ChangeSet& change);

// True when a change was left behind by a command that was stopped.
bool has_unfinished(int root);

// Removes the journal of a published change once it is committed to git.
void forget_change(int root);

struct Recovered {
  std::string error;  // why a committed change could not be finished
  // A finished change still to be committed to git: its files (written or
  // removed) and message.
  std::vector<std::string> files;
  std::string commit_message;
};

// Finishes a committed change, or removes one that was never committed.
// The caller holds the exclusive lock, commits `files` when there is a
// message, then calls forget_change.
Recovered recover(int root);

}  // namespace care::folder
