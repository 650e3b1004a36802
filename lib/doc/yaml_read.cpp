// Reading YAML into the typed tree through yaml-cpp's event interface, so that
// anchors, duplicate keys and depth are seen as they happen and every node gets
// its line and column. yaml-cpp's own Node type is never used: it types
// scalars by YAML 1.1 rules and forgets duplicates.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "doc/yaml_text.h"
#include "util/file_read.h"
#include "util/utf8.h"

namespace care::doc {
namespace {

constexpr std::string_view kControlHint =
    "Remove it: editors seldom show it, so retype the line if you cannot see it. "
    "Write a line break as a new line and a tab as a tab.";

diag::Diagnostic control_character(const Location& where, char32_t c) {
  return diag::at(where, "yaml.control-character",
                  fmt::format("the control character {} is not allowed in a record", text::name_of(c)),
                  std::string(kControlHint));
}

constexpr std::string_view kSyntaxHint =
    "Check the indentation and that each \"key: value\" has a space after the colon; "
    "quote values that contain \": \" or \" #\".";

// Thrown only inside this file to stop the parser early (depth cap).
struct StopParsing {};

enum class Numeral { None, Integer, Fraction };

// Whether text is a number as JSON writes one: -?(0|[1-9][0-9]*), then
// perhaps a fraction (.[0-9]+) and an exponent ([eE][-+]?[0-9]+).
Numeral json_numeral(std::string_view text) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  auto next_is = [&](std::string_view chars) {
    return i < text.size() && chars.find(text[i]) != std::string_view::npos;
  };
  if (next_is("-")) ++i;
  if (next_is("0"))
    ++i;
  else if (!next_is("123456789") || digits() == 0)
    return Numeral::None;
  Numeral kind = Numeral::Integer;
  if (next_is(".")) {
    ++i;
    if (digits() == 0) return Numeral::None;
    kind = Numeral::Fraction;
  }
  if (next_is("eE")) {
    ++i;
    if (next_is("-+")) ++i;
    if (digits() == 0) return Numeral::None;
    kind = Numeral::Fraction;
  }
  return i == text.size() ? kind : Numeral::None;
}

// Types a plain scalar. Numbers must look like JSON numbers so that a code
// such as 0012 or a date stays a string.
Node resolve_plain(const std::string& text, Location at) {
  if (text == "true") return Node::boolean(true, std::move(at));
  if (text == "false") return Node::boolean(false, std::move(at));
  Numeral kind = json_numeral(text);
  if (kind == Numeral::Integer) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
      return Node::integer(value, text, std::move(at));
  }
  if (kind != Numeral::None)
    return Node::number(std::strtod(text.c_str(), nullptr), text, std::move(at));
  return Node::string(text, std::move(at));
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::shared_ptr<const Source> source, const Limits& limits,
              diag::Diagnostics& problems)
      : source_(std::move(source)), limits_(limits), problems_(problems),
        bom_(source_->text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

  std::optional<Node> take_root() { return std::move(root_); }
  int documents() const { return documents_; }
  // Where the second document starts, to point at it when refusing it.
  Location second_document() const { return at(second_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 2) second_ = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(Node::null(at(mark)));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    problem(mark, "yaml.alias", "aliases (*name) are not allowed in records",
            "Write the value out in full where the alias stands.");
    add(Node::null(at(mark)));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_text(mark, tag, value);
    if (tag == "?") return add(resolve_plain(value, at(mark)));
    if (tag != "!" && tag != "tag:yaml.org,2002:str") bad_tag(mark, tag);
    add(Node::string(value, at(mark)));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Node::sequence(at(mark)));
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Node::mapping(at(mark)));
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    std::optional<Node> key;  // a mapping's key waiting for its value
  };

  Location at(const YAML::Mark& mark) const {
    return Location{source_, mark.line + 1, mark.column + 1};
  }

  // Where a byte of the text is, counted on from a mark before it. yaml-cpp
  // leaves a byte order mark out of its offsets.
  Location at(const YAML::Mark& mark, std::size_t offset) const {
    std::size_t from = static_cast<std::size_t>(mark.pos) + bom_;
    util::TextPosition p = text::advance(source_->text, from, {mark.line + 1, mark.column + 1}, offset);
    return Location{source_, p.line, p.column};
  }

  // What yaml-cpp lets through: a quote left open at the end of the file,
  // and control characters written as escapes ("\x1b", "\0").
  void check_text(const YAML::Mark& mark, const std::string& tag, const std::string& value) {
    std::optional<text::Quoted> quoted;
    if (tag != "?") quoted = text::quoted_at(source_->text, static_cast<std::size_t>(mark.pos) + bom_);
    if (quoted && !quoted->closed) {
      const char quote = source_->text[quoted->open];
      problems_.push_back(diag::at(at(mark, quoted->open), "yaml.unterminated-quote",
                                   fmt::format("the quote {} opened here is never closed", quote),
                                   fmt::format("Add the closing {} at the end of the text.", quote)));
      return;
    }
    const text::ValueCheck check = text::check_value(value);
    if (check.fault == text::ValueFault::None) return;
    if (quoted && quoted->bad_escape)
      problems_.push_back(control_character(at(mark, *quoted->bad_escape), quoted->bad_character));
    else if (check.fault == text::ValueFault::Control)
      problems_.push_back(control_character(at(mark), check.character));
    else
      problem(mark, "yaml.encoding", "an escape in this text does not give a character that can be kept",
              "Write the character itself rather than as an escape such as \\_ or \\N.");
  }

  void problem(const YAML::Mark& mark, std::string code, std::string message, std::string hint) {
    problems_.push_back(diag::at(at(mark), std::move(code), std::move(message), std::move(hint)));
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    problem(mark, "yaml.anchor", "anchors (&name) are not allowed in records",
            "Remove the anchor and write each value out in full.");
  }

  void bad_tag(const YAML::Mark& mark, const std::string& tag) {
    problem(mark, "yaml.tag", fmt::format("tag \"{}\" is not allowed in records", tag),
            "Remove the tag; quote the value if it must be read as text.");
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, Node node) {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!" && !tag.empty()) bad_tag(mark, tag);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      problem(mark, "yaml.depth",
              fmt::format("nesting is deeper than {} levels", limits_.max_depth),
              "Records are shallow; check the indentation of this part of the file.");
      throw StopParsing{};
    }
    stack_.push_back(Frame{std::move(node), std::nullopt});
  }

  void close() {
    Node done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }

  void add(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_sequence()) return top.node.push_back(std::move(node));
    if (!top.key) return set_key(top, std::move(node));
    Node key = std::move(*top.key);
    top.key.reset();
    top.node.entries().push_back(Node::Entry{key.text(), key.location(), std::move(node)});
  }

  void set_key(Frame& top, Node key) {
    const Location& where = key.location();
    if (!key.is_scalar() || key.is_null()) {
      problems_.push_back(diag::at(where, "yaml.key", "a key must be a plain word or text",
                                   "Write the key as text, such as \"date:\"."));
      key = Node::string("?", where);
    } else if (const Node::Entry* first = top.node.find_entry(key.text())) {
      problems_.push_back(diag::at(
          where, "yaml.duplicate-key",
          fmt::format("duplicate key \"{}\" (first at line {})", key.text(), first->key_at.line),
          "Keep one of the two entries and delete the other."));
    }
    top.key = std::move(key);
  }

  std::shared_ptr<const Source> source_;
  const Limits& limits_;
  diag::Diagnostics& problems_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  int documents_ = 0;
  YAML::Mark second_;
  std::size_t bom_;
};

