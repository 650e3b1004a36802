#include "change/identity_read.h"

#include <fmt/format.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "doc/yaml_io.h"
#include "identity/access_log.h"
#include "identity/age.h"
#include "records/redact.h"
#include "util/beneath.h"
#include "util/file_read.h"

namespace care::change {
namespace {

}  // namespace

IdentityText identity_text(const cli::Session& s, const records::Case& c, const std::string& key) {
  IdentityText out;
  if (!c.identity) {
    out.error = fmt::format("{} has no identity record", c.id);
    return out;
  }
  const records::Record& r = *c.identity;
  if (r.sealed) {
    auto opened = identity::unseal(s.config, key, r.sealed_text);
    if (!opened.text) {
      out.error = fmt::format("{}: {}", r.file, opened.error);
      return out;
    }
    out.yaml = std::move(opened.text);
    out.decrypted = true;
  } else {
    util::FileText read = util::read_regular_file(r.absolute.string(), doc::Limits{}.max_bytes);
    if (!read.ok()) {
      out.error = fmt::format("cannot read {}: {}", r.file, read.reason);
      return out;
    }
    out.yaml = std::move(read.text);
  }
  auto parsed = doc::parse(*out.yaml, r.file);
  out.root = std::move(parsed.root);
  return out;
}

std::optional<folder::StagedFile> access_line(const cli::Session& s, std::string_view case_id,
                                              std::string_view command, std::string_view purpose,
                                              std::string& error) {
  std::string relative = identity::access_log_path(case_id);
  std::string path = (s.root / relative).string();
  folder::StagedFile f{relative, {}, util::stamp_of(path)};
  if (f.replaces) {
    util::FileText read = util::read_regular_file(path, identity::kMaxAccessLogBytes);
    if (!read.ok()) {
      error = fmt::format("cannot read {}: {}", relative, read.reason);
      return std::nullopt;
    }
    f.content = std::move(read.text);
    if (!f.content.empty() && f.content.back() != '\n') f.content += '\n';
  }
  f.content += identity::line_of({identity::now_utc(), identity::who_am_i(s.root), std::string(command),
                                  std::string(purpose)});
  return f;
}

int publish_access(const cli::Session& session, const records::Folder& folder, std::string_view program,
                   const std::string& command, const std::string& case_id, std::vector<folder::StagedFile> lines) {
  if (lines.empty()) return cli::kOk;
  Request request{command, case_id, {}, false, false};
  request.detail = "identity read";
  request.companions = std::move(lines);
  request.allowed_after_withdrawal = true;
  request.erasing = true;  // a log line is not a change of the case
  Outcome outcome = apply(session, folder, std::move(request));
  if (outcome.exit_code != cli::kOk)
    cli::print_error(program, "the access could not be logged, so the identity is not shown");
  return report(outcome, program);
}

}  // namespace care::change
