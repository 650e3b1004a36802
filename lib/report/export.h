// care-report export: one row per case for analysis elsewhere. Pseudonymous:
// no identity field, age as a broad band, years rather than dates. Field
// names follow the Counter-Trafficking Data Collaborative's de-identified
// data (gender, ageBroad, majorityStatus, citizenship, yearOfRegistration,
// typeOfExploitConcatenated, isSexualExploit, isForcedLabour) where one
// exists; the program's own fields use the same camelCase style.
#pragma once

#include <string>
#include <vector>

#include "records/store.h"
#include "util/date.h"

namespace care::report {

struct ExportRow {
  std::vector<std::pair<std::string, std::string>> fields;  // in column order; numbers and booleans as text
  std::string quasi_identifier;  // ageBroad|gender|citizenship|hostCountry|returnCountry
};

struct Export {
  std::vector<std::string> columns;
  std::vector<ExportRow> rows;
  std::size_t withheld = 0;
};

// k > 1 withholds every row whose quasi-identifier combination is shared by fewer than k rows.
Export export_cases(const records::Folder& folder, const util::Date& today, int k);

std::string export_jsonl(const Export& e);
std::string export_csv(const Export& e);

}  // namespace care::report
