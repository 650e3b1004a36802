#include <cstdio>
#include <functional>

#include <fmt/format.h>

#include "change/change.h"
#include "change/edit.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "plan/plan.h"
#include "records/facts.h"
#include "records/fields.h"
#include "util/utf8.h"

namespace care::plan {
using doc::Node;
namespace {

struct Context {
  const cli::Workspace& w;
  const records::Case& c;
  std::string on;  // the day of the event
};

using Operation = std::function<Result(Node& plan, const Context& cx)>;

int refused(const Refusal& r) {
  cli::print_error(kProgram, r.message);
  std::fputs((util::visible(r.hint) + "\n").c_str(), stderr);
  return cli::kFindings;
}

// Opens the folder and the case, runs `op` on a copy of its plan, and
// writes the result through the change module (schema, rules, dry run, git).
// `item`, when the command is about one item, gives its number once `op`
// has run; with the day, it goes into the commit message, so that a git log
// tells one delivery from the next without anything personal.
int with_plan(const cli::GlobalOptions& g, const Common& f, const std::string& command, bool plan_must_exist,
              const Operation& op, const std::function<std::int64_t()>& item = {}) {
  return cli::with_case(g, kProgram, f.id, false, cli::writing(f.dry_run), [&](const cli::Workspace& w, const records::Case& c) -> int {
    if (plan_must_exist && !c.plan)
      return refused({fmt::format("{} has no plan", f.id), "Draft one first: care-plan draft " + f.id});
    if (c.plan && !c.plan->valid)
      return refused({fmt::format("{} does not pass its schema", c.plan->file),
                      "Run care-report check and fix it first (care-plan edit " + f.id + ")."});
    Node plan = c.plan ? c.plan->root : Node::mapping();
    Context cx{w, c, f.date.empty() ? w.session.today.str() : f.date};
    if (auto r = op(plan, cx)) return refused(*r);
    change::Request request{command, f.id, {}, f.dry_run, f.drop_comments};
    request.detail = item ? fmt::format("item {}, {}", item(), cx.on) : cx.on;
    request.records.push_back({records::Kind::Plan, f.id, {}, std::move(plan), std::nullopt});
    return change::report(change::apply(w.session, w.folder, std::move(request)), kProgram);
  });
}

void mark_post_arrival(Node& plan, const ItemFlags& f) {
  if (f.fields.phase == "post_arrival" && f.beneficiary_asked) plan.set("post_arrival_requested", Node::boolean(true));
}

}  // namespace

int draft_command(const cli::GlobalOptions& g, const DraftFlags& f) {
  return with_plan(g, f, "care-plan draft", false, [&](Node& plan, const Context& cx) -> Result {
    if (cx.c.plan) return Refusal{fmt::format("{} already has a plan", f.id), "Change it with care-plan add, change or drop."};
    DraftInput in{cx.on, !f.no_staff, f.beneficiary, f.post_arrival_requested, f.providers,
                  cx.w.session.config.currency};
    auto drafted = draft(cx.c, in);
    if (auto* r = std::get_if<Refusal>(&drafted)) return *r;
    plan = std::get<Node>(std::move(drafted));
    return std::nullopt;
  });
}

int add_command(const cli::GlobalOptions& g, const ItemFlags& f) {
  std::int64_t id = 0;
  int code = with_plan(g, f, "care-plan add", true, [&](Node& plan, const Context& cx) -> Result {
    mark_post_arrival(plan, f);
    if (auto r = add_item(plan, f.fields, cx.w.session.config.currency, cx.on, f.reason, id)) return r;
    if (!f.over_cap.empty()) set_over_cap(plan, f.over_cap, cx.on);
    return std::nullopt;
  }, [&] { return id; });
  // The item number, also when the plan was written but not committed to git.
  if ((code == cli::kOk || code == cli::kNotCommitted) && !f.dry_run) std::fputs(fmt::format("{}\n", id).c_str(), stdout);
  return code;
}

int change_command(const cli::GlobalOptions& g, const ItemFlags& f) {
  return with_plan(g, f, "care-plan change", true, [&](Node& plan, const Context& cx) -> Result {
    mark_post_arrival(plan, f);
    if (auto r = change_item(plan, f.item, f.fields, cx.on, f.reason)) return r;
    if (!f.over_cap.empty()) set_over_cap(plan, f.over_cap, cx.on);
    return std::nullopt;
  }, [&] { return f.item; });
}

int drop_command(const cli::GlobalOptions& g, const ItemFlags& f) {
  return with_plan(g, f, "care-plan drop", true, [&](Node& plan, const Context&) { return drop_item(plan, f.item); },
                   [&] { return f.item; });
}

int agree_command(const cli::GlobalOptions& g, const AgreeFlags& f) {
  return with_plan(g, f, "care-plan agree", true, [&](Node& plan, const Context& cx) {
    // The guardian agrees whenever the safeguards for children apply that day
    // (as the rule minor-agreement has it: a minor at referral, no transition).
    auto on = util::Date::parse(cx.on);
    return agree(plan, cx.on, on ? records::child_safeguards_apply(cx.c, *on) : records::is_minor_case(cx.c),
                 f.guardian);
  });
}

int deliver_command(const cli::GlobalOptions& g, const DeliverFlags& f) {
  return with_plan(g, f, "care-plan deliver", true, [&](Node& plan, const Context& cx) {
    return deliver(plan, f.item, cx.on, f.amount, f.currency, f.note);
  }, [&] { return f.item; });
}

int cancel_command(const cli::GlobalOptions& g, const CancelFlags& f) {
  return with_plan(g, f, "care-plan cancel", true, [&](Node& plan, const Context& cx) {
    return cancel(plan, f.item, cx.on, f.reason);
  }, [&] { return f.item; });
}

int review_command(const cli::GlobalOptions& g, const ReviewFlags& f) {
  return with_plan(g, f, "care-plan review", true, [&](Node& plan, const Context& cx) {
    RiskReview review = f.review;
    review.date = cx.on;
    return add_risk_review(plan, review);
  });
}

int edit_command(const cli::GlobalOptions& g, const EditFlags& f) {
  return cli::with_case(g, kProgram, f.id, false, folder::Access::Read, [&](const cli::Workspace& w, const records::Case& c) -> int {
    const auto& record = f.kind == "return" ? c.journey : c.plan;
    if (!record) return refused({fmt::format("{} has no {} record", f.id, f.kind), "Create it with care-plan first."});
    return change::edit_record(w, *record, kProgram, "care-plan edit");
  });
}

}  // namespace care::plan
