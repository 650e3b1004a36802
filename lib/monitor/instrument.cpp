#include "monitor/instrument.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "doc/node.h"
#include "util/file_read.h"

namespace care::monitor {

const Question* Instrument::question(std::string_view id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::string Instrument::label(double score) const {
  for (const auto& t : thresholds)
    if (score < t.below) return t.label;
  return thresholds.empty() ? std::string() : thresholds.back().label;
}

namespace {

// The ends of an answer scale stay within this, so that sums over them fit.
constexpr std::int64_t kScaleLimit = 1000000;

// Question IDs are written on command lines (--answer econ.income=3).
bool is_question_id(std::string_view id) {
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  };
  return !id.empty() && std::all_of(id.begin(), id.end(), allowed);
}

// Where to point at a question's problem: the key that holds the bad value,
// else the table's header.
const toml::source_region& where(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  return n ? n->source() : t.source();
}

class Reader {
 public:
  Reader(std::shared_ptr<const doc::Source> source, diag::Diagnostics& problems) : source_(std::move(source)), problems_(problems) {}

  void problem(const toml::source_region& r, std::string message, std::string hint) {
    problems_.push_back(diag::at(doc::Location{source_, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)},
                                 "instrument", std::move(message), std::move(hint)));
  }

  void only_keys(const toml::table& t, const std::vector<std::string_view>& known, std::string_view where) {
    for (const auto& [key, node] : t)
      if (std::find(known.begin(), known.end(), key.str()) == known.end())
        problem(key.source(), fmt::format("unknown key \"{}\" in {}", key.str(), where),
                "Remove it; care-records(5) describes sustainability.toml.");
  }

  std::string text(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) problem(t.source(), fmt::format("missing \"{}\"", key), fmt::format("Add {} = \"...\".", key));
      return {};
    }
    if (!n->is_string()) problem(n->source(), fmt::format("\"{}\" must be text in quotes", key), "Put the value in double quotes.");
    return n->value_or(std::string());
  }

  int whole(const toml::table& t, std::string_view key, int fallback) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_integer()) {
      problem(n->source(), fmt::format("\"{}\" must be a whole number", key), "Answer scales run over whole numbers.");
      return fallback;
    }
    // Read whole, then bounded: a scale end past int would otherwise wrap.
    const std::int64_t value = n->value_or(std::int64_t{fallback});
    if (value < -kScaleLimit || value > kScaleLimit) {
      problem(n->source(), fmt::format("\"{}\" = {} is outside -{} to {}", key, value, kScaleLimit, kScaleLimit),
              "Answer scales are short; use small whole numbers such as 0 to 4.");
      return fallback;
    }
    return static_cast<int>(value);
  }

  double number(const toml::table& t, std::string_view key, double fallback) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_number()) {
      problem(n->source(), fmt::format("\"{}\" must be a number", key), "Write it without quotes.");
      return fallback;
    }
    return n->value_or(fallback);
  }

 private:
  std::shared_ptr<const doc::Source> source_;
  diag::Diagnostics& problems_;
};

Question read_question(Reader& r, const toml::table& t) {
  r.only_keys(t, {"id", "dimension", "text", "min", "max", "weight"}, "a [[questions]] entry");
  Question q;
  q.id = r.text(t, "id", true);
  q.dimension = r.text(t, "dimension", true);
  q.text = r.text(t, "text", true);
  q.min = r.whole(t, "min", 0);
  q.max = r.whole(t, "max", 4);
  if (!q.id.empty() && !is_question_id(q.id))
    r.problem(where(t, "id"), fmt::format("question id \"{}\" may hold only letters, digits, '_', '.' and '-'", q.id),
              "Rename it, e.g. econ.income.");
  q.weight = r.number(t, "weight", 1);
  if (std::find(kDimensions.begin(), kDimensions.end(), q.dimension) == kDimensions.end() && !q.dimension.empty())
    r.problem(where(t, "dimension"),
              fmt::format("question {}: dimension \"{}\" is not economic, social or psychosocial", q.id, q.dimension),
              "Use one of the three dimensions.");
  if (q.max <= q.min || q.weight <= 0)
    r.problem(where(t, q.weight <= 0 ? "weight" : t.get("max") ? "max" : "min"),
              fmt::format("question {}: the scale must rise (min < max) and the weight be positive", q.id),
              "Check min, max and weight.");
  return q;
}

void read_list(Reader& r, const toml::table& root, std::string_view key, const std::function<void(const toml::table&)>& each) {
  const toml::node* n = root.get(key);
  if (!n) return r.problem(root.source(), fmt::format("missing [[{}]]", key), fmt::format("Add at least one [[{}]] entry.", key));
  if (!n->is_array_of_tables()) return r.problem(n->source(), fmt::format("\"{}\" must be a list of [[{}]] tables", key, key), "See the example file.");
  for (const auto& item : *n->as_array()) each(*item.as_table());
}

diag::Diagnostic unreadable(const util::FileText& read, const std::string& display_path) {
  std::string hint = "Create sustainability.toml at the root of the case folder (care-intake init writes an example).";
  if (read.failure == util::ReadFailure::TooLarge)
    hint = "The survey is a few questions long; check that this is the right file (care-records(5)).";
  else if (read.failure == util::ReadFailure::NotRegular)
    hint = "Replace it with the survey file itself (care-intake init writes an example).";
  return diag::in_file(display_path, "instrument", fmt::format("cannot read the sustainability survey: {}", read.reason),
                       std::move(hint));
}

}  // namespace

