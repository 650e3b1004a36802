#include "identity/age.h"

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "util/process.h"

namespace care::identity {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";

// The last line of a program's output: age's reason, or age-keygen's key.
std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  auto end = text.rfind('\n');
  return std::string(end == std::string_view::npos ? text : text.substr(end + 1));
}

// age-keygen sits next to age: "age" -> "age-keygen", "/opt/bin/age" -> "/opt/bin/age-keygen".
std::string keygen_of(const std::string& age) { return age + "-keygen"; }

// age's complaint, in our words where we know it; its last line otherwise.
std::string age_failure(const util::PipedResult& r, std::string_view program, std::string_view doing) {
  if (r.status == -1 || r.status == 127)
    return fmt::format("cannot run {} to {} (install the Debian package age, or set identity.age in care.toml)",
                       program, doing);
  if (r.err.find("no identity matched") != std::string::npos)
    return "your key cannot open it: it is encrypted to other keys (another office's, or yours was added "
           "after it was last encrypted: ask a holder of the office's key to run care-intake keys rekey)";
  return fmt::format("{} could not {}: {}", program, doing, last_line(r.err));
}

bool inside(const fs::path& file, const fs::path& root) {
  std::error_code ec;
  fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
  fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  auto rel = f.lexically_relative(r);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

bool looks_sealed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text.starts_with(kArmorBegin) && text.ends_with(kArmorEnd);
}

KeyFile find_key(const fs::path& root) {
  fs::path key;
  if (const char* given = std::getenv("CARE_AGE_KEY"); given && *given) {
    key = given;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    key = fs::path(home) / ".config" / "care" / "age-key.txt";
  } else {
    return {std::nullopt, "no key: set CARE_AGE_KEY to your age key file (made with age-keygen)"};
  }
  std::error_code ec;
  if (!fs::is_regular_file(key, ec))
    return {std::nullopt, fmt::format("no key: {} does not exist (make one with age-keygen -o FILE, and set "
                                      "CARE_AGE_KEY or keep it at ~/.config/care/age-key.txt)", key.string())};
  if (inside(key, root))
    return {std::nullopt, fmt::format("your key {} is inside the case folder, where git would give it to every "
                                      "clone; move it out (e.g. to ~/.config/care/age-key.txt)", key.string())};
  return {key, {}};
}

Sealed seal(const folder::Config& config, std::string_view office, const std::string& plain) {
  auto recipients = config.recipients_for(office);
  if (recipients.empty())
    return {std::nullopt, fmt::format("no age recipient is listed for office {} or for all offices in care.toml "
                                      "(add one with care-intake keys add)", office)};
  std::vector<std::string> argv = {config.age, "--encrypt", "--armor"};
  for (const auto& r : recipients) argv.insert(argv.end(), {"--recipient", r});
  auto r = util::run_piped(argv, plain);
  if (r.status != 0 || !looks_sealed(r.out)) return {std::nullopt, age_failure(r, config.age, "encrypt")};
  return {std::move(r.out), {}};
}

Sealed unseal(const folder::Config& config, const fs::path& key, const std::string& sealed) {
  auto r = util::run_piped({config.age, "--decrypt", "--identity", key.string()}, sealed);
  if (r.status != 0) return {std::nullopt, age_failure(r, config.age, "decrypt")};
  return {std::move(r.out), {}};
}

Sealed public_key(const folder::Config& config, const fs::path& key) {
  std::string keygen = keygen_of(config.age);
  auto r = util::run_piped({keygen, "-y", key.string()}, {});
  std::string line = last_line(r.out);
  if (r.status != 0 || !folder::is_age_recipient(line)) return {std::nullopt, age_failure(r, keygen, "read the key")};
  return {line, {}};
}

}  // namespace care::identity
