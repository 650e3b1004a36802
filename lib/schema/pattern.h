// The regular expressions of "pattern" and "patternProperties": the part of
// ECMAScript's syntax that draft-07 schemas use, compiled to a small automaton
// and run over the value one code point at a time, all possible paths at
// once. Time grows with pattern size times value length and the stack does
// not grow with the value at all, so a 30,000-digit value cannot take the
// process down (std::regex recursed once per character and did).
//
// Supported: literals and escapes (\t \n \v \f \r \0 \xHH \uHHHH \cX and
// escaped punctuation), ".", classes "[...]" with ranges and "^", \d \D \w \W
// \s \S, anchors ^ $ and \b \B, groups "( )", "(?: )" and "(?<name> )",
// alternation "|", and the quantifiers * + ? {n} {n,} {n,m}, greedy or lazy
// (only whether a match exists is asked, so the two are the same here).
// Anything else (back-references, lookaround, \p{...}) is refused, as is a
// pattern that would compile to an automaton too large to run.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

namespace care::schema {

class Pattern {
 public:
  // The compiled pattern; nullopt when it is not valid or not supported.
  static std::optional<Pattern> compile(std::string_view source);

  // Whether the pattern matches somewhere in text (UTF-8), as JSON Schema
  // asks: unanchored unless the pattern itself says ^ or $.
  bool search(std::string_view text) const;

  struct Program;  // defined in pattern.cpp

 private:
  explicit Pattern(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

}  // namespace care::schema
