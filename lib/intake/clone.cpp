#include "intake/clone.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "folder/git.h"
#include "folder/modes.h"
#include "identity/age.h"
#include "intake/init.h"
#include "intake/intake.h"
#include "util/utf8.h"

namespace care::intake {
namespace fs = std::filesystem;
namespace {

// Why DIR cannot receive the clone; "" when it can (missing, or an empty folder).
std::string refusal(const fs::path& dir) {
  std::error_code ec;
  auto type = fs::symlink_status(dir, ec).type();
  if (type == fs::file_type::not_found) return {};
  if (type != fs::file_type::directory)
    return fmt::format("{} exists and is not a folder; nothing was changed", dir.string());
  if (!fs::is_empty(dir, ec) || ec)
    return fmt::format("{} is not empty: clone into a new folder, or an empty one; nothing was changed",
                       dir.string());
  return {};
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

KeyReport key_report(const fs::path& root, const folder::Config& config) {
  KeyReport r;
  if (!config.encrypt)
    r.lines.push_back("identity records here are not encrypted ([identity] encrypt = false in care.toml)");
  identity::KeyFile key = identity::find_key(root);
  if (!key.path) {
    r.lines.push_back(key.why_not);
    if (config.encrypt)
      r.lines.push_back("until you have a key listed in care.toml, this clone serves everything but identity "
                        "records: make one with age-keygen, and ask a holder of your office's key to add its "
                        "public key (care-intake keys add) and commit");
    return r;
  }
  identity::Sealed pub = identity::public_key(config, *key.path);
  if (!pub.text) {
    r.lines.push_back(fmt::format("cannot read your key {}: {}", key.path->string(), pub.error));
    return r;
  }
  std::vector<std::string> offices;
  bool everywhere = false;
  for (const auto& [office, keys] : config.recipients)
    if (std::find(keys.begin(), keys.end(), *pub.text) != keys.end()) {
      if (office == "all") everywhere = true;
      else offices.push_back(office);
    }
  if (everywhere)
    r.lines.push_back(fmt::format("your key {} reads the identity records of every office (it is listed in "
                                  "[identity.recipients] all)",
                                  *pub.text));
  else if (!offices.empty())
    r.lines.push_back(fmt::format("your key {} reads the identity records of office{} {}", *pub.text,
                                  offices.size() == 1 ? "" : "s", joined(offices)));
  else
    r.lines.push_back(fmt::format("your key {} is not among the recipients in care.toml: it reads no identity "
                                  "record. Ask a holder of your office's key to add it (care-intake keys add) "
                                  "and commit; everything but identity records works meanwhile",
                                  *pub.text));
  return r;
}

int clone_command(const cli::GlobalOptions& global, const CloneFlags& flags) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!global.directory.empty()) cwd = fs::absolute(global.directory, ec);
  if (ec || !fs::is_directory(cwd, ec)) {
    cli::print_error(kProgram, fmt::format("cannot change to {}", global.directory));
    return cli::kNoCaseFolder;
  }
  fs::path dir = (cwd / flags.dir).lexically_normal();
  if (!dir.has_filename() && dir.has_relative_path()) dir = dir.parent_path();  // "DIR/"
  if (std::string why = refusal(dir); !why.empty()) {
    cli::print_error(kProgram, why);
    return cli::kFindings;
  }
  // The process's umask is 077 (cmd/common): git, its child, makes every
  // file owner-only from the start.
  if (std::string e = folder::git_clone(flags.url, dir, cwd); !e.empty()) {
    cli::print_error(kProgram, fmt::format("{}; nothing was cloned", util::visible(e)));
    return cli::kWriteFailed;
  }
  // Whatever git made wider (a template's hooks, an inherited mode) is narrowed.
  if (std::string e = folder::make_owner_only(dir); !e.empty()) {
    cli::print_error(kProgram, fmt::format("the clone is in {} but is not private: {}; run chmod -R go-rwx {}",
                                           dir.string(), e, dir.string()));
    return cli::kWriteFailed;
  }
  if (std::string e = enable_hooks(dir); !e.empty()) {
    cli::print_error(kProgram, fmt::format("the clone is in {} but its hooks are not enabled: {}; run "
                                           "care-intake init --hooks {}",
                                           dir.string(), e, dir.string()));
    return cli::kWriteFailed;
  }
  std::fputs(util::visible(dir.string() + "\n", true).c_str(), stdout);
  if (!fs::is_regular_file(dir / kHooksFolder / "pre-commit", ec))
    cli::print_error(kProgram, fmt::format("warning: the folder has no hooks in {} (it was made by an older "
                                           "care-intake init): run care-intake init --hooks {} and commit them",
                                           kHooksFolder, dir.string()));
  if (!fs::is_regular_file(dir / folder::kConfigFile, ec)) {
    cli::print_error(kProgram, fmt::format("warning: the clone has no {} at its top: it is not a case folder, "
                                           "so no key was checked",
                                           folder::kConfigFile));
    return cli::kOk;
  }
  auto config = folder::load_config((dir / folder::kConfigFile).string(), std::string(folder::kConfigFile));
  if (!config.config) {
    cli::print_problems(config.problems, kProgram);
    cli::print_error(kProgram, "warning: care.toml could not be read, so no key was checked");
    return cli::kOk;
  }
  for (const auto& line : key_report(dir, *config.config).lines)
    cli::print_error(kProgram, util::visible(line));
  return cli::kOk;
}

}  // namespace care::intake
