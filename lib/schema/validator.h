// A JSON Schema draft-07 validator working on the typed document tree, so that
// every problem it finds points at the file, line and column of the value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "doc/node.h"

namespace care::schema {

// Schemas by absolute URI. A schema is added under its own "$id" if it has
// one, else under the URI given; "$ref"s resolve against these, including
// JSON pointers ("#/definitions/date") and "$id"s of nested subschemas.
class Registry {
 public:
  // Adds one schema document. uri is used when the schema has no "$id".
  void add(doc::Node schema, std::string uri);
  // The schema (or subschema) at uri, which may carry a fragment.
  const doc::Node* find(std::string_view uri) const;

  // A schema found by URI, with the base URI that its own relative "$ref"s
  // resolve against (changed by any "$id" on the way to it).
  struct Resolved {
    const doc::Node* schema = nullptr;
    std::string base;
  };
  std::optional<Resolved> resolve(std::string_view uri) const;

 private:
  // Where a URI points: a document, a JSON pointer into it, and the base URI
  // in force there. Kept as a path rather than a Node* so that copying a
  // Registry is safe.
  struct Anchor {
    std::string document;
    std::string pointer;
    std::string base;
  };
  void index_ids(const doc::Node& schema, const std::string& document,
                 const std::string& pointer, const std::string& base);
  void add_anchor(std::string uri, Anchor anchor);
  std::optional<Resolved> locate(const Anchor& anchor) const;

  std::map<std::string, doc::Node, std::less<>> documents_;
  std::map<std::string, Anchor, std::less<>> anchors_;
};

// Validates instance against the schema at schema_uri; returns every problem,
// each located at the offending node (or, for a missing property, at the
// mapping that lacks it). An empty result means the instance is valid.
// Codes are "schema.<keyword>", e.g. "schema.required", "schema.enum"
// ("schema.false" for a false schema). Problems come in document order.
//
// Messages are for people who do not know JSON Schema: they name the value
// by its path ("items[2].budget.amount", list indexes counted from 0), and
// the hints use the schema's "examples" (for a pattern) and "description"
// (for a pattern or a long enum) when it has them. When no alternative of an
// anyOf/oneOf fits, only the alternative that was evidently meant is
// reported (told by a const/enum field, or by type), else one summary.
diag::Diagnostics validate(const Registry& registry, const doc::Node& instance,
                           std::string_view schema_uri);

// Reorders every mapping in instance to follow the order of "properties" in
// the schema that applies to it (following $ref, items, additionalProperties,
// allOf); keys the schema does not list keep their order, after listed ones.
// Used before writing, so that the same record always gives the same bytes.
void order_keys(const Registry& registry, doc::Node& instance, std::string_view schema_uri);

}  // namespace care::schema
