// The sustainability survey: questions, their answer scales, weights and the
// thresholds that label a score, read from sustainability.toml at the root of
// the case folder. It is data the program can change, not code; each
// contact stores the name and version of the file its scores came from.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace care::monitor {

inline constexpr std::string_view kInstrumentFile = "sustainability.toml";
inline constexpr std::array<std::string_view, 3> kDimensions = {"economic", "social", "psychosocial"};

struct Question {
  std::string id, dimension, text;
  int min = 0, max = 4;
  double weight = 1;
};

struct Threshold {
  double below = 1;
  std::string label;
};

struct Instrument {
  std::string name, version, note;
  std::vector<Question> questions;
  std::vector<Threshold> thresholds;  // in rising order of `below`

  const Question* question(std::string_view id) const;
  // The label of a score from 0 to 1, by the thresholds.
  std::string label(double score) const;
};

struct InstrumentResult {
  std::optional<Instrument> instrument;
  diag::Diagnostics problems;
};

// The survey is a few questions; a bigger file is not read, let alone parsed.
inline constexpr std::size_t kMaxInstrumentBytes = 256 * 1024;

InstrumentResult parse_instrument(std::string text, const std::string& display_path);
// Reads (only a regular file, at most kMaxInstrumentBytes) and parses.
InstrumentResult load_instrument(const std::string& file, const std::string& display_path);

// Scores from 0 to 1 per dimension: the weighted mean of the answers, each
// scaled to its question's range. A dimension without answers has no score.
struct Scores {
  std::optional<double> economic, social, psychosocial;
};
// answers: question ID and score. Returns problems for unknown questions and
// scores outside their scale.
Scores score(const Instrument& instrument, const std::vector<std::pair<std::string, int>>& answers,
             std::vector<std::string>& problems);

// The example file that care-intake init writes, labelled as such.
std::string example_instrument();

}  // namespace care::monitor
