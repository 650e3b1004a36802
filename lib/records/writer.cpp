#include "records/writer.h"

#include <algorithm>

#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "schema/catalog.h"
#include "util/atomic_file.h"
#include "util/file_read.h"

namespace care::records {
namespace fs = std::filesystem;
namespace {

// What the record would replace. Anything there that cannot be read whole as
// a regular file (a named pipe, a folder, a link, a file too large to be a
// record) is left alone and refuses the write: replacing it unseen could lose
// a person's work, and opening a named pipe could hang.
bool existing_unusable(const WriteRequest& r, const util::FileText& existing, WriteOutcome& out) {
  switch (existing.failure) {
    case util::ReadFailure::None:
    case util::ReadFailure::Missing: return false;
    case util::ReadFailure::NotRegular:
      out.problems.push_back(diag::in_file(r.shown, "folder.not-regular",
                                           fmt::format("cannot replace the record: {}", existing.reason),
                                           "Nothing was written; remove it, or put the record itself in its place."));
      return true;
    default:
      out.problems.push_back(diag::in_file(r.shown, "write.unreadable",
                                           fmt::format("cannot read the record this would replace: {}", existing.reason),
                                           "Nothing was written; run care-report check and mend the file first."));
      return true;
  }
}

// Refuses to rewrite a file whose comments a person wrote and we would drop.
bool comments_would_be_lost(const WriteRequest& r, const std::string& text, WriteOutcome& out) {
  if (r.drop_comments) return false;
  auto comment = doc::find_comment(text);
  if (!comment) return false;
  auto source = std::make_shared<doc::Source>(doc::Source{r.shown, text});
  out.problems.push_back(diag::at(
      doc::Location{source, comment->line, comment->column}, "write.comments",
      "this record holds comments that rewriting it would lose",
      "Move the comments into the notes field (or an x- field) and run the command again, "
      "or pass --drop-comments to let them go."));
  return true;
}

bool holds_control_characters(const doc::ParseResult& reread) {
  return !reread.problems.empty() &&
         std::all_of(reread.problems.begin(), reread.problems.end(),
                     [](const diag::Diagnostic& d) { return d.code == "yaml.control-character"; });
}

}  // namespace

WriteOutcome render_record(WriteRequest r) {
  WriteOutcome out;
  auto uri = schema::uri_for(info(r.kind).schema_file);
  schema::order_keys(schema::catalog(), r.record, uri);
  out.yaml = doc::emit(r.record);
  if (!r.schema_link.empty()) out.yaml = std::string(doc::kSchemaModeline) + r.schema_link + "\n" + out.yaml;
  // Validate what will be on disk, read back, so that locations point into
  // it. The bytes must read back as the same record: anything else is a bug
  // here, and a record is better left unwritten than written wrong.
  auto reread = doc::parse(out.yaml, r.shown);
  if (holds_control_characters(reread)) {
    // A value given on the command line, never read from a file: the reader
    // refuses it as it would in any record, at its place in what was to be written.
    out.problems = std::move(reread.problems);
    return out;
  }
  if (!reread.root || !doc::equal(*reread.root, r.record)) {
    out.problems.push_back(diag::in_file(r.shown, "write.internal", "the record did not survive writing and reading back",
                                         "Nothing was written. This is a bug in care; please report it."));
    return out;
  }
  out.problems = schema::validate(schema::catalog(), *reread.root, uri);
  if (out.problems.empty()) {
    util::FileText existing = util::read_regular_file(r.absolute.string(), doc::Limits{}.max_bytes);
    if (!existing_unusable(r, existing, out)) comments_would_be_lost(r, existing.text, out);
  }
  out.parsed = std::move(*reread.root);
  return out;
}

std::string write_rendered(const fs::path& absolute, const std::string& yaml) {
  // Checked again at the last moment, for writers that did not render here.
  std::error_code ec;
  const fs::file_type now = fs::symlink_status(absolute, ec).type();
  if (now != fs::file_type::not_found && now != fs::file_type::regular && now != fs::file_type::none)
    return fmt::format("cannot replace {}: it is {}, not a regular file", absolute.generic_string(), util::describe(now));
  std::string error = util::make_private_dirs(absolute.parent_path().string());
  return error.empty() ? util::write_atomically(absolute.string(), yaml) : error;
}

WriteOutcome write_record(WriteRequest r) {
  fs::path target = r.absolute;
  std::string shown = r.shown;
  bool dry_run = r.dry_run;
  WriteOutcome out = render_record(std::move(r));
  if (!out.problems.empty() || dry_run) return out;
  if (std::string error = write_rendered(target, out.yaml); !error.empty()) {
    out.io_failure = true;
    out.problems.push_back(diag::in_file(shown, "write.failed", error, "Nothing was changed; check the disk and permissions."));
    return out;
  }
  out.written = true;
  return out;
}

}  // namespace care::records
