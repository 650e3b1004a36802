// Running a compiled pattern: every path through the automaton advances in
// step over the value, one code point at a time, and a path that reaches an
// instruction another path already reached at the same point is dropped. So
// each step costs at most the size of the program, and nothing recurses.
#include "schema/pattern.h"

#include <cstddef>
#include <limits>
#include <vector>

#include "schema/pattern_program.h"
#include "util/utf8.h"

namespace care::schema {
namespace pattern {

bool in_set(Set set, char32_t c) {
  switch (set) {
    case Set::Digit: return c >= '0' && c <= '9';
    case Set::Word: return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    case Set::Space:
      return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
             (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
             c == 0x205F || c == 0x3000 || c == 0xFEFF;
  }
  return false;
}

bool is_line_terminator(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

bool CharClass::contains(char32_t c) const {
  bool found = false;
  for (const auto& [low, high] : ranges) found = found || (c >= low && c <= high);
  for (const Named& n : sets) found = found || in_set(n.set, c) != n.negated;
  return found != negated;
}

}  // namespace pattern

namespace {

using pattern::Instruction;
using pattern::Op;

// Stands for "no code point": before the start or after the end of the value.
constexpr char32_t kNone = std::numeric_limits<char32_t>::max();

bool is_word(char32_t c) { return c != kNone && pattern::in_set(pattern::Set::Word, c); }

class Simulation {
 public:
  explicit Simulation(const Pattern::Program& program)
      : code_(program.code), classes_(program.classes),
        seen_(program.code.size(), std::numeric_limits<std::size_t>::max()) {}

  bool run(std::string_view text) {
    // A pattern that starts with ^ can only match from the first step.
    const bool anchored = code_.front().op == Op::AtStart;
    std::vector<int> waiting;  // paths that consumed the previous code point
    std::vector<int> ready;    // paths about to consume the next one
    char32_t before = kNone;
    std::size_t i = 0;
    for (std::size_t step = 0;; ++step) {
      std::size_t next = i;
      const char32_t after = i < text.size() ? util::next_code_point(text, next) : kNone;
      if (step == 0 || !anchored) waiting.push_back(0);
      ready.clear();
      for (int pc : waiting)
        if (follow(pc, step, before, after, ready)) return true;
      waiting.clear();
      if (after == kNone) return false;
      for (int pc : ready)
        if (consumes(code_[static_cast<std::size_t>(pc)], after)) waiting.push_back(pc + 1);
      if (waiting.empty() && anchored) return false;
      before = after;
      i = next;
    }
  }

 private:
  // Follows pc through every instruction that consumes nothing, adding the
  // ones that consume to ready; true when the match is reached.
  bool follow(int pc, std::size_t step, char32_t before, char32_t after, std::vector<int>& ready) {
    stack_.assign(1, pc);
    while (!stack_.empty()) {
      const int at = stack_.back();
      stack_.pop_back();
      auto& seen = seen_[static_cast<std::size_t>(at)];
      if (seen == step) continue;
      seen = step;
      const Instruction& ins = code_[static_cast<std::size_t>(at)];
      switch (ins.op) {
        case Op::Match: return true;
        case Op::Jump: stack_.push_back(ins.x); break;
        case Op::Split:
          stack_.push_back(ins.y);
          stack_.push_back(ins.x);
          break;
        case Op::AtStart: go_on_if(before == kNone, at); break;
        case Op::AtEnd: go_on_if(after == kNone, at); break;
        case Op::WordBoundary: go_on_if(is_word(before) != is_word(after), at); break;
        case Op::NotWordBoundary: go_on_if(is_word(before) == is_word(after), at); break;
        default: ready.push_back(at);
      }
    }
    return false;
  }

  void go_on_if(bool holds, int at) {
    if (holds) stack_.push_back(at + 1);
  }

  bool consumes(const Instruction& ins, char32_t c) const {
    switch (ins.op) {
      case Op::Char: return c == ins.ch;
      case Op::Any: return !pattern::is_line_terminator(c);
      case Op::Class: return classes_[static_cast<std::size_t>(ins.x)].contains(c);
      default: return false;
    }
  }

  const std::vector<Instruction>& code_;
  const std::vector<pattern::CharClass>& classes_;
  std::vector<std::size_t> seen_;  // the step at which each instruction was last reached
  std::vector<int> stack_;
};

}  // namespace

std::optional<Pattern> Pattern::compile(std::string_view source) {
  std::optional<Program> program = pattern::compile_program(source);
  if (!program) return std::nullopt;
  return Pattern(std::make_shared<const Program>(std::move(*program)));
}

bool Pattern::search(std::string_view text) const { return Simulation(*program_).run(text); }

}  // namespace care::schema
