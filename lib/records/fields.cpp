#include "records/fields.h"

namespace care::records {

const doc::Node* field(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = &record;
  while (n && !dotted.empty()) {
    std::size_t dot = dotted.find('.');
    std::string_view key = dotted.substr(0, dot);
    n = n->is_mapping() ? n->find(key) : nullptr;
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return n;
}

doc::Node* field(doc::Node& record, std::string_view dotted) {
  return const_cast<doc::Node*>(field(static_cast<const doc::Node&>(record), dotted));
}

std::string text(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  return n && n->is_string() ? n->text() : std::string();
}

std::optional<util::Date> date(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  if (!n || !n->is_string()) return std::nullopt;
  return util::Date::parse(n->text());
}

std::optional<bool> flag(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  if (!n || !n->is_bool()) return std::nullopt;
  return n->as_bool();
}

std::optional<std::int64_t> integer(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  if (!n || !n->is_integer()) return std::nullopt;
  return n->as_integer();
}

const std::vector<doc::Node>& list(const doc::Node& record, std::string_view dotted) {
  static const std::vector<doc::Node> none;
  const doc::Node* n = field(record, dotted);
  return n && n->is_sequence() ? n->items() : none;
}

std::optional<Money> money(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  if (!n) return std::nullopt;
  const doc::Node* amount = n->is_mapping() ? n->find("amount") : nullptr;
  std::string currency = text(*n, "currency");
  if (!amount || !amount->is_string() || currency.empty()) return std::nullopt;
  auto parsed = util::Amount::parse(amount->text());
  if (!parsed) return std::nullopt;
  return Money{*parsed, currency};
}

void put(doc::Node& record, std::string_view dotted, doc::Node value) {
  doc::Node* n = &record;
  while (true) {
    if (!n->is_mapping()) *n = doc::Node::mapping();
    std::size_t dot = dotted.find('.');
    std::string key(dotted.substr(0, dot));
    if (dot == std::string_view::npos) return n->set(key, std::move(value));
    if (!n->find(key)) n->set(key, doc::Node::mapping());
    n = n->find(key);
    dotted = dotted.substr(dot + 1);
  }
}

doc::Node money_node(const util::Amount& amount, std::string currency) {
  doc::Node m = doc::Node::mapping();
  m.set("amount", doc::Node::string(amount.str()));
  m.set("currency", doc::Node::string(std::move(currency)));
  return m;
}

const doc::Location& where(const doc::Node& record, std::string_view dotted) {
  const doc::Node* n = field(record, dotted);
  return n ? n->location() : record.location();
}

}  // namespace care::records
