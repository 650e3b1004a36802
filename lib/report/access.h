// care-report access: who read whose identity record, from the access logs
// (cases/<ID>/access.log, identity/access_log.h). Only those logs are read:
// never a record, let alone an identity. Each log is a plain text file,
// read only when it is a regular file, through no symbolic link, and up to
// a size cap. git's union merge leaves a log's lines in any order and may
// repeat one, so reads are sorted, and identical ones counted once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "folder/config.h"
#include "identity/access_log.h"
#include "report/model.h"
#include "util/date.h"

namespace care::report {

// A log bigger than this is not read (a year of reads is a few hundred kB).
using identity::kMaxAccessLogBytes;

struct AccessRead {
  std::string case_id;
  identity::Access access;
};

struct AccessLogs {
  std::vector<AccessRead> reads;  // as found, malformed lines left out
  diag::Diagnostics warnings;     // malformed lines, with file and line
  diag::Diagnostics errors;       // logs (or case folders) that could not be read
};

// Adds the reads in one log's text to `into`; a line that is not a read is
// a warning at `file`:LINE (its text is not shown: it may be anything). An
// empty line is skipped.
void parse_access_log(std::string_view text, const std::string& case_id, const std::string& file, AccessLogs& into);

// Reads cases/*/access.log under `root` (only cases/<only_case>/ when it is
// not empty), in case-ID order.
AccessLogs read_access_logs(const std::filesystem::path& root, const std::string& only_case = {});

struct AccessQuery {
  std::optional<util::Date> from, to;  // inclusive, on the UTC date of the read
  std::string only_case;               // empty: every case
};

// The report: reads per person (WHO) and the list of reads, sorted by time,
// case ID, person, command and purpose; identical reads counted once.
Report access_report(const folder::Config& config, std::vector<AccessRead> reads, const AccessQuery& query);

}  // namespace care::report
