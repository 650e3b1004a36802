// Reading fields of a record by dotted path ("referral.date"). Defensive: a
// missing field or one of the wrong type reads as absent, so rules can run on
// records that failed their schema without crashing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"
#include "util/date.h"
#include "util/money.h"

namespace care::records {

const doc::Node* field(const doc::Node& record, std::string_view dotted);
doc::Node* field(doc::Node& record, std::string_view dotted);
std::string text(const doc::Node& record, std::string_view dotted);  // "" when absent
std::optional<util::Date> date(const doc::Node& record, std::string_view dotted);
std::optional<bool> flag(const doc::Node& record, std::string_view dotted);
std::optional<std::int64_t> integer(const doc::Node& record, std::string_view dotted);

// The items of a list field; empty when absent or not a list.
const std::vector<doc::Node>& list(const doc::Node& record, std::string_view dotted);

struct Money {
  util::Amount amount;
  std::string currency;
};
// A {amount, currency} mapping, or nothing if either part is missing or malformed.
std::optional<Money> money(const doc::Node& record, std::string_view dotted);

// Sets a field by dotted path, creating the mappings on the way; a part of
// the path that holds something other than a mapping is replaced by one.
void put(doc::Node& record, std::string_view dotted, doc::Node value);
inline void put_text(doc::Node& record, std::string_view dotted, std::string value) {
  put(record, dotted, doc::Node::string(std::move(value)));
}

// {amount: "12.50", currency: EUR}
doc::Node money_node(const util::Amount& amount, std::string currency);

// The location of a field, or of the record itself when the field is absent.
const doc::Location& where(const doc::Node& record, std::string_view dotted);

}  // namespace care::records
