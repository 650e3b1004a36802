// care-intake new --from FILE: the referral, whose `identity:` mapping is
// identity data. When the file cannot be read as YAML there is no tree to
// tell that part by, so its lines are found in the text, and a problem on
// one of them is told as records::redact tells it: no source line, no value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "doc/node.h"

namespace care::intake {

// Lines first..last (1-based, inclusive).
struct LineSpan {
  int first = 0;
  int last = 0;
};

// The lines of the top-level `identity:` mapping of a referral's text, with
// the comments and blank lines among them. When "identity" is written some
// other way (a flow mapping, JSON), every line: better to show too little.
std::vector<LineSpan> identity_lines(std::string_view text);

// Reads the referral like any --from input (a YAML mapping, from a file or
// "-" for stdin), with every problem on an identity line redacted.
std::optional<doc::Node> read_referral(const std::string& path, diag::Diagnostics& problems);

}  // namespace care::intake
