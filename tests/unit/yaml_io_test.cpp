#include <doctest/doctest.h>

#include <sys/stat.h>

#include "doc/yaml_io.h"
#include "test_support.h"

using care::doc::Node;
using care::doc::parse;

namespace {

Node read(const std::string& text) {
  auto r = parse(text, "t.yaml");
  REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].message));
  REQUIRE(r.root);
  return *r.root;
}

care::diag::Diagnostic first_problem(const std::string& text) {
  auto r = parse(text, "t.yaml");
  REQUIRE_FALSE(r.problems.empty());
  CHECK_FALSE(r.root);
  return r.problems.front();
}

}  // namespace

TEST_CASE("yaml_io: only true and false are booleans") {
  Node n = read("a: true\nb: false\nc: yes\nd: NO\ne: True\nf: off\n");
  CHECK(n.find("a")->is_bool());
  CHECK(n.find("a")->as_bool());
  CHECK(n.find("b")->is_bool());
  for (const char* key : {"c", "d", "e", "f"}) {
    CAPTURE(key);
    CHECK(n.find(key)->is_string());
  }
  CHECK(n.find("d")->text() == "NO");
}

TEST_CASE("yaml_io: numbers only as JSON writes them; dates and codes stay strings") {
  Node n = read("a: 12\nb: 0012\nc: 2014-03-01\nd: -3.5\ne: 1e3\nf: 0x1F\ng: .5\nh: 1_000\ni: \"12\"\n");
  CHECK(n.find("a")->is_integer());
  CHECK(n.find("a")->as_integer() == 12);
  CHECK(n.find("b")->is_string());
  CHECK(n.find("b")->text() == "0012");
  CHECK(n.find("c")->is_string());
  CHECK(n.find("d")->type() == Node::Type::Number);
  CHECK(n.find("d")->as_number() == -3.5);
  CHECK(n.find("e")->type() == Node::Type::Number);
  CHECK(n.find("f")->is_string());
  CHECK(n.find("g")->is_string());
  CHECK(n.find("h")->is_string());
  CHECK(n.find("i")->is_string());
}

TEST_CASE("yaml_io: null forms") {
  Node n = read("a: null\nb: ~\nc:\nd: \"null\"\n");
  CHECK(n.find("a")->is_null());
  CHECK(n.find("b")->is_null());
  CHECK(n.find("c")->is_null());
  CHECK(n.find("d")->is_string());
}

TEST_CASE("yaml_io: every node keeps its line and column, 1-based") {
  Node n = read("kind: case\nreferral:\n  date: \"2014-03-01\"\nlist:\n  - x\n");
  const Node* date = n.find("referral")->find("date");
  CHECK(date->location().line == 3);
  CHECK(date->location().column == 9);
  CHECK(date->location().path() == "t.yaml");
  CHECK(n.find_entry("referral")->key_at.line == 2);
  CHECK(n.find_entry("referral")->key_at.column == 1);
  CHECK(n.find("list")->items()[0].location().line == 5);
  CHECK(n.find("list")->items()[0].location().column == 5);
}

TEST_CASE("yaml_io: duplicate keys are refused where the second one stands") {
  auto d = first_problem("a: 1\nb: 2\na: 3\n");
  CHECK(d.code == "yaml.duplicate-key");
  CHECK(d.line == 3);
  CHECK(d.column == 1);
  CHECK(d.message == "duplicate key \"a\" (first at line 1)");
  CHECK(d.excerpt == "a: 3");
}

TEST_CASE("yaml_io: anchors and aliases are refused") {
  CHECK(first_problem("a: &x 1\nb: 2\n").code == "yaml.anchor");
  auto r = parse("a: &x 1\nb: *x\n", "t.yaml");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[1].code == "yaml.alias");
  CHECK(r.problems[1].line == 2);
}

TEST_CASE("yaml_io: tags other than !!str are refused; !!str forces text") {
  CHECK(first_problem("a: !!int 3\n").code == "yaml.tag");
  CHECK(first_problem("a: !custom x\n").code == "yaml.tag");
  CHECK(read("a: !!str 12\n").find("a")->is_string());
}

TEST_CASE("yaml_io: depth and size are capped") {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  CHECK(first_problem(deep).code == "yaml.depth");
  care::doc::Limits small{16, 32};
  auto r = parse("key: a long value\n", "t.yaml", small);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "yaml.size");
}

