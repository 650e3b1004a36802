// care-intake new: a referral becomes a registered case. The case record and
// the identity record are assembled from --from and flags, checked for
// eligibility and for a person already registered, and written together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "change/change.h"
#include "cli/session.h"
#include "doc/node.h"
#include "intake/numbering.h"
#include "records/store.h"

namespace care::intake {

struct NewCaseInput {
  std::optional<doc::Node> from;  // --from FILE: the case record's shape, plus an optional `identity:` mapping
  std::string host, nationality, return_country, sex, birth, referral_date;
  std::string organisation, organisation_kind, notes;
  bool age_uncertain = false;
  std::vector<std::string> consents;  // purposes granted at referral
  std::string consent_by = "person";  // person | guardian | both
  std::vector<std::string> exploitation;
  // Direct identifiers: these go into identity.yaml and nowhere else.
  std::string given, family, address_country;
  std::vector<std::string> other_names, phones, emails, address_lines;
  std::vector<std::string> documents;  // TYPE=NUMBER
  bool record_ineligible = false;
  bool force = false;
};

struct Draft {
  doc::Node case_record = doc::Node::mapping();
  std::optional<doc::Node> identity;
  diag::Diagnostics problems;
};

Draft assemble(const NewCaseInput& input);

// A field a person must give, how to give it as a flag, and the question.
struct Needed {
  std::string field;  // dotted path in the case record
  std::string flag;
  std::string question;
};
std::vector<Needed> missing_fields(const doc::Node& case_record);

struct Registration {
  change::Outcome outcome;
  std::string id;                        // the new case ID, once allocated
  std::vector<std::string> ineligible;   // reasons, when refused for eligibility
  bool waiting = false;                  // eligible, but the program is at capacity (targets.assessed)
  std::string duplicate_of;              // a case that may be the same person
  bool minor = false;
  SeriesChoice series;                   // the series the ID was taken in
  // Why the duplicate check could not see some identities (no key, another
  // office's key): said as a warning; registration goes on.
  std::string duplicate_check_gap;
};

// Allocates the ID, checks eligibility and duplicates, and writes the records.
Registration register_case(const cli::Session& session, const records::Folder& folder, Draft draft,
                           const NewCaseInput& input, bool dry_run);

}  // namespace care::intake
