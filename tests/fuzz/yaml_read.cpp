// Fuzz target: the YAML reader on arbitrary bytes. Whatever it accepts must
// also survive the writers, and the canonical YAML it writes must read back
// as an equal tree (yaml_io.h promises both).
#include <cstdio>
#include <cstdlib>

#include "doc/yaml_io.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace care;
  auto parsed = doc::parse(fuzz::text(data, size), "fuzz.yaml");
  fuzz::render(parsed.problems);
  if (!parsed.root) return 0;
  doc::emit_json(*parsed.root, true);
  std::string written = doc::emit(*parsed.root);
  // Quoting can make the written text longer than the input.
  doc::Limits roomy;
  roomy.max_bytes = written.size() + 1;
  auto again = doc::parse(written, "written.yaml", roomy);
  if (!again.root || !doc::equal(*parsed.root, *again.root)) {
    std::fprintf(stderr, "yaml_read: the canonical YAML does not read back equal:\n%s", written.c_str());
    std::abort();
  }
  return 0;
}
