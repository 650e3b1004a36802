#include "folder/local.h"

namespace care::folder {

util::Fd open_local(int root, bool create, std::string& error) {
  util::Fd local = util::open_beneath(root, kLocalFolder, create, error);
  if (!local || !create) return local;
  if (!util::entry_at(local.get(), ".gitignore")) {
    std::string ignored = util::write_new_file(local.get(), ".gitignore",
                                               "# This clone's own state (care-intake(1), FILES): never shared.\n*\n");
    if (!ignored.empty() && util::entry_at(local.get(), ".gitignore")) ignored.clear();  // made by another command
    if (!ignored.empty()) {
      error = ignored;
      return {};
    }
    util::sync_folder(local.get());
  }
  return local;
}

}  // namespace care::folder
