#include "folder/config.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "schema/catalog.h"
#include "util/file_read.h"
#include "util/json_text.h"
#include "util/text.h"
#include "util/utf8.h"

namespace care::folder {

bool Config::is_eu(std::string_view c) const {
  return std::find(eu_countries.begin(), eu_countries.end(), c) != eu_countries.end();
}
bool Config::is_host(std::string_view c) const {
  return std::find(host_countries.begin(), host_countries.end(), c) != host_countries.end();
}

std::vector<std::string> Config::recipients_for(std::string_view office) const {
  std::vector<std::string> out;
  for (std::string_view group : {office, std::string_view("all")})
    if (auto it = recipients.find(std::string(group)); it != recipients.end())
      for (const auto& key : it->second)
        if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  return out;
}

std::optional<AppliedRate> Config::rate_for(std::string_view currency, const util::Date& on) const {
  auto it = rates.find(std::string(currency));
  if (it == rates.end()) return std::nullopt;
  if (it->second.always) return AppliedRate{*it->second.always, ""};
  std::string month = on.str().substr(0, 7);
  auto after = it->second.months.upper_bound(month);
  if (after == it->second.months.begin()) return std::nullopt;
  --after;
  return AppliedRate{after->second, after->first};
}

bool is_age_recipient(std::string_view key) {
  if (key.size() != 62 || !key.starts_with("age1")) return false;
  constexpr std::string_view bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  return std::all_of(key.begin() + 4, key.end(), [&](char c) { return bech32.find(c) != std::string_view::npos; });
}

namespace {

// Reads one care.toml, collecting every problem rather than stopping at the first.
class Reader {
 public:
  Reader(std::shared_ptr<const doc::Source> source, diag::Diagnostics& problems)
      : source_(std::move(source)), problems_(problems) {}

  doc::Location at(const toml::source_region& r) const {
    return doc::Location{source_, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
  }

  void problem(const toml::source_region& r, std::string code, std::string message, std::string hint) {
    problems_.push_back(diag::at(at(r), std::move(code), std::move(message), std::move(hint)));
  }

  // Reports keys of `table` (named `name`) that are not in `known`.
  void unknown_keys(const toml::table& table, std::string_view name,
                    const std::vector<std::string_view>& known) {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string prefix = name.empty() ? "" : std::string(name) + ".";
      auto close = util::closest(key.str(), known);
      problem(key.source(), "config.unknown-key",
              fmt::format("unknown setting \"{}{}\"", prefix, key.str()),
              close ? fmt::format("Check the spelling: did you mean \"{}\"?", *close)
                    : std::string("Remove it; care.toml(5) lists every setting."));
    }
  }

  const toml::table* table(const toml::table& root, std::string_view name, bool required) {
    const toml::node* n = root.get(name);
    if (!n) {
      if (required)
        problem(root.source(), "config.missing", fmt::format("missing table [{}]", name),
                fmt::format("Add a [{}] table; care.toml(5) shows what goes in it.", name));
      return nullptr;
    }
    if (!n->is_table()) {
      problem(n->source(), "config.type", fmt::format("\"{}\" must be a table", name),
              fmt::format("Write it as a [{}] section.", name));
      return nullptr;
    }
    return n->as_table();
  }

  // The node at key, or nullptr after reporting that it is missing (when required).
  const toml::node* value(const toml::table& t, std::string_view section, std::string_view key,
                          bool required) {
    const toml::node* n = t.get(key);
    if (!n && required)
      problem(t.source(), "config.missing", fmt::format("missing setting \"{}\"", dotted(section, key)),
              section.empty() ? fmt::format("Add \"{} = ...\" at the top of the file.", key)
                              : fmt::format("Add \"{} = ...\" to the [{}] table.", key, section));
    if (n) origin_[dotted(section, key)] = fmt::format("{}:{}", source_->path, n->source().begin.line);
    return n;
  }

  void wrong_type(const toml::node& n, std::string_view section, std::string_view key,
                  std::string_view expected, std::string_view example) {
    problem(n.source(), "config.type", fmt::format("\"{}\" must be {}", dotted(section, key), expected),
            fmt::format("Write it like this: {} = {}", key, example));
  }

  static std::string dotted(std::string_view section, std::string_view key) {
    return section.empty() ? std::string(key) : fmt::format("{}.{}", section, key);
  }

  std::map<std::string, std::string> take_origins() { return std::move(origin_); }

