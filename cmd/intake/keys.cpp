#include "intake/commands.h"
#include "intake/intake.h"

namespace care::cmd::intake {

void add_keys(CLI::App& app, Commands& commands, cli::GlobalOptions& global) {
  auto f = std::make_shared<::care::intake::KeysFlags>();
  auto* keys = app.add_subcommand("keys", "Who can read the identity records: the age recipients of each office");
  keys->require_subcommand(1);
  auto add = [&](const char* name, const char* help) {
    auto* sub = keys->add_subcommand(name, help);
    sub->callback([f, name] { f->action = name; });
    return sub;
  };
  auto* a = add("add", "Add age public keys to an office's recipients, and re-encrypt its identities");
  a->add_option("KEY", f->keys, "age public keys (age1...)")->required()->option_text("KEY...");
  a->add_option("--office", f->office, "A host country (AT), or all for program-wide keys")->required()->option_text("OFFICE");
  auto* r = add("remove", "Remove age public keys, and re-encrypt the identities they could read");
  r->add_option("KEY", f->keys, "age public keys (age1...)")->required()->option_text("KEY...");
  r->add_option("--office", f->office, "Only from this office's list (default: from every list)")->option_text("OFFICE");
  add("list", "List the recipients of each office, marking your own key");
  auto* k = add("rekey", "Encrypt every identity your key opens again, to today's recipients");
  k->add_option("--office", f->office, "Only this office's cases")->option_text("OFFICE");
  for (auto* sub : {a, r, k}) sub->add_flag("-n,--dry-run", f->dry_run, "Show what would change; change nothing");
  commands.add(keys, [f, &global] { return ::care::intake::keys_command(global, *f); });

  auto e = std::make_shared<::care::intake::EncryptFlags>();
  auto* enc = app.add_subcommand("encrypt", "Encrypt every plain identity record of the folder, and set identity.encrypt");
  enc->add_flag("-n,--dry-run", e->dry_run, "Show what would change; change nothing");
  commands.add(enc, [e, &global] { return ::care::intake::encrypt_command(global, *e); });
}

}  // namespace care::cmd::intake
