#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "util/json_text.h"
#include "util/utf8.h"

namespace care::diag {

Diagnostic at(const doc::Location& where, std::string code, std::string message,
              std::string hint, Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.file = where.path();
  d.line = where.line;
  d.column = where.column;
  d.message = std::move(message);
  d.hint = std::move(hint);
  if (where.source) d.excerpt = std::string(where.source->line(where.line));
  return d;
}

Diagnostic in_file(std::string file, std::string code, std::string message, std::string hint,
                   Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.file = std::move(file);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::size_t count(const Diagnostics& all, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void sort(Diagnostics& all) {
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column, a.code, a.message) <
           std::tie(b.file, b.line, b.column, b.code, b.message);
  });
}

namespace {

std::string_view severity_word(Severity s) { return s == Severity::Error ? "error" : "warning"; }

std::string place(const Diagnostic& d) {
  if (d.file.empty()) return {};
  if (d.line == 0) return util::visible(d.file) + ": ";
  return fmt::format("{}:{}:{}: ", util::visible(d.file), d.line, d.column);
}

// The source line, and a caret under the column. The caret is placed after
// the line is made visible, so that an escaped byte or a letter of several
// bytes before it does not push it off; tabs are kept so that it lines up.
std::string excerpt(const Diagnostic& d) {
  if (d.line == 0 || d.excerpt.empty()) return {};
  std::string number = std::to_string(d.line);
  std::string gutter(number.size(), ' ');
  auto before = static_cast<std::size_t>(std::max(d.column - 1, 0));
  std::string shown_before = util::visible(std::string_view(d.excerpt).substr(0, before));
  std::string pad;
  for (std::size_t i = 0; i < shown_before.size(); ++i)
    if ((static_cast<unsigned char>(shown_before[i]) & 0xC0) != 0x80) pad += shown_before[i] == '\t' ? '\t' : ' ';
  return fmt::format("{} | {}\n{} | {}^\n", number, util::visible(d.excerpt), gutter, pad);
}

}  // namespace

// Every text field may hold what a file or an argument said: made visible here,
// at the one place that turns a problem into terminal text.
std::string render_text(const Diagnostic& d, std::string_view program) {
  std::string out = fmt::format("{}: {}{}: {}\n", program, place(d), severity_word(d.severity), util::visible(d.message));
  out += excerpt(d);
  if (!d.hint.empty()) out += util::visible(d.hint) + "\n";
  return out;
}

std::string render_json(const Diagnostics& all) {
  std::string out = "{\"version\":1,\"problems\":[";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Diagnostic& d = all[i];
    if (i) out += ',';
    out += fmt::format(
        "{{\"file\":{},\"line\":{},\"column\":{},\"severity\":{},\"code\":{},\"message\":{},"
        "\"hint\":{}}}",
        util::json_string(d.file), d.line, d.column, util::json_string(severity_word(d.severity)),
        util::json_string(d.code), util::json_string(d.message), util::json_string(d.hint));
  }
  out += fmt::format("],\"errors\":{},\"warnings\":{}}}\n", count(all, Severity::Error),
                     count(all, Severity::Warning));
  return out;
}

}  // namespace care::diag
