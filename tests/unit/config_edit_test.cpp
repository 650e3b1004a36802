// folder::set_setting: care.toml changed in place line by line (care-intake
// keys and encrypt), keeping the person's comments and layout.
#include <doctest/doctest.h>

#include <string>

#include "folder/config_edit.h"

using care::folder::set_setting;

namespace {

std::string set(const std::string& text, std::string_view table, std::string_view key, std::string_view value) {
  std::string error;
  auto out = set_setting(text, table, key, value, error);
  REQUIRE_MESSAGE(out, error);
  CHECK(error.empty());
  return *out;
}

}  // namespace

TEST_CASE("set_setting: a key on one line is replaced in place; comments and other tables stay") {
  const std::string text =
      "# Our program (a comment that stays)\n"
      "format = 1\n"
      "[identity]\n"
      "# encryption: decided 2014-03-01\n"
      "encrypt = false\n"
      "age = \"age\"\n"
      "\n"
      "[identity.recipients]\n"
      "AT = [\"age1old\"]\n"
      "# FR keys to come\n"
      "[git]\n"
      "commit = true\n";
  CHECK(set(text, "identity", "encrypt", "true") ==
        "# Our program (a comment that stays)\n"
        "format = 1\n"
        "[identity]\n"
        "# encryption: decided 2014-03-01\n"
        "encrypt = true\n"
        "age = \"age\"\n"
        "\n"
        "[identity.recipients]\n"
        "AT = [\"age1old\"]\n"
        "# FR keys to come\n"
        "[git]\n"
        "commit = true\n");
  auto changed = set(text, "identity.recipients", "AT", care::folder::toml_strings({"age1a", "age1b"}));
  CHECK(changed.find("AT = [\"age1a\", \"age1b\"]\n# FR keys to come\n") != std::string::npos);
  CHECK(changed.find("age1old") == std::string::npos);
  CHECK(changed.find("encrypt = false\n") != std::string::npos);
}

TEST_CASE("set_setting: the same key name in another table is not touched") {
  const std::string text = "[a]\nAT = 1\n[identity.recipients]\nAT = [\"x\"]\n";
  CHECK(set(text, "identity.recipients", "AT", "[\"y\"]") == "[a]\nAT = 1\n[identity.recipients]\nAT = [\"y\"]\n");
  CHECK(set(text, "a", "AT", "2") == "[a]\nAT = 2\n[identity.recipients]\nAT = [\"x\"]\n");
}

TEST_CASE("set_setting: a quoted key and spaces around = are recognised") {
  CHECK(set("[identity.recipients]\n  \"AT\"   =   [\"x\"]   \n", "identity.recipients", "AT", "[]") ==
        "[identity.recipients]\nAT = []\n");
}

TEST_CASE("set_setting: a new key goes below its table's last setting, before the blank lines that end it") {
  const std::string text =
      "[identity]\n"
      "encrypt = true\n"
      "\n"
      "[identity.recipients]\n"
      "AT = [\"x\"]  # Vienna office\n"
      "\n"
      "\n"
      "[git]\n"
      "commit = true\n";
  CHECK(set(text, "identity.recipients", "FR", "[\"y\"]") ==
        "[identity]\n"
        "encrypt = true\n"
        "\n"
        "[identity.recipients]\n"
        "AT = [\"x\"]  # Vienna office\n"
        "FR = [\"y\"]\n"
        "\n"
        "\n"
        "[git]\n"
        "commit = true\n");
  // The last table of the file: at its end.
  CHECK(set("[git]\ncommit = true\n[identity]\nencrypt = false\n", "identity", "age", "\"/usr/bin/age\"") ==
        "[git]\ncommit = true\n[identity]\nencrypt = false\nage = \"/usr/bin/age\"\n");
  // An empty table: right below its header.
  CHECK(set("[identity]\n[git]\ncommit = true\n", "identity", "encrypt", "true") ==
        "[identity]\nencrypt = true\n[git]\ncommit = true\n");
}

TEST_CASE("set_setting: a table that is not there is added at the end") {
  CHECK(set("format = 1\n# end of file comment\n", "identity.recipients", "all", "[\"z\"]") ==
        "format = 1\n# end of file comment\n\n[identity.recipients]\nall = [\"z\"]\n");
  CHECK(set("format = 1", "identity", "encrypt", "true") == "format = 1\n\n[identity]\nencrypt = true\n");
}

TEST_CASE("set_setting: a multi-line array is refused with the reason, and the text is not changed") {
  const std::string text = "[identity.recipients]\nAT = [\n  \"age1a\",\n  \"age1b\",\n]\n";
  std::string error;
  CHECK_FALSE(set_setting(text, "identity.recipients", "AT", "[]", error));
  CHECK(error.find("identity.recipients.AT spans several lines") != std::string::npos);
  // ... but another key of the same table is still added.
  CHECK(set(text, "identity.recipients", "FR", "[\"c\"]") ==
        "[identity.recipients]\nAT = [\n  \"age1a\",\n  \"age1b\",\n]\nFR = [\"c\"]\n");
}

TEST_CASE("set_setting: a one-line value with brackets and # inside quotes is complete") {
  CHECK(set("[identity]\nage = \"/opt/a]ge#1\"\n", "identity", "age", "\"age\"") == "[identity]\nage = \"age\"\n");
  std::string error;
  CHECK_FALSE(set_setting("[identity.recipients]\nAT = [\"a\",  # first\n\"b\"]\n", "identity.recipients", "AT", "[]",
                          error));
}

// The comment at the end of a replaced line stays (the office named after a
// recipient list, when care-intake keys add rewrites the list); a # inside
// a quoted value is not a comment.
TEST_CASE("set_setting: a comment at the end of a replaced line stays") {
  CHECK(set("[identity]\nage = \"/opt/a#b/age\"\n", "identity", "age", "\"age\"") == "[identity]\nage = \"age\"\n");
  CHECK(set("[identity.recipients]\nAT = [\"x\"]  # Vienna office\n", "identity.recipients", "AT", "[\"y\"]") ==
        "[identity.recipients]\nAT = [\"y\"]  # Vienna office\n");
}

TEST_CASE("toml_strings: one line, quoted and escaped") {
  CHECK(care::folder::toml_strings({}) == "[]");
  CHECK(care::folder::toml_strings({"a", "b\"c"}) == "[\"a\", \"b\\\"c\"]");
}
