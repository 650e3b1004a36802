// care-intake erase: the identity record removed and every free-text
// detail blanked, in one change per case; the pseudonymous record stays
// for the statistics. Earlier versions stay in git history until
// care-intake purge rewrites it (care-intake(1), ERASURE).
#include <cstdio>

#include <fmt/format.h>

#include "change/change.h"
#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/workspace.h"
#include "identity/access_log.h"
#include "identity/retention.h"
#include "intake/erasure.h"
#include "records/fields.h"
#include "intake/intake.h"
#include "util/beneath.h"
#include "util/file_read.h"
#include "util/text.h"

namespace care::intake {
namespace {

using doc::Node;

// Every record is written again, so that no comment a person wrote stays.
void erase_record(const records::Record& r, change::Request& request) {
  Node root = r.root;
  blank_free_text(r.where.kind, root);
  request.records.push_back({r.where.kind, r.where.owner, r.where.stem, std::move(root), std::nullopt});
}

// The access log keeps who read the identity and when, not why: a purpose
// is typed by staff and may say something about the person.
void erase_purposes(const cli::Session& s, const records::Case& c, change::Request& request) {
  std::string relative = identity::access_log_path(c.id);
  auto stamp = util::stamp_of((s.root / relative).string());
  util::FileText read = util::read_regular_file((s.root / relative).string(), identity::kMaxAccessLogBytes);
  if (!stamp || !read.ok()) return;
  std::string kept;
  for (const auto& line : util::split_lines(read.text))
    if (auto a = identity::parse_line(line)) {
      a->purpose = std::string(kErased);
      kept += identity::line_of(*a);
    }
  if (kept != read.text) request.companions.push_back({relative, kept, stamp});
}

change::Request erasure(const cli::Session& s, const records::Case& c, const std::string& reason, bool dry_run) {
  change::Request request{"care-intake erase", c.id, {}, dry_run, /*drop_comments=*/true};
  request.erasing = true;
  request.allowed_after_withdrawal = true;
  if (c.identity) request.records.push_back({records::Kind::Identity, c.id, {}, Node::mapping(), std::nullopt, true});
  Node main = c.main->root;
  blank_free_text(records::Kind::Case, main);
  main.set("erased", Node::string(s.today.str()));
  main.set("erased_reason", Node::string(reason));
  request.records.push_back({records::Kind::Case, c.id, {}, std::move(main), std::nullopt});
  records::for_each_record(c, [&](const records::Record& r) {
    if (r.where.kind != records::Kind::Case && r.where.kind != records::Kind::Identity) erase_record(r, request);
  });
  erase_purposes(s, c, request);
  return request;
}

bool confirmed(const std::string& id) {
  if (!cli::can_prompt()) return false;
  auto answer = cli::ask(fmt::format("Erase {}: its identity and every note go for good. Type the case ID to confirm", id));
  return answer && *answer == id;
}

int erase_one(const cli::GlobalOptions& global, const std::string& id, const std::string& reason, const EraseFlags& flags) {
  return cli::with_case(global, kProgram, id, true, cli::writing(flags.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (std::string on = records::text(c.main->root, "erased"); !on.empty()) {
      cli::print_error(kProgram, fmt::format("{} was erased on {} already", id, on));
      return cli::kOk;
    }
    if (!flags.dry_run && !flags.yes && !confirmed(id)) {
      cli::print_error(kProgram, fmt::format("{} not erased: not confirmed (give --yes when no one can be asked)", id));
      return cli::kUsage;
    }
    change::Outcome outcome = change::apply(w.session, w.folder, erasure(w.session, c, reason, flags.dry_run));
    int code = change::report(outcome, kProgram);
    if (code == cli::kOk && !flags.dry_run)
      std::printf("%s erased; comments in its records were dropped with the rest\n", id.c_str());
    return code;
  });
}

// The cases due for erasure, each with its reason, once confirmed.
std::optional<std::vector<std::pair<std::string, std::string>>> due_cases(const cli::GlobalOptions& global,
                                                                         const EraseFlags& flags, int& code) {
  auto w = cli::open_workspace(global, kProgram, false, code);
  if (!w) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& due : identity::due_for_erasure(w->folder, w->session.config, w->session.today)) {
    std::string why = due.why == identity::kDueRetention ? "retention period over" : due.why;
    std::printf("%s\t%s since %s\n", due.id.c_str(), why.c_str(), due.since.str().c_str());
    out.emplace_back(due.id, flags.reason.empty() ? why : flags.reason);
  }
  if (out.empty()) std::printf("No case is due for erasure on %s.\n", w->session.today.str().c_str());
  std::fflush(stdout);
  bool asked = !out.empty() && !flags.dry_run && !flags.yes;
  if (asked && !(cli::can_prompt() && cli::ask(fmt::format("Erase these {} cases? Type erase to confirm", out.size())) == "erase")) {
    cli::print_error(kProgram, "not confirmed (give --yes when no one can be asked); nothing was erased");
    code = cli::kUsage;
    return std::nullopt;
  }
  return out;
}

}  // namespace

int erase_command(const cli::GlobalOptions& global, const EraseFlags& flags) {
  if (flags.ids.empty() == !flags.due) {
    cli::print_error(kProgram, "give the case IDs to erase, or --due (not both)");
    return cli::kUsage;
  }
  if (!flags.due && flags.reason.empty()) {
    cli::print_error(kProgram, "--reason TEXT is required: why the case is erased (never name the person)");
    return cli::kUsage;
  }
  for (const auto& id : flags.ids)
    if (!records::is_case_id(id)) {
      cli::print_error(kProgram, fmt::format("\"{}\" is not a case ID (they look like AT-2014-007)", id));
      return cli::kUsage;
    }
  std::vector<std::pair<std::string, std::string>> work;
  for (const auto& id : flags.ids) work.emplace_back(id, flags.reason);
  if (flags.due) {
    int code = cli::kOk;
    auto due = due_cases(global, flags, code);
    if (!due) return code;
    work = std::move(*due);
  }
  EraseFlags each = flags;
  each.yes = each.yes || flags.due;  // confirmed for all at once
  int worst = cli::kOk;
  for (const auto& [id, reason] : work)
    if (int code = erase_one(global, id, reason, each); code != cli::kOk) worst = worst == cli::kOk ? code : worst;
  if (worst == cli::kOk && !flags.dry_run && !work.empty())
    std::fputs("Earlier versions of the erased records remain in git history: run care-intake purge, and have every "
               "clone follow (care-intake(1), ERASURE).\n", stderr);
  return worst;
}

}  // namespace care::intake
