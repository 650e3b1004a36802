// The one module that reads and writes YAML (and JSON, read as YAML 1.2).
// Only this module and its .cpp include yaml-cpp.
//
// Reading follows the YAML 1.2 core schema, narrowed so that a country code
// or a date is never taken for something else: only plain `true`/`false` are
// booleans; `null`, `~` and an empty value are null; plain numbers are numbers
// only when written as JSON writes them (so `0012` stays a string); everything
// else, quoted or not, is a string. Anchors, aliases, duplicate keys, explicit
// tags other than !!str, several documents in one file, invalid UTF-8, files
// over a size cap and nesting over a depth cap are refused with a location;
// so are control characters other than tab and line feed (CR, DEL and the C1
// controls included), whether in the text or written as escapes in a quoted
// value or key, and a quote that the end of the file leaves open.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "doc/node.h"
#include "util/file_read.h"

namespace care::doc {

struct Limits {
  std::size_t max_bytes = 1 << 20;  // a record is a few kilobytes
  int max_depth = 32;
};

struct ParseResult {
  std::optional<Node> root;  // set when the text parsed without problems
  diag::Diagnostics problems;
};

// Parses text that came from display_path (used in locations and messages).
ParseResult parse(std::string text, std::string display_path, const Limits& limits = {});

// Reads a file and parses it; a missing or unreadable file is a problem too,
// and so is anything that is not a regular file (util::read_regular_file).
// Nothing past limits.max_bytes is read.
ParseResult read_file(const std::string& file, std::string display_path,
                      const Limits& limits = {});

// The problem to report when util::read_regular_file refused a YAML file or
// the input read.reason describes.
diag::Diagnostic read_failure(const util::FileText& read, std::string display_path,
                              const Limits& limits = {});

// The first line of a record that tells editors running the YAML language
// server where its schema is. The tools write it; it is not a person's comment.
inline constexpr std::string_view kSchemaModeline = "# yaml-language-server: $schema=";

// The first comment in text other than a schema modeline on line 1, if any (1-based line and column). Used to refuse
// rewriting a hand-edited record whose comments would otherwise be lost.
struct CommentAt {
  int line = 0;
  int column = 0;
};
std::optional<CommentAt> find_comment(std::string_view text);

// Canonical YAML for a tree: block style, keys in the tree's order (the
// schema module puts them in schema order first), two-space indent, LF, final
// newline, UTF-8. Any string that a YAML 1.1 or 1.2 reader could take for a
// boolean, null, number or date is quoted. Reading the result gives back an
// equal tree.
std::string emit(const Node& root);

// The tree as JSON, one line or indented by two spaces; numbers as written.
std::string emit_json(const Node& root, bool pretty);

// True when a string must be quoted to be read back as the same string by any
// YAML reader.
bool needs_quotes(std::string_view s);

}  // namespace care::doc
