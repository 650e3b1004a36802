// Which cases are due for erasure: consent to data processing withdrawn, or
// the retention period of care.toml's [retention] over since the closure.
// Shared by care-intake erase --due (which erases them) and care-report
// retention (which lists them); it reads records only, never an identity.
#pragma once

#include <string>
#include <vector>

#include "folder/config.h"
#include "records/store.h"
#include "util/date.h"

namespace care::identity {

inline constexpr std::string_view kDueConsent = "consent withdrawn";
inline constexpr std::string_view kDueRetention = "retention";

struct DueErasure {
  std::string id;     // the case
  std::string why;    // kDueConsent or kDueRetention
  util::Date since;   // the day it fell due: the withdrawal, or the end of retention
};

// The day a case closed on `closed` falls due with `years` of retention:
// the same day `years` later; a closure on 29 February falls due on
// 28 February of a year that is not a leap year (the earlier day: erasing a
// day early is the side to err on).
util::Date retention_due(const util::Date& closed, int years);

// The day the case was last closed (the closure's date, or the day it was
// closed again after its last reopening); nullopt when it is not closed.
std::optional<util::Date> last_closed(const records::Case& c);

// The day consent to data_processing was withdrawn, when it is not in force
// today and was withdrawn (not merely never given): the withdrawal that
// ended the last time it was in force. nullopt otherwise.
std::optional<util::Date> data_processing_withdrawn(const records::Case& c, const util::Date& today);

// Every case not yet erased (no `erased` in case.yaml) that is due on
// `today`, in case-ID order, each once: (a) consent to data_processing
// withdrawn and not given again (why "consent withdrawn", since the
// withdrawal); else (b) closed at least config.retention_years years before
// today, when [retention] is set (why "retention", since the due day).
std::vector<DueErasure> due_for_erasure(const records::Folder& folder, const folder::Config& config,
                                        util::Date today);

}  // namespace care::identity
