#include "change/edit.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/input.h"
#include "doc/yaml_io.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
#include "util/process.h"

namespace care::change {
namespace fs = std::filesystem;
namespace {

// A record, or the person's edited copy of it: a regular file of a record's
// size at most, so that an editor that leaves something else in its place
// cannot hang or flood the command.
util::FileText read_all(const fs::path& p) { return util::read_regular_file(p.string(), doc::Limits{}.max_bytes); }

// A private copy beside the record, named so that git ignores it and
// check reports it if an editor crash leaves it behind.
std::string make_copy(const records::Record& r, const std::string& text) {
  fs::path p = r.absolute.parent_path() / ("." + r.absolute.filename().string() + ".tmp-XXXXXX.yaml");
  std::string name = p.string();
  int fd = ::mkstemps(name.data(), 5);
  if (fd < 0) return {};
  ::close(fd);
  if (!util::write_atomically(name, text).empty()) {
    ::unlink(name.c_str());
    return {};
  }
  return name;
}

bool again() {
  if (!cli::can_prompt()) return false;
  auto answer = cli::ask("Edit again? [Y/n]");
  return answer && (answer->empty() || (*answer)[0] == 'y' || (*answer)[0] == 'Y');
}

}  // namespace

std::vector<std::string> editor_command() {
  const char* v = std::getenv("VISUAL");
  if (!v || !*v) v = std::getenv("EDITOR");
  std::string line = v && *v ? v : "vi";
  std::vector<std::string> out;
  std::istringstream words(line);
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

int edit_record(const cli::Workspace& w, const records::Record& record, std::string_view program,
                const std::string& command) {
  util::FileText original = read_all(record.absolute);
  if (!original.ok()) {
    cli::print_error(program, fmt::format("cannot read {}: {}", record.file, original.reason));
    return cli::kFindings;
  }
  std::string copy = make_copy(record, original.text);
  if (copy.empty()) {
    cli::print_error(program, fmt::format("cannot make a private copy of {} to edit", record.file));
    return cli::kWriteFailed;
  }
  auto editor = editor_command();
  editor.push_back(copy);
  int code = cli::kFindings;
  while (true) {
    if (int rc = util::run_attached(editor); rc != 0) {
      cli::print_error(program, fmt::format("the editor ({}) ended with status {}; {} is unchanged", editor[0], rc, record.file));
      break;
    }
    util::FileText edited = read_all(copy);
    if (!edited.ok()) {
      // The person's work is in the copy: it is kept, not deleted.
      cli::print_error(program, fmt::format("cannot read the edited copy {}: {}; the copy is kept and {} is unchanged",
                                            copy, edited.reason, record.file));
      return code;
    }
    if (edited.text == original.text) {
      cli::print_error(program, fmt::format("no changes; {} is unchanged", record.file));
      code = cli::kOk;
      break;
    }
    // Another command may have changed the record meanwhile (a consent
    // recorded from another terminal): writing the copy would undo it. The
    // person's edit is kept, so that it can be made again on the new version.
    util::FileText now = read_all(record.absolute);
    if (!now.ok() || now.text != original.text) {
      cli::print_error(program, fmt::format("{} changed while it was being edited; nothing was written. "
                                            "Your edited copy is kept as {}: run the edit again and "
                                            "carry your changes over, then delete the copy.", record.file, copy));
      return cli::kBusy;
    }
    Request request{command, record.where.owner, {}, false, false};
    request.records.push_back({record.where.kind, record.where.owner, record.where.stem, {}, std::move(edited.text)});
    Outcome outcome = apply(w.session, w.folder, std::move(request));
    // Nothing was written, but the person's edit was fine: keep it.
    if (outcome.exit_code == cli::kBusy || outcome.exit_code == cli::kWriteFailed ||
        outcome.exit_code == cli::kUnfinished) {
      code = report(outcome, program);
      cli::print_error(program, fmt::format("your edited copy is kept as {}", copy));
      return code;
    }
    if (outcome.problems.empty() || outcome.exit_code != cli::kFindings) {
      code = report(outcome, program);
      break;
    }
    cli::print_problems(outcome.problems, program);
    if (!again()) {
      cli::print_error(program, fmt::format("the edit is discarded; {} is unchanged", record.file));
      break;
    }
  }
  ::unlink(copy.c_str());
  return code;
}

}  // namespace care::change
