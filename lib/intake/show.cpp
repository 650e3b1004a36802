#include "intake/show.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "change/identity_read.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "identity/age.h"
#include "doc/yaml_io.h"
#include "intake/intake.h"
#include "records/store.h"
#include "util/file_read.h"
#include "util/utf8.h"

namespace care::intake {
namespace fs = std::filesystem;
using records::Kind;
namespace {

// A real file, not a link: links are never followed inside a case folder.
bool is_plain_file(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() == fs::file_type::regular;
}

// "2014-03-10" < "2014-03-10-2" < "2014-03-10-10": by date, then by the
// number of the record that day, which plain string order gets wrong.
bool dated_before(const std::string& a, const std::string& b) {
  if (a.compare(0, 10, b, 0, 10) != 0) return a < b;
  // The suffixes are digits without leading zeros: the shorter is the smaller.
  std::string_view na = a.size() > 10 ? std::string_view(a).substr(11) : "1";
  std::string_view nb = b.size() > 10 ? std::string_view(b).substr(11) : "1";
  return na.size() != nb.size() ? na.size() < nb.size() : na < nb;
}

void add_dated(std::vector<CaseFile>& out, const fs::path& root, std::string_view id, std::string_view folder) {
  std::string base = fmt::format("cases/{}/{}", id, folder);
  std::vector<std::pair<std::string, Kind>> found;
  std::error_code ec;
  for (fs::directory_iterator it(root / base, ec), end; !ec && it != end; it.increment(ec)) {
    std::string relative = base + "/" + it->path().filename().string();
    auto c = records::classify(relative);
    if (c.placement && is_plain_file(it->path())) found.emplace_back(c.placement->stem, c.placement->kind);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return dated_before(a.first, b.first); });
  for (const auto& [stem, kind] : found) out.push_back({kind, records::path_of(kind, id, stem), std::nullopt});
}

diag::Diagnostic unreadable(const std::string& relative, const util::FileText& read) {
  return diag::in_file(relative, "show.unreadable", fmt::format("cannot read the file: {}", read.reason),
                       "Check it with care-report check.");
}

void render_yaml(Shown& out, const fs::path& root, const CaseFile& f) {
  if (f.text) {
    out.text += fmt::format("--- {} (decrypted)\n{}", f.relative, *f.text);
    if (!f.text->empty() && f.text->back() != '\n') out.text += '\n';
    return;
  }
  // Bounded as a record is when it is loaded.
  util::FileText read = util::read_regular_file((root / f.relative).string(), doc::Limits{}.max_bytes);
  if (!read.ok()) return out.problems.push_back(unreadable(f.relative, read));
  out.text += fmt::format("--- {}\n{}", f.relative, read.text);
  if (!read.text.empty() && read.text.back() != '\n') out.text += '\n';
}

void render_json(doc::Node& list, Shown& out, const fs::path& root, const CaseFile& f) {
  auto parsed = f.text ? doc::parse(*f.text, f.relative) : doc::read_file((root / f.relative).string(), f.relative);
  for (auto& d : parsed.problems) {
    if (f.kind == Kind::Identity) records::redact(d);  // stderr may end up in a log
    out.problems.push_back(std::move(d));
  }
  if (!parsed.root) return;
  doc::Node entry = doc::Node::mapping();
  entry.set("path", doc::Node::string(f.relative));
  entry.set("kind", doc::Node::string(std::string(records::info(f.kind).name)));
  entry.set("record", std::move(*parsed.root));
  list.push_back(std::move(entry));
}

}  // namespace

std::vector<CaseFile> case_files(const fs::path& root, std::string_view id, bool with_identity) {
  std::vector<CaseFile> out;
  auto fixed = [&](Kind kind) {
    std::string relative = records::path_of(kind, id);
    if (is_plain_file(root / relative)) out.push_back({kind, relative, std::nullopt});
  };
  if (with_identity) {
    fixed(Kind::Identity);
    std::string sealed = records::sealed_identity_path(id);
    if (out.empty() && is_plain_file(root / sealed)) out.push_back({Kind::Identity, sealed, std::nullopt});
  }
  fixed(Kind::Case);
  fixed(Kind::Minor);
  add_dated(out, root, id, "assessments");
  fixed(Kind::Plan);
  fixed(Kind::Return);
  fixed(Kind::MonitoringPlan);
  add_dated(out, root, id, "monitoring");
  fixed(Kind::Closure);
  return out;
}

