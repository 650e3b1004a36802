#!/usr/bin/env bash
# Black-box tests of care-intake init, list, show and outreach, driving the
# real binaries in scratch folders and on a copy of examples/.
#
#   bash tests/blackbox/intake_basics.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
intake="$bin/care-intake"
report="$bin/care-report"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

# Reproducible, and git commits work without anyone's own git settings.
export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=care-test GIT_AUTHOR_EMAIL=care-test@example.invalid
export GIT_COMMITTER_NAME=care-test GIT_COMMITTER_EMAIL=care-test@example.invalid
unset CARE_DIR

passed=0
failed=0
check() {  # NAME COMMAND...: passes when the command succeeds
  local name=$1
  shift
  if "$@"; then
    echo "ok      $name"
    passed=$((passed + 1))
  else
    echo "FAILED  $name"
    [ -s "$scratch/last.err" ] && sed 's/^/        | /' "$scratch/last.err" | head -10
    failed=$((failed + 1))
  fi
}

# run DIR ARGS...: care-intake ARGS in DIR; stdout, stderr and status in $scratch/last.*
run() {
  local dir=$1
  shift
  (cd "$dir" && "$intake" "$@") >"$scratch/last.out" 2>"$scratch/last.err"
  status=$?
}
out() { cat "$scratch/last.out"; }
err() { cat "$scratch/last.err"; }
lines() { wc -l <"$scratch/last.out" | tr -d ' '; }
mode() { stat -c %a "$1"; }
has_git=false
command -v git >/dev/null && has_git=true

# --- init ----------------------------------------------------------------------
folder="$scratch/program"
run "$scratch" init program
check "init: exit 0, prints the folder's path" test "$status" = 0 -a "$(out)" = "$folder"
check "init: folder and its subfolders are private (0700)" \
  test "$(mode "$folder")$(mode "$folder/cases")$(mode "$folder/outreach")$(mode "$folder/.care/schemas")" = 700700700700
