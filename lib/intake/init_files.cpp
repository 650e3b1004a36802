// The files `care-intake init` writes: care.toml, git's settings, and the
// schemas wired up for editors.
#include "doc/yaml_io.h"
#include "intake/init.h"
#include "monitor/instrument.h"
#include "records/kind.h"
#include "schema/embedded.h"

namespace care::intake {
using doc::Node;
namespace {

constexpr std::string_view kConfig = R"(# care.toml: the settings of one return-and-reintegration program.
# Every key is explained in care.toml(5) (man care.toml); a misspelt key is an
# error, never ignored. The values below are those of the pilot: change them
# to your program's before registering the first case.

# The layout of this file. Only 1 exists.
format = 1

[program]
# Printed at the top of every report, so it names the program and nothing else.
name = "CARE pilot"
# First and last day of the program: TOML dates, without quotes. A referral
# outside these days is not eligible.
start = 2013-09-02
end = 2016-02-29
# The EU countries beneficiaries return from: ISO 3166-1 alpha-2 codes in
# capitals (the United Kingdom is "GB", not "UK"). Each must be in eu_countries.
host_countries = ["AT", "FR", "PT", "ES", "GB"]
# The countries that count as the EU for eligibility: the program serves
# nationals of other countries who return to a country outside this list.
# These are the 28 member states of the pilot's years, 2013 to 2016.
eu_countries = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
  "FR", "GB", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
  "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]

[targets]
# Shown by care-report status beside the counts, as in "assisted 8 of 130".
# Persons assisted: cases whose reintegration plan has been agreed.
assisted = 130
# Of those, minors: under 18, or of uncertain age, on the day of referral.
minors = 10
# Persons assessed: cases with at least one needs and risks assessment
# (about twice as many as are assisted).
assessed = 260

[budget]
# The most one person's reintegration plan may spend, in the currency below:
# a whole number, or a string with at most two decimals. Never a float.
cap_per_person = "3000.00"
# ISO 4217 code. A plan item in another currency needs an exchange note.
currency = "EUR"

# The four tables below are optional; left out, these values are the defaults.

[monitoring]
# Months after arrival at which a monitoring contact is due, rising, each
# from 1 to 60. The last one is the length of the monitoring period.
months = [1, 3, 6, 9, 12]
# Days a flag (threats, contact by traffickers, ...) may stay open without a
# contact since before care-monitor due lists it as escalated.
flag_days = 30

[minors]
# The least number of days between the coordination of a child's return
# with the country of return and the child's departure.
coordination_days = 14

[reports]
# The smallest count reports show: counts from 1 to min_cell-1 appear as
# "<5". Raise it for figures shared outside the program.
min_cell = 5

[git]
# true: the tools commit each change they write, naming only the command and
# the case or outreach ID. false: committing is left to you.
commit = )";

constexpr std::string_view kGitignore = R"(# Left by a write that was interrupted; the record beside it is intact.
.*.tmp-*
# Editors' swap, backup and lock files.
*.swp
*.swo
*~
.#*
\#*#
.DS_Store
)";

