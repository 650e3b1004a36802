// The typed tree as JSON text: for machine output and for the copies of the
// schemas that editors read.
#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "util/json_text.h"

namespace care::doc {
namespace {

void write(std::string& out, const Node& n, int indent, bool pretty) {
  auto newline = [&](int level) {
    if (pretty) out += '\n' + std::string(static_cast<std::size_t>(level) * 2, ' ');
  };
  switch (n.type()) {
    case Node::Type::Null: out += "null"; return;
    case Node::Type::Bool: out += n.as_bool() ? "true" : "false"; return;
    case Node::Type::Integer: out += std::to_string(n.as_integer()); return;
    case Node::Type::Number: out += n.text().empty() ? fmt::format("{}", n.as_number()) : n.text(); return;
    case Node::Type::String: out += util::json_string(n.text()); return;
    case Node::Type::Sequence:
      out += '[';
      for (std::size_t i = 0; i < n.items().size(); ++i) {
        if (i) out += ',';
        newline(indent + 1);
        write(out, n.items()[i], indent + 1, pretty);
      }
      if (!n.items().empty()) newline(indent);
      out += ']';
      return;
    case Node::Type::Mapping:
      out += '{';
      for (std::size_t i = 0; i < n.entries().size(); ++i) {
        if (i) out += ',';
        newline(indent + 1);
        out += util::json_string(n.entries()[i].key) + (pretty ? ": " : ":");
        write(out, n.entries()[i].value, indent + 1, pretty);
      }
      if (!n.entries().empty()) newline(indent);
      out += '}';
      return;
  }
}

}  // namespace

std::string emit_json(const Node& root, bool pretty) {
  std::string out;
  write(out, root, 0, pretty);
  return out + "\n";
}

}  // namespace care::doc
