// care-jsts SUITE_DIR EXCLUDED_FILE
//
// Runs the required draft-07 tests of the JSON Schema Test Suite through
// care's own reader and validator. Prints "FAIL file: group / description"
// for each test that fails, then "N passed, M failed[, K skipped]", where
// "skipped" counts the failures that EXCLUDED_FILE lists. Exits non-zero
// when a test fails that EXCLUDED_FILE does not list.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "doc/yaml_io.h"
#include "schema/validator.h"

namespace fs = std::filesystem;
using care::doc::Node;

namespace {

const care::doc::Limits kLimits{16u << 20, 256};

// The draft-07 meta-schema is not among the suite's remote files, but one
// test refers to it. This is a smaller stand-in written for this runner: it
// checks the types and ranges of the keywords and, like the real one, uses
// "$ref"s to its own definitions.
const char* const kMetaSchema = R"({
  "$id": "http://json-schema.org/draft-07/schema#",
  "definitions": {
    "count": {"type": "integer", "minimum": 0},
    "schemas": {"type": "array", "minItems": 1, "items": {"$ref": "#"}},
    "schemaByName": {"type": "object", "additionalProperties": {"$ref": "#"}},
    "names": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
    "typeName": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]}
  },
  "type": ["object", "boolean"],
  "properties": {
    "$id": {"type": "string"}, "$schema": {"type": "string"}, "$ref": {"type": "string"},
    "title": {"type": "string"}, "description": {"type": "string"},
    "multipleOf": {"type": "number", "exclusiveMinimum": 0},
    "maximum": {"type": "number"}, "exclusiveMaximum": {"type": "number"},
    "minimum": {"type": "number"}, "exclusiveMinimum": {"type": "number"},
    "maxLength": {"$ref": "#/definitions/count"}, "minLength": {"$ref": "#/definitions/count"},
    "pattern": {"type": "string"},
    "items": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemas"}]},
    "additionalItems": {"$ref": "#"},
    "maxItems": {"$ref": "#/definitions/count"}, "minItems": {"$ref": "#/definitions/count"},
    "uniqueItems": {"type": "boolean"}, "contains": {"$ref": "#"},
    "maxProperties": {"$ref": "#/definitions/count"},
    "minProperties": {"$ref": "#/definitions/count"},
    "required": {"$ref": "#/definitions/names"},
    "properties": {"$ref": "#/definitions/schemaByName"},
    "patternProperties": {"$ref": "#/definitions/schemaByName"},
    "additionalProperties": {"$ref": "#"},
    "definitions": {"$ref": "#/definitions/schemaByName"},
    "dependencies": {"type": "object", "additionalProperties": {
      "anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/names"}]}},
    "propertyNames": {"$ref": "#"},
    "enum": {"type": "array"},
    "type": {"anyOf": [{"$ref": "#/definitions/typeName"},
                       {"type": "array", "items": {"$ref": "#/definitions/typeName"},
                        "minItems": 1, "uniqueItems": true}]},
    "format": {"type": "string"},
    "if": {"$ref": "#"}, "then": {"$ref": "#"}, "else": {"$ref": "#"},
    "allOf": {"$ref": "#/definitions/schemas"}, "anyOf": {"$ref": "#/definitions/schemas"},
    "oneOf": {"$ref": "#/definitions/schemas"}, "not": {"$ref": "#"}
  }
})";

struct Tally {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  bool unexpected_failure = false;
};

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Lines of the excluded file that are not blank and not "#" comments.
std::set<std::string> read_excluded(const fs::path& file) {
  std::set<std::string> out;
  std::istringstream lines(read_text(file));
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') out.insert(line);
  }
  return out;
}

void print_problems(const care::diag::Diagnostics& problems) {
  for (const auto& p : problems)
    std::cout << "  " << p.file << ":" << p.line << ":" << p.column << ": " << p.message << "\n";
}

