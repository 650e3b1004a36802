#include "plan/operations.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "records/fields.h"

namespace care::plan {
using doc::Node;
namespace {

Refusal refuse(std::string message, std::string hint) { return Refusal{std::move(message), std::move(hint)}; }

Node* items_of(Node& plan) {
  if (!plan.find("items")) plan.set("items", Node::sequence());
  return plan.find("items");
}

Node* find_item(Node& plan, std::int64_t id) {
  for (auto& item : items_of(plan)->items())
    if (records::integer(item, "id") == id) return &item;
  return nullptr;
}

Refusal no_item(std::int64_t id) {
  return refuse(fmt::format("the plan has no item {}", id), "care-plan show lists the items and their numbers.");
}

std::int64_t next_id(const Node& plan) {
  std::int64_t last = 0;
  for (const auto& item : records::list(plan, "items")) last = std::max(last, records::integer(item, "id").value_or(0));
  return last + 1;
}

std::optional<util::Amount> amount_of(const std::string& text) { return util::Amount::parse(text); }

Result set_fields(Node& item, const ItemFields& f, const std::string& default_currency) {
  auto put = [&](std::string_view key, const std::string& v) {
    if (!v.empty()) item.set(std::string(key), Node::string(v));
  };
  put("phase", f.phase);
  put("type", f.type);
  put("description", f.description);
  put("provider", f.provider);
  if (!f.budget.empty()) {
    auto amount = amount_of(f.budget);
    if (!amount)
      return refuse(fmt::format("\"{}\" is not an amount", f.budget),
                    "Write the amount with a dot and at most two decimals, without sign or spaces: 1250.50");
    std::string currency = !f.currency.empty() ? f.currency : records::text(item, "budget.currency");
    item.set("budget", records::money_node(*amount, currency.empty() ? default_currency : currency));
  } else if (!f.currency.empty()) {
    records::put_text(item, "budget.currency", f.currency);
  }
  put("exchange_note", f.exchange_note);
  put("status", f.status);
  return std::nullopt;
}

void record_change(Node& plan, std::int64_t id, const std::string& on, std::string what, const std::string& reason) {
  if (!plan.find("changes")) plan.set("changes", Node::sequence());
  Node change = Node::mapping();
  change.set("date", Node::string(on));
  change.set("item", Node::integer(id));
  change.set("what", Node::string(std::move(what)));
  if (!reason.empty()) change.set("reason", Node::string(reason));
  plan.find("changes")->push_back(std::move(change));
}

std::string describe_change(const ItemFields& f) {
  std::vector<std::string> parts;
  auto add = [&](std::string_view label, const std::string& v) {
    if (!v.empty()) parts.push_back(fmt::format("{} {}", label, v));
  };
  add("phase", f.phase);
  add("type", f.type);
  add("description", f.description);
  add("provider", f.provider);
  add("budget", f.budget + (f.currency.empty() ? "" : " " + f.currency));
  add("status", f.status);
  return fmt::format("changed {}", fmt::join(parts, ", "));
}

util::Amount delivered_so_far(const Node& item) {
  util::Amount sum;
  for (const auto& d : records::list(item, "deliveries"))
    if (auto m = records::money(d, "amount")) sum += m->amount;
  return sum;
}

}  // namespace

std::string item_type_for_need(std::string_view domain) {
  if (domain == "health") return "medical_care";
  if (domain == "psychosocial") return "psychosocial_support";
  if (domain == "housing") return "temporary_housing";
  if (domain == "livelihood") return "income_generating";
  if (domain == "education_training") return "vocational_training";
  if (domain == "legal") return "legal_aid";
  if (domain == "child_care") return "child_care";
  if (domain == "family") return "other";
  return {};
}

bool is_agreed(const Node& plan) { return records::field(plan, "agreement") != nullptr; }

bool is_fully_agreed(const Node& plan, bool minor) {
  return records::flag(plan, "agreement.beneficiary") == true &&
         (!minor || records::flag(plan, "agreement.guardian") == true);
}

std::variant<Node, Refusal> draft(const records::Case& c, const DraftInput& in) {
  const records::Record* latest = nullptr;
  for (const auto& a : c.assessments)
    if (a.valid) latest = &a;
  if (!latest)
    return refuse(fmt::format("{} has no assessment to draft a plan from", c.id),
                  "Record the needs-and-risks assessment first: care-intake assess.");
  Node plan = Node::mapping();
  plan.set("kind", Node::string("plan"));
  plan.set("version", Node::integer(1));
  plan.set("case", Node::string(c.id));
  plan.set("drafted", Node::string(in.on));
  records::put(plan, "drafted_with.program_staff", Node::boolean(in.staff));
  Node providers = Node::sequence();
  for (const auto& p : in.providers) providers.push_back(Node::string(p));
  if (!in.providers.empty()) records::put(plan, "drafted_with.service_providers", std::move(providers));
  records::put(plan, "drafted_with.beneficiary", Node::boolean(in.beneficiary));
  plan.set("post_arrival_requested", Node::boolean(in.post_arrival_requested));
  Node* items = items_of(plan);
  for (const auto& need : records::list(latest->root, "needs")) {
    std::string type = item_type_for_need(records::text(need, "domain"));
    if (type.empty() || records::text(need, "level") == "none") continue;
    Node item = Node::mapping();
    item.set("id", Node::integer(static_cast<std::int64_t>(items->size()) + 1));
    item.set("phase", Node::string("reintegration"));
    item.set("type", Node::string(type));
    item.set("description", Node::string(fmt::format("for the {} need ({}) found on {}", records::text(need, "domain"),
                                                     records::text(need, "level"), latest->where.stem)));
    item.set("budget", records::money_node(util::Amount(), in.currency));
    item.set("status", Node::string("proposed"));
    items->push_back(std::move(item));
  }
  return plan;
}

Result add_item(Node& plan, const ItemFields& f, const std::string& program_currency, const std::string& on,
                const std::string& reason, std::int64_t& new_id) {
  bool agreed = is_agreed(plan);
  if (agreed && reason.empty())
    return refuse("the plan is agreed: a new item needs a reason", "Say why with --reason; it is recorded with the date.");
  new_id = next_id(plan);
  Node item = Node::mapping();
  item.set("id", Node::integer(new_id));
  ItemFields given = f;
  if (given.status.empty()) given.status = agreed ? "planned" : "proposed";
  if (given.budget.empty()) given.budget = "0";
  if (auto refused = set_fields(item, given, program_currency)) return refused;
  items_of(plan)->push_back(std::move(item));
  if (agreed) record_change(plan, new_id, on, "added", reason);
  return std::nullopt;
}

Result change_item(Node& plan, std::int64_t id, const ItemFields& f, const std::string& on, const std::string& reason) {
  Node* item = find_item(plan, id);
  if (!item) return no_item(id);
  if (records::text(*item, "status") == "cancelled")
    return refuse(fmt::format("item {} is cancelled", id), "Add a new item instead of changing a cancelled one.");
  bool agreed = is_agreed(plan);
  if (agreed && reason.empty())
    return refuse("the plan is agreed: a change needs a reason", "Say why with --reason; it is recorded with the date.");
  if (auto refused = set_fields(*item, f, records::text(*item, "budget.currency"))) return refused;
  if (agreed) record_change(plan, id, on, describe_change(f), reason);
  return std::nullopt;
}

Result drop_item(Node& plan, std::int64_t id) {
  if (is_agreed(plan))
    return refuse("the plan is agreed: its items are cancelled, not dropped",
                  "Use care-plan cancel ID ITEM --reason R; the history is kept.");
  auto& items = items_of(plan)->items();
  auto before = items.size();
  std::erase_if(items, [&](const Node& item) { return records::integer(item, "id") == id; });
  if (items.size() == before) return no_item(id);
  return std::nullopt;
}

Result agree(Node& plan, const std::string& on, bool minor, bool guardian) {
  if (is_fully_agreed(plan, minor))
    return refuse(fmt::format("the plan was already agreed on {}", records::text(plan, "agreement.date")),
                  "Changes after agreement are recorded with care-plan change ... --reason.");
  if (minor && !guardian)
    return refuse("a minor's plan is agreed by the child and the guardian",
                  "Confirm the guardian's agreement with --guardian.");
  // A first agreement, or one that lacked the beneficiary or the guardian
  // (written by hand): the plan counts as agreed from the day all agreed.
  records::put_text(plan, "agreement.date", on);
  records::put(plan, "agreement.beneficiary", Node::boolean(true));
  if (minor) records::put(plan, "agreement.guardian", Node::boolean(true));
  for (auto& item : items_of(plan)->items())
    if (records::text(item, "status") == "proposed") item.set("status", Node::string("planned"));
  return std::nullopt;
}

Result deliver(Node& plan, std::int64_t id, const std::string& on, const std::string& amount_text,
               const std::string& currency, const std::string& note) {
  Node* item = find_item(plan, id);
  if (!item) return no_item(id);
  if (records::text(*item, "status") == "cancelled")
    return refuse(fmt::format("item {} is cancelled and takes no delivery", id),
                  "Record the delivery against the item that replaced it.");
  auto amount = amount_of(amount_text);
  if (!amount || amount->cents() == 0)
    return refuse(fmt::format("\"{}\" is not an amount delivered", amount_text),
                  "Write a positive amount with a dot and at most two decimals: 250.00");
  std::string in_currency = currency.empty() ? records::text(*item, "budget.currency") : currency;
  Node delivery = Node::mapping();
  delivery.set("date", Node::string(on));
  delivery.set("amount", records::money_node(*amount, in_currency));
  if (!note.empty()) delivery.set("note", Node::string(note));
  if (!item->find("deliveries")) item->set("deliveries", Node::sequence());
  item->find("deliveries")->push_back(std::move(delivery));
  auto budget = records::money(*item, "budget");
  bool complete = budget && delivered_so_far(*item) >= budget->amount;
  item->set("status", Node::string(complete ? "delivered" : "committed"));
  return std::nullopt;
}

Result cancel(Node& plan, std::int64_t id, const std::string& on, const std::string& reason) {
  Node* item = find_item(plan, id);
  if (!item) return no_item(id);
  if (records::text(*item, "status") == "cancelled")
    return refuse(fmt::format("item {} is already cancelled", id), "Nothing to do.");
  item->set("status", Node::string("cancelled"));
  records::put_text(*item, "cancelled.date", on);
  records::put_text(*item, "cancelled.reason", reason);
  if (is_agreed(plan)) record_change(plan, id, on, "cancelled", reason);
  return std::nullopt;
}

void set_over_cap(Node& plan, const std::string& reason, const std::string& on) {
  records::put_text(plan, "over_cap.reason", reason);
  records::put_text(plan, "over_cap.date", on);
}

Result add_risk_review(Node& plan, const RiskReview& r) {
  if (r.reviewer.empty())
    return refuse("a risk review names who reviewed", "Give the reviewer's role or organisation with --reviewer (never a name).");
  if (r.decision != "proceed" && r.decision != "postpone" && r.decision != "cancel")
    return refuse(fmt::format("\"{}\" is not a decision of a risk review", r.decision),
                  "Give --decision proceed, postpone or cancel.");
  if (r.safety_measures.empty())
    return refuse("a risk review records the safety measures agreed",
                  "Give each measure with --safety-measure TEXT (repeatable), e.g. --safety-measure \"escort to the "
                  "shelter on arrival\".");
  for (const auto& m : r.safety_measures)
    if (m.empty()) return refuse("a safety measure is empty", "Write what was agreed after --safety-measure.");
  Node review = Node::mapping();
  review.set("date", Node::string(r.date));
  review.set("reviewer", Node::string(r.reviewer));
  review.set("decision", Node::string(r.decision));
  Node measures = Node::sequence();
  for (const auto& m : r.safety_measures) measures.push_back(Node::string(m));
  review.set("safety_measures", std::move(measures));
  if (!r.note.empty()) review.set("note", Node::string(r.note));
  if (!plan.find("risk_reviews")) plan.set("risk_reviews", Node::sequence());
  plan.find("risk_reviews")->push_back(std::move(review));
  return std::nullopt;
}

Result set_declaration(Node& journey, const Declaration& d) {
  if (!d.given()) return std::nullopt;
  if (!d.signed_on.empty()) records::put_text(journey, "declaration.signed", d.signed_on);
  if (d.alternatives_explained) records::put(journey, "declaration.alternatives_explained", Node::boolean(true));
  else if (!records::field(journey, "declaration.alternatives_explained"))
    records::put(journey, "declaration.alternatives_explained", Node::boolean(false));
  if (!d.language.empty()) records::put_text(journey, "declaration.language", d.language);
  if (!d.guardian_signed.empty()) records::put_text(journey, "declaration.guardian_signed", d.guardian_signed);
  if (!records::field(journey, "declaration.signed"))
    return refuse("the return declaration needs the day the person signed it",
                  "Give it with --declaration-signed DATE, with --language and --alternatives-explained.");
  if (records::text(journey, "declaration.language").empty())
    return refuse("the return declaration needs the language it was explained and signed in",
                  "Give it with --language LANG, e.g. --language English.");
  return std::nullopt;
}

}  // namespace care::plan
