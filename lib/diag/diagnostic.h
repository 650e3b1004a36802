// Problems are values: every check collects them into a list and the caller
// decides how to show them. Nothing in lib/ prints a problem or throws one.
#pragma once

#include <string>
#include <vector>

#include "doc/node.h"

namespace care::diag {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable name of the check, e.g. "schema.enum", "rule.date-order"
  std::string file;     // as shown to the user; empty for folder-wide problems
  int line = 0;         // 1-based; 0 when the problem has no line
  int column = 0;
  std::string message;  // what is wrong, one line
  std::string hint;     // one sentence on how to fix it
  std::string excerpt;  // the offending source line, if known
};

using Diagnostics = std::vector<Diagnostic>;

// A problem located at a node of a document; copies the source line.
Diagnostic at(const doc::Location& where, std::string code, std::string message,
              std::string hint, Severity severity = Severity::Error);

// A problem about a whole file (missing file, unreadable file, ...).
Diagnostic in_file(std::string file, std::string code, std::string message,
                   std::string hint, Severity severity = Severity::Error);

std::size_t count(const Diagnostics& all, Severity severity);

// Orders by file, line, column, code, message: the order every output uses.
void sort(Diagnostics& all);

// "FILE:LINE:COL: error: message", the excerpt with a caret, then the hint.
// program is the prefix of the first line, e.g. "care-report".
std::string render_text(const Diagnostic& d, std::string_view program);

// {"version":1,"problems":[...],"errors":N,"warnings":N}
std::string render_json(const Diagnostics& all);

}  // namespace care::diag