InstrumentResult parse_instrument(std::string text, const std::string& display_path) {
  InstrumentResult out;
  if (text.size() > kMaxInstrumentBytes) {
    util::FileText refused{{}, util::ReadFailure::TooLarge, fmt::format("it is larger than {} bytes", kMaxInstrumentBytes)};
    out.problems.push_back(unreadable(refused, display_path));
    return out;
  }
  auto source = std::make_shared<doc::Source>(doc::Source{display_path, std::move(text)});
  toml::table root;
  try {
    root = toml::parse(source->text, display_path);
  } catch (const toml::parse_error& e) {
    out.problems.push_back(diag::at(doc::Location{source, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
                                    "instrument", fmt::format("TOML syntax error: {}", e.description()), "Fix the syntax."));
    return out;
  }
  Reader r(source, out.problems);
  Instrument ins;
  r.only_keys(root, {"name", "version", "note", "questions", "thresholds"}, "sustainability.toml");
  ins.name = r.text(root, "name", true);
  ins.version = r.text(root, "version", true);
  ins.note = r.text(root, "note", false);
  read_list(r, root, "questions", [&](const toml::table& t) {
    Question q = read_question(r, t);
    if (ins.question(q.id))
      r.problem(where(t, "id"), fmt::format("question {} is listed twice", q.id), "Give each question its own id.");
    ins.questions.push_back(std::move(q));
  });
  read_list(r, root, "thresholds", [&](const toml::table& t) {
    r.only_keys(t, {"below", "label"}, "a [[thresholds]] entry");
    if (!t.get("below")) r.problem(t.source(), "missing \"below\" in a [[thresholds]] entry", "Give the score it applies below.");
    Threshold th{r.number(t, "below", 1), r.text(t, "label", true)};
    if (!ins.thresholds.empty() && th.below <= ins.thresholds.back().below)
      r.problem(where(t, "below"), "thresholds must rise", "List them from the lowest score to the highest.");
    ins.thresholds.push_back(std::move(th));
  });
  if (out.problems.empty()) out.instrument = std::move(ins);
  return out;
}

InstrumentResult load_instrument(const std::string& file, const std::string& display_path) {
  util::FileText read = util::read_regular_file(file, kMaxInstrumentBytes);
  if (read.ok()) return parse_instrument(std::move(read.text), display_path);
  InstrumentResult out;
  out.problems.push_back(unreadable(read, display_path));
  return out;
}

Scores score(const Instrument& ins, const std::vector<std::pair<std::string, int>>& answers,
             std::vector<std::string>& problems) {
  std::array<double, 3> sum{}, weight{};
  for (const auto& [id, value] : answers) {
    const Question* q = ins.question(id);
    if (!q) {
      problems.push_back(fmt::format("\"{}\" is not a question of {} version {}", id, ins.name, ins.version));
      continue;
    }
    if (value < q->min || value > q->max) {
      problems.push_back(fmt::format("answer {} to {} is outside its scale {} to {}", value, id, q->min, q->max));
      continue;
    }
    auto d = static_cast<std::size_t>(std::find(kDimensions.begin(), kDimensions.end(), q->dimension) - kDimensions.begin());
    // In double: max - min overflows an int when a scale is wider than INT_MAX.
    sum[d] += q->weight * (static_cast<double>(value) - q->min) / (static_cast<double>(q->max) - q->min);
    weight[d] += q->weight;
  }
  auto result = [&](std::size_t d) -> std::optional<double> {
    if (weight[d] == 0) return std::nullopt;
    return std::round(sum[d] / weight[d] * 100) / 100;  // two decimals: stable in files and diffs
  };
  return Scores{result(0), result(1), result(2)};
}

std::string example_instrument() {
  return R"(# sustainability.toml: the survey that scores how sustainable a beneficiary's
# reintegration is, in three dimensions (economic, social, psychosocial).
#
# THIS IS AN EXAMPLE written for the care tools. It is NOT an official IOM
# instrument: replace the questions, scales, weights and thresholds with the
# ones your program uses, and raise `version` whenever you change them. Each
# monitoring contact stores the name and version of the survey its scores
# came from, so old scores stay readable.

name = "care example sustainability survey"
version = "1"
note = "Example written for the care tools; not an official instrument."

# Each question: a unique id, its dimension, the text asked, the answer scale
# (whole numbers from min to max, higher is better) and its weight in the
# dimension's score.
[[questions]]
id = "econ.income"
dimension = "economic"
text = "Does the household have a regular income that covers basic needs?"
min = 0
max = 4
weight = 2

[[questions]]
id = "econ.work"
dimension = "economic"
text = "Is the beneficiary working or in training?"
min = 0
max = 4
weight = 1

[[questions]]
id = "social.housing"
dimension = "social"
text = "Is the housing safe and stable?"
min = 0
max = 4
weight = 1

[[questions]]
id = "social.services"
dimension = "social"
text = "Can the beneficiary reach health care, schooling and documents?"
min = 0
max = 4
weight = 1

[[questions]]
id = "psy.wellbeing"
dimension = "psychosocial"
text = "How does the beneficiary rate their own wellbeing?"
min = 0
max = 4
weight = 1

[[questions]]
id = "psy.safety"
dimension = "psychosocial"
text = "Does the beneficiary feel safe where they live?"
min = 0
max = 4
weight = 1

# Labels for a dimension score from 0 to 1: the first threshold the score is
# below gives the label.
[[thresholds]]
below = 0.34
label = "low"

[[thresholds]]
below = 0.67
label = "medium"

[[thresholds]]
below = 1.01
label = "high"
)";
}

}  // namespace care::monitor
