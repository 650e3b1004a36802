#include "report/money.h"

#include <fmt/format.h>

namespace care::report {

std::string describe_rate(const std::string& currency, const folder::AppliedRate& rate, const std::string& program) {
  // The month before the rate, so that the notes' sorted list is in order of time.
  if (rate.month.empty()) return fmt::format("{} at {} {}", currency, rate.rate.str(), program);
  return fmt::format("{} from {} at {} {}", currency, rate.month, rate.rate.str(), program);
}

void Sum::add(const records::Money& m, const util::Date& on) {
  if (m.currency == config_->currency) {
    total_ += m.amount;
    return;
  }
  auto rate = config_->rate_for(m.currency, on);
  auto converted = rate ? rate->rate.convert(m.amount) : std::nullopt;
  if (!converted) {
    apart_[m.currency] += m.amount;
    return;
  }
  total_ += *converted;
  rates_used_.insert(describe_rate(m.currency, *rate, config_->currency));
}

void Sum::add(const Sum& other) {
  total_ += other.total_;
  for (const auto& [currency, amount] : other.apart_) apart_[currency] += amount;
  rates_used_.insert(other.rates_used_.begin(), other.rates_used_.end());
}

std::vector<std::string> money_notes(const Sum& sum, const std::string& program_currency) {
  std::vector<std::string> notes;
  if (!sum.rates_used().empty()) {
    std::string rates;
    for (const auto& r : sum.rates_used()) rates += (rates.empty() ? "" : "; ") + r;
    notes.push_back(fmt::format("Amounts in other currencies are converted to {} with care.toml's [budget.rates]: {}.",
                                program_currency, rates));
  }
  for (const auto& [currency, amount] : sum.apart())
    notes.push_back(fmt::format("{} {} could not be converted to {} (no rate in care.toml's [budget.rates] for the "
                                "day it was paid or planned) and is counted in no total.",
                                amount.str(), currency, program_currency));
  return notes;
}

}  // namespace care::report
