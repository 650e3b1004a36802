#include "cli/session.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "folder/case_folder.h"
#include "util/utf8.h"

namespace care::cli {
namespace fs = std::filesystem;

namespace {

util::Date system_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *util::Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<std::string> environment(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

}  // namespace

std::optional<util::Date> resolve_today(const std::string& as_of, std::string& error) {
  std::string source = "--as-of";
  std::string text = as_of;
  if (text.empty()) {
    if (auto env = environment("CARE_TODAY")) {
      text = *env;
      source = "CARE_TODAY";
    }
  }
  if (text.empty()) return system_today();
  if (auto d = util::Date::parse(text)) return d;
  error = fmt::format("{} \"{}\" is not a date: write YYYY-MM-DD with a day that exists", source, text);
  return std::nullopt;
}

Opened open_session(const GlobalOptions& options) {
  Opened out;
  std::error_code ec;
  if (!options.directory.empty()) {
    fs::current_path(options.directory, ec);
    if (ec) {
      out.exit_code = kNoCaseFolder;
      out.message = fmt::format("cannot change to {}: {}", options.directory, ec.message());
      return out;
    }
  }
  Session s;
  s.cwd = fs::current_path(ec);
  std::string date_error;
  auto today = resolve_today(options.as_of, date_error);
  if (!today) {
    out.exit_code = kUsage;
    out.message = date_error;
    return out;
  }
  s.today = *today;
  auto located = folder::locate(s.cwd, environment("CARE_DIR"), !options.directory.empty());
  if (located.root.empty()) {
    out.exit_code = kNoCaseFolder;
    out.message = located.error;
    return out;
  }
  s.root = located.root;
  auto config = folder::load_config((s.root / folder::kConfigFile).string(),
                                    folder::display_path(s.root / folder::kConfigFile, s.cwd));
  if (!config.config) {
    out.exit_code = kBadConfig;
    out.problems = std::move(config.problems);
    return out;
  }
  s.config = std::move(*config.config);
  out.session = std::move(s);
  return out;
}

std::optional<Session> open_or_explain(const GlobalOptions& options, std::string_view program, int& code) {
  Opened opened = open_session(options);
  if (opened.session) return std::move(opened.session);
  if (!opened.message.empty()) print_error(program, opened.message);
  print_problems(opened.problems, program);
  code = opened.exit_code;
  return std::nullopt;
}

void print_problems(const diag::Diagnostics& problems, std::string_view program) {
  for (const auto& d : problems) std::fputs(diag::render_text(d, program).c_str(), stderr);
}

void print_error(std::string_view program, std::string_view message) {
  std::fputs(fmt::format("{}: {}\n", program, util::visible(message)).c_str(), stderr);
}

}  // namespace care::cli