 private:
  std::shared_ptr<const doc::Source> source_;
  diag::Diagnostics& problems_;
  std::map<std::string, std::string> origin_;
};

void read_string(Reader& r, const toml::table& t, std::string_view section, std::string_view key,
                 std::string& out, std::string_view example) {
  const toml::node* n = r.value(t, section, key, true);
  if (!n) return;
  if (auto v = n->value<std::string>(); v && n->is_string() && !v->empty()) out = *v;
  else r.wrong_type(*n, section, key, "a non-empty string in double quotes", example);
}

void read_date(Reader& r, const toml::table& t, std::string_view section, std::string_view key,
               util::Date& out, std::string_view example) {
  const toml::node* n = r.value(t, section, key, true);
  if (!n) return;
  if (!n->is_date()) return r.wrong_type(*n, section, key, "a date without quotes", example);
  auto d = n->as_date()->get();
  if (auto date = util::Date::from_ymd(d.year, d.month, d.day)) out = *date;
  else r.wrong_type(*n, section, key, "a real calendar date", example);
}

void read_count(Reader& r, const toml::table& t, std::string_view section, std::string_view key,
                int& out, bool required, int minimum = 0) {
  const toml::node* n = r.value(t, section, key, required);
  if (!n) return;
  auto v = n->value<int64_t>();
  if (!n->is_integer() || !v || *v < minimum || *v > 1'000'000)
    return r.wrong_type(*n, section, key, fmt::format("a whole number from {} to 1000000", minimum),
                        std::to_string(std::max(out, std::max(minimum, 1))));
  out = static_cast<int>(*v);
}

void read_countries(Reader& r, const toml::table& t, std::string_view section, std::string_view key,
                    std::vector<std::string>& out) {
  const toml::node* n = r.value(t, section, key, true);
  if (!n) return;
  if (!n->is_array() || n->as_array()->empty())
    return r.wrong_type(*n, section, key, "a list of country codes", "[\"AT\", \"FR\"]");
  for (const auto& item : *n->as_array()) {
    auto code = item.value<std::string>();
    if (!item.is_string() || !code || !schema::is_country(*code)) {
      r.problem(item.source(), "config.country",
                fmt::format("\"{}\" lists something that is not an ISO 3166-1 alpha-2 country code",
                            Reader::dotted(section, key)),
                "Use two capital letters, e.g. \"AT\"; the United Kingdom is \"GB\".");
      continue;
    }
    if (std::find(out.begin(), out.end(), *code) != out.end())
      r.problem(item.source(), "config.duplicate", fmt::format("\"{}\" is listed twice", *code),
                "List each country once.");
    else out.push_back(*code);
  }
}

void read_program(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "program", true);
  if (!t) return;
  r.unknown_keys(*t, "program", {"name", "start", "end", "host_countries", "eu_countries"});
  read_string(r, *t, "program", "name", c.name, "\"CARE pilot\"");
  read_date(r, *t, "program", "start", c.start, "2013-09-02");
  read_date(r, *t, "program", "end", c.end, "2016-02-29");
  read_countries(r, *t, "program", "host_countries", c.host_countries);
  read_countries(r, *t, "program", "eu_countries", c.eu_countries);
  if (t->get("start") && t->get("end") && c.end < c.start)
    r.problem(t->get("end")->source(), "config.dates", "the program ends before it starts",
              "Check program.start and program.end.");
  for (const auto& host : c.host_countries)
    if (!c.eu_countries.empty() && !c.is_eu(host))
      r.problem(t->get("host_countries")->source(), "config.host-not-eu",
                fmt::format("host country {} is not in program.eu_countries", host),
                "Host countries are EU member states; add it to eu_countries or correct the code.");
}

void read_targets(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "targets", true);
  if (!t) return;
  r.unknown_keys(*t, "targets", {"assisted", "minors", "assessed"});
  read_count(r, *t, "targets", "assisted", c.target_assisted, true);
  read_count(r, *t, "targets", "minors", c.target_minors, true);
  read_count(r, *t, "targets", "assessed", c.target_assessed, true);
}

// A rate as a string ("0.92") or a whole number; never a float, which is not exact.
std::optional<util::Rate> rate_of(const toml::node& n) {
  if (n.is_integer()) return util::Rate::parse(std::to_string(n.value<int64_t>().value_or(-1)));
  if (n.is_string()) return util::Rate::parse(*n.value<std::string>());
  return std::nullopt;
}

