#include "schema/catalog.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "doc/yaml_io.h"
#include "schema/embedded.h"

namespace care::schema {

std::string uri_for(std::string_view schema_file) {
  return std::string(kBaseUri) + std::string(schema_file);
}

const Registry& catalog() {
  static const Registry registry = [] {
    Registry r;
    doc::Limits limits{1 << 22, 64};
    for (const auto& e : embedded_schemas()) {
      auto parsed = doc::parse(e.text, std::string("schemas/") + e.name, limits);
      // The build embeds schemas/ as they are; a broken schema is a bug in
      // this program, caught by the unit tests, so it is skipped here.
      if (parsed.root) r.add(std::move(*parsed.root), uri_for(e.name));
    }
    return r;
  }();
  return registry;
}

const std::vector<std::string>& common_enum(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<std::string>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  std::vector<std::string> values;
  const doc::Node* def = catalog().find(uri_for("common.schema.json") + "#/definitions/" + std::string(name));
  if (def && def->is_mapping())
    if (const doc::Node* e = def->find("enum"))
      for (const auto& v : e->items()) values.push_back(v.text());
  std::sort(values.begin(), values.end());
  return cache.emplace(std::string(name), std::move(values)).first->second;
}

static bool listed(std::string_view name, std::string_view value) {
  const auto& values = common_enum(name);
  return std::binary_search(values.begin(), values.end(), value);
}

bool is_country(std::string_view code) { return listed("country", code); }
bool is_currency(std::string_view code) { return listed("currency", code); }

}  // namespace care::schema
