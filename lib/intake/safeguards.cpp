#include "intake/safeguards.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "records/fields.h"
#include "util/date.h"

namespace care::intake {
using doc::Node;
namespace {

// One flag and the field of its section it writes.
struct Flag {
  std::string_view field;  // inside the section
  std::string_view name;   // "--views-heard"
  const std::string* value;
  bool is_date = false;
};

// One section of a record and the flags that write it. `required` are the
// fields the schema requires of the section; `why` says what they are for.
// A section with a `status` starts afresh when its status changes: the dates
// and note of the old status do not belong to the new one.
struct Section {
  std::string_view name;
  std::vector<Flag> flags;
  std::vector<std::string_view> required;
  std::string_view why;
  bool fresh_on_new_status = false;
};

std::string bad_date(const Flag& f) {
  return fmt::format("{}: \"{}\" is not a date (give YYYY-MM-DD)", f.name, *f.value);
}

bool given(const Flag& f) { return !f.value->empty(); }

std::string_view flag_of(const Section& s, std::string_view field) {
  for (const auto& f : s.flags)
    if (f.field == field) return f.name;
  return field;
}

// Writes the section's given flags into `record`; returns why it cannot, or empty.
std::string put_section(Node& record, const Section& s) {
  if (std::none_of(s.flags.begin(), s.flags.end(), given)) return {};
  for (const auto& f : s.flags)
    if (given(f) && f.is_date && !util::Date::parse(*f.value)) return bad_date(f);
  const Node* existing = record.find(s.name);
  Node section = existing && existing->is_mapping() ? *existing : Node::mapping();
  if (s.fresh_on_new_status)
    for (const auto& f : s.flags)
      if (f.field == "status" && given(f) && records::text(section, "status") != *f.value) section = Node::mapping();
  for (const auto& f : s.flags)
    if (given(f)) section.set(std::string(f.field), Node::string(*f.value));
  std::vector<std::string> missing;
  for (auto field : s.required)
    if (!section.find(field)) missing.push_back(std::string(flag_of(s, field)));
  if (!missing.empty())
    return fmt::format("{}: {}; give {}", s.name, s.why, fmt::join(missing, " and "));
  record.set(std::string(s.name), std::move(section));
  return {};
}

std::string date_order(const Node& section, std::string_view name, std::string_view first, std::string_view last,
                        std::string_view last_flag) {
  auto a = records::date(section, first);
  auto b = records::date(section, last);
  if (a && b && *b < *a)
    return fmt::format("{}: {} {} is before {} {}; correct {}", name, last, b->str(), first, a->str(), last_flag);
  return {};
}

}  // namespace

const std::vector<std::string>& views_answers() {
  static const std::vector<std::string> v{"yes", "no", "undecided"};
  return v;
}
const std::vector<std::string>& lives_with_values() {
  static const std::vector<std::string> v{"parents",          "relatives", "foster_family", "residential_care",
                                          "supported_independent_living", "other"};
  return v;
}
const std::vector<std::string>& trafficking_statuses() {
  static const std::vector<std::string> v{"presumed", "identified", "not_identified"};
  return v;
}
const std::vector<std::string>& identifying_kinds() {
  static const std::vector<std::string> v{"police",         "labour_inspection", "immigration_authority",
                                          "prosecutor_or_court", "social_services", "ngo",
                                          "international_organisation", "other"};
  return v;
}
const std::vector<std::string>& residence_statuses() {
  static const std::vector<std::string> v{"none", "reflection_period", "residence_permit", "asylum_applicant", "other"};
  return v;
}
const std::vector<std::string>& proceedings_roles() {
  static const std::vector<std::string> v{"witness", "injured_party", "defendant", "other"};
  return v;
}

std::string apply_minor_safeguards(Node& minor_record, const MinorSafeguardFlags& f) {
  const std::vector<Section> sections = {
      {"views",
       {{"heard", "--views-heard", &f.views_heard, true},
        {"heard_by", "--views-heard-by", &f.views_heard_by},
        {"wants_return", "--wants-return", &f.wants_return},
        {"wants_tracing", "--wants-tracing", &f.wants_tracing},
        {"wants_to_live", "--wants-to-live", &f.wants_to_live},
        {"note", "--views-note", &f.views_note}},
       {"heard", "heard_by"},
       "the child's views are recorded with the day they were heard and who heard them (a role)"},
      {"care_arrangement",
       {{"lives_with", "--lives-with", &f.lives_with},
        {"place", "--lives-place", &f.lives_place},
        {"note", "--care-note", &f.care_note}},
       {"lives_with"},
       "the care arrangement says with whom the child will live"},
      {"follow_up",
       {{"organisation", "--follow-up-organisation", &f.follow_up_organisation},
        {"role", "--follow-up-role", &f.follow_up_role},
        {"agreed", "--follow-up-agreed", &f.follow_up_agreed, true}},
       {"organisation", "agreed"},
       "the follow-up names the child-protection service and the day it agreed"},
      {"transition",
       {{"date", "--transition-date", &f.transition_date, true},
        {"reason", "--transition-reason", &f.transition_reason}},
       {"date", "reason"},
       "a transition to adulthood is recorded with the day of the decision and its reason"},
  };
  Node changed = minor_record;
  for (const auto& s : sections)
    if (std::string problem = put_section(changed, s); !problem.empty()) return problem;
  minor_record = std::move(changed);
  return {};
}

bool any_identification(const IdentificationFlags& f) {
  for (const auto* v : {&f.trafficking_status, &f.identified_by, &f.identified_on, &f.residence, &f.residence_from,
                        &f.residence_until, &f.residence_note, &f.proceedings, &f.proceedings_since,
                        &f.proceedings_note, &f.proceedings_closed})
    if (!v->empty()) return true;
  return f.close_proceedings != 0;
}

IdentificationProblem apply_identification(Node& case_record, const IdentificationFlags& f, const std::string& today) {
  auto usage = [](std::string m) { return IdentificationProblem{std::move(m), true}; };
  auto refusal = [](std::string m) { return IdentificationProblem{std::move(m), false}; };
  const std::vector<Section> sections = {
      {"trafficking",
       {{"status", "--trafficking-status", &f.trafficking_status},
        {"identified_by", "--identified-by", &f.identified_by},
        {"date", "--identified-on", &f.identified_on, true}},
       {"status"},
       "the trafficking status is recorded with its status",
       true},
      {"residence",
       {{"status", "--residence", &f.residence},
        {"from", "--residence-from", &f.residence_from, true},
        {"until", "--residence-until", &f.residence_until, true},
        {"note", "--residence-note", &f.residence_note}},
       {"status"},
       "the residence status is recorded with its status",
       true},
  };
  Node changed = case_record;
  for (const auto& s : sections)
    if (std::string problem = put_section(changed, s); !problem.empty()) return usage(problem);
  if (!f.trafficking_status.empty() || !f.identified_by.empty() || !f.identified_on.empty()) {
    const Node& t = *changed.find("trafficking");
    std::vector<std::string> missing;
    if (records::text(t, "status") == "identified") {
      if (!t.find("identified_by")) missing.push_back("--identified-by KIND");
      if (!t.find("date")) missing.push_back("--identified-on DATE");
    }
    if (!missing.empty())
      return usage(fmt::format("trafficking: an identified victim is recorded with who identified the person and "
                               "when; give {}", fmt::join(missing, " and ")));
  }
  if (const Node* r = changed.find("residence"); r && (!f.residence_from.empty() || !f.residence_until.empty()))
    if (auto problem = date_order(*r, "residence", "from", "until", "--residence-until"); !problem.empty())
      return usage(problem);

  // Proceedings: close an entry as numbered before this run, then add the new one.
  if (f.proceedings.empty() && (!f.proceedings_since.empty() || !f.proceedings_note.empty()))
    return usage(fmt::format("{} describes new proceedings: give --proceedings ROLE with it",
                             f.proceedings_since.empty() ? "--proceedings-note" : "--proceedings-since"));
  if (f.close_proceedings == 0 && !f.proceedings_closed.empty())
    return usage("--proceedings-closed is the day proceedings closed: give --close-proceedings N with it");
  if (f.close_proceedings < 0) return usage("--close-proceedings: give the entry's number, 1 for the first");
  for (const auto* d : {&f.proceedings_since, &f.proceedings_closed})
    if (!d->empty() && !util::Date::parse(*d))
      return usage(fmt::format("{}: \"{}\" is not a date (give YYYY-MM-DD)",
                               d == &f.proceedings_since ? "--proceedings-since" : "--proceedings-closed", *d));
  if (f.close_proceedings == 0 && f.proceedings.empty()) {
    case_record = std::move(changed);
    return {};
  }
  const Node* existing = changed.find("proceedings");
  Node list = existing && existing->is_sequence() ? *existing : Node::sequence();
  if (f.close_proceedings > 0) {
    auto n = static_cast<std::size_t>(f.close_proceedings);
    if (n > list.items().size())
      return refusal(fmt::format("{} has {} proceedings recorded: there is no entry {} to close", f.id,
                                 list.items().size(), n));
    Node& entry = list.items()[n - 1];
    if (!entry.is_mapping()) return refusal(fmt::format("proceedings entry {} is not a mapping: correct it with "
                                                        "care-intake edit {}", n, f.id));
    if (records::text(entry, "status") == "closed")
      return refusal(fmt::format("proceedings entry {} of {} is already closed{}", n, f.id,
                                 records::text(entry, "closed").empty()
                                     ? std::string()
                                     : " on " + records::text(entry, "closed")));
    std::string on = f.proceedings_closed.empty() ? today : f.proceedings_closed;
    entry.set("status", Node::string("closed"));
    entry.set("closed", Node::string(on));
    if (auto problem = date_order(entry, "proceedings", "since", "closed", "--proceedings-closed"); !problem.empty())
      return usage(problem);
  }
  if (!f.proceedings.empty()) {
    Node entry = Node::mapping();
    entry.set("role", Node::string(f.proceedings));
    entry.set("status", Node::string("open"));
    if (!f.proceedings_since.empty()) entry.set("since", Node::string(f.proceedings_since));
    if (!f.proceedings_note.empty()) entry.set("note", Node::string(f.proceedings_note));
    list.push_back(std::move(entry));
  }
  changed.set("proceedings", std::move(list));
  case_record = std::move(changed);
  return {};
}

}  // namespace care::intake
