// What a record's schema asks of one field, read from the schema alone, so
// that a problem can be told from it without quoting the record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/field_path.h"

namespace care::records {

struct FieldRules {
  // How many leading steps of the path the schema names. A key it does not
  // name (an unknown field, a person's own x- key) is a person's text, so a
  // path is only shown up to there.
  std::size_t named = 0;
  std::vector<std::string> types;     // JSON Schema type names
  std::vector<std::string> choices;   // "enum", as text
  std::optional<std::string> constant;
  std::optional<std::string> example, description, format;
  std::optional<std::int64_t> min_length, max_length, min_items, max_items;
  std::vector<std::string> fields;    // "properties", in schema order
  std::vector<std::string> required;
  std::vector<std::vector<std::string>> any_of_required;  // anyOf/oneOf of {"required": [...]} only
  bool own_keys = false;              // "x-" keys allowed
};

// The rules for the field at path in records of the schema at schema_uri
// (one of the catalog's); for the deepest field it names when the path goes
// further than the schema does (see `named`).
FieldRules rules_at(std::string_view schema_uri, const FieldPath& path);

}  // namespace care::records
