// Writing a file so that readers see either the old bytes or the new ones,
// never a mix: write a temporary file beside the target, flush it to disk,
// rename it over the target, then flush the folder.
#pragma once

#include <string>

namespace care::util {

// Returns an empty string on success, else a one-line reason. The file is
// created readable by its owner only (0600). The temporary file is removed on
// any failure.
std::string write_atomically(const std::string& path, const std::string& content);

// Creates path and any missing parents with mode 0700; "" on success.
std::string make_private_dirs(const std::string& path);

}  // namespace care::util
