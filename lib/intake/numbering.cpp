#include "intake/numbering.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "folder/git.h"
#include "folder/series.h"

namespace care::intake {
namespace fs = std::filesystem;
namespace {

constexpr long kLastNumber = 999'999'999;

bool taken(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

std::set<std::string> series_in_use(const records::Folder& folder) {
  std::set<std::string> used;
  for (const auto& [id, c] : folder.cases)
    if (auto parsed = records::parse_case_id(id)) used.insert(parsed->series);
  for (const auto& r : folder.outreach)
    if (auto parsed = records::parse_outreach_id(r.where.owner)) used.insert(parsed->series);
  return used;
}

}  // namespace

SeriesChoice series_for_new_ids(const records::Folder& folder) {
  SeriesChoice out;
  folder::SeriesRead recorded = folder::read_series(folder.root);
  if (!recorded.error.empty()) {
    out.error = recorded.error;
    return out;
  }
  if (recorded.series) {
    out.series = *recorded.series;
    return out;
  }
  // A folder outside git has no clone to meet: the main series is safe.
  if (!folder::under_git(folder.root)) return out;
  out.series = folder::pick_series(folder.root, series_in_use(folder));
  out.chosen_now = true;
  return out;
}

std::string keep_series(const fs::path& root, const SeriesChoice& choice) {
  return choice.chosen_now ? folder::write_series(root, choice.series) : std::string();
}

std::string series_note(const SeriesChoice& choice, std::string_view example_id) {
  return fmt::format("this clone of the case folder numbers the cases and outreach records it registers in "
                     "series {} (as {}), so that no other clone can give the same ID; see care-intake(1), CASE IDS",
                     choice.series, example_id);
}

std::string next_case_id(const records::Folder& folder, std::string_view office, int year, std::string_view series) {
  records::CaseId id{std::string(office), year, std::string(series), 0};
  for (const auto& [text, c] : folder.cases)
    if (auto other = records::parse_case_id(text);
        other && other->office == id.office && other->year == year && other->series == id.series)
      id.number = std::max(id.number, other->number);
  do ++id.number;
  while (id.number <= kLastNumber && taken(folder.root / "cases" / id.text()));
  return id.number > kLastNumber ? std::string() : id.text();
}

std::optional<std::string> next_outreach_id(const fs::path& root, std::string_view country, int year,
                                            std::string_view series) {
  records::CaseId id{std::string(country), year, std::string(series), 0};
  std::error_code ec;
  for (fs::directory_iterator it(root / "outreach", ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.ends_with(".yaml")) continue;
    auto other = records::parse_outreach_id(name.substr(0, name.size() - 5));
    if (other && other->office == id.office && other->year == year && other->series == id.series)
      id.number = std::max(id.number, other->number);
  }
  if (++id.number > kLastNumber) return std::nullopt;
  return "OR-" + id.text();
}

}  // namespace care::intake