TEST_CASE("yaml_io: syntax errors and bad encoding are located") {
  auto d = first_problem("a: 1\nb: [1, 2\n");
  CHECK(d.code == "yaml.syntax");
  CHECK(d.line >= 2);
  auto e = first_problem("a: ok\nb: caf\xe9\n");
  CHECK(e.code == "yaml.encoding");
  CHECK(e.line == 2);
  CHECK(e.column == 7);
}

TEST_CASE("yaml_io: control characters in the text are refused where they stand") {
  auto esc = first_problem("a: ok\nb: red\x1b[31m\n");
  CHECK(esc.code == "yaml.control-character");
  CHECK(esc.message == "the control character U+001B (escape) is not allowed in a record");
  CHECK(esc.line == 2);
  CHECK(esc.column == 7);
  auto cr = first_problem("a: ok\r\nb: x\r\n");
  CHECK(cr.code == "yaml.control-character");
  CHECK(cr.message == "the control character U+000D (carriage return) is not allowed in a record");
  CHECK(cr.line == 1);
  CHECK(cr.column == 6);
  CHECK(cr.hint.find("LF") != std::string::npos);
  auto nul = first_problem(std::string("a: x\0y\n", 7));
  CHECK(nul.code == "yaml.control-character");
  CHECK(nul.message.find("U+0000 (null)") != std::string::npos);
  CHECK(first_problem("# a bell \a in a comment\na: 1\n").line == 1);
  CHECK(first_problem("a: \x7f\n").message.find("U+007F (delete)") != std::string::npos);
  auto c1 = first_problem("a: caf\xc3\xa9 \xc2\x9b" "31m\n");  // U+009B, a C1 control
  CHECK(c1.message.find("U+009B") != std::string::npos);
  CHECK(c1.column == 10);
  // Tabs and line feeds are text; so is everything above U+009F.
  Node n = read("a: \"x\\ty\"\nb: |\n  one\n  two\nc: \"\u00a0\u2028\xc2\xa0\"\n");
  CHECK(n.find("a")->text() == "x\ty");
}

TEST_CASE("yaml_io: control characters written as escapes are refused at the escape") {
  auto esc = first_problem("a: 1\nb: \"red \\x1b[31m\"\n");
  CHECK(esc.code == "yaml.control-character");
  CHECK(esc.message.find("U+001B") != std::string::npos);
  CHECK(esc.line == 2);
  CHECK(esc.column == 9);
  for (const char* text : {"a: \"\\0\"\n", "a: \"\\r\"\n", "a: \"\\e\"\n", "a: \"\\b\"\n",
                           "a: \"\\u0007\"\n", "a: \"\\U0000007f\"\n", "a: \"\\x85\"\n",
                           "a: \"\\N\"\n", "a: \"ok\\\n  \\v\"\n", "{\"a\": \"\\u001b\"}"}) {
    CAPTURE(text);
    CHECK(first_problem(text).code == "yaml.control-character");
  }
  // In a key too, and in the second line of a quoted value.
  auto key = first_problem("\"k\\x01\": 1\n");
  CHECK(key.code == "yaml.control-character");
  CHECK(key.column == 3);
  auto second = first_problem("a: \"one\n  two \\e\"\n");
  CHECK(second.line == 2);
  CHECK(second.column == 7);
  // An escape that yaml-cpp would turn into a broken byte is refused too.
  CHECK(first_problem("a: \"\\_\"\n").code == "yaml.encoding");
  // Escapes of ordinary characters are fine.
  CHECK(read("a: \"\\t\\n\\\"\\\\\\u00e9\\/\"\n").find("a")->text() == "\t\n\"\\é/");
}

TEST_CASE("yaml_io: a quote cut by the end of the file is refused where it opened") {
  auto d = first_problem("a: 1\nnotes: \"Left for work in anoth\n");
  CHECK(d.code == "yaml.unterminated-quote");
  CHECK(d.message == "the quote \" opened here is never closed");
  CHECK(d.line == 2);
  CHECK(d.column == 8);
  auto single = first_problem("notes: 'it''s\n  more\n\n");
  CHECK(single.code == "yaml.unterminated-quote");
  CHECK(single.column == 8);
  CHECK(first_problem("- \"abc\\\"\n").code == "yaml.unterminated-quote");  // the quote is escaped
  CHECK(first_problem("a: !!str \"abc\n").code == "yaml.unterminated-quote");
  // Closed quotes, over several lines, with escaped and doubled quotes.
  Node n = read("a: \"one\n  two \\\" three\"\nb: 'it''s'\nc: !!str \"x\"\n");
  CHECK(n.find("a")->text() == "one two \" three");
  CHECK(n.find("b")->text() == "it's");
  // A file that starts with a byte order mark is located the same way.
  auto bom = first_problem("\xef\xbb\xbf" "a: \"x\\x07\"\n");
  CHECK(bom.code == "yaml.control-character");
  CHECK(bom.line == 1);
}

