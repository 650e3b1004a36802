// The care-intake commands below their flags, for cmd/intake/ to call.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"
#include "intake/register.h"
#include "intake/safeguards.h"

namespace care::intake {

inline constexpr std::string_view kProgram = "care-intake";

struct NewFlags {
  NewCaseInput input;
  std::string from;  // --from FILE, "-" for stdin
  bool dry_run = false;
};
int new_command(const cli::GlobalOptions& global, NewFlags flags);

struct ConsentFlags {
  std::string id;
  std::vector<std::string> grant, withdraw;
  std::string date;                 // default: today
  std::string given_by = "person";  // person | guardian
  bool dry_run = false, drop_comments = false;
};
int consent_command(const cli::GlobalOptions& global, const ConsentFlags& flags);

struct AssessFlags {
  std::string id;
  std::string from;
  std::string date;  // default: today
  std::string assessed_by;
  std::vector<std::string> needs;         // DOMAIN=LEVEL[:note]
  std::vector<std::string> risks;         // FACTOR=LEVEL[:note]
  std::string overall_risk;
  std::vector<std::string> skills, motivations, opportunities;
  bool with_guardian = false;
  std::string notes;
  bool dry_run = false;
};
int assess_command(const cli::GlobalOptions& global, const AssessFlags& flags);

struct MinorFlags {
  std::string id;
  std::string from;
  std::string guardian_appointed, guardian_type, guardian_organisation;
  std::vector<std::string> bid_steps;  // DATE=what was done
  std::string bid_outcome, bid_decided;
  bool bid_panel = false;
  std::string tracing_status, tracing_date;
  std::string family_assessed, family_outcome;
  std::string family_willing, family_implicated;  // yes | no
  std::string reunification_confirmed;             // DATE the reunification was confirmed
  std::string receiving_name, receiving_country, receiving_confirmed;
  std::string coordination_date;
  std::vector<std::string> host_parties, return_parties;
  std::string escort_by, escort_agreed;
  std::string notes;
  MinorSafeguardFlags safeguards;  // views, care_arrangement, follow_up, transition
  bool dry_run = false, drop_comments = false;
};
int minor_command(const cli::GlobalOptions& global, const MinorFlags& flags);

// care-intake identification: trafficking status, residence status and
// criminal proceedings in case.yaml (flags in intake/safeguards.h).
int identification_command(const cli::GlobalOptions& global, const IdentificationFlags& flags);

}  // namespace care::intake

namespace care::intake {

struct EditFlags {
  std::string id;
  std::string kind = "case";  // any record kind of a case
  std::string date;           // which assessment or contact (default: the latest)
  std::string purpose = "edit of the identity record";  // kept in access.log when an identity is decrypted
};
int edit_command(const cli::GlobalOptions& global, const EditFlags& flags);

}  // namespace care::intake

namespace care::intake {

struct SeriesFlags {
  std::string series;  // empty: show it; "main" or two capitals: record it
  bool force = false;  // record a series that IDs in the folder use already
};
int series_command(const cli::GlobalOptions& global, const SeriesFlags& flags);

}  // namespace care::intake

namespace care::intake {

struct EraseFlags {
  std::vector<std::string> ids;
  bool due = false;     // every case due for erasure (care-report retention)
  std::string reason;   // required with IDs; with --due, each case's own reason by default
  bool yes = false;     // no confirmation asked
  bool dry_run = false;
};
int erase_command(const cli::GlobalOptions& global, const EraseFlags& flags);

}  // namespace care::intake

namespace care::intake {

struct PurgeFlags {
  std::string push;    // REMOTE: force-push the rewritten history there
  std::string follow;  // REMOTE: take its rewritten history in this clone
  bool yes = false;
};
int purge_command(const cli::GlobalOptions& global, const PurgeFlags& flags);

}  // namespace care::intake

namespace care::intake {

struct KeysFlags {
  std::string action;             // add | remove | list | rekey
  std::string office;             // a host country, or "all"; add: required; remove, rekey: all lists when empty
  std::vector<std::string> keys;  // age public keys
  bool dry_run = false;
};
int keys_command(const cli::GlobalOptions& global, const KeysFlags& flags);

struct EncryptFlags {
  bool dry_run = false;
};
int encrypt_command(const cli::GlobalOptions& global, const EncryptFlags& flags);

}  // namespace care::intake
