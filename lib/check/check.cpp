#include "check/check.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "folder/modes.h"
#include "rules/rules.h"

namespace care::check {
namespace fs = std::filesystem;

namespace {

// The display paths that problems must fall under; empty means everything.
std::vector<std::string> scopes(const fs::path& root, const fs::path& cwd, const Request& request,
                                Result& result) {
  std::vector<std::string> out;
  for (const auto& p : request.paths) {
    std::error_code ec;
    fs::path absolute = fs::absolute(cwd / p, ec).lexically_normal();
    std::string inside = absolute.lexically_relative(root).generic_string();
    if (!fs::exists(absolute, ec) || inside.empty() || inside.starts_with("..")) {
      result.bad_paths.push_back(p);
      continue;
    }
    if (inside == ".") return {};
    // "cases/AT-2014-001/" and "cases/AT-2014-001" name the same folder.
    if (absolute.filename().empty()) absolute = absolute.parent_path();
    std::string shown = folder::display_path(absolute, cwd);
    out.push_back(shown == "." ? std::string() : shown);
  }
  return out;
}

bool in_scope(const diag::Diagnostic& d, const std::vector<std::string>& scope) {
  if (scope.empty()) return true;
  return std::any_of(scope.begin(), scope.end(), [&](const std::string& s) {
    // "" is the working folder itself: everything shown relative to it.
    if (s.empty()) return !d.file.starts_with("/") && !d.file.starts_with("../");
    return d.file == s || d.file.starts_with(s + "/");
  });
}

// One warning for the whole folder, however many files git left open
// (a clone, checkout or merge writes 0644 files in 0755 folders).
std::optional<diag::Diagnostic> mode_warning(const fs::path& root, const fs::path& cwd) {
  folder::OpenToOthers open = folder::open_to_others(root);
  if (open.count == 0) return std::nullopt;
  std::string dir = folder::display_path(root, cwd);
  if (dir.find_first_of(" '\"\\$`*?[]#&;|<>()") != std::string::npos) {
    std::string quoted = "'";
    for (char c : dir) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    dir = quoted + "'";
  }
  std::string more = open.count == 1 ? std::string()
                                     : fmt::format(", as are {} more files and folders", open.count - 1);
  return diag::in_file(
      folder::display_path(open.first, cwd), "folder.mode",
      fmt::format("group or others can read or write this{}", more),
      fmt::format("care-intake clone and the folder's hooks (care-intake init --hooks) keep a case folder "
                  "owner-only after a clone, a checkout or a merge; to make this one so, run: chmod -R go-rwx {}",
                  dir),
      diag::Severity::Warning);
}

}  // namespace

Result run(const fs::path& root, const fs::path& cwd, const folder::Config& config, const util::Date& today,
           const Request& request) {
  Result result;
  auto scope = scopes(root, cwd, request, result);
  if (!result.bad_paths.empty()) return result;
  records::LoadOptions options;
  options.read_identity = request.read_identity;
  options.threads = request.threads;
  records::Loaded loaded = records::load(root, config, cwd, options);
  diag::Diagnostics all = std::move(loaded.problems);
  diag::Diagnostics ruled = rules::check(loaded.folder, today);
  all.insert(all.end(), ruled.begin(), ruled.end());
  if (request.modes)
    if (auto warning = mode_warning(root, cwd)) all.push_back(std::move(*warning));
  for (auto& d : all) {
    if (d.code == "folder.unreadable" || d.code == "file.unreadable") result.unreadable = true;
    if (in_scope(d, scope)) result.problems.push_back(std::move(d));
  }
  diag::sort(result.problems);
  result.cases = loaded.folder.cases.size();
  result.records = loaded.folder.outreach.size();
  for (const auto& [id, c] : loaded.folder.cases)
    result.records += (c.main ? 1 : 0) + (c.identity ? 1 : 0) + (c.minor ? 1 : 0) + (c.plan ? 1 : 0) +
                      (c.journey ? 1 : 0) + (c.monitoring_plan ? 1 : 0) + (c.closure ? 1 : 0) +
                      c.assessments.size() + c.contacts.size();
  result.folder = std::move(loaded.folder);
  return result;
}

int exit_code(const Result& result, bool strict) {
  if (!result.bad_paths.empty()) return cli::kUsage;
  if (result.unreadable) return cli::kNoCaseFolder;
  std::size_t errors = diag::count(result.problems, diag::Severity::Error);
  std::size_t warnings = diag::count(result.problems, diag::Severity::Warning);
  return errors > 0 || (strict && warnings > 0) ? cli::kFindings : cli::kOk;
}

std::string summary(const Result& result) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  return fmt::format("checked {} in {}: {}, {}", plural(result.records, "record"), plural(result.cases, "case"),
                     plural(diag::count(result.problems, diag::Severity::Error), "error"),
                     plural(diag::count(result.problems, diag::Severity::Warning), "warning"));
}

}  // namespace care::check