bool is_month(std::string_view m) {
  return m.size() == 7 && m[4] == '-' && util::Date::parse(std::string(m) + "-01").has_value();
}

void read_rate_months(Reader& r, const toml::table& months, const std::string& section, RateTable& table) {
  for (const auto& [month, value] : months) {
    if (!is_month(month.str())) {
      r.problem(month.source(), "config.rate",
                fmt::format("\"{}\" in [{}] is not a month", util::visible(month.str()), section),
                "Give each rate by month as \"YYYY-MM\" = \"0.0071\" (quote the month).");
      continue;
    }
    if (auto rate = rate_of(value)) table.months[std::string(month.str())] = *rate;
    else r.wrong_type(value, section, fmt::format("\"{}\"", month.str()), "a rate: a string with at most 8 decimals, above zero", "\"0.0071\"");
  }
}

void read_rates(Reader& r, const toml::table& budget, Config& c) {
  const toml::node* n = r.value(budget, "budget", "rates", false);
  if (!n) return;
  if (!n->is_table()) return r.wrong_type(*n, "budget", "rates", "a table of currencies", "{ USD = \"0.92\" }");
  for (const auto& [code, value] : *n->as_table()) {
    std::string currency(code.str()), section = "budget.rates." + currency;
    if (!schema::is_currency(currency) || currency == c.currency) {
      r.problem(code.source(), "config.rate",
                currency == c.currency ? fmt::format("a rate for {}, the program's own currency", currency)
                                       : fmt::format("\"{}\" is not an ISO 4217 currency code", util::visible(currency)),
                "Give rates for the other currencies only, by their ISO 4217 code (USD, GBP, ALL ...).");
      continue;
    }
    RateTable& table = c.rates[currency];
    if (value.is_table()) read_rate_months(r, *value.as_table(), section, table);
    else if (auto rate = rate_of(value)) table.always = *rate;
    else r.wrong_type(value, "budget.rates", currency, "a rate (a string with at most 8 decimals, above zero) or a table of rates by month", "\"0.92\"");
  }
}

void read_budget(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "budget", true);
  if (!t) return;
  r.unknown_keys(*t, "budget", {"cap_per_person", "currency", "rates"});
  if (const toml::node* n = r.value(*t, "budget", "cap_per_person", true)) {
    std::optional<util::Amount> cap;
    if (n->is_integer() && n->value<int64_t>().value_or(-1) >= 0)
      cap = util::Amount::parse(std::to_string(*n->value<int64_t>()));
    else if (n->is_string())
      cap = util::Amount::parse(*n->value<std::string>());
    if (cap) c.cap_per_person = *cap;
    else r.wrong_type(*n, "budget", "cap_per_person", "an amount: a whole number, or a string with at most two decimals", "\"3000.00\"");
  }
  read_string(r, *t, "budget", "currency", c.currency, "\"EUR\"");
  if (!c.currency.empty() && !schema::is_currency(c.currency))
    r.problem(t->get("currency")->source(), "config.currency",
              fmt::format("\"{}\" is not an ISO 4217 currency code", c.currency),
              "Use three capital letters, e.g. \"EUR\".");
  read_rates(r, *t, c);
}

void read_monitoring(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "monitoring", false);
  if (!t) return;
  r.unknown_keys(*t, "monitoring", {"months", "flag_days"});
  read_count(r, *t, "monitoring", "flag_days", c.flag_days, false, 1);
  const toml::node* n = r.value(*t, "monitoring", "months", false);
  if (!n) return;
  std::vector<int> months;
  bool ok = n->is_array() && !n->as_array()->empty();
  if (ok)
    for (const auto& item : *n->as_array()) {
      auto m = item.value<int64_t>();
      if (!item.is_integer() || !m || *m < 1 || *m > 60 || (!months.empty() && *m <= months.back())) ok = false;
      else months.push_back(static_cast<int>(*m));
    }
  if (ok) c.monitoring_months = months;
  else r.wrong_type(*n, "monitoring", "months", "a rising list of months after return, from 1 to 60", "[1, 3, 6, 9, 12]");
}

void read_minors(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "minors", false);
  if (!t) return;
  r.unknown_keys(*t, "minors", {"coordination_days"});
  read_count(r, *t, "minors", "coordination_days", c.minor_coordination_days, false);
}

void read_reports(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "reports", false);
  if (!t) return;
  r.unknown_keys(*t, "reports", {"min_cell"});
  read_count(r, *t, "reports", "min_cell", c.min_cell, false, 1);
}

