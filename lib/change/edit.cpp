#include "change/edit.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "change/change.h"
#include "change/identity_read.h"
#include "identity/age.h"
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

namespace {

// What is being edited: the text the editor starts from, the copy it edits,
// and whether the record on disk is still the one that was read.
struct EditSession {
  std::string original;
  std::string copy;
  bool private_copy = false;  // a decrypted identity: never kept on disk, whatever happens
  std::function<bool()> unchanged;
};

int edit_loop(const cli::Workspace& w, const records::Record& record, std::string_view program,
              const std::string& command, const EditSession& e) {
  auto keep_or_drop = [&](std::string_view why) {
    if (!e.private_copy) return cli::print_error(program, fmt::format("your edited copy is kept as {}{}", e.copy, why));
    ::unlink(e.copy.c_str());
    cli::print_error(program, "your edit is discarded: a plain copy of an identity is never left on disk");
  };
  auto editor = editor_command();
  editor.push_back(e.copy);
  int code = cli::kFindings;
  while (true) {
    if (int rc = util::run_attached(editor); rc != 0) {
      cli::print_error(program, fmt::format("the editor ({}) ended with status {}; {} is unchanged", editor[0], rc, record.file));
      break;
    }
    util::FileText edited = read_all(e.copy);
    if (!edited.ok()) {
      cli::print_error(program, fmt::format("cannot read the edited copy {}: {}; {} is unchanged", e.copy, edited.reason,
                                            record.file));
      keep_or_drop("");
      return code;
    }
    if (edited.text == e.original) {
      cli::print_error(program, fmt::format("no changes; {} is unchanged", record.file));
      code = cli::kOk;
      break;
    }
    // Another command may have changed the record meanwhile (a consent
    // recorded from another terminal): writing the copy would undo it.
    if (!e.unchanged()) {
      cli::print_error(program, fmt::format("{} changed while it was being edited; nothing was written", record.file));
      keep_or_drop(": run the edit again and carry your changes over, then delete the copy");
      return cli::kBusy;
    }
    Request request{command, record.where.owner, {}, false, false};
    request.records.push_back({record.where.kind, record.where.owner, record.where.stem, {}, std::move(edited.text)});
    Outcome outcome = apply(w.session, w.folder, std::move(request));
    // Nothing was written, but the person's edit was fine: keep it.
    if (outcome.exit_code == cli::kBusy || outcome.exit_code == cli::kWriteFailed ||
        outcome.exit_code == cli::kUnfinished) {
      code = report(outcome, program);
      keep_or_drop("");
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
  ::unlink(e.copy.c_str());
  return code;
}

// The private folder of a decrypted copy, and the signal handlers that
// remove it if the command is killed while the editor runs.
char g_copy[4096], g_folder[4096];

extern "C" void remove_private_copy(int sig) {
  ::unlink(g_copy);
  ::rmdir(g_folder);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

class PrivateFolder {
 public:
  PrivateFolder() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    fs::path base = runtime && *runtime && fs::is_directory(runtime, ec) ? fs::path(runtime) : fs::temp_directory_path(ec);
    std::string pattern = (base / "care-edit-XXXXXX").string();
    if (pattern.size() + 32 >= sizeof g_folder || !::mkdtemp(pattern.data())) return;  // mkdtemp makes it 0700
    folder_ = pattern;
    copy_ = folder_ + "/identity.yaml";
    std::snprintf(g_folder, sizeof g_folder, "%s", folder_.c_str());
    std::snprintf(g_copy, sizeof g_copy, "%s", copy_.c_str());
    for (int sig : {SIGTERM, SIGHUP}) ::signal(sig, remove_private_copy);
    // The editor takes ^C and ^\ itself, as with git commit; the command waits for it.
    for (int sig : {SIGINT, SIGQUIT}) ::signal(sig, SIG_IGN);
  }
  ~PrivateFolder() {
    if (folder_.empty()) return;
    ::unlink(copy_.c_str());
    ::rmdir(folder_.c_str());
    for (int sig : {SIGTERM, SIGHUP, SIGINT, SIGQUIT}) ::signal(sig, SIG_DFL);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const std::string& copy() const { return copy_; }

 private:
  std::string folder_, copy_;
};

int edit_sealed(const cli::Workspace& w, const records::Record& record, std::string_view program,
                const std::string& command, const std::string& purpose) {
  auto it = w.folder.cases.find(record.where.owner);
  auto key = identity::find_key(w.session.root);
  if (!key.path) {
    cli::print_error(program, fmt::format("cannot edit the identity of {}: {}", record.where.owner, key.why_not));
    return cli::kFindings;
  }
  auto text = identity_text(w.session, it->second, key.path->string());
  if (!text.yaml) {
    cli::print_error(program, text.error);
    return cli::kFindings;
  }
  std::string error;
  auto line = access_line(w.session, record.where.owner, command + " identity", purpose, error);
  int logged = line ? publish_access(w.session, w.folder, program, command, record.where.owner, {std::move(*line)})
                    : (cli::print_error(program, error), cli::kFindings);
  if (logged != cli::kOk && logged != cli::kNotCommitted) return logged;
  PrivateFolder folder;
  int fd = folder.copy().empty() ? -1 : ::open(folder.copy().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool written = fd >= 0 && ::write(fd, text.yaml->data(), text.yaml->size()) == static_cast<ssize_t>(text.yaml->size());
  if (fd >= 0) ::close(fd);
  if (!written) {
    cli::print_error(program, "cannot make a private copy to edit (no private temporary folder)");
    return cli::kWriteFailed;
  }
  // The access line changed nothing but access.log: the record read is the one to compare with.
  std::string sealed = record.sealed_text;
  auto unchanged = [&] { return read_all(record.absolute).text == sealed; };
  return edit_loop(w, record, program, command, EditSession{*text.yaml, folder.copy(), true, unchanged});
}

}  // namespace

int edit_record(const cli::Workspace& w, const records::Record& record, std::string_view program,
                const std::string& command, const std::string& purpose) {
  if (record.sealed) return edit_sealed(w, record, program, command, purpose);
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
  auto unchanged = [&] {
    util::FileText now = read_all(record.absolute);
    return now.ok() && now.text == original.text;
  };
  return edit_loop(w, record, program, command, EditSession{original.text, copy, false, unchanged});
}

}  // namespace care::change
