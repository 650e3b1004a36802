// Finding comments that a person wrote into a record. yaml-cpp drops comments
// when it reads, so before a tool rewrites a record it asks here whether the
// file holds any, and refuses rather than lose them silently. The scan is a
// small lexer that knows quoted scalars and block scalars; it errs towards
// seeing a comment, which only makes the tool refuse with a message.
#include <optional>

#include "doc/yaml_io.h"

namespace care::doc {
namespace {

int indentation(std::string_view line) {
  std::size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? -1 : static_cast<int>(n);
}

// A quote opens a quoted scalar only where a scalar can start.
bool scalar_can_start(std::string_view line, std::size_t i) {
  std::size_t k = line.find_last_not_of(' ', i == 0 ? std::string_view::npos : i - 1);
  if (i == 0 || k == std::string_view::npos || k >= i) return true;
  return std::string_view(":-[{,?").find(line[k]) != std::string_view::npos;
}

// True when the line, outside quotes and comments, ends with a block scalar
// header such as "|", "|-", ">+" or "|2".
bool opens_block_scalar(std::string_view code) {
  std::size_t end = code.find_last_not_of(' ');
  if (end == std::string_view::npos) return false;
  std::size_t k = end;
  while (k > 0 && std::string_view("0123456789+-").find(code[k]) != std::string_view::npos) --k;
  if (code[k] != '|' && code[k] != '>') return false;
  if (k == 0) return true;
  return code[k - 1] == ' ' && scalar_can_start(code, k);
}

// The column of the key (or list dash) that owns a block scalar: its content
// is every following line indented more than that.
int owner_column(std::string_view line) {
  std::size_t p = 0;
  int last_dash = -1;
  while (p < line.size()) {
    if (line[p] == ' ') {
      ++p;
    } else if (line[p] == '-' && p + 1 < line.size() && line[p + 1] == ' ') {
      last_dash = static_cast<int>(p);
      p += 2;
    } else {
      break;
    }
  }
  if (p < line.size() && (line[p] == '|' || line[p] == '>')) return last_dash;
  return static_cast<int>(p);
}

struct Lexer {
  char quote = 0;          // the open quote character, if inside a quoted scalar
  int block_parent = -2;   // indentation of the line that opened a block scalar

  // Returns the column (0-based) of a comment on this line, if any.
  std::optional<std::size_t> scan(std::string_view line) {
    if (block_parent >= -1) {
      int ind = indentation(line);
      if (ind == -1 || ind > block_parent) return std::nullopt;
      block_parent = -2;
    }
    std::size_t code_end = line.size();
    std::optional<std::size_t> comment;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (quote == '"' && c == '\\') ++i;
        else if (c == quote && quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
        else if (c == quote) quote = 0;
      } else if ((c == '"' || c == '\'') && scalar_can_start(line, i)) {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        comment = i;
        code_end = i;
        break;
      }
    }
    if (!quote && opens_block_scalar(line.substr(0, code_end))) block_parent = owner_column(line);
    return comment;
  }
};

}  // namespace

std::optional<CommentAt> find_comment(std::string_view text) {
  Lexer lexer;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    if (number == 1 && text.substr(0, end).starts_with(kSchemaModeline)) {
      start = end + 1;
      continue;
    }
    if (auto col = lexer.scan(text.substr(start, end - start)))
      return CommentAt{number, static_cast<int>(*col) + 1};
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace care::doc