TEST_CASE("yaml_io: a plain scalar of 30,000 digits is a number, read without recursion") {
  const std::string digits(30000, '9');
  Node n = read("a: " + digits + "\nb: -" + digits + ".5e7\nc: " + digits + "x\nd: 0" + digits + "\n");
  CHECK(n.find("a")->type() == Node::Type::Number);
  CHECK(n.find("a")->text() == digits);
  CHECK(n.find("b")->type() == Node::Type::Number);
  CHECK(n.find("c")->is_string());
  CHECK(n.find("d")->is_string());
  CHECK(read("a: 9223372036854775807\n").find("a")->is_integer());
  CHECK(read("a: 9223372036854775808\n").find("a")->type() == Node::Type::Number);
  for (const char* s : {"1.", "1e", "1e+", ".5", "-0", "0.0", "1E-3", "--1", "1.5.2", "+1"}) {
    CAPTURE(s);
    Node v = read(std::string("a: ") + s + "\n");
    bool number = std::string(s) == "-0" || std::string(s) == "0.0" || std::string(s) == "1E-3";
    CHECK(v.find("a")->is_number() == number);
  }
}

TEST_CASE("yaml_io: read_file reads only a regular file, and never past the cap") {
  care::test::TempDir dir;
  const auto pipe = dir.path() / "pipe.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  auto r = care::doc::read_file(pipe.string(), "pipe.yaml");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "file.not-regular");
  CHECK(r.problems[0].message == "cannot read the file: it is a named pipe (FIFO), not a regular file");
  care::test::spit(dir.path() / "big.yaml", "a: 1\n" + std::string(64, '#'));
  auto big = care::doc::read_file((dir.path() / "big.yaml").string(), "big.yaml", care::doc::Limits{32, 8});
  REQUIRE(big.problems.size() == 1);
  CHECK(big.problems[0].code == "yaml.size");
  CHECK(big.problems[0].message == "the file is larger than 32 bytes, the most a record may have");
}

TEST_CASE("yaml_io: a second document is refused") {
  CHECK(first_problem("a: 1\n---\nb: 2\n").code == "yaml.documents");
}

TEST_CASE("yaml_io: reads JSON too") {
  Node n = read(R"({"a": [1, 2.5, "x"], "b": {"c": null, "d": true}})");
  CHECK(n.find("a")->items().size() == 3);
  CHECK(n.find("b")->find("d")->as_bool());
}

TEST_CASE("yaml_io: a missing file is a problem, not an exception") {
  auto r = care::doc::read_file("/nonexistent/x.yaml", "x.yaml");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "file.unreadable");
  CHECK(r.problems[0].file == "x.yaml");
}

TEST_CASE("yaml_io: strings that a YAML reader could misread are quoted") {
  for (const char* s : {"NO", "no", "yes", "on", "Off", "y", "true", "null", "~", "2014-03-01", "0012", "12",
                        "1.5", "1e3", ".inf", ".nan", "12:30", "-1", "+1", "", " lead", "trail ", "a: b", "a #b",
                        "#x", "-", "- x", "*x", "&x", "!x", "|", ">", "'q", "\"q", "%x", "@x", "`x", "{x", "[x",
                        "x:", "<<"}) {
    CAPTURE(s);
    CHECK(care::doc::needs_quotes(s));
  }
  for (const char* s : {"AT", "female", "Vienna, Austria", "caseworker (Vienna office)", "it's", "a-b", "x#y"}) {
    CAPTURE(s);
    CHECK_FALSE(care::doc::needs_quotes(s));
  }
}