void read_git(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "git", false);
  if (!t) return;
  r.unknown_keys(*t, "git", {"commit"});
  const toml::node* n = r.value(*t, "git", "commit", false);
  if (!n) return;
  if (n->is_boolean()) c.git_commit = *n->value<bool>();
  else r.wrong_type(*n, "git", "commit", "true or false", "true");
}

void read_recipients(Reader& r, const toml::table& identity, Config& c) {
  const toml::node* n = r.value(identity, "identity", "recipients", false);
  if (!n) return;
  if (!n->is_table())
    return r.wrong_type(*n, "identity", "recipients", "a table of offices", "{ AT = [\"age1...\"] }");
  for (const auto& [office, keys] : *n->as_table()) {
    std::string name(office.str()), section = "identity.recipients";
    if (name != "all" && !c.is_host(name)) {
      r.problem(office.source(), "config.office",
                fmt::format("\"{}\" is neither a host country of the program nor \"all\"", name),
                "Name an office by its host country (program.host_countries), or use \"all\" for program-wide keys.");
      continue;
    }
    if (!keys.is_array()) {
      r.wrong_type(keys, section, name, "a list of age public keys", "[\"age1...\"]");
      continue;
    }
    auto& list = c.recipients[name];
    for (const auto& item : *keys.as_array()) {
      auto key = item.value<std::string>();
      if (!item.is_string() || !key || !is_age_recipient(*key))
        r.problem(item.source(), "config.recipient",
                  fmt::format("\"{}.{}\" lists something that is not an age public key", section, name),
                  "Give the public key age-keygen prints: \"age1\" followed by 58 letters and digits.");
      else if (std::find(list.begin(), list.end(), *key) != list.end())
        r.problem(item.source(), "config.duplicate", "a recipient is listed twice for one office", "List each key once.");
      else list.push_back(*key);
    }
  }
}

void read_identity(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "identity", false);
  if (!t) return;
  r.unknown_keys(*t, "identity", {"encrypt", "age", "recipients"});
  if (const toml::node* n = r.value(*t, "identity", "encrypt", false)) {
    if (n->is_boolean()) c.encrypt = *n->value<bool>();
    else r.wrong_type(*n, "identity", "encrypt", "true or false", "true");
  }
  if (t->get("age")) read_string(r, *t, "identity", "age", c.age, "\"/usr/bin/age\"");
  read_recipients(r, *t, c);
  bool any = std::any_of(c.recipients.begin(), c.recipients.end(), [](const auto& r) { return !r.second.empty(); });
  if (c.encrypt && !any)
    r.problem(t->source(), "config.recipient", "identity.encrypt is true but no recipient is listed",
              "Add [identity.recipients] with each office's age public keys (care-intake keys add).");
}

void read_retention(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.table(root, "retention", false);
  if (!t) return;
  r.unknown_keys(*t, "retention", {"years_after_closure"});
  read_count(r, *t, "retention", "years_after_closure", c.retention_years, true, 1);
  if (c.retention_years > 100)
    r.wrong_type(*t->get("years_after_closure"), "retention", "years_after_closure", "a number of years from 1 to 100", "10");
}

void read_format(Reader& r, const toml::table& root, Config& c) {
  const toml::node* n = r.value(root, "", "format", true);
  if (!n) return;
  if (!n->is_integer() || n->value<int64_t>() != kConfigFormat)
    return r.problem(n->source(), "config.format",
                     fmt::format("this program reads care.toml format {}", kConfigFormat),
                     fmt::format("Write format = {}; a newer file needs a newer program.", kConfigFormat));
  c.format = kConfigFormat;
}

void set_default_origins(Config& c, std::map<std::string, std::string> origins) {
  for (const char* key : {"monitoring.months", "monitoring.flag_days", "minors.coordination_days",
                          "reports.min_cell", "git.commit", "identity.encrypt", "identity.age",
                          "retention.years_after_closure"})
    origins.emplace(key, "default");
  c.origin = std::move(origins);
}

diag::Diagnostic unreadable(const util::FileText& read, const std::string& display_path) {
  std::string hint = "Check that it exists and that you may read it.";
  if (read.failure == util::ReadFailure::TooLarge)
    hint = "care.toml holds a few settings; check that this is the right file (care.toml(5)).";
  else if (read.failure == util::ReadFailure::NotRegular)
    hint = "Replace it with the program's settings file itself (care.toml(5)).";
  return diag::in_file(display_path, "config.unreadable", fmt::format("cannot read care.toml: {}", read.reason),
                       std::move(hint));
}

}  // namespace

