// Fuzz target: the care.toml reader on arbitrary bytes, and the listing of
// settings that care-report config prints from what it accepts.
#include "folder/config.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace care;
  auto read = folder::parse_config(fuzz::text(data, size), "care.toml");
  fuzz::render(read.problems);
  if (read.config) folder::describe(*read.config);
  return 0;
}
