// This clone's series of IDs (.care/local/series).
//
// Clones of one case folder that register cases while apart must never give
// two persons one ID. Each clone therefore numbers its new cases in its own
// series: the clone made by `care-intake init` uses the main series
// (AT-2014-007), as does a folder outside git, which has no clones; any
// other clone picks a random two-letter series the first time it registers
// (AT-2014-KQ-007), avoiding every series already in use in the folder. The
// series is never shared through git.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace care::folder {

inline constexpr std::string_view kMainSeries = "main";

struct SeriesRead {
  std::optional<std::string> series;  // "" for the main series; nullopt when none is recorded
  std::string error;                  // the file exists but cannot be read or is not a series
};

SeriesRead read_series(const std::filesystem::path& root);

// Records the series ("" for the main one). "" or why it could not.
std::string write_series(const std::filesystem::path& root, const std::string& series);

// A two-letter series not in `taken`, drawn from what tells this clone from
// every other (its host, its path, its .git), so that a dry run and the
// registration that follows pick the same one, and two clones pick at random.
std::string pick_series(const std::filesystem::path& root, const std::set<std::string>& taken);

}  // namespace care::folder
