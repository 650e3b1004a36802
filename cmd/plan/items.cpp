// add, change, drop, deliver, cancel: the plan's items.
#include "plan/commands.h"
#include "plan/plan.h"

namespace care::cmd::plan {
namespace p = ::care::plan;

void add_common(CLI::App* sub, p::Common& f, const char* date_help);

namespace {

void add_item_fields(CLI::App* sub, p::ItemFlags& f) {
  sub->add_option("--phase", f.fields.phase, "pre_departure, post_arrival or reintegration")->option_text("PHASE");
  sub->add_option("--type", f.fields.type, "Type of assistance, from the catalogue in care-plan(1)")->option_text("TYPE");
  sub->add_option("--description", f.fields.description, "What is provided (no names)")->option_text("TEXT");
  sub->add_option("--provider", f.fields.provider, "Who provides it")->option_text("NAME");
  sub->add_option("--budget", f.fields.budget, "Planned amount, e.g. 450.00")->option_text("AMOUNT");
  sub->add_option("--currency", f.fields.currency, "ISO 4217 code (default: the program's)")->option_text("CODE");
  sub->add_option("--exchange-note", f.fields.exchange_note, "Rate and amount in the program's currency")
      ->option_text("TEXT");
  sub->add_option("--status", f.fields.status, "proposed, planned, committed or delivered")->option_text("STATUS");
  sub->add_option("--reason", f.reason, "Why, for a change after the plan was agreed")->option_text("TEXT");
  sub->add_option("--over-cap", f.over_cap, "Why the plan may go over the per-person cap (recorded)")
      ->option_text("REASON");
  sub->add_flag("--beneficiary-asked", f.beneficiary_asked, "The beneficiary asked for this post-arrival help");
}

}  // namespace

void add_item_commands(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto add = std::make_shared<p::ItemFlags>();
  auto* a = app.add_subcommand("add", "Add an item to the plan; prints its number");
  add_common(a, *add, "Day of the change (default: today)");
  add_item_fields(a, *add);
  commands.add(a, [add, &global] { return p::add_command(global, *add); });

  auto change = std::make_shared<p::ItemFlags>();
  auto* c = app.add_subcommand("change", "Change an item; after agreement with --reason");
  add_common(c, *change, "Day of the change (default: today)");
  c->add_option("ITEM", change->item, "Item number")->required();
  add_item_fields(c, *change);
  commands.add(c, [change, &global] { return p::change_command(global, *change); });

  auto drop = std::make_shared<p::ItemFlags>();
  auto* d = app.add_subcommand("drop", "Drop an item from a plan not yet agreed");
  add_common(d, *drop, "(not used)");
  d->add_option("ITEM", drop->item, "Item number")->required();
  commands.add(d, [drop, &global] { return p::drop_command(global, *drop); });

  auto deliver = std::make_shared<p::DeliverFlags>();
  auto* v = app.add_subcommand("deliver", "Record a delivery of an item (partial deliveries add up)");
  add_common(v, *deliver, "Day of delivery (default: today)");
  v->add_option("ITEM", deliver->item, "Item number")->required();
  v->add_option("--amount", deliver->amount, "Amount delivered, e.g. 250.00")->required()->option_text("AMOUNT");
  v->add_option("--currency", deliver->currency, "ISO 4217 code (default: the item's)")->option_text("CODE");
  v->add_option("--note", deliver->note, "Note (no names)")->option_text("TEXT");
  commands.add(v, [deliver, &global] { return p::deliver_command(global, *deliver); });

  auto cancel = std::make_shared<p::CancelFlags>();
  auto* x = app.add_subcommand("cancel", "Cancel an item, with the reason");
  add_common(x, *cancel, "Day of cancellation (default: today)");
  x->add_option("ITEM", cancel->item, "Item number")->required();
  x->add_option("--reason", cancel->reason, "Why")->required()->option_text("TEXT");
  commands.add(x, [cancel, &global] { return p::cancel_command(global, *cancel); });
}

}  // namespace care::cmd::plan
