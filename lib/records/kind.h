// The kinds of record a case folder holds, where each lives, and its schema.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/case_id.h"

namespace care::records {

enum class Kind { Case, Identity, Assessment, Minor, Plan, Return, MonitoringPlan, Contact, Closure, Outreach };

struct KindInfo {
  Kind kind;
  std::string_view name;         // the value of the record's `kind` field
  std::string_view schema_file;  // in schemas/
};

const std::vector<KindInfo>& all_kinds();
const KindInfo& info(Kind kind);
std::optional<Kind> kind_named(std::string_view name);


// Where a file sits in the folder, worked out from its path relative to the root.
struct Placement {
  Kind kind;
  std::string owner;  // the case ID, or the outreach ID
  std::string stem;   // for dated files (assessments, contacts): the file name without .yaml
};

// What a path relative to the root is: a record, or the reason it is not.
struct Classified {
  std::optional<Placement> placement;
  std::string problem;  // why the file is not a record, when placement is empty
  // Not a record but belongs there: a case's access.log (identity/access_log.h).
  bool companion = false;
};
Classified classify(std::string_view relative_path);

// The relative path of a record of a given kind ("cases/AT-2014-001/plan.yaml").
std::string path_of(Kind kind, std::string_view owner, std::string_view stem = {});

// Where an encrypted identity record lives: cases/<ID>/identity.yaml.age.
std::string sealed_identity_path(std::string_view owner);

}  // namespace care::records