std::string syntax_message(const std::string& what) {
  return fmt::format("YAML syntax error: {}", what);
}

void parse_events(const std::shared_ptr<const Source>& source, const Limits& limits,
                  ParseResult& result) {
  std::istringstream in(source->text);
  TreeBuilder builder(source, limits, result.problems);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (parser.HandleNextDocument(builder) && builder.documents() > 1) {
      result.problems.push_back(diag::at(builder.second_document(), "yaml.documents",
                                         "the file holds more than one YAML document",
                                         "Keep one record per file; remove the \"---\" "
                                         "separator and what follows it."));
    }
  } catch (const YAML::Exception& e) {
    Location where{source, e.mark.line + 1, e.mark.column + 1};
    result.problems.push_back(diag::at(where, "yaml.syntax", syntax_message(e.msg),
                                       std::string(kSyntaxHint)));
    return;
  } catch (const StopParsing&) {
    return;
  }
  if (!result.problems.empty()) return;
  result.root = builder.take_root();
  if (!result.root) result.root = Node::null(Location{source, 1, 1});
}

}  // namespace

diag::Diagnostic read_failure(const util::FileText& read, std::string display_path, const Limits& limits) {
  switch (read.failure) {
    case util::ReadFailure::TooLarge:
      return diag::in_file(std::move(display_path), "yaml.size",
                           fmt::format("the file is larger than {} bytes, the most a record may have",
                                       limits.max_bytes),
                           "Check that this is the right file; records are a few kilobytes.");
    case util::ReadFailure::NotRegular:
      return diag::in_file(std::move(display_path), "file.not-regular",
                           fmt::format("cannot read the file: {}", read.reason),
                           "Give the path of the record file itself.");
    default:
      return diag::in_file(std::move(display_path), "file.unreadable",
                           fmt::format("cannot read the file: {}", read.reason),
                           "Check that it exists and that you may read it.");
  }
}

ParseResult parse(std::string text, std::string display_path, const Limits& limits) {
  ParseResult result;
  auto source = std::make_shared<Source>(Source{std::move(display_path), std::move(text)});
  if (source->text.size() > limits.max_bytes) {
    result.problems.push_back(diag::at(
        Location{source, 1, 1}, "yaml.size",
        fmt::format("the file is larger than {} bytes, the most a record may have",
                    limits.max_bytes),
        "Check that this is the right file; records are a few kilobytes."));
    return result;
  }
  if (auto bad = text::first_forbidden(source->text)) {
    util::TextPosition p = text::advance(source->text, 0, {}, bad->offset);
    diag::Diagnostic d = control_character(Location{source, p.line, p.column}, bad->character);
    if (bad->character == '\r')
      d.hint = "Save the file with LF (Unix) line endings, not CR LF; most editors offer the choice "
               "beside the encoding.";
    result.problems.push_back(std::move(d));
    return result;
  }
  if (auto bad = util::find_invalid_utf8(source->text)) {
    result.problems.push_back(diag::at(Location{source, bad->line, bad->column}, "yaml.encoding",
                                       "the file is not valid UTF-8 text",
                                       "Save the file as UTF-8 in your editor."));
    return result;
  }
  parse_events(source, limits, result);
  return result;
}

ParseResult read_file(const std::string& file, std::string display_path, const Limits& limits) {
  util::FileText read = util::read_regular_file(file, limits.max_bytes);
  if (read.ok()) return parse(std::move(read.text), std::move(display_path), limits);
  ParseResult result;
  result.problems.push_back(read_failure(read, std::move(display_path), limits));
  return result;
}

}  // namespace care::doc
