// The care-report reporting commands below their flags. They read the case
// folder without identity records and write nothing into it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/session.h"

namespace care::report {

struct Output {
  std::string format;  // text | markdown | csv | json | html; empty: from -o's extension, else text
  std::string file;    // -o FILE; empty: stdout
  bool force = false;  // -o may replace an existing file
  std::string audience;     // internal | donor | public; empty: the report's own default
  bool no_suppress = false;  // the old spelling of --audience internal
};

struct StatusFlags : Output {
  bool fail_on_overdue = false;
};
struct PeriodFlags : Output {
  std::string from, to;
  std::string by;  // one or two of sex, age_band, host, return_country, minor, nationality: "sex,minor"
};
struct BudgetFlags : Output {};
struct RetentionFlags : Output {
  bool fail_on_due = false;
};
struct AccessFlags : Output {
  std::string from, to;  // empty: no bound
  std::string case_id;   // empty: every case
};
struct ExportFlags {
  std::string format;  // jsonl | csv; empty: from -o's extension, else jsonl
  std::string file;
  bool force = false;
  std::string audience;  // internal | donor | public (the default)
  std::optional<int> k;  // withhold rows whose published columns are shared by fewer than k rows; default min_cell
};

int status_command(const cli::GlobalOptions& g, const StatusFlags& f);
int period_command(const cli::GlobalOptions& g, const PeriodFlags& f);
int budget_command(const cli::GlobalOptions& g, const BudgetFlags& f);
int export_command(const cli::GlobalOptions& g, const ExportFlags& f);
// The cases due for erasure; exit 0 even when some are, 1 then with --fail-on-due.
int retention_command(const cli::GlobalOptions& g, const RetentionFlags& f);
// Who read whose identity, from cases/*/access.log only (no record is read).
int access_command(const cli::GlobalOptions& g, const AccessFlags& f);

}  // namespace care::report
