// The compiled form of a schema pattern, shared by the compiler
// (pattern_compile.cpp) and the matcher (pattern.cpp). Internal to lib/schema.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/pattern.h"

namespace care::schema::pattern {

// The sets behind \d, \w and \s (as ECMAScript defines them).
enum class Set : unsigned char { Digit, Word, Space };
bool in_set(Set set, char32_t c);

// ".": any code point but a line terminator.
bool is_line_terminator(char32_t c);

struct CharClass {
  struct Named {
    Set set;
    bool negated;  // \D, \W, \S
  };
  std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive
  std::vector<Named> sets;
  bool negated = false;  // [^...]
  bool contains(char32_t c) const;
};

enum class Op : unsigned char {
  Char,             // consume ch
  Any,              // consume any code point but a line terminator
  Class,            // consume a code point of classes[x]
  Split,            // go on at both x and y
  Jump,             // go on at x
  AtStart,          // ^
  AtEnd,            // $
  WordBoundary,     // \b
  NotWordBoundary,  // \B
  Match,
};

struct Instruction {
  Op op = Op::Match;
  char32_t ch = 0;
  int x = 0;
  int y = 0;
};

// Bigger programs are refused: "(a{1000}){1000}" must not eat the memory.
inline constexpr std::size_t kMaxInstructions = 20000;

}  // namespace care::schema::pattern

namespace care::schema {

struct Pattern::Program {
  std::vector<pattern::Instruction> code;  // starts at 0
  std::vector<pattern::CharClass> classes;
};

namespace pattern {
// The program for source; nullopt when the pattern is not valid or not supported.
std::optional<Pattern::Program> compile_program(std::string_view source);
}  // namespace pattern

}  // namespace care::schema
