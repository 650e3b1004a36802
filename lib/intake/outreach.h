// care-intake outreach: information meetings and leaflet dispatches, the
// events through which multipliers (NGOs, service providers, return
// operators) learn of the program and come to refer people to it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"
#include "diag/diagnostic.h"
#include "doc/node.h"
#include "records/store.h"
#include "util/date.h"

namespace care::intake {

// The values the outreach schema allows, read from it so that the two never differ.
const std::vector<std::string>& outreach_types();
const std::vector<std::string>& organisation_kinds();

struct OutreachInput {
  std::string date, country, type;
  std::vector<std::string> organisations;  // NAME=KIND; when given, they replace the input's list
  std::string participants, leaflets;      // whole numbers, as typed
  std::string notes;
};

struct BuiltOutreach {
  std::optional<doc::Node> record;  // without its id
  std::string usage;                // a flag is wrong or missing: one line, exit 2
  diag::Diagnostics problems;       // the --from input is wrong: located in it, exit 1
};

// The record the flags describe, laid over `from` (the --from mapping, if any):
// a flag wins over the same field of the input.
BuiltOutreach build_outreach(const OutreachInput& input, const std::optional<doc::Node>& from);

// OR-<country>-<year>-<NNN>, one more than the highest sequence of that
// country and year in outreach/, so an ID is never handed out twice even
// after a file was removed; nullopt when 999 is taken.

struct OutreachAddFlags {
  OutreachInput input;
  std::string from;  // --from FILE, "-" for stdin
  bool dry_run = false;
};
int outreach_add_command(const cli::GlobalOptions& global, const OutreachAddFlags& flags);

struct OutreachRow {
  std::string id, date, country, type;
  std::size_t organisations = 0;
  std::optional<std::int64_t> participants, leaflets;
};

// The events dated from..to (inclusive; either may be open), in ID order.
std::vector<OutreachRow> outreach_rows(const records::Folder& folder, const std::optional<util::Date>& from,
                                       const std::optional<util::Date>& to);

// "table", "json" ({"version":1,"outreach":[...]}) or "csv".
std::string render_outreach(const std::vector<OutreachRow>& rows, std::string_view format);

struct OutreachListFlags {
  std::string from, to;  // dates
  std::string format = "table";
};
int outreach_list_command(const cli::GlobalOptions& global, const OutreachListFlags& flags);

}  // namespace care::intake
