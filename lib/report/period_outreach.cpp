// The period report's outreach: events and organisations, not persons
// assisted, so neither suppressed nor broken down by beneficiaries.
#include "records/fields.h"
#include "report/period_build.h"

namespace care::report::period_detail {
namespace {

Table simple(std::string id, std::string title, std::string header) {
  return Table{std::move(id), std::move(title), {std::move(header), "count"}, {}, Chart{{0}}, false, {}};
}

void count_row(Table& t, std::string label, std::size_t n, bool total = false) {
  t.rows.push_back({std::move(label), {Value::of_count(static_cast<int>(n))}, total});
}

}  // namespace

// An organisation is counted once by its name: under the kind it was first
// recorded with, and once in each country where it was reached.
std::vector<Table> outreach_tables(const Builder& b) {
  int meetings = 0, dispatches = 0, participants = 0, leaflets = 0;
  std::map<std::string, std::string> kind_of;                    // name -> kind
  std::map<std::string, std::set<std::string>> by_country;       // country -> names
  for (const auto& r : b.in.folder.outreach) {
    if (!r.valid || !b.inside(records::date(r.root, "date"))) continue;
    bool meeting = records::text(r.root, "type") == "information_meeting";
    meetings += meeting;
    dispatches += !meeting;
    participants += static_cast<int>(records::integer(r.root, "participants").value_or(0));
    leaflets += static_cast<int>(records::integer(r.root, "leaflets").value_or(0));
    for (const auto& o : records::list(r.root, "organisations")) {
      std::string name = records::text(o, "name");
      kind_of.emplace(name, records::text(o, "kind"));
      by_country[records::text(r.root, "country")].insert(name);
    }
  }
  Table events = simple("outreach", "Outreach", "");
  count_row(events, "information meetings", meetings);
  count_row(events, "participants in meetings", participants);
  count_row(events, "leaflet dispatches", dispatches);
  count_row(events, "leaflets sent", leaflets);
  std::map<std::string, std::size_t> kinds;
  for (const auto& [name, kind] : kind_of) ++kinds[kind];
  Table by_kind = simple("organisations_reached", "Organisations reached (each once), by kind", "kind");
  for (const auto& [kind, n] : kinds) count_row(by_kind, kind, n);
  count_row(by_kind, "total", kind_of.size(), true);
  Table countries = simple("organisations_by_country", "Organisations reached, by country of the event", "country");
  for (const auto& [country, names] : by_country) count_row(countries, country, names.size());
  count_row(countries, "total (each organisation once)", kind_of.size(), true);
  return {events, by_kind, countries};
}

}  // namespace care::report::period_detail
