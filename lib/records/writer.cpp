#include "records/writer.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "schema/catalog.h"
#include "util/atomic_file.h"

namespace care::records {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> existing_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Refuses to rewrite a file whose comments a person wrote and we would drop.
bool comments_would_be_lost(const WriteRequest& r, WriteOutcome& out) {
  if (r.drop_comments) return false;
  auto text = existing_text(r.absolute);
  if (!text) return false;
  auto comment = doc::find_comment(*text);
  if (!comment) return false;
  auto source = std::make_shared<doc::Source>(doc::Source{r.shown, *text});
  out.problems.push_back(diag::at(
      doc::Location{source, comment->line, comment->column}, "write.comments",
      "this record holds comments that rewriting it would lose",
      "Move the comments into the notes field (or an x- field) and run the command again, "
      "or pass --drop-comments to let them go."));
  return true;
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
  if (!reread.root || !doc::equal(*reread.root, r.record)) {
    out.problems.push_back(diag::in_file(r.shown, "write.internal", "the record did not survive writing and reading back",
                                         "Nothing was written. This is a bug in care; please report it."));
    return out;
  }
  out.problems = schema::validate(schema::catalog(), *reread.root, uri);
  if (out.problems.empty()) comments_would_be_lost(r, out);
  out.parsed = std::move(*reread.root);
  return out;
}

std::string write_rendered(const fs::path& absolute, const std::string& yaml) {
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
