// Fuzz target: the draft-07 validator on arbitrary trees. The first byte
// picks the record kind whose schema applies; the rest is read as YAML.
// Ordering keys by the schema (done before every write) is exercised too.
#include "doc/yaml_io.h"
#include "fuzz_support.h"
#include "records/kind.h"
#include "schema/catalog.h"
#include "schema/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace care;
  if (size == 0) return 0;
  const auto& kinds = records::all_kinds();
  const auto& kind = kinds[data[0] % kinds.size()];
  auto parsed = doc::parse(fuzz::text(data + 1, size - 1), "fuzz.yaml");
  if (!parsed.root) return 0;
  std::string uri = schema::uri_for(kind.schema_file);
  fuzz::render(schema::validate(schema::catalog(), *parsed.root, uri));
  schema::order_keys(schema::catalog(), *parsed.root, uri);
  return 0;
}
