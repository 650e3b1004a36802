// care-intake series: show or set the series in which this clone numbers
// the cases and outreach records it registers (folder/series.h).
#include <cstdio>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "folder/series.h"
#include "intake/intake.h"
#include "intake/numbering.h"

namespace care::intake {
namespace {

bool used_in_folder(const records::Folder& folder, const std::string& series) {
  for (const auto& [id, c] : folder.cases)
    if (auto parsed = records::parse_case_id(id); parsed && parsed->series == series) return true;
  for (const auto& r : folder.outreach)
    if (auto parsed = records::parse_outreach_id(r.where.owner); parsed && parsed->series == series) return true;
  return false;
}

int show(const cli::Workspace& w) {
  folder::SeriesRead recorded = folder::read_series(w.session.root);
  if (!recorded.error.empty()) {
    cli::print_error(kProgram, recorded.error);
    return cli::kFindings;
  }
  if (recorded.series) {
    std::puts(recorded.series->empty() ? std::string(folder::kMainSeries).c_str() : recorded.series->c_str());
    return cli::kOk;
  }
  SeriesChoice next = series_for_new_ids(w.folder);
  cli::print_error(kProgram, next.chosen_now ? "no series recorded yet: the next registration in this clone picks one"
                                             : "no series recorded: this folder is not under git, so it numbers "
                                               "in the main series");
  if (!next.chosen_now) std::puts(std::string(folder::kMainSeries).c_str());
  return cli::kOk;
}

}  // namespace

int series_command(const cli::GlobalOptions& global, const SeriesFlags& f) {
  int code = cli::kOk;
  bool setting = !f.series.empty();
  auto w = cli::open_workspace(global, kProgram, false, code, setting ? folder::Access::Write : folder::Access::Read);
  if (!w) return code;
  if (!setting) return show(*w);
  std::string series = f.series == folder::kMainSeries ? "" : f.series;
  if (!series.empty() && !records::is_series(series)) {
    cli::print_error(kProgram, fmt::format("\"{}\" is not a series: write two capitals (e.g. KQ) or main", f.series));
    return cli::kUsage;
  }
  if (used_in_folder(w->folder, series) && !f.force) {
    cli::print_error(kProgram, fmt::format("IDs in series {} exist in this folder: another clone may number in it. "
                                           "Nothing was changed. If they were registered in this clone (before it "
                                           "was cloned again, say), run the command again with --force.",
                                           series.empty() ? std::string(folder::kMainSeries) : series));
    return cli::kFindings;
  }
  if (std::string error = folder::write_series(w->session.root, series); !error.empty()) {
    cli::print_error(kProgram, error + "; nothing was changed");
    return cli::kWriteFailed;
  }
  return cli::kOk;
}

}  // namespace care::intake
