// The care-plan commands below their flags, for cmd/plan/ to call.
#pragma once

#include <string>
#include <vector>

#include "cli/session.h"
#include "plan/operations.h"

namespace care::plan {

inline constexpr std::string_view kProgram = "care-plan";

struct Common {
  std::string id;
  std::string date;  // the day of the event; default today
  bool dry_run = false, drop_comments = false;
};

struct DraftFlags : Common {
  std::vector<std::string> providers;
  bool no_staff = false, beneficiary = false, post_arrival_requested = false;
};
struct ItemFlags : Common {
  std::int64_t item = 0;
  ItemFields fields;
  std::string reason;    // for a change after agreement
  std::string over_cap;  // reason for going over the budget cap
  bool beneficiary_asked = false;  // the beneficiary asked for post-arrival help
};
struct AgreeFlags : Common {
  bool guardian = false;
};
struct DeliverFlags : Common {
  std::int64_t item = 0;
  std::string amount, currency, note;
};
struct CancelFlags : Common {
  std::int64_t item = 0;
  std::string reason;
};
struct ReturnFlags : Common {
  std::string depart, arrive, destination, country, escort, escort_note, notes;
  Declaration declaration;  // the voluntary return declaration; empty fields are left alone
};
struct ReviewFlags : Common {
  RiskReview review;  // its date is Common::date
};
struct ShowFlags {
  std::string id;
  std::string format = "text";  // text | json
};
struct EditFlags {
  std::string id;
  std::string kind = "plan";  // plan | return
};

int draft_command(const cli::GlobalOptions& g, const DraftFlags& f);
int add_command(const cli::GlobalOptions& g, const ItemFlags& f);
int change_command(const cli::GlobalOptions& g, const ItemFlags& f);
int drop_command(const cli::GlobalOptions& g, const ItemFlags& f);
int agree_command(const cli::GlobalOptions& g, const AgreeFlags& f);
int deliver_command(const cli::GlobalOptions& g, const DeliverFlags& f);
int cancel_command(const cli::GlobalOptions& g, const CancelFlags& f);
int return_command(const cli::GlobalOptions& g, const ReturnFlags& f);
int review_command(const cli::GlobalOptions& g, const ReviewFlags& f);
int show_command(const cli::GlobalOptions& g, const ShowFlags& f);
int edit_command(const cli::GlobalOptions& g, const EditFlags& f);

}  // namespace care::plan
