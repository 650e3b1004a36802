// The project's own schemas (schemas/*.json, compiled in), ready to use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/validator.h"

namespace care::schema {

inline constexpr std::string_view kBaseUri = "https://care.invalid/schemas/";

// Every embedded schema, loaded once; safe to share between threads for reading.
const Registry& catalog();

// "https://care.invalid/schemas/" + file name.
std::string uri_for(std::string_view schema_file);

// The values listed in common.schema.json's definition `name` (an "enum"),
// e.g. "country" or "currency"; empty if there is no such definition.
const std::vector<std::string>& common_enum(std::string_view name);

bool is_country(std::string_view code);
bool is_currency(std::string_view code);

}  // namespace care::schema