TEST_CASE("yaml_io: emit gives canonical bytes that read back to the same tree") {
  std::string text =
      "kind: case\n"
      "country: \"NO\"\n"
      "date: \"2014-03-01\"\n"
      "count: 3\n"
      "ratio: 0.25\n"
      "ok: true\n"
      "none: null\n"
      "empty_list: []\n"
      "empty_map: {}\n"
      "notes: |-\n"
      "  line one\n"
      "  line two\n"
      "items:\n"
      "  - id: 1\n"
      "    tags:\n"
      "      - a\n"
      "      - \"yes\"\n"
      "  - id: 2\n"
      "nested:\n"
      "  deeper:\n"
      "    key: \"tab\\there\"\n";
  Node n = read(text);
  CHECK(care::doc::emit(n) == text);
  CHECK(care::doc::equal(read(care::doc::emit(n)), n));
}

TEST_CASE("yaml_io: multi-line strings keep their trailing newlines") {
  for (const char* s : {"a\nb", "a\nb\n", "a\nb\n\n", "a\n\n  b\n", "\nleading", " lead\nx", "x\n\ty"}) {
    CAPTURE(s);
    Node n = Node::mapping();
    n.set("v", Node::string(s));
    Node back = read(care::doc::emit(n));
    CHECK(back.find("v")->text() == s);
  }
}

TEST_CASE("yaml_io: a multi-line string alone in a file reads back") {
  // Found by the yaml_read fuzz target: the literal block was not indented.
  Node n = Node::string("4.0\n1\"c21#00-30\"");
  CHECK(care::doc::emit(n) == "|-\n  4.0\n  1\"c21#00-30\"\n");
  CHECK(care::doc::equal(read(care::doc::emit(n)), n));
}

TEST_CASE("yaml_io: a key too long for one line is written as an explicit key") {
  // Found by the yaml_read fuzz target: yaml-cpp refuses "key: value" when
  // the key is longer than 1024 characters.
  std::string key(1100, 'k');
  Node n = Node::mapping();
  n.set(key, Node::string("v"));
  n.set("short", Node::integer(1));
  CHECK(care::doc::emit(n) == "? " + key + "\n: v\nshort: 1\n");
  CHECK(care::doc::equal(read(care::doc::emit(n)), n));
}

TEST_CASE("yaml_io: a byte order mark in a string is quoted, so that it reads back") {
  // Found by the yaml_read fuzz target: written bare at the start of the
  // file, the mark was taken for the stream's own and dropped.
  Node alone = Node::string("\xEF\xBB\xBF");
  CHECK(care::doc::equal(read(care::doc::emit(alone)), alone));
  Node inside = Node::mapping();
  inside.set("notes", Node::string("a\xEF\xBB\xBF" "b"));
  CHECK(care::doc::equal(read(care::doc::emit(inside)), inside));
}

TEST_CASE("yaml_io: a string that begins like a document marker is quoted") {
  // Found by the yaml_read fuzz target: "..." alone was read as the end of
  // the document.
  for (const char* text : {"...", "---", "... more", "---x"}) {
    Node alone = Node::string(text);
    CHECK_MESSAGE(care::doc::equal(read(care::doc::emit(alone)), alone), text);
  }
}

TEST_CASE("yaml_io: find_comment sees comments but not # inside values") {
  CHECK_FALSE(care::doc::find_comment("a: 1\nb: \"x # y\"\nc: 'it''s # no'\nd: x#y\n"));
  auto c = care::doc::find_comment("a: 1\nb: 2  # note\n");
  REQUIRE(c);
  CHECK(c->line == 2);
  CHECK(c->column == 7);
  auto top = care::doc::find_comment("# heading\na: 1\n");
  REQUIRE(top);
  CHECK(top->line == 1);
  CHECK_FALSE(care::doc::find_comment("notes: |\n  # not a comment\n  text\nb: 1\n"));
  auto after = care::doc::find_comment("notes: |\n  text\n# a comment\nb: 1\n");
  REQUIRE(after);
  CHECK(after->line == 3);
  CHECK_FALSE(care::doc::find_comment("items:\n  - note: |\n      # inside\n    next: x\n"));
  auto listed = care::doc::find_comment("items:\n  - note: |\n      text\n    next: x # here\n");
  REQUIRE(listed);
  CHECK(listed->line == 4);
}

TEST_CASE("yaml_io: emit_json writes JSON that reads back equal") {
  Node n = read("a: [1, 2.50, \"x\\ty\"]\nb: {c: null, d: true}\ne: []\nf: {}\n");
  CHECK(care::doc::emit_json(n, false) == "{\"a\":[1,2.50,\"x\\ty\"],\"b\":{\"c\":null,\"d\":true},\"e\":[],\"f\":{}}\n");
  CHECK(care::doc::equal(read(care::doc::emit_json(n, true)), n));
}
