// Shared by the rule files; not part of the library's interface.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "records/facts.h"
#include "records/fields.h"
#include "records/store.h"
#include "util/date.h"

namespace care::rules {

struct Context {
  const records::Folder& folder;
  util::Date today;
  diag::Diagnostics& out;

  const folder::Config& config() const { return folder.config; }
  void report(const doc::Location& at, std::string_view rule, std::string message, std::string hint,
              diag::Severity severity = diag::Severity::Error) const {
    out.push_back(diag::at(at, "rule." + std::string(rule), std::move(message), std::move(hint), severity));
  }
  void report_file(const records::Record& r, std::string_view rule, std::string message, std::string hint) const {
    out.push_back(diag::in_file(r.file, "rule." + std::string(rule), std::move(message), std::move(hint)));
  }
};

// Each checks one area of one case (or the outreach records).
void check_ids(const Context& cx, const records::Case& c);
void check_dates(const Context& cx, const records::Case& c);
void check_eligibility(const Context& cx, const records::Case& c);
void check_plan(const Context& cx, const records::Case& c);
void check_currency_rates(const Context& cx, const records::Case& c);
void check_minor(const Context& cx, const records::Case& c);
void check_return(const Context& cx, const records::Case& c);
void check_assessments(const Context& cx, const records::Case& c);
void check_consent(const Context& cx, const records::Case& c);
void check_monitoring(const Context& cx, const records::Case& c);
void check_identity(const Context& cx, const records::Case& c);
void check_outreach(const Context& cx, const records::Record& r);

// Calls f for every record of the case that exists.
template <typename F>
void each_record(const records::Case& c, F&& f) {
  for (const auto* r : {&c.main, &c.identity, &c.minor, &c.plan, &c.journey, &c.monitoring_plan, &c.closure})
    if (*r) f(**r);
  for (const auto& r : c.assessments) f(r);
  for (const auto& r : c.contacts) f(r);
}

}  // namespace care::rules
