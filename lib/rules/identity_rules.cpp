// Identity protection: an encrypted folder holds no plain identity; an
// erased case holds none at all; a person who withdrew consent to the
// processing of their data is erased (or has given it again).
#include <fmt/format.h>

#include "identity/retention.h"
#include "rules/internal.h"

namespace care::rules {


void check_identity(const Context& cx, const records::Case& c) {
  std::string erased = records::text(c.main->root, "erased");
  if (c.identity && !erased.empty())
    return cx.report_file(*c.identity, "erased-identity",
                          fmt::format("{} was erased on {}, but an identity record is still there", c.id, erased),
                          "Remove it (git rm FILE): an erased case keeps no identity.");
  if (c.identity && !c.identity->sealed && cx.config().encrypt)
    cx.out.push_back(diag::in_file(c.identity->file, "identity.plaintext",
                                   "an identity record in plain text, in a folder whose identities are encrypted",
                                   fmt::format("Run care-intake encrypt; then purge the plain copies from git "
                                               "history (care-intake purge, see care-intake(1)).")));
  if (!erased.empty()) return;
  if (auto on = identity::data_processing_withdrawn(c, cx.today))
    cx.report(records::where(c.main->root, "consents"), "erase-after-withdrawal",
              fmt::format("{}: consent to the processing of the person's data was withdrawn on {}, and the case is "
                          "not erased", c.id, on->str()),
              fmt::format("Erase it (care-intake erase {} --reason \"consent withdrawn\"), or record the consent "
                          "given again (care-intake consent {} --grant data_processing).", c.id, c.id),
              diag::Severity::Warning);
}

}  // namespace care::rules
