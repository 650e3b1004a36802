// Small text helpers that know nothing of the domain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace care::util {

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to word, if it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates);

// A whole number written with digits only ("12"; not "12x", "+3" or " 4"),
// at most 18 of them.
std::optional<std::int64_t> whole_number(std::string_view text);

// The lines of text, without their "\n" (empty lines kept; a last line
// without a newline counts; nothing after a final newline does).
std::vector<std::string> split_lines(std::string_view text);

// s without the spaces, tabs and carriage returns around it.
std::string_view trim(std::string_view s);

// The parts of text between separators ("a,,b" gives "a", "", "b"; "" gives one empty part).
std::vector<std::string> split(std::string_view text, char separator);

// An enum value as words in a sentence: "not_found" reads "not found".
std::string words(std::string_view value);

}  // namespace care::util
