#include "intake/register.h"

#include "change/identity_read.h"
#include "identity/age.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "intake/eligibility.h"
#include "records/facts.h"
#include "records/fields.h"
#include "records/kind.h"
#include "records/redact.h"
#include "schema/catalog.h"

namespace care::intake {
using doc::Node;
namespace {

void put_if(Node& record, std::string_view field, const std::string& value) {
  if (!value.empty()) records::put_text(record, field, value);
}

Node string_list(const std::vector<std::string>& values) {
  Node list = Node::sequence();
  for (const auto& v : values) list.push_back(Node::string(v));
  return list;
}

void add_consents(Node& record, const NewCaseInput& in) {
  Node list = record.find("consents") ? *record.find("consents") : Node::sequence();
  std::vector<std::string> givers = in.consent_by == "both" ? std::vector<std::string>{"person", "guardian"}
                                                            : std::vector<std::string>{in.consent_by};
  std::string on = records::text(record, "referral.date");
  for (const auto& purpose : in.consents)
    for (const auto& who : givers) {
      Node entry = Node::mapping();
      entry.set("purpose", Node::string(purpose));
      entry.set("action", Node::string("granted"));
      entry.set("date", Node::string(on));
      entry.set("given_by", Node::string(who));
      list.push_back(std::move(entry));
    }
  if (list.size() > 0) record.set("consents", std::move(list));
}

void put_contacts(Node& identity, const NewCaseInput& in) {
  Node contacts = identity.find("contacts") ? *identity.find("contacts") : Node::sequence();
  auto add = [&](std::string_view type, const std::string& value) {
    Node c = Node::mapping();
    c.set("type", Node::string(std::string(type)));
    c.set("value", Node::string(value));
    contacts.push_back(std::move(c));
  };
  for (const auto& p : in.phones) add("phone", p);
  for (const auto& e : in.emails) add("email", e);
  if (contacts.size() > 0) identity.set("contacts", std::move(contacts));
}

void put_address_and_documents(Node& identity, const NewCaseInput& in, diag::Diagnostics& problems) {
  if (!in.address_lines.empty()) {
    Node address = Node::mapping();
    if (!in.address_country.empty()) address.set("country", Node::string(in.address_country));
    address.set("lines", string_list(in.address_lines));
    Node list = identity.find("addresses") ? *identity.find("addresses") : Node::sequence();
    list.push_back(std::move(address));
    identity.set("addresses", std::move(list));
  }
  Node documents = identity.find("documents") ? *identity.find("documents") : Node::sequence();
  for (const auto& d : in.documents) {
    auto eq = d.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == d.size()) {
      problems.push_back(diag::in_file("--document", "input.document", "a document is given as TYPE=NUMBER",
                                       "For example --document passport=X0000000 (the number is kept in identity.yaml only)."));
      continue;
    }
    Node doc = Node::mapping();
    doc.set("type", Node::string(d.substr(0, eq)));
    doc.set("number", Node::string(d.substr(eq + 1)));
    documents.push_back(std::move(doc));
  }
  if (documents.size() > 0) identity.set("documents", std::move(documents));
}

std::optional<Node> identity_record(std::optional<Node> from_file, const NewCaseInput& in, diag::Diagnostics& problems) {
  Node identity = from_file ? std::move(*from_file) : Node::mapping();
  put_if(identity, "names.given", in.given);
  put_if(identity, "names.family", in.family);
  if (!in.other_names.empty()) records::put(identity, "names.other", string_list(in.other_names));
  put_contacts(identity, in);
  put_address_and_documents(identity, in, problems);
  if (identity.size() == 0) return std::nullopt;
  return identity;
}

std::string folded(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct DuplicateCheck {
  std::string same_as;                        // a case that may be the same person
  std::vector<folder::StagedFile> access_log;  // one line per identity decrypted
  int unreadable = 0;                          // encrypted identities the key could not open
  std::string no_key;                          // why there is no key, when one was needed
};

// An encrypted identity is decrypted only when the case could be the same
// person on its pseudonymous data (same office, same date of birth), and
// each decryption is logged.
std::optional<Node> candidate_identity(const cli::Session& s, const records::Case& c, bool dry_run,
                                       DuplicateCheck& check) {
  if (!c.identity->sealed) return c.identity->valid ? std::optional<Node>(c.identity->root) : std::nullopt;
  if (dry_run) {  // a dry run changes nothing, not even the access log: it decrypts nothing
    check.no_key = "a dry run does not decrypt identities";
    return std::nullopt;
  }
  auto key = identity::find_key(s.root);
  if (!key.path) {
    check.no_key = key.why_not;
    return std::nullopt;
  }
  auto opened = change::identity_text(s, c, key.path->string());
  std::string error;
  auto line = opened.yaml ? change::access_line(s, c.id, "care-intake new", "duplicate check at registration", error)
                          : std::nullopt;
  if (!opened.root || !line) {
    ++check.unreadable;
    return std::nullopt;
  }
  check.access_log.push_back(std::move(*line));
  return opened.root;
}

// Same office, same names and date of birth: probably the same person.
DuplicateCheck possible_duplicate(const cli::Session& s, const records::Folder& folder, const Node& case_record,
                                  const Node& identity, bool dry_run) {
  DuplicateCheck check;
  std::string office = records::text(case_record, "office");
  std::string birth = records::text(case_record, "date_of_birth");
  std::string names = folded(records::text(identity, "names.given") + "|" + records::text(identity, "names.family"));
  for (const auto& [id, c] : folder.cases) {
    if (!c.main || !c.identity || id.substr(0, 2) != office) continue;
    if (records::text(c.main->root, "date_of_birth") != birth) continue;
    auto other = candidate_identity(s, c, dry_run, check);
    if (other && folded(records::text(*other, "names.given") + "|" + records::text(*other, "names.family")) == names) {
      check.same_as = id;
      break;
    }
  }
  return check;
}

// The case whose access.log this is: cases/<ID>/access.log.
std::string logged_case(const folder::StagedFile& log) {
  std::string_view path = log.relative;
  path.remove_prefix(6);
  return std::string(path.substr(0, path.find('/')));
}

std::string gap_of(const DuplicateCheck& check) {
  if (!check.no_key.empty())
    return fmt::format("the duplicate check was skipped for encrypted identities: {}", check.no_key);
  if (check.unreadable > 0)
    return fmt::format("the duplicate check could not open {} encrypted identit{} with your key", check.unreadable,
                       check.unreadable == 1 ? "y" : "ies");
  return {};
}

Node closure_as_ineligible(const std::string& id, const std::string& on, const std::vector<std::string>& reasons) {
  Node closure = Node::mapping();
  closure.set("kind", Node::string("closure"));
  closure.set("version", Node::integer(1));
  closure.set("case", Node::string(id));
  closure.set("date", Node::string(on));
  closure.set("reason", Node::string("ineligible_at_referral"));
  closure.set("notes", Node::string(fmt::format("Not eligible: {}.", fmt::join(reasons, "; "))));
  return closure;
}

void set_eligibility(Node& record, const std::vector<std::string>& reasons, bool waiting, const std::string& on) {
  Node e = Node::mapping();
  e.set("status", Node::string(reasons.empty() ? "eligible" : "ineligible"));
  e.set("checked", Node::string(on));
  if (!reasons.empty()) e.set("reason", Node::string(fmt::format("{}", fmt::join(reasons, "; "))));
  if (waiting) e.set("waiting", Node::boolean(true));
  record.set("eligibility", std::move(e));
}

}  // namespace

Draft assemble(const NewCaseInput& in) {
  Draft d;
  std::optional<Node> identity_from_file;
  if (in.from) {
    d.case_record = *in.from;
    if (const Node* given = d.case_record.find("identity")) identity_from_file = *given;
    d.case_record.erase("identity");
    if (const Node* id = d.case_record.find("id"))
      d.problems.push_back(diag::at(id->location(), "input.id", "the input gives the case an ID",
                                    "Remove the id: the program gives each case its ID when it is registered."));
  }
  Node& r = d.case_record;
  put_if(r, "host_country", in.host);
  put_if(r, "nationality", in.nationality);
  put_if(r, "return_country", in.return_country);
  put_if(r, "sex", in.sex);
  put_if(r, "date_of_birth", in.birth);
  put_if(r, "referral.date", in.referral_date);
  put_if(r, "referral.organisation", in.organisation);
  put_if(r, "referral.organisation_kind", in.organisation_kind);
  put_if(r, "notes", in.notes);
  if (in.age_uncertain) r.set("age_uncertain", Node::boolean(true));
  if (!in.exploitation.empty()) r.set("exploitation", string_list(in.exploitation));
  d.identity = identity_record(std::move(identity_from_file), in, d.problems);
  return d;
}

std::vector<Needed> missing_fields(const Node& r) {
  static const std::vector<Needed> all = {
      {"host_country", "--host", "Host country (ISO code, e.g. AT)"},
      {"nationality", "--nationality", "Nationality (ISO code)"},
      {"return_country", "--return-country", "Country of return (ISO code)"},
      {"sex", "--sex", "Sex (female, male, other, unknown)"},
      {"date_of_birth", "--birth", "Date of birth, YYYY-MM-DD (an estimate if unknown)"},
      {"referral.date", "--referral-date", "Referral date, YYYY-MM-DD"},
      {"referral.organisation_kind", "--referred-by-kind",
       "Kind of referring organisation (ngo, shelter, service_provider, law_enforcement, government, avr_operator, self, other)"},
  };
  std::vector<Needed> out;
  for (const auto& n : all)
    if (!records::field(r, n.field)) out.push_back(n);
  return out;
}

// Problems of the assembled case record against its schema, so that a bad
// code or date is named as such before eligibility is judged on it.
// Fields the command derives from others (office from host_country, the
// dates of consents and eligibility from the referral) are left out: their
// problem is already reported at the field they come from.
static diag::Diagnostics schema_problems(const Node& record) {
  auto all = schema::validate(schema::catalog(), record, schema::uri_for(records::info(records::Kind::Case).schema_file));
  std::erase_if(all, [](const diag::Diagnostic& d) {
    return d.message.starts_with("office:") || d.message.starts_with("consents[") ||
           d.message.starts_with("eligibility.");
  });
  return all;
}

// Problems of the identity record against its schema, located in the --from
// file (or nowhere, for a flag) rather than in a file not yet written, and
// told without a value (records::redact).
static diag::Diagnostics identity_problems(Node identity) {
  if (!records::is_case_id(records::text(identity, "case")))
    identity.set("case", Node::string("XX-0000-000"));  // unnumbered: the case's own problems say why
  auto all = schema::validate(schema::catalog(), identity,
                              schema::uri_for(records::info(records::Kind::Identity).schema_file));
  for (auto& d : all) records::redact(d, &identity);
  return all;
}

// The ID in this clone's series, or a problem saying why the case cannot be numbered.
static std::string allocate_id(const records::Folder& folder, const Node& r, const SeriesChoice& series,
                               diag::Diagnostics& problems) {
  std::string office = records::text(r, "host_country");
  auto referred = records::date(r, "referral.date");
  if (!referred || !records::is_case_id(office + "-2000-001")) return {};  // the schema has said why
  if (!series.error.empty()) {
    problems.push_back(diag::in_file("<input>", "input.series", series.error,
                                     "Write the series (two capitals, or main) in that file, or delete it to let "
                                     "care-intake pick one; see care-intake(1), CASE IDS."));
    return {};
  }
  std::string id = next_case_id(folder, office, referred->year(), series.series);
  if (id.empty())
    problems.push_back(diag::in_file("<input>", "input.id",
                                     fmt::format("every case number of {} for {} is used", office, referred->year()),
                                     "Ask the maintainers to widen the numbering."));
  return id;
}

Registration register_case(const cli::Session& s, const records::Folder& folder, Draft d, const NewCaseInput& in,
                           bool dry_run) {
  Registration out;
  Node& r = d.case_record;
  std::string on = records::text(r, "referral.date");
  out.series = series_for_new_ids(folder);
  out.id = allocate_id(folder, r, out.series, d.problems);
  r.set("kind", Node::string("case"));
  r.set("version", Node::integer(1));
  r.set("id", Node::string(out.id.empty() ? "XX-0000-000" : out.id));  // a placeholder only while refused
  r.set("office", Node::string(records::text(r, "host_country")));
  add_consents(r, in);
  out.ineligible = ineligibility(r, folder);
  // Capacity is not a criterion: an eligible referral that finds the program full waits for a place.
  out.waiting = out.ineligible.empty() && at_capacity(folder);
  set_eligibility(r, out.ineligible, out.waiting, on);
  auto invalid = schema_problems(r);
  d.problems.insert(d.problems.end(), invalid.begin(), invalid.end());
  if (!d.problems.empty()) out.ineligible.clear();  // judged on bad data: say what is bad instead
  if (d.identity) {
    d.identity->set("kind", Node::string("identity"));
    d.identity->set("version", Node::integer(1));
    d.identity->set("case", Node::string(out.id));
    auto invalid_identity = identity_problems(*d.identity);
    d.problems.insert(d.problems.end(), invalid_identity.begin(), invalid_identity.end());
  }
  DuplicateCheck duplicates;
  if (d.identity && !in.force && d.problems.empty()) {
    duplicates = possible_duplicate(s, folder, r, *d.identity, dry_run);
    out.duplicate_of = duplicates.same_as;
    out.duplicate_check_gap = gap_of(duplicates);
  }
  if (!d.problems.empty() || !out.duplicate_of.empty() || (!out.ineligible.empty() && !in.record_ineligible)) {
    out.outcome.problems = std::move(d.problems);
    out.outcome.exit_code = cli::kFindings;
    // Identities decrypted for nothing but a refusal are logged all the same.
    if (!duplicates.access_log.empty()) {
      std::string subject = logged_case(duplicates.access_log.front());
      change::publish_access(s, folder, "care-intake", "care-intake new", subject, std::move(duplicates.access_log));
    }
    return out;
  }
  records::Case probe;
  probe.main.emplace();
  probe.main->where = records::Placement{records::Kind::Case, out.id, {}};
  probe.main->root = r;
  probe.main->valid = true;
  out.minor = records::is_minor_case(probe);
  change::Request request{"care-intake new", out.id, {}, dry_run, false};
  request.claims.push_back("cases/" + out.id);
  request.companions = std::move(duplicates.access_log);
  if (d.identity)
    request.records.push_back({records::Kind::Identity, out.id, {}, std::move(*d.identity), std::nullopt});
  request.records.push_back({records::Kind::Case, out.id, {}, r, std::nullopt});
  if (!out.ineligible.empty())
    request.records.push_back(
        {records::Kind::Closure, out.id, {}, closure_as_ineligible(out.id, on, out.ineligible), std::nullopt});
  out.outcome = change::apply(s, folder, std::move(request));
  if (!dry_run && out.outcome.written.size() > 0)
    if (std::string error = keep_series(s.root, out.series); !error.empty())
      out.outcome.failure = fmt::format("warning: the case was registered, but this clone's series could not be recorded: "
                                        "{}; the next registration picks a new one", error);
  return out;
}

}  // namespace care::intake
