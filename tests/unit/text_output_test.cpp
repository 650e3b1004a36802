// Text the tools print or export: made visible for terminals (util::visible),
// escaped for JSON (util::json_string), neutralised for spreadsheets (util::csv_field).
#include <doctest/doctest.h>

#include <string>

#include "diag/diagnostic.h"
#include "util/json_text.h"
#include "util/table.h"
#include "util/utf8.h"

using care::util::csv_field;
using care::util::json_string;
using care::util::visible;

TEST_CASE("visible: printable text, tabs and (when asked) line feeds pass through") {
  CHECK(visible("Testa Exemplova") == "Testa Exemplova");
  CHECK(visible("Zoë Ñandú 東京 🙂") == "Zoë Ñandú 東京 🙂");
  CHECK(visible("a\tb") == "a\tb");
  CHECK(visible("a\nb") == "a\\x0ab");
  CHECK(visible("a\nb", true) == "a\nb");
  CHECK(visible("") == "");
}

TEST_CASE("visible: C0 controls, DEL and C1 controls are escaped") {
  CHECK(visible("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(visible(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(visible("\r\x07\x08\x7f") == "\\x0d\\x07\\x08\\x7f");
  CHECK(visible("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  CHECK(visible("\xc2\x9b" "31m") == "\\u009b31m");  // CSI as one C1 character
  CHECK(visible("\xc2\x80\xc2\x9f\xc2\xa0") == "\\u0080\\u009f\xc2\xa0");  // U+00A0 is printable
  for (int c = 0; c < 0x20; ++c) {
    if (c == '\t') continue;
    std::string one(1, static_cast<char>(c));
    INFO(c);
    CHECK(visible(one).starts_with("\\x"));
  }
}

TEST_CASE("visible: bytes that are not UTF-8 are shown as \\xNN") {
  CHECK(visible("Caf\xe9") == "Caf\\xe9");
  CHECK(visible("\xff\xfe") == "\\xff\\xfe");
  CHECK(visible("\xc0\xaf") == "\\xc0\\xaf");          // overlong
  CHECK(visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // surrogate
  CHECK(visible("\xe2\x82") == "\\xe2\\x82");          // cut short
}

TEST_CASE("render_text: file, message, hint and excerpt are made visible; the caret still lines up") {
  care::diag::Diagnostic d;
  d.file = "cases/AT-2014-001/\x1b[31mx.yaml";
  d.line = 2;
  d.column = 13;  // the colon after the ë, which is two bytes
  d.message = "bad \x1b]0;owned\x07 value";
  d.hint = "hint \xc2\x9b";
  d.excerpt = "a: \x1b[2J Zoë: x";
  std::string text = care::diag::render_text(d, "t");
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xc2\x9b") == std::string::npos);
  CHECK(text == "t: cases/AT-2014-001/\\x1b[31mx.yaml:2:13: error: bad \\x1b]0;owned\\x07 value\n"
                "2 | a: \\x1b[2J Zoë: x\n"
                "  |               ^\n"
                "hint \\u009b\n");
}

TEST_CASE("render_aligned: cells are made visible before they are measured") {
  care::util::Table t;
  t.header = {"A", "B"};
  t.rows = {{"\x1b", "x"}, {"long", "y"}};
  CHECK(care::util::render_aligned(t) == "A     B\n\\x1b  x\nlong  y\n");
}

TEST_CASE("json_string: every C0 control, DEL and the C1 controls are escaped") {
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("\n\r\t") == "\"\\n\\r\\t\"");
  CHECK(json_string("\x1b[31m") == "\"\\u001b[31m\"");
  CHECK(json_string(std::string("\0", 1)) == "\"\\u0000\"");
  CHECK(json_string("\x7f") == "\"\\u007f\"");
  CHECK(json_string("\xc2\x9b\xc2\xa0") == "\"\\u009b\xc2\xa0\"");
  for (int c = 0; c < 0x20; ++c) {
    std::string s = json_string(std::string(1, static_cast<char>(c)));
    INFO(c);
    CHECK(s.find(static_cast<char>(c)) == std::string::npos);
  }
}

TEST_CASE("csv_field: RFC 4180 quoting") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("csv_field: a field a spreadsheet would run as a formula gets a leading quote") {
  CHECK(csv_field("=HYPERLINK(\"http://example.invalid\",\"x\")") ==
        "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("+cmd") == "'+cmd");
  CHECK(csv_field("-cmd") == "'-cmd");
  CHECK(csv_field("@SUM(A1:A2)") == "'@SUM(A1:A2)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("-1e5") == "'-1e5");
  CHECK(csv_field("1-2") == "1-2");  // only the first character counts
}

TEST_CASE("csv_field: a plain number stays a number") {
  CHECK(csv_field("-12.50") == "-12.50");
  CHECK(csv_field("+3") == "+3");
  CHECK(csv_field("-7") == "-7");
  CHECK(csv_field("-.5") == "-.5");
  CHECK(csv_field("1250.00") == "1250.00");
  CHECK(csv_field("-1.2.3") == "'-1.2.3");
  CHECK(csv_field("-12,50") == "\"'-12,50\"");
}
