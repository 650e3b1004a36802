// The validator's engine, shared by validate() and order_keys(). Internal to
// lib/schema: the keyword checks are spread over several .cpp files
// (validator.cpp, scalars.cpp, containers.cpp, alternatives.cpp).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "doc/node.h"
#include "schema/pattern.h"
#include "schema/validator.h"

namespace care::schema::detail {

// A schema in context: the node, and the base URI in force inside it (its
// own "$id" already applied).
struct SchemaAt {
  const doc::Node* node = nullptr;
  std::string base;
};

// The compiled form of a "pattern" or "patternProperties" key, shared by
// every validation in the process; nullptr when it is not a pattern that
// Pattern::compile accepts.
const Pattern* compiled_pattern(const std::string& pattern);

// Whether value is of the JSON Schema type named json_type ("integer" takes
// 1.0 too).
bool has_type(const doc::Node& value, std::string_view json_type);
// The type names a "type" keyword lists (a name or a list of names).
std::vector<std::string> declared_types(const doc::Node& type);

class Checker {
 public:
  // An "enum" longer than this is not listed in full in a message.
  static constexpr std::size_t kMaxListedChoices = 12;

  explicit Checker(const Registry& registry) : registry_(registry) {}

  // Appends every problem of value against schema to out; path names value
  // in messages ("referral.date").
  void check(const SchemaAt& schema, const doc::Node& value, const std::string& path,
             diag::Diagnostics& out);
  bool valid(const SchemaAt& schema, const doc::Node& value);

  // node as a subschema of parent: the base URI changes if node has an "$id".
  SchemaAt child(const SchemaAt& parent, const doc::Node& node) const;
  // The target of schema's "$ref"; nullopt when it has none or it is missing.
  std::optional<SchemaAt> follow_ref(const SchemaAt& schema);
  // schema with any chain of "$ref"s followed (at most a few steps).
  SchemaAt follow_refs(const SchemaAt& schema);

 private:
  // What every keyword check needs: the schema (a mapping), the value, its
  // path for messages, and where problems go.
  struct Here {
    const SchemaAt& schema;
    const doc::Node& value;
    const std::string& path;
    diag::Diagnostics& out;
    const doc::Node* keyword(std::string_view name) const { return schema.node->find(name); }
  };

  // The schema's "description" as a hint ("Expected: ..."), or fallback.
  std::string described(const Here& here, std::string fallback) const;
  void report(const Here& here, const doc::Location& at, std::string_view keyword,
              std::string message, std::string hint) const;

  void check_ref(const Here& here, const std::string& ref);
  bool check_type(const Here& here);
  void check_enum(const Here& here);
  void check_const(const Here& here);
  void check_all_of(const Here& here);
  void check_not(const Here& here);
  void check_conditional(const Here& here);

  // scalars.cpp
  void check_number(const Here& here);
  void check_multiple_of(const Here& here, const doc::Node& divisor);
  void check_bounds(const Here& here);
  void check_string(const Here& here);
  void check_pattern(const Here& here, const doc::Node& pattern);
  void check_format(const Here& here, const doc::Node& format);

  // containers.cpp
  void check_array(const Here& here);
  void check_items(const Here& here);
  void check_unique(const Here& here);
  void check_contains(const Here& here, const doc::Node& contains);
  void check_object(const Here& here);
  void check_required(const Here& here);
  void check_members(const Here& here);
  void check_unknown(const Here& here, const doc::Node::Entry& entry);
  void check_dependencies(const Here& here);
  void check_property_names(const Here& here, const doc::Node& names);

  // alternatives.cpp
  void check_any_of(const Here& here);
  void check_one_of(const Here& here);
  std::vector<SchemaAt> branches(const Here& here, const doc::Node& list) const;
  void explain_no_match(const Here& here, std::string_view keyword,
                        const std::vector<SchemaAt>& options,
                        std::vector<diag::Diagnostics>& results);
  struct Tag {
    std::string field;
    std::vector<const doc::Node*> choices;
  };
  std::optional<Tag> find_tag(const std::vector<SchemaAt>& resolved);
  void report_bad_tag(const Here& here, std::string_view keyword, const Tag& tag,
                      const doc::Node& given);
  bool explain_by_tag(const Here& here, std::string_view keyword,
                      const std::vector<SchemaAt>& options, std::vector<diag::Diagnostics>& results);
  bool explain_by_required(const Here& here, std::string_view keyword,
                           const std::vector<SchemaAt>& options,
                           const std::vector<diag::Diagnostics>& results);
  bool explain_by_type(const Here& here, std::string_view keyword,
                       const std::vector<SchemaAt>& options,
                       std::vector<diag::Diagnostics>& results);

  const Registry& registry_;
  std::map<std::string, std::optional<SchemaAt>, std::less<>> refs_;
  // (schema, value) pairs being checked through a "$ref": meeting one again
  // means the schema refers to itself without moving into the value, which
  // would otherwise never end.
  std::set<std::pair<const doc::Node*, const doc::Node*>> active_;
};

}  // namespace care::schema::detail
