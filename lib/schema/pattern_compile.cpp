// Compiling a schema pattern: a recursive-descent parser builds a small tree,
// which is then laid out as instructions for the matcher in pattern.cpp.
// Recursion follows the nesting of the pattern (capped), never the value.
#include <string>

#include "schema/pattern_program.h"
#include "util/utf8.h"

namespace care::schema::pattern {
namespace {

// Thrown only inside this file, and caught in compile_program: the pattern is
// refused.
struct Refused {};

// Groups nested deeper than this are refused, so that a hostile schema cannot
// exhaust the stack of the parser.
constexpr int kMaxNesting = 100;
// The largest count a {n,m} may give.
constexpr int kMaxCount = 100000;
// Laying out "((){99999}){99999}" adds no instruction but would take ages:
// the work of laying out is capped too.
constexpr long kMaxLayoutSteps = 20 * static_cast<long>(kMaxInstructions);
constexpr int kUnbounded = -1;

struct Tree {
  enum class Kind { Empty, Leaf, Sequence, Alternatives, Repeat };
  Kind kind = Kind::Empty;
  Instruction leaf;  // Kind::Leaf: Char, Any, Class or an assertion
  std::vector<Tree> children;
  int min = 0;
  int max = 0;  // kUnbounded for * and +
};

Tree of_kind(Tree::Kind kind) {
  Tree t;
  t.kind = kind;
  return t;
}

Tree leaf(Op op, char32_t ch = 0, int x = 0) { return Tree{Tree::Kind::Leaf, Instruction{op, ch, x, 0}, {}, 0, 0}; }

bool is_assertion(const Tree& t) {
  return t.kind == Tree::Kind::Leaf && t.leaf.op != Op::Char && t.leaf.op != Op::Any &&
         t.leaf.op != Op::Class;
}

bool is_hex(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(char32_t c) { return c <= '9' ? int(c - '0') : (c | 0x20) - 'a' + 10; }
bool is_ascii_alnum(char32_t c) { return c < 0x80 && in_set(Set::Word, c) && c != '_'; }

// One item of a class, or an escape outside one: a code point, or a named set.
struct ClassAtom {
  char32_t ch = 0;
  std::optional<CharClass::Named> set;
};

class Parser {
 public:
  explicit Parser(std::u32string source) : in_(std::move(source)) {}

  Tree parse_all() {
    Tree t = alternatives(0);
    if (pos_ != in_.size()) throw Refused{};  // an unopened ")"
    return t;
  }
  std::vector<CharClass> take_classes() { return std::move(classes_); }

 private:
  bool at_end() const { return pos_ >= in_.size(); }
  char32_t peek(std::size_t ahead = 0) const { return pos_ + ahead < in_.size() ? in_[pos_ + ahead] : 0; }
  char32_t take() {
    if (at_end()) throw Refused{};
    return in_[pos_++];
  }
  void expect(char32_t c) {
    if (take() != c) throw Refused{};
  }

  Tree alternatives(int depth) {
    if (depth > kMaxNesting) throw Refused{};
    Tree first = sequence(depth);
    if (at_end() || peek() != '|') return first;
    Tree all = of_kind(Tree::Kind::Alternatives);
    all.children.push_back(std::move(first));
    while (!at_end() && peek() == '|') {
      ++pos_;
      all.children.push_back(sequence(depth));
    }
    return all;
  }

  Tree sequence(int depth) {
    Tree seq = of_kind(Tree::Kind::Sequence);
    while (!at_end() && peek() != '|' && peek() != ')') seq.children.push_back(quantified(term(depth)));
    return seq;
  }

  Tree quantified(Tree atom) {
    int min = 0, max = 0;
    if (!quantifier(min, max)) return atom;
    if (is_assertion(atom)) throw Refused{};  // "^*" repeats nothing
    if (!at_end() && peek() == '?') ++pos_;  // lazy: the same for match or no match
    if (!at_end() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{')) throw Refused{};
    Tree r = of_kind(Tree::Kind::Repeat);
    r.min = min;
    r.max = max;
    r.children.push_back(std::move(atom));
    return r;
  }

  bool quantifier(int& min, int& max) {
    if (at_end()) return false;
    switch (peek()) {
      case '*': ++pos_; min = 0; max = kUnbounded; return true;
      case '+': ++pos_; min = 1; max = kUnbounded; return true;
      case '?': ++pos_; min = 0; max = 1; return true;
      case '{': break;
      default: return false;
    }
    ++pos_;
    min = max = count();
    if (!at_end() && peek() == ',') {
      ++pos_;
      max = !at_end() && peek() == '}' ? kUnbounded : count();
    }
    expect('}');
    if (max != kUnbounded && max < min) throw Refused{};
    return true;
  }

  int count() {
    if (at_end() || peek() < '0' || peek() > '9') throw Refused{};
    int n = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      n = n * 10 + int(take() - '0');
      if (n > kMaxCount) throw Refused{};
    }
    return n;
  }

  Tree term(int depth) {
    char32_t c = take();
    switch (c) {
      case '^': return leaf(Op::AtStart);
      case '$': return leaf(Op::AtEnd);
      case '.': return leaf(Op::Any);
      case '(': return group(depth);
      case '[': return char_class();
      case '\\': return escape_outside_class();
      case '*': case '+': case '?': case '{': throw Refused{};  // nothing to repeat
      default: return leaf(Op::Char, c);
    }
  }

  Tree group(int depth) {
    if (!at_end() && peek() == '?') {
      ++pos_;
      char32_t kind = take();
      if (kind == '<' && peek() != '=' && peek() != '!')
        group_name();
      else if (kind != ':')
        throw Refused{};  // lookaround or an unknown group
    }
    Tree inner = alternatives(depth + 1);
    expect(')');
    return inner;
  }

  // "(?<name>": the name is checked and dropped; nothing refers back to it.
  void group_name() {
    std::size_t start = pos_;
    while (!at_end() && peek() != '>') {
      bool first = pos_ == start;
      char32_t c = take();
      bool digit = c >= '0' && c <= '9';
      if (!(c == '$' || (c < 0x80 && in_set(Set::Word, c))) || (first && digit)) throw Refused{};
    }
    if (pos_ == start) throw Refused{};
    expect('>');
  }

  Tree escape_outside_class() {
    char32_t c = peek();
    if (c == 'b' || c == 'B') {
      ++pos_;
      return leaf(c == 'b' ? Op::WordBoundary : Op::NotWordBoundary);
    }
    ClassAtom atom = escape(false);
    if (!atom.set) return leaf(Op::Char, atom.ch);
    CharClass cls;
    cls.sets.push_back(*atom.set);
    return add_class(std::move(cls));
  }

  Tree add_class(CharClass cls) {
    classes_.push_back(std::move(cls));
    return leaf(Op::Class, 0, static_cast<int>(classes_.size() - 1));
  }

  // After a backslash. in_class: "\b" is a backspace, "\-" a hyphen.
  ClassAtom escape(bool in_class) {
    char32_t c = take();
    switch (c) {
      case 'd': return {0, CharClass::Named{Set::Digit, false}};
      case 'D': return {0, CharClass::Named{Set::Digit, true}};
      case 'w': return {0, CharClass::Named{Set::Word, false}};
      case 'W': return {0, CharClass::Named{Set::Word, true}};
      case 's': return {0, CharClass::Named{Set::Space, false}};
      case 'S': return {0, CharClass::Named{Set::Space, true}};
      case 't': return {U'\t', {}};
      case 'n': return {U'\n', {}};
      case 'v': return {U'\v', {}};
      case 'f': return {U'\f', {}};
      case 'r': return {U'\r', {}};
      case 'x': return {hex_digits(2), {}};
      case 'u': return {unicode_escape(), {}};
      case 'c': return {control_letter(), {}};
      case '0':
        if (!at_end() && peek() >= '0' && peek() <= '9') throw Refused{};  // legacy octal
        return {0, {}};
      case 'b':
        if (in_class) return {U'\b', {}};
        throw Refused{};
      default:
        // Digits are back-references; other letters (\k, \p, \a, \z, ...) mean
        // something else in other dialects or nothing at all.
        if (is_ascii_alnum(c)) throw Refused{};
        return {c, {}};
    }
  }

  char32_t hex_digits(int n) {
    char32_t value = 0;
    for (int i = 0; i < n; ++i) {
      char32_t c = take();
      if (!is_hex(c)) throw Refused{};
      value = value * 16 + static_cast<char32_t>(hex_value(c));
    }
    return value;
  }

  // \uHHHH, joining a surrogate pair written as two escapes into one code point.
  char32_t unicode_escape() {
    char32_t high = hex_digits(4);
    if (high < 0xD800 || high > 0xDBFF) return high;
    if (peek() != '\\' || peek(1) != 'u') return high;
    std::size_t back = pos_;
    pos_ += 2;
    char32_t low = hex_digits(4);
    if (low >= 0xDC00 && low <= 0xDFFF) return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    pos_ = back;
    return high;
  }

  char32_t control_letter() {
    char32_t c = take();
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) throw Refused{};
    return c % 32;
  }

  Tree char_class() {
    CharClass cls;
    if (!at_end() && peek() == '^') {
      ++pos_;
      cls.negated = true;
    }
    while (at_end() || peek() != ']') {
      ClassAtom from = class_atom();
      if (peek() == '-' && peek(1) != ']' && pos_ + 1 < in_.size()) {
        ++pos_;
        ClassAtom to = class_atom();
        if (from.set || to.set || to.ch < from.ch) throw Refused{};
        cls.ranges.emplace_back(from.ch, to.ch);
      } else if (from.set) {
        cls.sets.push_back(*from.set);
      } else {
        cls.ranges.emplace_back(from.ch, from.ch);
      }
    }
    expect(']');
    return add_class(std::move(cls));
  }

  ClassAtom class_atom() {
    char32_t c = take();
    if (c == '\\') return escape(true);
    return {c, {}};
  }

  std::u32string in_;
  std::size_t pos_ = 0;
  std::vector<CharClass> classes_;
};

// Lays a tree out as instructions.
class Emitter {
 public:
  explicit Emitter(std::vector<Instruction>& code) : code_(code) {}

  void emit(const Tree& t) {
    if (++steps_ > kMaxLayoutSteps) throw Refused{};
    switch (t.kind) {
      case Tree::Kind::Empty: return;
      case Tree::Kind::Leaf: add(t.leaf); return;
      case Tree::Kind::Sequence:
        for (const Tree& child : t.children) emit(child);
        return;
      case Tree::Kind::Alternatives: return alternatives(t.children);
      case Tree::Kind::Repeat: return repeat(t.children.front(), t.min, t.max);
    }
  }

 private:
  int here() const { return static_cast<int>(code_.size()); }

  int add(Instruction i) {
    if (code_.size() >= kMaxInstructions) throw Refused{};
    code_.push_back(i);
    return here() - 1;
  }

  void alternatives(const std::vector<Tree>& options) {
    std::vector<int> exits;
    for (std::size_t k = 0; k + 1 < options.size(); ++k) {
      int split = add(Instruction{Op::Split, 0, here() + 1, 0});
      emit(options[k]);
      exits.push_back(add(Instruction{Op::Jump}));
      code_[static_cast<std::size_t>(split)].y = here();
    }
    emit(options.back());
    for (int e : exits) code_[static_cast<std::size_t>(e)].x = here();
  }

  void repeat(const Tree& body, int min, int max) {
    for (int k = 0; k < min; ++k) emit(body);
    if (max == kUnbounded) {
      int loop = add(Instruction{Op::Split, 0, here() + 1, 0});
      emit(body);
      add(Instruction{Op::Jump, 0, loop, 0});
      code_[static_cast<std::size_t>(loop)].y = here();
      return;
    }
    std::vector<int> skips;
    for (int k = min; k < max; ++k) {
      skips.push_back(add(Instruction{Op::Split, 0, here() + 1, 0}));
      emit(body);
    }
    for (int s : skips) code_[static_cast<std::size_t>(s)].y = here();
  }

  std::vector<Instruction>& code_;
  long steps_ = 0;
};

std::u32string code_points_of(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) out.push_back(util::next_code_point(text, i));
  return out;
}

}  // namespace

std::optional<Pattern::Program> compile_program(std::string_view source) {
  try {
    Parser parser(code_points_of(source));
    Tree tree = parser.parse_all();
    Pattern::Program program;
    program.classes = parser.take_classes();
    Emitter(program.code).emit(tree);
    program.code.push_back(Instruction{Op::Match});
    return program;
  } catch (const Refused&) {
    return std::nullopt;
  }
}

}  // namespace care::schema::pattern
