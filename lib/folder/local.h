// .care/local: what belongs to one clone of a case folder and never to git:
// the lock, the journal of a change in progress, this clone's series of IDs.
// The folder ignores itself (its .gitignore says "*"), so no setting of the
// case folder's own .gitignore is needed, old folders included.
#pragma once

#include <string>
#include <string_view>

#include "util/beneath.h"

namespace care::folder {

inline constexpr std::string_view kLocalFolder = ".care/local";

// Opens .care/local beneath the case folder open as `root`; with `create`,
// makes it (mode 0700) and its .gitignore when missing. Links are refused.
util::Fd open_local(int root, bool create, std::string& error);

}  // namespace care::folder
