// Where subschemas sit inside a draft-07 schema. Internal to lib/schema.
#pragma once

#include <functional>
#include <string>

#include "doc/node.h"

namespace care::schema::detail {

// The schema's "$id", or nullptr. Draft-07 ignores every sibling of "$ref",
// "$id" included, so a schema with a "$ref" has no id of its own.
const std::string* own_id(const doc::Node& schema);

// Calls visit for each direct subschema, with the JSON pointer suffix that
// leads to it from schema (e.g. "/properties/date"). Values of "enum",
// "const" and unknown keywords are data, not schemas, and are not visited.
void for_each_subschema(
    const doc::Node& schema,
    const std::function<void(const std::string& suffix, const doc::Node& child)>& visit);

}  // namespace care::schema::detail
