// Fuzz target: the sustainability.toml reader on arbitrary bytes. A survey it
// accepts is then used as care-monitor uses one: every question answered at
// both ends of its scale, and the scores labelled.
#include <string>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "monitor/instrument.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace care;
  auto read = monitor::parse_instrument(fuzz::text(data, size), "sustainability.toml");
  fuzz::render(read.problems);
  if (!read.instrument) return 0;
  const monitor::Instrument& survey = *read.instrument;
  for (int end = 0; end < 2; ++end) {
    std::vector<std::pair<std::string, int>> answers;
    for (const auto& q : survey.questions) answers.emplace_back(q.id, end ? q.max : q.min);
    std::vector<std::string> problems;
    monitor::Scores s = monitor::score(survey, answers, problems);
    for (const auto& dimension : {s.economic, s.social, s.psychosocial})
      if (dimension) survey.label(*dimension);
  }
  return 0;
}
