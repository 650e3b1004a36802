// Identity records at rest: encrypted with age (https://age-encryption.org),
// by running the `age` program, so that a person holding a key can always
// read a record without these tools (`age -d -i KEY FILE`). Plain text
// exists in this process's memory and in the pipes to age, never in a file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "folder/config.h"

namespace care::identity {

// The first line of an ASCII-armored age file.
inline constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";

// True when `text` is an ASCII-armored age file (its first and last lines).
bool looks_sealed(std::string_view text);

// The person's own key (an age identity file written by age-keygen):
// CARE_AGE_KEY, else ~/.config/care/age-key.txt. A key inside the case
// folder is refused, since git would give it to every clone.
struct KeyFile {
  std::optional<std::filesystem::path> path;
  std::string why_not;  // when path is empty: one line, with the fix
};
KeyFile find_key(const std::filesystem::path& root);

struct Sealed {
  std::optional<std::string> text;
  std::string error;  // when text is empty: one line, never any of the plain text
};

// Encrypts `plain` (ASCII-armored) to every recipient of the office.
Sealed seal(const folder::Config& config, std::string_view office, const std::string& plain);

// Decrypts an armored record with the person's key.
Sealed unseal(const folder::Config& config, const std::filesystem::path& key, const std::string& sealed);

// The public key ("age1...") of a key file, by age-keygen -y.
Sealed public_key(const folder::Config& config, const std::filesystem::path& key);

// The office a case belongs to: its host country, the first two letters of its ID.
inline std::string office_of(std::string_view case_id) { return std::string(case_id.substr(0, 2)); }

}  // namespace care::identity
