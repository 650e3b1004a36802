// care-intake keys and care-intake encrypt: who can read the identity
// records, and re-encrypting them when that changes. The settings and the
// re-encrypted records are one change (folder/journal.h).
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "change/change.h"
#include "change/identity_read.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "doc/yaml_io.h"
#include "folder/config_edit.h"
#include "identity/age.h"
#include "intake/intake.h"
#include "util/beneath.h"
#include "util/file_read.h"

namespace care::intake {
namespace {

struct Settings {
  std::string text;
  std::optional<util::FileStamp> stamp;
};

std::optional<Settings> read_settings(const cli::Session& s) {
  std::string path = (s.root / "care.toml").string();
  Settings out{{}, util::stamp_of(path)};
  util::FileText read = util::read_regular_file(path, folder::kMaxConfigBytes);
  if (!read.ok() || !out.stamp) {
    cli::print_error(kProgram, fmt::format("cannot read care.toml: {}", read.reason));
    return std::nullopt;
  }
  out.text = std::move(read.text);
  return out;
}

// The settings with one more change, read back: nullopt (said why) when
// the result would not be a valid care.toml.
std::optional<folder::Config> edited(Settings& settings, std::string_view table, std::string_view key,
                                     const std::string& value) {
  std::string error;
  auto text = folder::set_setting(settings.text, table, key, value, error);
  if (!text) {
    cli::print_error(kProgram, error + "; nothing was changed");
    return std::nullopt;
  }
  auto parsed = folder::parse_config(*text, "care.toml");
  if (!parsed.config) {
    cli::print_problems(parsed.problems, kProgram);
    cli::print_error(kProgram, "the settings would not be valid; nothing was changed");
    return std::nullopt;
  }
  settings.text = std::move(*text);
  return parsed.config;
}

bool affected(std::string_view id, const std::string& office) {
  return office.empty() || office == "all" || identity::office_of(id) == office;
}

// Every encrypted identity of the offices concerned, decrypted with the
// person's key (and each decryption logged) to be encrypted again under
// `now`'s recipients. Those the key cannot open are counted.
int reencrypt(const cli::Session& s, const records::Folder& folder, const std::string& office,
              change::Request& request) {
  auto key = identity::find_key(s.root);
  int unreadable = 0;
  for (const auto& [id, c] : folder.cases) {
    if (!c.identity || !c.identity->sealed || !affected(id, office)) continue;
    if (request.dry_run) {  // a dry run decrypts nothing: a decryption is always logged, and a dry run writes nothing
      std::printf("would encrypt %s again\n", c.identity->file.c_str());
      continue;
    }
    auto text = key.path ? change::identity_text(s, c, key.path->string()) : change::IdentityText{};
    std::string error;
    auto line = text.yaml ? change::access_line(s, id, "care-intake keys", "re-encryption", error) : std::nullopt;
    if (!line) {
      ++unreadable;
      continue;
    }
    request.records.push_back({records::Kind::Identity, id, {}, doc::Node::mapping(), std::move(text.yaml)});
    request.companions.push_back(std::move(*line));
  }
  if (unreadable > 0)
    cli::print_error(kProgram, fmt::format("warning: {} encrypted identit{} could not be re-encrypted: {}. Someone who "
                                           "holds a key that opens them runs care-intake keys rekey.",
                                           unreadable, unreadable == 1 ? "y" : "ies",
                                           key.path ? "your key does not open them" : key.why_not));
  return unreadable;
}

int publish(const cli::Workspace& w, const folder::Config& config, change::Request request,
            std::optional<Settings> settings) {
  cli::Session session = w.session;
  session.config = config;
  if (settings) request.companions.insert(request.companions.begin(), {"care.toml", settings->text, settings->stamp});
  std::size_t identities = request.records.size();
  bool dry_run = request.dry_run;
  if (dry_run)
    for (const auto& f : request.companions)
      if (f.relative == "care.toml") std::printf("would change care.toml:\n%s", f.content.c_str());
  change::Outcome outcome = change::apply(session, w.folder, std::move(request));
  int code = change::report(outcome, kProgram);
  if (code == cli::kOk && !dry_run) std::printf("%zu identity record(s) encrypted to the new recipients\n", identities);
  return code;
}

int list_keys(const cli::Workspace& w) {
  auto key = identity::find_key(w.session.root);
  auto mine = key.path ? identity::public_key(w.session.config, *key.path) : identity::Sealed{};
  std::printf("identity.encrypt = %s\n", w.session.config.encrypt ? "true" : "false");
  for (const auto& [office, keys] : w.session.config.recipients)
    for (const auto& k : keys)
      std::printf("%s\t%s%s\n", office.c_str(), k.c_str(), mine.text && *mine.text == k ? "\t(your key)" : "");
  if (!mine.text) cli::print_error(kProgram, fmt::format("note: {}", key.path ? mine.error : key.why_not));
  return cli::kOk;
}

std::vector<std::string> changed_list(const folder::Config& c, const std::string& office, const KeysFlags& flags) {
  auto it = c.recipients.find(office);
  std::vector<std::string> list = it == c.recipients.end() ? std::vector<std::string>{} : it->second;
  for (const auto& k : flags.keys) {
    auto at = std::find(list.begin(), list.end(), k);
    if (flags.action == "add" && at == list.end()) list.push_back(k);
    if (flags.action == "remove" && at != list.end()) list.erase(at);
  }
  return list;
}

// An office with cases whose identities no key could open after the change, or "".
std::string office_left_without_key(const records::Folder& folder, const folder::Config& config) {
  for (const auto& [id, c] : folder.cases)
    if (c.identity && config.recipients_for(identity::office_of(id)).empty()) return identity::office_of(id);
  return {};
}

int change_recipients(const cli::Workspace& w, const KeysFlags& flags) {
  for (const auto& k : flags.keys)
    if (!folder::is_age_recipient(k)) {
      cli::print_error(kProgram, fmt::format("\"{}\" is not an age public key (age1 and 58 letters and digits; "
                                             "age-keygen -y KEYFILE prints yours)", k));
      return cli::kUsage;
    }
  auto settings = read_settings(w.session);
  if (!settings) return cli::kFindings;
  folder::Config config = w.session.config;
  std::vector<std::string> offices = {flags.office}, changed;
  if (flags.action == "remove" && flags.office.empty())
    for (const auto& [office, keys] : w.session.config.recipients) offices.push_back(office);
  for (const auto& office : offices) {
    if (office.empty()) continue;
    auto list = changed_list(config, office, flags);
    auto it = config.recipients.find(office);
    if (it != config.recipients.end() && it->second == list) continue;
    auto next = edited(*settings, "identity.recipients", office, folder::toml_strings(list));
    if (!next) return cli::kFindings;
    config = *next;
    changed.push_back(office);
  }
  if (changed.empty()) {
    std::puts("nothing to change: the recipients are already so");
    return cli::kOk;
  }
  if (std::string office = office_left_without_key(w.folder, config); !office.empty()) {
    cli::print_error(kProgram, fmt::format("office {} would be left without any recipient, and its identities unreadable "
                                           "to everyone; add its new key first. Nothing was changed.", office));
    return cli::kFindings;
  }
  // The cases of the offices whose lists changed; all of them when the program-wide list did.
  bool everyone = std::find(changed.begin(), changed.end(), "all") != changed.end();
  std::string subject = everyone || changed.size() > 1 ? "all offices" : changed.front();
  change::Request request{"care-intake keys", subject, {}, flags.dry_run, false};
  request.detail = flags.action == "add" ? "recipient added" : "recipient removed";
  request.allowed_after_withdrawal = true;
  int unreadable = 0;
  for (const auto& office : everyone ? std::vector<std::string>{""} : changed)
    unreadable += reencrypt(w.session, w.folder, office, request);
  // A removed key still opens every record that is not encrypted again.
  if (unreadable > 0 && flags.action == "remove") {
    cli::print_error(kProgram, "the key is not removed: it would still open the records that could not be encrypted "
                               "again. Run this with a key that opens them. Nothing was changed.");
    return cli::kFindings;
  }
  return publish(w, config, std::move(request), std::move(settings));
}

}  // namespace

int keys_command(const cli::GlobalOptions& global, const KeysFlags& flags) {
  if ((flags.action == "add" || flags.action == "remove") && flags.keys.empty()) {
    cli::print_error(kProgram, fmt::format("keys {} needs the age public keys to {}", flags.action, flags.action));
    return cli::kUsage;
  }
  if (flags.action == "add" && flags.office.empty()) {
    cli::print_error(kProgram, "keys add needs --office: a host country (AT), or all for program-wide keys");
    return cli::kUsage;
  }
  bool reads = flags.action == "list";
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, true, code, reads ? folder::Access::Read : cli::writing(flags.dry_run));
  if (!w) return code;
  if (flags.action == "list") return list_keys(*w);
  if (flags.action == "rekey") {
    change::Request request{"care-intake keys", flags.office.empty() ? "all offices" : flags.office, {}, flags.dry_run, false};
    request.detail = "identities re-encrypted";
    request.allowed_after_withdrawal = true;
    reencrypt(w->session, w->folder, flags.office, request);
    return publish(*w, w->session.config, std::move(request), std::nullopt);
  }
  return change_recipients(*w, flags);
}

