// Small text helpers that know nothing of the domain.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::util {

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to word, if it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace care::util
