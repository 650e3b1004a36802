#include "folder/local.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace care::folder {
namespace {

constexpr const char* kIgnoreEverything = "# This clone's own state (care-intake(1), FILES): never shared.\n*\n";

}  // namespace

util::Fd open_local(int root, bool create, std::string& error) {
  util::Fd local = util::open_beneath(root, kLocalFolder, create, error);
  if (!local || !create) return local;
  // Written whole under a temporary name, then renamed: a command stopped
  // halfway never leaves an empty .gitignore (one that ignores nothing);
  // an empty one left by an earlier version is written again.
  auto ignore = util::entry_at(local.get(), ".gitignore");
  if (!ignore || (ignore->kind == 'f' && ignore->stamp.size == 0)) {
    std::string temporary = fmt::format(".gitignore.tmp-{}", ::getpid());
    ::unlinkat(local.get(), temporary.c_str(), 0);
    std::string failed = util::write_new_file(local.get(), temporary, kIgnoreEverything);
    if (failed.empty() && ::renameat(local.get(), temporary.c_str(), local.get(), ".gitignore") != 0)
      failed = fmt::format("cannot put .gitignore in place: {}", std::strerror(errno));
    if (!failed.empty()) {
      ::unlinkat(local.get(), temporary.c_str(), 0);
      error = failed;
      return {};
    }
    util::sync_folder(local.get());
  }
  return local;
}

}  // namespace care::folder
