// The schemas of schemas/, compiled into the library (see cmake/embed_schemas.cmake).
#pragma once

#include <vector>

namespace care::schema {

struct EmbeddedSchema {
  const char* name;  // file name in schemas/, e.g. "case.schema.json"
  const char* text;  // the file's JSON text
};

const std::vector<EmbeddedSchema>& embedded_schemas();

}  // namespace care::schema
