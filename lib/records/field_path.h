// Which field of a record a problem is about, named the way the schema
// validator names it ("names.given", "documents[0].number"), worked out from
// the record's tree and the problem's place rather than from its wording.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"

namespace care::records {

// One step down a record: a key of a mapping, or an index into a list.
struct FieldStep {
  std::string key;
  std::optional<std::size_t> index;
};
using FieldPath = std::vector<FieldStep>;

// "names.given", "documents[0].number"; "" for the record itself.
std::string path_text(const FieldPath& path);

// What sits at a problem's line and column: checks report a wrong value at
// the value, a missing field at the mapping that lacks it, an unknown field
// at its key. A mapping starts where its first key does, so the kind of
// problem decides which of the two is meant.
enum class Pointing { AtValue, AtContainer, AtKey };

// The path of the field of record that sits at file:line:column, if any.
// For AtKey, the path ends with the key found there.
std::optional<FieldPath> field_at(const doc::Node& record, std::string_view file, int line, int column,
                                  Pointing how);

// The node at path in record, if there is one.
const doc::Node* node_at(const doc::Node& record, const FieldPath& path);

// A path read back from the start of a message ("names.given: ..."; "the top
// level: ..." for the record itself), for a problem that has no place.
// Keys written in quotes (["..."]) are not read: nullopt.
std::optional<FieldPath> path_in_message(std::string_view message);

}  // namespace care::records
