// Helpers shared by the fuzz targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "diag/diagnostic.h"

namespace care::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Problems are shown to people, quoting the input; render them as the
// commands would, so that the quoting sees the same arbitrary bytes.
inline void render(const diag::Diagnostics& problems) {
  for (const auto& d : problems) diag::render_text(d, "care-fuzz");
  diag::render_json(problems);
}

}  // namespace care::fuzz
