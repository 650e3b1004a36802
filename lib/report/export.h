// care-report export: one row per case for analysis elsewhere, shaped like
// the Counter-Trafficking Data Collaborative's (CTDC) de-identified global
// dataset where a column carries one of its names, and written in its values
// (ageBroad "18--20", gender "Female", 0/1 flags, -99 for a missing value in
// CSV). Exploitation is mapped as CTDC and IOM's HTCDS define it: domestic
// servitude, begging and forced criminality are kinds of forced labour.
//
// What a row may show depends on the audience:
// - public: no case ID, no date but years, amounts in bands, and a row is
//   published only when at least k rows share every one of its values (the
//   whole row is the quasi-identifier), k = reports.min_cell by default;
// - internal and donor: case IDs, the referral date and exact amounts;
//   nothing withheld unless k is given.
// No identity record is read; no name, contact or document is ever written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/store.h"
#include "report/model.h"
#include "util/money.h"

namespace care::report {

// A value in a row; nullopt is a missing value (-99 in CSV, null in JSON Lines).
using ExportValue = std::optional<std::string>;

struct ExportRow {
  std::vector<ExportValue> values;  // one per column, in column order
};

struct Export {
  std::vector<std::string> columns;
  std::vector<ExportRow> rows;
  int k = 0;                      // the k applied (0 or 1: nothing withheld)
  std::size_t withheld = 0;       // rows left out by k-anonymity
  std::size_t unconverted = 0;    // rows whose amounts had a currency without a rate (amounts missing)
};

// The code CTDC's published file uses for a missing value.
inline constexpr std::string_view kCtdcMissing = "-99";

// Exploitation as CTDC and HTCDS define it, from care's types
// (sexual_exploitation, forced_labour, forced_marriage, forced_criminality,
// begging, domestic_servitude, organ_removal, other). With no type recorded
// every value is missing.
struct Exploitation {
  bool known = false;
  bool sexual = false, labour = false, marriage = false, organs = false, other = false;
  bool domestic_work = false, begging = false, illicit_activities = false;
  std::string types;   // "Forced labour;Sexual exploitation", in CTDC's order
  std::string labour_types;  // "Domestic work;Begging", or "Not specified"
};
Exploitation map_exploitation(const std::vector<std::string>& care_types);

// CTDC's spelling of care's values; nullopt for what CTDC would code as missing.
ExportValue ctdc_age_broad(std::string_view band);  // "18-20" -> "18--20"; "48+"; "unknown" -> missing
ExportValue ctdc_gender(std::string_view sex);      // female -> Female, male -> Male, other -> Transgender/NonConforming

// The band a public export writes for an amount in the program's currency,
// rounded to whole units first: "0", "1-500", "501-1000", "1001-2000",
// "2001-3000", "3001+".
std::string amount_band(const util::Amount& amount);

// Leaves out every row whose values, all of them, are shared by fewer than k
// rows; returns how many were left out. k <= 1 leaves out nothing.
std::size_t withhold_rare_rows(std::vector<ExportRow>& rows, int k);

// One row per case with a readable case record, in case ID order. `k` as above.
Export export_cases(const records::Folder& folder, Audience audience, int k);

std::string export_jsonl(const Export& e);
std::string export_csv(const Export& e);

}  // namespace care::report