ConfigResult parse_config(std::string text, const std::string& display_path) {
  ConfigResult result;
  if (text.size() > kMaxConfigBytes) {
    util::FileText refused{{}, util::ReadFailure::TooLarge,
                           fmt::format("it is larger than {} bytes", kMaxConfigBytes)};
    result.problems.push_back(unreadable(refused, display_path));
    return result;
  }
  auto source = std::make_shared<doc::Source>(doc::Source{display_path, std::move(text)});
  toml::table root;
  try {
    root = toml::parse(source->text, display_path);
  } catch (const toml::parse_error& e) {
    auto where = e.source().begin;
    result.problems.push_back(diag::at(
        doc::Location{source, static_cast<int>(where.line), static_cast<int>(where.column)},
        "config.syntax", fmt::format("TOML syntax error: {}", e.description()),
        "Fix the syntax; care.toml(5) shows a complete example."));
    return result;
  }
  Reader reader(source, result.problems);
  Config c;
  reader.unknown_keys(root, "", {"format", "program", "targets", "budget", "monitoring", "minors", "reports", "git",
                                  "identity", "retention"});
  read_format(reader, root, c);
  read_program(reader, root, c);
  read_targets(reader, root, c);
  read_budget(reader, root, c);
  read_monitoring(reader, root, c);
  read_minors(reader, root, c);
  read_reports(reader, root, c);
  read_git(reader, root, c);
  read_identity(reader, root, c);
  read_retention(reader, root, c);
  set_default_origins(c, reader.take_origins());
  diag::sort(result.problems);
  if (result.problems.empty()) result.config = std::move(c);
  return result;
}

ConfigResult load_config(const std::string& file, const std::string& display_path) {
  util::FileText read = util::read_regular_file(file, kMaxConfigBytes);
  if (read.ok()) return parse_config(std::move(read.text), display_path);
  ConfigResult result;
  result.problems.push_back(unreadable(read, display_path));
  return result;
}

std::string describe(const Config& c) {
  auto line = [&](std::string_view key, const std::string& value) {
    auto it = c.origin.find(std::string(key));
    return fmt::format("{} = {}  # {}\n", key, value, it == c.origin.end() ? "default" : it->second);
  };
  // JSON's escapes are TOML's (no "\/" is written), so a name with a quote
  // or a backslash still gives valid TOML.
  auto quoted = [](const std::vector<std::string>& v) {
    std::vector<std::string> q;
    for (const auto& s : v) q.push_back(util::json_string(s));
    return fmt::format("[{}]", fmt::join(q, ", "));
  };
  std::string out;
  out += line("format", std::to_string(c.format));
  out += line("program.name", util::json_string(c.name));
  out += line("program.start", c.start.str());
  out += line("program.end", c.end.str());
  out += line("program.host_countries", quoted(c.host_countries));
  out += line("program.eu_countries", quoted(c.eu_countries));
  out += line("targets.assisted", std::to_string(c.target_assisted));
  out += line("targets.minors", std::to_string(c.target_minors));
  out += line("targets.assessed", std::to_string(c.target_assessed));
  out += line("budget.cap_per_person", util::json_string(c.cap_per_person.str()));
  out += line("budget.currency", util::json_string(c.currency));
  for (const auto& [currency, table] : c.rates) {
    if (table.always) out += line("budget.rates." + currency, util::json_string(table.always->str()));
    for (const auto& [month, rate] : table.months)
      out += line(fmt::format("budget.rates.{}.\"{}\"", currency, month), util::json_string(rate.str()));
  }
  out += line("monitoring.months", fmt::format("[{}]", fmt::join(c.monitoring_months, ", ")));
  out += line("monitoring.flag_days", std::to_string(c.flag_days));
  out += line("minors.coordination_days", std::to_string(c.minor_coordination_days));
  out += line("reports.min_cell", std::to_string(c.min_cell));
  out += line("git.commit", c.git_commit ? "true" : "false");
  out += line("identity.encrypt", c.encrypt ? "true" : "false");
  out += line("identity.age", util::json_string(c.age));
  for (const auto& [office, keys] : c.recipients) out += line("identity.recipients." + office, quoted(keys));
  out += line("retention.years_after_closure", std::to_string(c.retention_years));
  return out;
}

}  // namespace care::folder