int encrypt_command(const cli::GlobalOptions& global, const EncryptFlags& flags) {
  int code = cli::kOk;
  auto w = cli::open_workspace(global, kProgram, true, code, cli::writing(flags.dry_run));
  if (!w) return code;
  folder::Config config = w->session.config;
  std::optional<Settings> settings;
  if (!config.encrypt) {
    settings = read_settings(w->session);
    auto next = settings ? edited(*settings, "identity", "encrypt", "true") : std::nullopt;
    if (!next) return cli::kFindings;
    config = *next;
  }
  change::Request request{"care-intake encrypt", "identity records", {}, flags.dry_run, false};
  request.allowed_after_withdrawal = true;
  for (const auto& [id, c] : w->folder.cases) {
    if (!c.identity || c.identity->sealed) continue;
    util::FileText read = util::read_regular_file(c.identity->absolute.string(), doc::Limits{}.max_bytes);
    if (!read.ok()) {
      cli::print_error(kProgram, fmt::format("cannot read {}: {}; nothing was changed", c.identity->file, read.reason));
      return cli::kNoCaseFolder;
    }
    request.records.push_back({records::Kind::Identity, id, {}, doc::Node::mapping(), std::move(read.text)});
  }
  request.detail = fmt::format("{} encrypted", request.records.size());
  code = publish(*w, config, std::move(request), std::move(settings));
  if (code == cli::kOk && !flags.dry_run)
    std::fputs("The plain versions remain in git history: run care-intake purge, and have every clone follow "
               "(care-intake(1), ERASURE).\n", stderr);
  return code;
}

}  // namespace care::intake
