// Numbering new cases and outreach records in this clone's series
// (folder/series.h), one above the highest number already used.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "records/store.h"

namespace care::intake {

struct SeriesChoice {
  std::string series;       // "" for the main series
  bool chosen_now = false;  // none was recorded: picked for this clone, to be recorded once a registration is written
  std::string error;        // the recorded series cannot be read
};

// This clone's series, or a new one that no ID in the folder uses yet.
SeriesChoice series_for_new_ids(const records::Folder& folder);

// Records a series chosen now; "" or why not.
std::string keep_series(const std::filesystem::path& root, const SeriesChoice& choice);

// The note that says a series was chosen, naming an example ID.
std::string series_note(const SeriesChoice& choice, std::string_view example_id);

// The next free case ID for an office, year and series, skipping any folder
// that exists already under cases/. Empty when the numbers ran out.
std::string next_case_id(const records::Folder& folder, std::string_view office, int year,
                         std::string_view series = {});

// The same for outreach: OR-AT-2014-003.
std::optional<std::string> next_outreach_id(const std::filesystem::path& root, std::string_view country, int year,
                                            std::string_view series = {});

}  // namespace care::intake
