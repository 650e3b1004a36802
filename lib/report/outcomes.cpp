#include "report/outcomes.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "monitor/instrument.h"
#include "records/facts.h"
#include "records/fields.h"

namespace care::report {
namespace {

using monitor::Instrument;

struct Scored {
  util::Date on;
  std::int64_t number = 0;
  const doc::Node* scores = nullptr;
};

std::optional<double> score_of(const Scored& s, std::string_view dimension) {
  const doc::Node* n = records::field(*s.scores, dimension);
  return n && n->is_number() ? std::optional<double>(n->as_number()) : std::nullopt;
}

// A case's contacts scored with `survey`, by date, up to `to`; the others
// scored in the period are counted in `other` by "name version".
std::vector<Scored> scored_contacts(const records::Case& c, const Instrument& survey, const util::Date& from,
                                    const util::Date& to, std::map<std::string, int>& other) {
  std::vector<Scored> out;
  for (const auto& contact : c.contacts) {
    const doc::Node* scores = contact.valid ? records::field(contact.root, "sustainability.scores") : nullptr;
    auto on = records::date(contact.root, "date");
    if (!scores || !on || *on > to) continue;
    std::string name = records::text(contact.root, "sustainability.instrument");
    std::string version = records::text(contact.root, "sustainability.instrument_version");
    if (name != survey.name || version != survey.version) {
      if (*on >= from) ++other[fmt::format("\"{}\" version {}", name, version)];
      continue;
    }
    out.push_back({*on, records::integer(contact.root, "number").value_or(0), scores});
  }
  std::stable_sort(out.begin(), out.end(), [](const Scored& a, const Scored& b) { return a.on < b.on; });
  return out;
}

// Persons by level (rows) and dimension (columns).
struct Grid {
  std::map<std::pair<std::string, std::string>, int> counts;
  void add(const std::string& row, std::string_view dimension) { ++counts[{row, std::string(dimension)}]; }
};

Table grid_table(const Grid& g, std::string id, std::string title, std::string header,
                 const std::vector<std::string>& rows, int min_cell, bool suppress,
                 std::string total_label = "persons scored") {
  Table t{std::move(id), std::move(title), {std::move(header)}, {}, Chart{{0, 1, 2}}, false, {}};
  for (auto d : monitor::kDimensions) t.columns.emplace_back(d);
  Row total{std::move(total_label), {}, true};
  std::vector<int> sums(monitor::kDimensions.size(), 0);
  for (const auto& label : rows) {
    Row row{label, {}, false};
    for (std::size_t i = 0; i < monitor::kDimensions.size(); ++i) {
      auto it = g.counts.find({label, std::string(monitor::kDimensions[i])});
      int n = it == g.counts.end() ? 0 : it->second;
      row.values.push_back(Value::of_count(n));
      sums[i] += n;
    }
    t.rows.push_back(std::move(row));
  }
  for (int n : sums) total.values.push_back(Value::of_count(n));
  t.rows.push_back(std::move(total));
  if (suppress) suppress_table(t, min_cell, false);
  return t;
}

std::size_t rank(const Instrument& survey, const std::string& label) {
  for (std::size_t i = 0; i < survey.thresholds.size(); ++i)
    if (survey.thresholds[i].label == label) return i;
  return 0;
}

// The schedule number of the contact due `month` months after arrival, in
// this case's months (month 6 of 1, 3, 6, 9, 12 is contact 3); 0 for none.
std::int64_t number_for(const records::Case& c, const std::vector<int>& defaults, int month) {
  auto months = records::monitoring_months(c, defaults);
  auto it = std::find(months.begin(), months.end(), month);
  return it == months.end() ? 0 : static_cast<std::int64_t>(it - months.begin()) + 1;
}

struct Counts {
  Grid latest, month6, month12, change;
};

void count_case(const records::Case& c, const std::vector<Scored>& scored, const Instrument& survey,
                const util::Date& from, const std::vector<int>& defaults, Counts& k) {
  std::int64_t six = number_for(c, defaults, 6), twelve = number_for(c, defaults, 12);
  for (auto d : monitor::kDimensions) {
    const Scored* first = nullptr;
    const Scored* latest = nullptr;
    const Scored* at6 = nullptr;
    const Scored* at12 = nullptr;
    for (const auto& s : scored) {
      if (!score_of(s, d)) continue;
      if (!first) first = &s;
      if (s.on < from) continue;
      latest = &s;
      if (six && s.number == six && !at6) at6 = &s;
      if (twelve && s.number == twelve && !at12) at12 = &s;
    }
    if (!latest) continue;
    std::string now = survey.label(*score_of(*latest, d));
    k.latest.add(now, d);
    if (at6) k.month6.add(survey.label(*score_of(*at6, d)), d);
    if (at12) k.month12.add(survey.label(*score_of(*at12, d)), d);
    if (first == latest) continue;
    std::size_t before = rank(survey, survey.label(*score_of(*first, d))), after = rank(survey, now);
    k.change.add(after > before ? "improved" : after == before ? "same level" : "worse", d);
  }
}

// One line among the notes, in every format; no table.
Outcomes without_survey(std::string line) {
  Outcomes o;
  o.notes.push_back(std::move(line));
  return o;
}

}  // namespace

Outcomes sustainability_outcomes(const records::Folder& folder, const util::Date& from, const util::Date& to,
                                 int min_cell, bool suppress) {
  auto file = folder.root / std::string(monitor::kInstrumentFile);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    return without_survey("No sustainability survey (sustainability.toml) in the folder: no outcomes are reported.");
  auto loaded = monitor::load_instrument(file.string(), std::string(monitor::kInstrumentFile));
  if (!loaded.instrument || !loaded.problems.empty())
    return without_survey("sustainability.toml could not be read (care-records check names the problem): "
                          "no outcomes are reported.");
  const Instrument& survey = *loaded.instrument;
  Counts k;
  std::map<std::string, int> other;
  for (const auto& [id, c] : folder.cases)
    if (c.main) count_case(c, scored_contacts(c, survey, from, to, other), survey, from, folder.config.monitoring_months, k);
  std::vector<std::string> levels;
  for (const auto& t : survey.thresholds) levels.push_back(t.label);
  std::string of = fmt::format("survey \"{}\" version {}", survey.name, survey.version);
  Outcomes o;
  o.tables.push_back(grid_table(k.latest, "outcomes_latest",
                                fmt::format("Sustainability at the latest scored contact in the period (persons; {})", of),
                                "level", levels, min_cell, suppress));
  o.tables.push_back(grid_table(k.month6, "outcomes_month_6",
                                fmt::format("Sustainability at the month-6 contact, done in the period (persons; {})", of),
                                "level", levels, min_cell, suppress));
  o.tables.push_back(grid_table(k.month12, "outcomes_month_12",
                                fmt::format("Sustainability at the month-12 contact, done in the period (persons; {})", of),
                                "level", levels, min_cell, suppress));
  o.tables.push_back(grid_table(k.change, "outcomes_change",
                                fmt::format("Change from the first to the latest scored contact (persons; {})", of),
                                "change", {"improved", "same level", "worse"}, min_cell, suppress,
                                "persons scored twice or more"));
  std::string note = fmt::format("Sustainability outcomes count contacts scored with the {} (sustainability.toml) only", of);
  int left = 0;
  std::string which;
  for (const auto& [name, n] : other) {
    left += n;
    which += fmt::format("{}{}: {}", which.empty() ? "" : "; ", name, n);
  }
  o.notes.push_back(left ? fmt::format("{}; {} scored contacts of the period made with other versions were left out ({}).",
                                       note, left, which)
                         : note + ".");
  return o;
}

}  // namespace care::report