Shown render_case(const fs::path& root, std::string_view id, const std::vector<CaseFile>& files,
                  std::string_view format) {
  Shown out;
  if (format != "json") {
    for (const auto& f : files) render_yaml(out, root, f);
    return out;
  }
  doc::Node list = doc::Node::sequence();
  for (const auto& f : files) render_json(list, out, root, f);
  doc::Node top = doc::Node::mapping();
  top.set("version", doc::Node::integer(1));
  top.set("case", doc::Node::string(std::string(id)));
  top.set("records", std::move(list));
  out.text = doc::emit_json(top, true);
  return out;
}

namespace {

// Decrypts a case's encrypted identity, logging the access first: nothing
// is shown unless the log line was published. kOk with no text: the
// identity is not encrypted.
int decrypt_identity(const cli::GlobalOptions& global, const ShowFlags& flags, std::optional<std::string>& text) {
  auto work = [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (!c.identity || !c.identity->sealed) return cli::kOk;
    auto key = identity::find_key(w.session.root);
    if (!key.path) {
      cli::print_error(kProgram, fmt::format("cannot show the identity of {}: {}", flags.id, key.why_not));
      return cli::kFindings;
    }
    auto opened = change::identity_text(w.session, c, key.path->string());
    if (!opened.yaml) {
      cli::print_error(kProgram, opened.error);
      return cli::kFindings;
    }
    std::string error;
    auto line = change::access_line(w.session, flags.id, "care-intake show --identity", flags.purpose, error);
    if (!line) {
      cli::print_error(kProgram, error + "; the identity is not shown without logging the access");
      return cli::kFindings;
    }
    int code = change::publish_access(w.session, w.folder, kProgram, "care-intake show", flags.id, {std::move(*line)});
    if (code == cli::kOk || code == cli::kNotCommitted) text = std::move(opened.yaml);
    return code;
  };
  return cli::with_case(global, kProgram, flags.id, true, folder::Access::Write, work);
}

}  // namespace

int show_command(const cli::GlobalOptions& global, const ShowFlags& flags) {
  // The ID becomes part of a path: check it before anything touches the disk.
  if (!records::is_case_id(flags.id)) {
    cli::print_error(kProgram, fmt::format("\"{}\" is not a case ID (they look like AT-2014-007)", flags.id));
    return cli::kUsage;
  }
  if (flags.identity && flags.purpose.empty()) {
    cli::print_error(kProgram, "--identity needs --purpose TEXT: why the identity is read (kept in the case's access.log)");
    return cli::kUsage;
  }
  int code = cli::kOk;
  std::optional<std::string> decrypted;
  if (flags.identity) code = decrypt_identity(global, flags, decrypted);
  if (code != cli::kOk && code != cli::kNotCommitted) return code;
  int logged = code;
  auto session = cli::open_or_explain(global, kProgram, code);
  if (!session) return code;
  std::error_code ec;
  if (fs::symlink_status(session->root / "cases" / flags.id, ec).type() != fs::file_type::directory) {
    cli::print_error(kProgram, fmt::format("no case {}", flags.id));
    return cli::kFindings;
  }
  auto files = [&] {
    auto list = case_files(session->root, flags.id, flags.identity);
    for (auto& f : list)
      if (f.relative.ends_with(".age")) f.text = decrypted;
    // An encrypted identity that was not decrypted (it appeared meanwhile) is not shown.
    std::erase_if(list, [](const CaseFile& f) { return f.relative.ends_with(".age") && !f.text; });
    return list;
  };
  Shown shown = render_case(session->root, flags.id, files(), flags.format);
  auto again = cli::read_again(*session, kProgram, code);
  if (!again) return code;
  if (*again) shown = render_case(session->root, flags.id, files(), flags.format);
  // The records are shown as they are, but no byte of them may drive the terminal.
  std::fputs((flags.format == "json" ? shown.text : util::visible(shown.text, true)).c_str(), stdout);
  cli::print_problems(shown.problems, kProgram);
  return shown.problems.empty() ? logged : cli::kFindings;
}

}  // namespace care::intake