// The suite's remote files, as a test server would serve them.
bool add_remotes(care::schema::Registry& registry, const fs::path& remotes) {
  bool ok = true;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(remotes))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string relative = fs::relative(file, remotes).generic_string();
    auto parsed = care::doc::read_file(file.string(), "remotes/" + relative, kLimits);
    if (!parsed.root) {
      std::cout << "cannot read remotes/" << relative << "\n";
      print_problems(parsed.problems);
      ok = false;
      continue;
    }
    registry.add(std::move(*parsed.root), "http://localhost:1234/" + relative);
  }
  auto meta = care::doc::parse(kMetaSchema, "(meta-schema)", kLimits);
  if (!meta.root) {
    print_problems(meta.problems);
    return false;
  }
  registry.add(std::move(*meta.root), "http://json-schema.org/draft-07/schema");
  return ok;
}

std::string text_of(const Node* node) { return node && node->is_string() ? node->text() : "?"; }

void record(Tally& tally, const std::set<std::string>& excluded, std::set<std::string>& used,
            const std::string& name, bool ok) {
  bool is_excluded = excluded.count(name) > 0;
  if (is_excluded) used.insert(name);
  if (ok) {
    ++tally.passed;
    if (is_excluded) std::cout << "passes but is excluded: " << name << "\n";
  } else if (is_excluded) {
    ++tally.skipped;
  } else {
    ++tally.failed;
    tally.unexpected_failure = true;
    std::cout << "FAIL " << name << "\n";
  }
}

void run_group(const care::schema::Registry& remotes, const std::string& file_name, std::size_t index,
               const Node& group, const std::set<std::string>& excluded,
               std::set<std::string>& used, Tally& tally) {
  const Node* schema = group.find("schema");
  const Node* tests = group.find("tests");
  if (!schema || !tests) return;
  // A fresh registry per group: groups may give different schemas one "$id".
  care::schema::Registry registry = remotes;
  std::string uri = "http://care.invalid/jsts/" + file_name + "/" + std::to_string(index) + ".json";
  registry.add(*schema, uri);
  for (const Node& test : tests->items()) {
    const Node* data = test.find("data");
    const Node* valid = test.find("valid");
    std::string name = file_name + ": " + text_of(group.find("description")) + " / " +
                       text_of(test.find("description"));
    bool expected = valid && valid->is_bool() && valid->as_bool();
    bool actual = data && care::schema::validate(registry, *data, uri).empty();
    record(tally, excluded, used, name, data && actual == expected);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: care-jsts SUITE_DIR EXCLUDED_FILE\n";
    return 2;
  }
  const fs::path suite = argv[1];
  const std::set<std::string> excluded = read_excluded(argv[2]);
  std::set<std::string> used;
  Tally tally;

  care::schema::Registry remotes;
  if (!add_remotes(remotes, suite / "remotes")) tally.unexpected_failure = true;

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(suite / "tests" / "draft7"))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string file_name = file.filename().string();
    auto parsed = care::doc::read_file(file.string(), file_name, kLimits);
    if (!parsed.root) {
      // The file's tests cannot even be listed, so the whole file counts as
      // one test; excluded.txt may list it as "FILE: (cannot be read)".
      std::string name = file_name + ": (cannot be read)";
      record(tally, excluded, used, name, false);
      if (!excluded.count(name)) print_problems(parsed.problems);
      continue;
    }
    for (std::size_t i = 0; i < parsed.root->items().size(); ++i)
      run_group(remotes, file_name, i, parsed.root->items()[i], excluded, used, tally);
  }
  for (const std::string& name : excluded)
    if (!used.count(name)) std::cout << "excluded but not found: " << name << "\n";

  std::cout << tally.passed << " passed, " << tally.failed << " failed";
  if (tally.skipped > 0) std::cout << ", " << tally.skipped << " skipped";
  std::cout << "\n";
  return tally.unexpected_failure ? 1 : 0;
}