all_private=true
for f in "$folder"/{care.toml,.gitignore,.gitattributes,.vscode/settings.json} "$folder"/.care/schemas/*.json; do
  [ "$(mode "$f")" = 600 ] || all_private=false
done
check "init: every file is 0600" $all_private
check "init: eleven schemas for editors, none with an \$id" \
  test "$(ls "$folder/.care/schemas" | wc -l)" = 11 -a -z "$(grep -l '"\$id"' "$folder"/.care/schemas/*.json)"
check "init: VS Code maps case.yaml to its schema" \
  grep -q '".care/schemas/case.schema.json": \[' "$folder/.vscode/settings.json"
check "init: .gitattributes keeps LF in records" grep -qx '\*.yaml text eol=lf' "$folder/.gitattributes"
check "init: .gitignore ignores leftover temporary files" grep -qxF '.*.tmp-*' "$folder/.gitignore"
if $has_git; then
  check "init: a git repository, and care.toml commits" \
    test -d "$folder/.git" -a "$(grep '^commit' "$folder/care.toml")" = "commit = true"
fi
"$report" -C "$folder" check >"$scratch/last.out" 2>"$scratch/last.err"
check "init: care-report check passes on the new folder" test $? = 0
before=$(cksum <"$folder/care.toml")
run "$scratch" init program
check "init: a second init is refused (exit 1), care.toml untouched" \
  test "$status" = 1 -a "$(cksum <"$folder/care.toml")" = "$before"
check "init: the refusal says why" grep -q "already holds a care.toml" "$scratch/last.err"

run "$scratch" init --no-git plain
check "init --no-git: no repository, commit = false" \
  test "$status" = 0 -a ! -e "$scratch/plain/.git" -a "$(grep '^commit' "$scratch/plain/care.toml")" = "commit = false"

run "$scratch" init --dry-run dry/run
check "init --dry-run: exit 0, nothing created" test "$status" = 0 -a ! -e "$scratch/dry"
check "init --dry-run: lists care.toml" grep -qx "would write $scratch/dry/run/care.toml" "$scratch/last.out"

# Without git on the PATH (env must stay: it runs git), init still succeeds, with a warning.
mkdir "$scratch/nogit-bin"
ln -s "$(command -v env)" "$scratch/nogit-bin/env"
(cd "$scratch" && PATH="$scratch/nogit-bin" "$intake" init nogit) >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "init without git: exit 0 and a warning" \
  test "$status" = 0 -a ! -e "$scratch/nogit/.git" -a -f "$scratch/nogit/care.toml"
check "init without git: the warning names git" grep -q "warning: .*git" "$scratch/last.err"

# --- outreach ------------------------------------------------------------------
commits() { if $has_git; then git -C "$folder" rev-list --count HEAD 2>/dev/null || echo 0; else echo 0; fi; }
run "$folder" outreach add --date 2014-05-03 --country AT --type information_meeting \
  --organisation "Alpine Help (fictional)=ngo" --organisation "Federal Desk (fictional)=government" --participants 12
check "outreach add: prints the new ID alone" test "$status" = 0 -a "$(out)" = OR-AT-2014-001
record="$folder/outreach/OR-AT-2014-001.yaml"
check "outreach add: the record is written, 0600" test -f "$record" -a "$(mode "$record")" = 600
check "outreach add: the record points editors at its schema" \
  test "$(head -1 "$record")" = '# yaml-language-server: $schema=../.care/schemas/outreach.schema.json'
if $has_git; then
  check "outreach add: committed with a message naming only command and ID" \
    test "$(git -C "$folder" log -1 --format=%s)" = "care-intake outreach add: OR-AT-2014-001"
fi

printf 'date: "2014-09-10"\ncountry: AT\ntype: leaflet_dispatch\norganisations:\n  - {name: Valley Shelter (fictional), kind: ngo}\nleaflets: 40\n' \
  >"$scratch/dispatch.yaml"
run "$folder" outreach add --from "$scratch/dispatch.yaml" --leaflets 60
check "outreach add --from: the next sequence of the year" test "$status" = 0 -a "$(out)" = OR-AT-2014-002
check "outreach add --from: a flag wins over the file" grep -qx "leaflets: 60" "$folder/outreach/OR-AT-2014-002.yaml"

files_before=$(ls "$folder/outreach" | wc -l)
commits_before=$(commits)
run "$folder" outreach add --dry-run --date 2015-01-05 --country FR --type leaflet_dispatch \
  --organisation "Harbour Light (fictional)=ngo" --leaflets 100
check "outreach add --dry-run: exit 0, shows the record" \
  test "$status" = 0 -a "$(head -1 "$scratch/last.out")" = "--- outreach/OR-FR-2015-001.yaml (not written: dry run)"
check "outreach add --dry-run: writes and commits nothing" \
  test "$(ls "$folder/outreach" | wc -l)" = "$files_before" -a "$(commits)" = "$commits_before"

run "$folder" outreach add --date 2015-01-05 --country FR --type information_meeting --organisation "X (fictional)=ngo"
check "outreach add: a meeting without participants is refused, nothing written" \
  test "$status" = 1 -a "$(ls "$folder/outreach" | wc -l)" = "$files_before"
run "$folder" outreach add --date 2015-01-05 --country UK --type leaflet_dispatch --leaflets 1
check "outreach add: UK is not a country code (exit 2)" test "$status" = 2
run "$folder" outreach add --date 2015-01-05 --country FR --type leaflet_dispatch --leaflets 1 --organisation "Y=friends"
check "outreach add: an organisation kind outside the schema (exit 2)" test "$status" = 2

run "$folder" outreach list
check "outreach list: a header and both events" \
  test "$status" = 0 -a "$(lines)" = 3 -a "$(sed -n 2p "$scratch/last.out" | awk '{print $1, $2, $5, $6}')" = "OR-AT-2014-001 2014-05-03 2 12"
run "$folder" outreach list --from 2014-06-01 --format csv
check "outreach list --from --format csv" \
  test "$(out)" = "$(printf 'id,date,country,type,organisations,participants,leaflets\nOR-AT-2014-002,2014-09-10,AT,leaflet_dispatch,1,,60')"
run "$folder" outreach list --to 2014-05-03 --format json
check "outreach list --to --format json" grep -q '^{"version":1,"outreach":\[{"id":"OR-AT-2014-001",' "$scratch/last.out"
"$report" -C "$folder" check >"$scratch/last.out" 2>"$scratch/last.err"
check "outreach: care-report check passes after the writes" test $? = 0

# --- list ----------------------------------------------------------------------
ex="$scratch/examples"
# With its identities decrypted (harness/plain_copy.sh); identity_offices.sh
# tests the encrypted ones.
. "$(dirname "$0")/harness/plain_copy.sh"
plain_copy "$src/examples" "$ex"
list_ids() { run "$ex" list "$@"; tail -n +2 "$scratch/last.out" | awk '{print $1}' | tr '\n' ' '; }
run "$ex" list
check "list: a header and one line per case" test "$status" = 0 -a "$(lines)" = $(( $(ls "$ex/cases" | wc -l) + 1 ))
check "list: notes a minor who has turned 18" grep -q '^GB-2014-004 .*yes (18 since 2016-05-14)' "$scratch/last.out"
check "list --stage closed --stage referred" \
  test "$(list_ids --stage closed --stage referred)" = "AT-2014-001 AT-2015-001 AT-2015-004 AT-2015-006 ES-2013-001 ES-2014-001 ES-2014-002 ES-2015-003 ES-2015-004 ES-2015-005 ES-2015-006 FR-2014-001 FR-2014-002 FR-2014-004 FR-2014-005 FR-2015-001 GB-2013-001 GB-2014-001 GB-2014-002 GB-2014-003 PT-2013-001 "
check "list --host FR" test "$(list_ids --host FR)" = "FR-2014-001 FR-2014-002 FR-2014-003 FR-2014-004 FR-2014-005 FR-2015-001 FR-2015-002 FR-2015-003 "
check "list --return-country BR" test "$(list_ids --return-country BR)" = "PT-2013-001 PT-2015-002 "
check "list --minor" test "$(list_ids --minor)" = "ES-2015-006 GB-2014-004 GB-2015-001 PT-2015-001 "
check "list --adult leaves the minors out" \
  test "$(list_ids --adult | wc -w)" = 31 -a -z "$(list_ids --adult | grep -E 'ES-2015-006|GB-2014-004|GB-2015-001|PT-2015-001')"
check "list --referred-from --referred-to (inclusive)" \
  test "$(list_ids --referred-from 2015-03-02 --referred-to 2015-05-11)" = "AT-2015-002 AT-2015-003 AT-2015-004 ES-2015-003 FR-2015-002 FR-2015-003 PT-2015-002 "
run "$ex" list --format csv --stage planned
check "list --format csv" \
  test "$(head -1 "$scratch/last.out")" = "id,stage,host_country,return_country,minor,adult_since,referred" -a "$(lines)" = 4
run "$ex" list --format json --minor
check "list --format json" grep -q '^{"version":1,"cases":\[{"id":"ES-2015-006",.*{"id":"GB-2014-004",[^}]*"minor":true,"adult_since":"2016-05-14"' "$scratch/last.out"
run "$ex" list --host uk
check "list --host uk: usage error (exit 2)" test "$status" = 2
run "$ex" list --referred-from 2015-02-30
check "list --referred-from with a day that does not exist: exit 2" test "$status" = 2
run "$ex" list --minor --adult
check "list --minor --adult: exit 2" test "$status" = 2

# --- show ----------------------------------------------------------------------
run "$ex" show AT-2014-002
check "show: exit 0, case.yaml first" test "$status" = 0 -a "$(head -1 "$scratch/last.out")" = "--- cases/AT-2014-002/case.yaml"
expected=""
for f in case.yaml assessments/2014-05-06.yaml plan.yaml return.yaml monitoring-plan.yaml monitoring/2014-10-21.yaml \
         monitoring/2014-12-19.yaml monitoring/2015-03-23.yaml monitoring/2015-06-22.yaml; do
  expected+="--- cases/AT-2014-002/$f"$'\n'"$(cat "$ex/cases/AT-2014-002/$f")"$'\n'
done
check "show: every record in order, the bytes as on disk" test "$(out)"$'\n' = "$expected"
run "$ex" show --identity --purpose "test of show" AT-2014-002
check "show --identity: identity.yaml first" test "$(head -1 "$scratch/last.out")" = "--- cases/AT-2014-002/identity.yaml"
run "$ex" show --format json GB-2014-004
check "show --format json" grep -q '"path": "cases/GB-2014-004/minor.yaml"' "$scratch/last.out"
for bad in ../x /etc 'AT-2014-002/../../..' at-2014-002; do
  run "$ex" show "$bad"
  check "show $bad: refused (exit 2), one line" test "$status" = 2 -a "$(wc -l <"$scratch/last.err")" = 1 -a ! -s "$scratch/last.out"
done
run "$ex" show AT-2014-099
check "show AT-2014-099: exit 1, no case" test "$status" = 1 -a "$(err)" = "care-intake: no case AT-2014-099"

# --- privacy: nothing from identity.yaml outside show --identity ---------------
# Every value of an identity record that names, reaches or documents a person.
grep -hE '^ *(given|family|value|number|guardian_name): |^ +- [^:]+$' "$ex"/cases/*/identity.yaml |
  sed -E 's/^ *(- )?([a-z_]+: )?//; s/^"(.*)"$/\1/' | sort -u >"$scratch/identifiers"
check "privacy: identifiers found in the examples' identity records" test "$(wc -l <"$scratch/identifiers")" -gt 40
{
  for format in table csv json; do "$intake" -C "$ex" list --format $format; done
  for id in $(ls "$ex/cases"); do "$intake" -C "$ex" show "$id"; "$intake" -C "$ex" show --format json "$id"; done
  "$intake" -C "$ex" outreach list
} >"$scratch/all.out" 2>&1
check "privacy: no identifier in list, show (without --identity) or outreach list" \
  test -z "$(grep -F -f "$scratch/identifiers" "$scratch/all.out")"
"$intake" -C "$ex" show --identity --purpose "privacy test" GB-2014-004 >"$scratch/identity.out"
check "privacy: the check itself sees them with --identity" grep -qF "Person-Eight" "$scratch/identity.out"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
