// care-intake list: one line per case, from the pseudonymous records only.
// Identity records are never read, so nothing in the output can name anyone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"
#include "records/store.h"
#include "util/date.h"

namespace care::intake {

struct CaseRow {
  std::string id;
  std::string stage;
  std::string host_country;    // "" when case.yaml does not say
  std::string return_country;  // "" when case.yaml does not say
  bool minor = false;          // a minor (or of uncertain age) on the day of referral
  std::optional<util::Date> adult_since;  // a minor case whose person is 18 by today
  std::optional<util::Date> referred;
};

// The stages a case can be at, in the order a case moves through them.
const std::vector<std::string>& stage_names();

// Every case of the folder, in ID order, as it stands on `today`.
std::vector<CaseRow> case_rows(const records::Folder& folder, const util::Date& today);

struct CaseFilter {
  std::vector<std::string> stages;  // any of these; empty: all
  std::string host_country, return_country;
  std::optional<bool> minor;
  std::optional<util::Date> referred_from, referred_to;  // inclusive
};

bool matches(const CaseRow& row, const CaseFilter& filter);

// "table", "json" ({"version":1,"cases":[...]}) or "csv" (with a header line).
std::string render_cases(const std::vector<CaseRow>& rows, std::string_view format);

struct ListFlags {
  std::vector<std::string> stages;
  std::string host, return_country;
  bool minor = false, adult = false;
  std::string referred_from, referred_to;
  std::string format = "table";
};
int list_command(const cli::GlobalOptions& global, const ListFlags& flags);

}  // namespace care::intake