// Records are compared byte for byte: line ends must not change on checkout.
// Two clones' appends to an access log merge as both sets of lines.
constexpr std::string_view kGitattributes = R"(*.yaml text eol=lf
care.toml text eol=lf
*.json text eol=lf
cases/*/access.log merge=union
)";

// The start of every hook: where the case folder is, and the top of the
// work tree it lies in (the case folder itself, or a folder above it).
constexpr std::string_view kHookStart = R"(#!/bin/sh
# Written by care-intake init (care-intake(1), HOOKS): enabled by
# git config core.hooksPath, which care-intake init and care-intake clone set.
# care-intake init --hooks writes it again.
umask 077
folder=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 1
top=$(git rev-parse --show-toplevel) || exit 1
top=$(cd "$top" && pwd -P) || exit 1
)";

// What is staged, not the work tree, is checked: the index is checked out
// into a private temporary folder, and care-report check runs there.
constexpr std::string_view kPreCommit = R"(# pre-commit: refuses a commit of invalid records or, in a folder whose
# identity records are encrypted, of a plaintext identity.yaml.
# The care tools' own commits have been checked already.
[ -n "${CARE_COMMITTING:-}" ] && exit 0
if ! command -v care-report >/dev/null 2>&1; then
  echo "care: the commit was refused: care-report is not on PATH, so what is staged cannot be checked." >&2
  echo "care: install the care tools (see their README) and commit again, or skip this check once with git commit --no-verify." >&2
  exit 1
fi
case $folder in
  "$top") inside= ;;
  "$top"/*) inside=${folder#"$top"/}/ ;;
  *) echo "care: the commit was refused: the case folder $folder is not in the work tree $top." >&2; exit 1 ;;
esac
if ! git ls-files --cached --error-unmatch -- "${inside}care.toml" >/dev/null 2>&1; then
  exit 0  # care.toml is not staged: no case folder is being committed
fi
tmp=$(mktemp -d) || { echo "care: the commit was refused: no temporary folder for the check." >&2; exit 1; }
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
if ! git checkout-index -a --prefix="$tmp/staged/"; then
  echo "care: the commit was refused: what is staged could not be copied for the check." >&2
  exit 1
fi
care-report -C "$tmp/staged/$inside" check >"$tmp/findings" 2>&1
status=$?
case $status in
  0) exit 0 ;;
  1) cat "$tmp/findings" >&2
     echo "care: the commit was refused: care-report check found errors in what is staged (above). Mend them and stage again, or skip this check once with git commit --no-verify." >&2 ;;
  *) cat "$tmp/findings" >&2
     echo "care: the commit was refused: care-report check could not check what is staged (exit status $status, above)." >&2 ;;
esac
exit 1
)";

// Git writes files with the umask of the person (0644 in 0755 folders):
// after a checkout or a merge, everything is owner-only again.
constexpr std::string_view kRestoreModes = R"(chmod -R go-rwx "$top" 2>/dev/null
exit 0
)";

constexpr std::string_view kSchemaFolder = ".care/schemas/";

// A schema without its $id, so that an editor resolves its
// "$ref": "common.schema.json#/..." next to the file, without a network.
std::string local_schema(const schema::EmbeddedSchema& s) {
  auto parsed = doc::parse(s.text, std::string("schemas/") + s.name, doc::Limits{1 << 22, 64});
  if (!parsed.root) return s.text;  // cannot happen: the unit tests parse every schema
  parsed.root->erase("$id");
  return doc::emit_json(*parsed.root, true);
}

// VS Code's YAML extension: each record path glob gets the schema of its kind.
std::string vscode_settings() {
  Node map = Node::mapping();
  for (const auto& k : records::all_kinds()) {
    Node globs = Node::sequence();
    globs.push_back(Node::string(records::path_of(k.kind, "*", "*")));
    map.set(std::string(kSchemaFolder) + std::string(k.schema_file), std::move(globs));
  }
  Node top = Node::mapping();
  top.set("yaml.schemas", std::move(map));
  return doc::emit_json(top, true);
}

}  // namespace

constexpr std::string_view kProtection = R"(
[identity]
# true: identity records are kept encrypted with age (identity.yaml.age),
# readable only with a key of the case's office or a program-wide key.
# Set it with care-intake encrypt once the offices' keys are listed below
# (care-intake keys add); see care-intake(1), ENCRYPTION.
encrypt = false
# The age program: a name looked up in PATH, or a full path.
age = "age"
# [identity.recipients] lists the age public keys per office (host country)
# and "all" for program-wide ones; care-intake keys edits it.

[retention]
# Whole years after a case's closure when it falls due for erasure
# (care-report retention, care-intake erase --due). Set it to what your data
# protection policy and the grant agreement require.
years_after_closure = 10
)";

std::string config_template(bool commit) {
  return std::string(kConfig) + (commit ? "true\n" : "false\n") + std::string(kProtection);
}

const std::vector<std::string>& init_folders() {
  static const std::vector<std::string> folders = {"cases", "outreach", ".care", ".care/schemas",
                                                   std::string(kHooksFolder), ".vscode"};
  return folders;
}

std::string_view gitattributes() { return kGitattributes; }

std::vector<InitFile> hook_files() {
  std::string start(kHookStart);
  std::string restore = start + "# {}: makes the work tree owner-only again.\n" + std::string(kRestoreModes);
  auto named = [&](std::string_view name) {
    std::string text = restore;
    text.replace(text.find("{}"), 2, name);
    return text;
  };
  std::string hooks(kHooksFolder);
  return {{hooks + "/pre-commit", start + std::string(kPreCommit), true},
          {hooks + "/post-checkout", named("post-checkout"), true},
          {hooks + "/post-merge", named("post-merge"), true}};
}

std::vector<InitFile> schema_files() {
  std::vector<InitFile> files;
  for (const auto& s : schema::embedded_schemas())
    files.push_back({std::string(kSchemaFolder) + s.name, local_schema(s)});
  return files;
}

std::vector<InitFile> init_files(bool commit) {
  std::vector<InitFile> files = {{".gitignore", std::string(kGitignore)},
                                 {".gitattributes", std::string(kGitattributes)}};
  for (auto& h : hook_files()) files.push_back(std::move(h));
  for (auto& f : schema_files()) files.push_back(std::move(f));
  files.push_back({".vscode/settings.json", vscode_settings()});
  files.push_back({std::string(monitor::kInstrumentFile), monitor::example_instrument()});
  files.push_back({"care.toml", config_template(commit)});
  return files;
}

}  // namespace care::intake
