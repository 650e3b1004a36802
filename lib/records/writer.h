// Writing a record: put its keys in schema order, validate it, and only then
// replace the file atomically. An invalid record is never written, and a
// file whose comments would be lost is not rewritten without being told to.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "doc/node.h"
#include "records/kind.h"

namespace care::records {

struct WriteRequest {
  std::filesystem::path absolute;  // where the record goes
  std::string shown;               // how its path is shown in messages
  Kind kind = Kind::Case;
  doc::Node record;                // the whole record, fields the command does not own included
  bool dry_run = false;            // validate and render, but write nothing
  bool drop_comments = false;      // the person agreed to lose comments in the existing file
  // A relative path to the record's schema, for editors running the YAML
  // language server; written as the file's first line when not empty.
  std::string schema_link;
};

struct WriteOutcome {
  diag::Diagnostics problems;  // why nothing was written
  std::string yaml;            // the bytes written (or that would be, on a dry run)
  bool written = false;
  bool io_failure = false;     // the disk refused: exit 5 rather than 1
  std::optional<doc::Node> parsed;  // the rendered record read back, located in `yaml`
};

// Orders, renders and validates the record, and checks that no comments would
// be lost; writes nothing. out.yaml holds the bytes when there are no problems.
WriteOutcome render_record(WriteRequest request);

// render_record, then (unless a dry run) the atomic write.
WriteOutcome write_record(WriteRequest request);

// Writes bytes already rendered by render_record; "" or a one-line reason.
std::string write_rendered(const std::filesystem::path& absolute, const std::string& yaml);

}  // namespace care::records
