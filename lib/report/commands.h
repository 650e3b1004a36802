// The care-report reporting commands below their flags. They read the case
// folder without identity records and write nothing into it.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"

namespace care::report {

struct Output {
  std::string format;  // text | markdown | csv | json | html; empty: from -o's extension, else text
  std::string file;    // -o FILE; empty: stdout
  bool force = false;  // -o may replace an existing file
  bool no_suppress = false;
};

struct StatusFlags : Output {
  bool fail_on_overdue = false;
};
struct PeriodFlags : Output {
  std::string from, to;
  std::string by;  // sex | age_band | host | return_country | minor
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
  std::string format = "jsonl";  // jsonl | csv
  std::string file;
  bool force = false;
  int k = 0;  // withhold rows whose quasi-identifiers are shared by fewer than k rows
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
