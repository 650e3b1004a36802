#!/usr/bin/env bash
# Black-box tests of care-intake new, consent, assess, minor and edit: the
# path of a case from referral to assessment, driven through the real
# binaries in scratch case folders, with care-report check run after every
# command that succeeds.
#
#   bash tests/blackbox/intake_cases.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All people, numbers and organisations here are invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
intake="$bin/care-intake"
report="$bin/care-report"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/editors" "$scratch/input"

# Reproducible, and free of the runner's own settings. Every date below is
# before "today", except where a test moves today with --as-of.
export CARE_TODAY=2015-12-31 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1
unset CARE_DIR VISUAL EDITOR

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
    echo "        exit status of the last care-intake run: ${status:-none}"
    [ -s "$scratch/last.err" ] && sed 's/^/        err| /' "$scratch/last.err" | head -12
    [ -s "$scratch/last.out" ] && sed 's/^/        out| /' "$scratch/last.out" | head -8
    failed=$((failed + 1))
  fi
}

# run ARGS...: care-intake ARGS in $folder, stdin from /dev/null (no terminal);
# stdout, stderr and the exit status in $scratch/last.out, last.err, $status.
run() {
  (cd "$folder" && "$intake" "$@") </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
  status=$?
}
# run_in FILE ARGS...: the same with stdin from FILE.
run_in() {
  local input=$1
  shift
  (cd "$folder" && "$intake" "$@") <"$input" >"$scratch/last.out" 2>"$scratch/last.err"
  status=$?
}
out() { cat "$scratch/last.out"; }
out_has() { grep -qF -- "$1" "$scratch/last.out"; }
err_has() { grep -qF -- "$1" "$scratch/last.err"; }
out_empty() { [ ! -s "$scratch/last.out" ]; }
exit_is() { [ "$status" = "$1" ]; }

# A fingerprint of every file of the folder but .git: path and bytes.
# .care/local is the clone's own state (the lock names its last holder): not a record.
snap() { (cd "$folder" && find . \( -path ./.git -o -path ./.care/local \) -prune -o -type f -print0 | sort -z | xargs -0 sha256sum); }
same_as() { [ "$(snap)" = "$1" ]; }
no_temp_files() { [ -z "$(find "$folder" -path "$folder/.git" -prune -o -name '.*tmp*' -print)" ]; }

# care-report check on the folder: exit 0.
clean() {
  "$report" -C "$folder" check >"$scratch/check.out" 2>"$scratch/check.err" && return 0
  sed 's/^/        check| /' "$scratch/check.err" | head -12
  return 1
}
# after NAME: the command just run exited 0 and the folder still checks clean.
after() {
  check "$1: exit 0" exit_is 0
  check "$1: care-report check passes" clean
}

# A fresh, empty case folder at $scratch/NAME, made by care-intake init when
# it exists, else copied from tests/golden/base/ without its case.
has_init=false
"$intake" init --help >/dev/null 2>&1 && has_init=true
fresh() {
  folder="$scratch/$1"
  if $has_init; then
    "$intake" init --no-git "$folder" >/dev/null 2>&1 || echo "        (care-intake init $folder failed)"
  else
    cp -R "$src/tests/golden/base" "$folder"
    rm -rf "$folder/cases/"*
    mkdir -p "$folder/outreach"
  fi
}
# set KEY VALUE in care.toml (a key that occurs once in the file).
set_toml() { sed -i "s/^$1 *=.*/$1 = $2/" "$folder/care.toml"; }
# Puts the folder under git with [git] commit = true and commits it as it is.
under_git() {
  if grep -q '^commit *=' "$folder/care.toml"; then set_toml commit true
  else printf '\n[git]\ncommit = true\n' >>"$folder/care.toml"; fi
  git -C "$folder" init -q
  git -C "$folder" config user.name "Care Test Runner"
  git -C "$folder" config user.email "care-test@example.invalid"
  git -C "$folder" add -A
  # The only clone of its folder: it numbers in the main series (care-intake(1), CASE IDS).
  "$intake" -C "$folder" series main >/dev/null 2>&1
  git -C "$folder" commit -qm "case folder"
}
commits() { git -C "$folder" rev-list --count HEAD; }
last_message() { git -C "$folder" log -1 --format=%B | sed '/^$/d'; }
last_files() { git -C "$folder" show --name-only --format= HEAD | sort | tr '\n' ' '; }
tree_clean() { [ -z "$(git -C "$folder" status --porcelain)" ]; }

# new_case [ARGS...]: care-intake new for an eligible adult referred in
# Austria on 2014-03-05. HOST, NAT, RET, BIRTH and REF, when set, replace
# the host country, nationality, country of return, birth and referral date.
new_case() {
  run new --host "${HOST:-AT}" --nationality "${NAT:-NG}" --return-country "${RET:-NG}" --sex female \
    --birth "${BIRTH:-1990-06-15}" --referral-date "${REF:-2014-03-05}" \
    --referred-by "Example Shelter (fictional)" --referred-by-kind shelter --consent data_processing "$@"
}

# refused NAME CODE SNAPSHOT: the command just run exited CODE and wrote nothing.
refused() {
  check "$1: exit $2" exit_is "$2"
  check "$1: nothing written" same_as "$3"
  check "$1: nothing on stdout" out_empty
}

# Editors: each is a script that changes the file it is given, as a person would.
editor() {  # NAME SCRIPT-BODY
  printf '#!/bin/sh\n%s\n' "$2" >"$scratch/editors/$1"
  chmod +x "$scratch/editors/$1"
}
editor unknown_sex 'sed -i "s/^sex: .*/sex: unknown/" "$1"'
editor bad_sex 'sed -i "s/^sex: .*/sex: dragon/" "$1"'
editor no_change 'exit 0'
editor comment 'sed -i "s/^sex: \(.*\)/sex: \1  # as stated at intake/" "$1"'
editor fails 'sed -i "s/^sex: .*/sex: male/" "$1"; exit 3'
editor more_risk 'sed -i "s/^overall_risk: .*/overall_risk: high/" "$1"'
editor bad_alias 'printf "  nickname: Example Secret-Alias\n" >>"$1"'

# ==============================================================================
# new with flags: the ID alone on stdout, two files, names in identity.yaml only
# ==============================================================================
fresh flags
under_git
new_case --given-name Example --family-name Person-Nine --other-name "Example Alias-Nine" \
  --phone "+000 555 0109" --email "person-nine@example.invalid" \
  --address-line "9 Example Lane (fictional)" --address-line "Example Town" --address-country AT \
  --document passport=X0000009 --exploitation sexual_exploitation
after "new with flags"
check "new: stdout is the new ID alone" test "$(out)" = AT-2014-001
check "new: writes case.yaml and identity.yaml, nothing else" \
  test "$(cd "$folder/cases" && find . -type f | sort | tr '\n' ' ')" = "./AT-2014-001/case.yaml ./AT-2014-001/identity.yaml "
check "new: the files are private (0600)" \
  test "$(stat -c %a "$folder/cases/AT-2014-001/case.yaml" "$folder/cases/AT-2014-001/identity.yaml" | tr '\n' ' ')" = "600 600 "
check "new: case.yaml has the referral, eligible" \
  grep -q '^  status: eligible$' "$folder/cases/AT-2014-001/case.yaml"
check "new: case.yaml has the data_processing consent" \
  grep -q 'purpose: data_processing' "$folder/cases/AT-2014-001/case.yaml"
for secret in Person-Nine "Example Alias-Nine" "+000 555 0109" person-nine@example.invalid \
              "9 Example Lane" X0000009; do
  files=$(grep -rlF --exclude-dir=.git -- "$secret" "$folder" | sed "s|^$folder/||" | tr '\n' ' ')
  check "new: \"$secret\" is in identity.yaml and in no other file" test "$files" = "cases/AT-2014-001/identity.yaml "
  check "new: \"$secret\" is in no file or folder name" \
    test -z "$(find "$folder" -path "$folder/.git" -prune -o -print | grep -F -- "$secret")"
  check "new: \"$secret\" is in no commit message" test -z "$(git -C "$folder" log --format=%B | grep -F -- "$secret")"
  check "new: in git, \"$secret\" is in identity.yaml only" \
    test "$(git -C "$folder" grep -lF -- "$secret" HEAD | tr '\n' ' ')" = "HEAD:cases/AT-2014-001/identity.yaml "
done
check "new: one commit, \"care-intake new: AT-2014-001\"" \
  test "$(commits)" = 2 -a "$(last_message)" = "care-intake new: AT-2014-001"
check "new: the commit holds the case's two files only" \
  test "$(last_files)" = "cases/AT-2014-001/case.yaml cases/AT-2014-001/identity.yaml "
check "new: the working tree is clean after the commit" tree_clean

new_case --given-name Example --family-name Person-Ten
after "new, second case of AT in 2014"
check "new: the next AT case of 2014 is AT-2014-002" test "$(out)" = AT-2014-002
check "new: commit \"care-intake new: AT-2014-002\"" \
  test "$(commits)" = 3 -a "$(last_message)" = "care-intake new: AT-2014-002"
HOST=FR new_case --given-name Example --family-name Person-Eleven
after "new, first case of FR"
check "new: FR counts apart from AT: FR-2014-001" test "$(out)" = FR-2014-001
REF=2015-01-12 new_case --given-name Example --family-name Person-Twelve
after "new, first AT case of 2015"
check "new: a new year starts again at 001: AT-2015-001" test "$(out)" = AT-2015-001
new_case --given-name Example --family-name Person-Thirteen
check "new: numbering goes on after a new year: AT-2014-003" test "$(out)" = AT-2014-003
check "new: four commits so far, each named after its case" \
  test "$(git -C "$folder" log --format=%s -4 | tr '\n' ' ')" = \
  "care-intake new: AT-2014-003 care-intake new: AT-2015-001 care-intake new: FR-2014-001 care-intake new: AT-2014-002 "

# list and show (written by another hand) never print an identity.
if "$intake" list --help >/dev/null 2>&1; then
  run list
  check "list: runs" exit_is 0
  check "list: no name in its output" bash -c "! grep -qF Person- '$scratch/last.out'"
fi
if "$intake" show --help >/dev/null 2>&1; then
  run show AT-2014-001
  check "show without --identity: no name, phone or document" \
    bash -c "! grep -qE 'Person-Nine|555 0109|X0000009' '$scratch/last.out'"
fi

# ==============================================================================
# new --from FILE and --from - (stdin), with an identity: mapping
# ==============================================================================
fresh from
cat >"$scratch/input/referral.yaml" <<'EOF'
host_country: PT
nationality: BR
return_country: BR
sex: male
date_of_birth: "1985-01-20"
referral:
  date: "2014-04-02"
  organisation: Example Migrant Support (fictional)
  organisation_kind: ngo
exploitation:
  - forced_labour
consents:
  - purpose: data_processing
    action: granted
    date: "2014-04-02"
    given_by: person
identity:
  names:
    given: Example
    family: Person-Fourteen
  contacts:
    - type: phone
      value: "+000 555 0114"
EOF
run new --from "$scratch/input/referral.yaml"
after "new --from FILE"
check "new --from FILE: prints PT-2014-001" test "$(out)" = PT-2014-001
check "new --from FILE: the names go to identity.yaml" \
  grep -q '^  family: Person-Fourteen$' "$folder/cases/PT-2014-001/identity.yaml"
check "new --from FILE: case.yaml has no identity, name or phone" \
  bash -c "! grep -qE 'identity|Person-|555 0114' '$folder/cases/PT-2014-001/case.yaml'"
check "new --from FILE: the file's fields are in case.yaml" \
  grep -q '^  - forced_labour$' "$folder/cases/PT-2014-001/case.yaml"
sed 's/Person-Fourteen/Person-Fifteen/' "$scratch/input/referral.yaml" >"$scratch/input/referral2.yaml"
run_in "$scratch/input/referral2.yaml" new --from -
after "new --from - (stdin)"
check "new --from -: prints PT-2014-002" test "$(out)" = PT-2014-002
check "new --from -: the names go to identity.yaml" \
  grep -q '^  family: Person-Fifteen$' "$folder/cases/PT-2014-002/identity.yaml"
before=$(snap)
printf 'id: PT-2014-009\n' | cat - "$scratch/input/referral2.yaml" | sed 's/Fifteen/Sixteen/' >"$scratch/input/with_id.yaml"
run new --from "$scratch/input/with_id.yaml"
refused "new --from with an id: (IDs are given by the program)" 1 "$before"
# Privacy: a problem in the identity part of --from input is reported
# without quoting identity.yaml (it was once shown with the name in it).
sed 's/^    family: Person-Fifteen$/    family: Person-Sixteen\n    nickname: Example Secret-Alias/' \
  "$scratch/input/referral2.yaml" >"$scratch/input/bad_identity.yaml"
run new --from "$scratch/input/bad_identity.yaml"
refused "new --from, an unknown field in identity:" 1 "$before"
check "new --from, identity problem: the name is not quoted on stderr" \
  bash -c "! grep -q Secret-Alias '$scratch/last.err'"

# ==============================================================================
# missing fields without a terminal
# ==============================================================================
fresh missing
before=$(snap)
run new --host AT
refused "new with fields missing, no terminal" 2 "$before"
for flag in --nationality --return-country --sex --birth --referral-date --referred-by-kind --consent; do
  check "new with fields missing: names $flag" err_has "$flag"
done
check "new with fields missing: says there is no terminal" err_has "no terminal"

# ==============================================================================
# refusals: each with its exit status, and nothing written
# ==============================================================================
fresh refusals
new_case --given-name Example --family-name Person-Twenty
after "new (the case the refusals run beside)"
before=$(snap)

NAT=DE new_case --given-name Example --family-name Person-TwentyOne
refused "new, EU nationality" 1 "$before"
check "new, EU nationality: says why" err_has "nationality DE is an EU country"
check "new, EU nationality: suggests --record-ineligible" err_has "--record-ineligible"

RET=FR new_case --given-name Example --family-name Person-TwentyOne
refused "new, EU country of return" 1 "$before"
check "new, EU country of return: says why" err_has "country of return FR is an EU country"

HOST=IT new_case --given-name Example --family-name Person-TwentyOne
refused "new, host country not in the program" 1 "$before"
check "new, host not in program: says why" err_has "host country IT is not in the program"

REF=2013-09-01 new_case --given-name Example --family-name Person-TwentyOne
refused "new, referral the day before the program starts" 1 "$before"
check "new, referral before start: says why" err_has "outside the program"

REF=2016-03-01 new_case --given-name Example --family-name Person-TwentyOne
refused "new, referral the day after the program ends" 1 "$before"

BIRTH=2014-03-06 new_case --given-name Example --family-name Person-TwentyOne
refused "new, date of birth after the referral" 1 "$before"
check "new, birth after referral: says so" err_has "not before the referral"

BIRTH=2014-02-30 new_case --given-name Example --family-name Person-TwentyOne
refused "new, impossible date of birth 2014-02-30" 1 "$before"
check "new, 2014-02-30: not a real date" err_has "not a real calendar date"

REF=2014-02-30 new_case --given-name Example --family-name Person-TwentyOne
refused "new, impossible referral date 2014-02-30" 1 "$before"

REF=2014-07-01 new_case --given-name Example --family-name Person-TwentyOne --as-of 2014-06-30
refused "new, referral after today (--as-of 2014-06-30)" 1 "$before"
check "new, future referral: says it is in the future" err_has "in the future"
REF=2014-06-30 new_case --given-name Example --family-name Person-TwentyOne --as-of 2014-06-30 --dry-run
check "new, referral on today itself (--as-of, dry run): accepted" exit_is 0

NAT=UK new_case --given-name Example --family-name Person-TwentyOne
refused "new, unknown country UK" 1 "$before"
check "new, UK: points to GB" err_has "GB"

run new --host AT --nationality NG --return-country NG --sex female --birth 1990-06-15 \
  --referral-date 2014-03-05 --referred-by-kind shelter --consent data_processing --document passport
refused "new, --document without =NUMBER" 1 "$before"

# duplicates: same office, names and date of birth
new_case --given-name Example --family-name Person-Twenty
refused "new, same person again (same office, names, birth)" 1 "$before"
check "new, duplicate: names the case already registered" err_has "AT-2014-001"
check "new, duplicate: suggests --force" err_has "--force"
new_case --given-name "example " --family-name "PERSON-TWENTY"
refused "new, same person with other case and spaces in the names" 1 "$before"
HOST=FR new_case --given-name Example --family-name Person-Twenty
after "new, same names and birth at another office (not a duplicate)"
check "new, other office: FR-2014-001" test "$(out)" = FR-2014-001
BIRTH=1990-06-16 new_case --given-name Example --family-name Person-Twenty
after "new, same names, another birth date (not a duplicate)"
new_case --given-name Example --family-name Person-Twenty --force
after "new --force, same person"
check "new --force: registered as AT-2014-003" test "$(out)" = AT-2014-003

# --record-ineligible: a closed, ineligible case for the statistics
NAT=DE new_case --given-name Example --family-name Person-TwentyTwo --record-ineligible
after "new --record-ineligible, EU nationality"
id=$(out)
check "new --record-ineligible: prints the ID ($id)" test "$id" = AT-2014-004
check "new --record-ineligible: case, closure and identity written" \
  test -f "$folder/cases/$id/case.yaml" -a -f "$folder/cases/$id/closure.yaml" -a -f "$folder/cases/$id/identity.yaml"
check "new --record-ineligible: eligibility status ineligible" \
  grep -q '^  status: ineligible$' "$folder/cases/$id/case.yaml"
check "new --record-ineligible: closed as ineligible_at_referral" \
  grep -q '^reason: ineligible_at_referral$' "$folder/cases/$id/closure.yaml"
check "new --record-ineligible: says it was closed" err_has "recorded as ineligible and closed"

# capacity: not an eligibility criterion. A program that can assess one
# person registers a second as eligible, waiting for a place, with a warning.
fresh capacity
set_toml assessed 1
new_case --given-name Example --family-name Person-Thirty
after "new, first case of a program with room for one"
check "new, first case: not waiting" sh -c "! grep -q waiting '$folder/cases/AT-2014-001/case.yaml'"
new_case --given-name Example --family-name Person-ThirtyOne
after "new, capacity reached (targets.assessed = 1)"
check "new, capacity reached: prints the ID" test "$(out)" = AT-2014-002
check "new, capacity reached: warns" err_has "warning: the program's capacity of 1 persons assessed is reached"
check "new, capacity reached: eligible" grep -q '^  status: eligible$' "$folder/cases/AT-2014-002/case.yaml"
check "new, capacity reached: waiting" grep -q '^  waiting: true$' "$folder/cases/AT-2014-002/case.yaml"
check "new, capacity reached: not closed" test ! -e "$folder/cases/AT-2014-002/closure.yaml"
NAT=DE new_case --given-name Example --family-name Person-ThirtyTwo --record-ineligible
after "new --record-ineligible, capacity reached"
check "new --record-ineligible, capacity: closed as ineligible, not waiting" \
  sh -c "test -f '$folder/cases/AT-2014-003/closure.yaml' && ! grep -q waiting '$folder/cases/AT-2014-003/case.yaml'"

# not a case folder (3), a bad care.toml (4)
mkdir -p "$scratch/nowhere"
(cd "$scratch/nowhere" && CARE_DIR="$scratch/nowhere" "$intake" new --host AT) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "new, CARE_DIR without care.toml: exit 3" exit_is 3
fresh badtoml
printf 'bogus = 1\n' >>"$folder/care.toml"
before=$(snap)
new_case --given-name Example --family-name Person-Forty
refused "new, care.toml with an unknown key" 4 "$before"

# finding the folder: -C, CARE_DIR, walking up
fresh finding
(cd "$scratch" && "$intake" -C "$folder" consent AT-2014-001 --grant assistance) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "-C DIR finds the folder (no such case: exit 1, not 3)" exit_is 1
(cd "$scratch/nowhere" && CARE_DIR="$folder" "$intake" new --host AT --nationality NG --return-country NG \
  --sex male --birth 1980-01-01 --referral-date 2014-05-05 --referred-by-kind self --consent data_processing \
  --given-name Example --family-name Person-Fifty) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
after "new with CARE_DIR, from elsewhere"
mkdir -p "$folder/cases/AT-2014-001/assessments"
(cd "$folder/cases/AT-2014-001/assessments" && "$intake" consent AT-2014-001 --grant assistance --date 2014-05-06) \
  </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
after "consent from a folder inside the case folder (walking up)"

# IDs that are not IDs (2), cases that do not exist (1)
fresh ids
new_case --given-name Example --family-name Person-Sixty
before=$(snap)
for cmd in consent assess minor edit; do
  extra=()
  [ "$cmd" = consent ] && extra=(--grant assistance)
  run "$cmd" ../x ${extra[@]+"${extra[@]}"}
  refused "$cmd ../x (a path, not an ID)" 2 "$before"
  run "$cmd" ../../care ${extra[@]+"${extra[@]}"}
  check "$cmd ../../care: exit 2" exit_is 2
  run "$cmd" AT-2014-1 ${extra[@]+"${extra[@]}"}
  check "$cmd AT-2014-1 (not an ID): exit 2" exit_is 2
  run "$cmd" AT-2014-099 ${extra[@]+"${extra[@]}"}
  refused "$cmd AT-2014-099 (no such case)" 1 "$before"
  check "$cmd AT-2014-099: says there is no such case" err_has "no case AT-2014-099"
done

# ==============================================================================
# minors
# ==============================================================================
fresh minors
BIRTH=2000-01-15 new_case --given-name Example --family-name Person-Seventy --consent-by both
after "new, a child of 14 at referral"
check "new, child: stdout is the ID alone" test "$(out)" = AT-2014-001
check "new, child: prints the minor's note" err_has "AT-2014-001 is a minor's case"
check "new, child: --consent-by both records the guardian's consent" \
  grep -q 'given_by: guardian' "$folder/cases/AT-2014-001/case.yaml"
BIRTH=1980-01-01 new_case --given-name Example --family-name Person-SeventyOne --age-uncertain
after "new --age-uncertain, birth estimate of an adult"
check "new --age-uncertain: presumed a minor" err_has "AT-2014-002 is a minor's case"
check "new --age-uncertain: age_uncertain: true in case.yaml" \
  grep -q '^age_uncertain: true$' "$folder/cases/AT-2014-002/case.yaml"
BIRTH=1996-03-06 new_case --given-name Example --family-name Person-SeventyTwo
after "new, turns 18 the day after referral"
check "new, 18 the day after referral: a minor's case" err_has "AT-2014-003 is a minor's case"
BIRTH=1996-03-05 new_case --given-name Example --family-name Person-SeventyThree
after "new, turns 18 on the referral day"
check "new, 18 on the referral day: not a minor's case" bash -c "! grep -q minor '$scratch/last.err'"
before=$(snap)
run minor AT-2014-004 --guardian-appointed 2014-03-05 --guardian-type legal_guardian
refused "minor for an adult (18 on the referral day)" 1 "$before"
check "minor for an adult: says it is not a minor's case" err_has "not a minor's case"

run minor AT-2014-003 --guardian-appointed 2014-03-05 --guardian-type legal_guardian
after "minor, 18 the day after referral: accepted"

m="$folder/cases/AT-2014-001/minor.yaml"
run minor AT-2014-001 --guardian-appointed 2014-02-20 --guardian-type legal_guardian \
  --guardian-organisation "Example Guardianship Service (fictional)"
after "minor, run 1: guardian"
check "minor run 1: guardian written" grep -q '^  type: legal_guardian$' "$m"
run minor AT-2014-001 --bid-step "2014-03-20=panel convened" --bid-outcome pending --bid-panel
after "minor, run 2: first BID step"
check "minor run 2: guardian kept" grep -q '^  appointed: "2014-02-20"$' "$m"
check "minor run 2: BID step written" grep -q 'step: panel convened' "$m"
# Tracing the family shares the child's data with the country of return:
# both the child's and the guardian's consent first.
run consent AT-2014-001 --grant sharing_return_country --by person --date 2014-03-20
after "minor: the child's consent to sharing with the country of return"
run consent AT-2014-001 --grant sharing_return_country --by guardian --date 2014-03-20
after "minor: the guardian's consent to sharing with the country of return"
run minor AT-2014-001 --tracing in_progress --tracing-date 2014-03-25 --bid-step "2014-04-10=panel decided"
after "minor, run 3: tracing and a second BID step"
check "minor run 3: both BID steps, in order" \
  test "$(grep -o 'step: panel [a-z]*' "$m" | tr '\n' ' ')" = "step: panel convened step: panel decided "
check "minor run 3: BID outcome and guardian kept" \
  bash -c "grep -q '^  outcome: pending$' '$m' && grep -q 'Example Guardianship Service' '$m'"
run minor AT-2014-001 --views-heard 2014-04-01 --views-heard-by "social worker, Example Youth Office (fictional)" \
  --bid-outcome return_in_best_interest --bid-decided 2014-04-10 \
  --family-assessed 2014-04-12 --family-willing yes --family-implicated no --family-outcome reunification_possible \
  --reunification-confirmed 2014-04-20 --coordinated 2014-04-25 --host-party "Example Youth Office (fictional)" \
  --return-party "Example Child Protection Unit (fictional)" --escort guardian --escort-agreed 2014-04-25
after "minor, run 4: decision, family, coordination, escort"
check "minor run 4: family willing as true, implicated as false" \
  bash -c "grep -q '^  willing_and_able: true$' '$m' && grep -q '^  implicated_in_trafficking: false$' '$m'"
check "minor run 4: tracing, BID steps and guardian all kept" \
  bash -c "grep -q '^  status: in_progress$' '$m' && grep -q 'panel convened' '$m' && grep -q legal_guardian '$m'"
check "minor: no name in minor.yaml" bash -c "! grep -q Person- '$m'"
printf 'family_tracing:\n  status: found\n  date: "2014-04-05"\n' >"$scratch/input/tracing.yaml"
run minor AT-2014-001 --from "$scratch/input/tracing.yaml"
after "minor --from FILE: a section replaced"
check "minor --from: the section replaced, the rest kept" \
  bash -c "grep -q '^  status: found$' '$m' && grep -q 'panel decided' '$m'"

# ==============================================================================
# consent
# ==============================================================================
fresh consent
new_case --given-name Example --family-name Person-Eighty
c="$folder/cases/AT-2014-001/case.yaml"
cp "$c" "$scratch/case.v1"
run consent AT-2014-001 --grant assistance --grant monitoring_contacts --date 2014-03-10
after "consent --grant (two purposes)"
check "consent --grant: the earlier file is kept as it was, entries appended" \
  test "$(head -n "$(wc -l <"$scratch/case.v1")" "$c")" = "$(cat "$scratch/case.v1")"
check "consent --grant: three entries now" test "$(grep -c 'purpose:' "$c")" = 3
cp "$c" "$scratch/case.v2"
run consent AT-2014-001 --withdraw monitoring_contacts --date 2014-04-01
after "consent --withdraw"
check "consent --withdraw: appended, nothing removed" \
  test "$(head -n "$(wc -l <"$scratch/case.v2")" "$c")" = "$(cat "$scratch/case.v2")"
check "consent --withdraw: the last entry is the withdrawal" \
  test "$(tail -4 "$c" | tr '\n' ' ' | tr -s ' ')" = \
  " - purpose: monitoring_contacts action: withdrawn date: \"2014-04-01\" given_by: person "
before=$(snap)
run consent AT-2014-001 --withdraw monitoring_contacts --date 2014-04-02
refused "consent --withdraw of a consent already withdrawn" 1 "$before"
run consent AT-2014-001 --withdraw sharing_return_country --date 2014-04-02
refused "consent --withdraw of a consent never given" 1 "$before"
check "consent --withdraw of nothing: says there is nothing in force" err_has "no consent to sharing_return_country in force"
run consent AT-2014-001
refused "consent without --grant or --withdraw" 2 "$before"
run consent AT-2014-001 --grant assistance --by neighbour
refused "consent --by neighbour" 2 "$before"
run consent AT-2014-001 --grant assistance --date 2014-02-30
check "consent --date 2014-02-30: refused, nothing written" \
  bash -c "[ $status != 0 ] && [ \"\$(cd '$folder' && find . -path ./.care/local -prune -o -type f -print0 | sort -z | xargs -0 sha256sum)\" = '$before' ]"
run consent AT-2014-001 --grant sharing_return_country --by person
after "consent without --date: dated today"
check "consent without --date: dated today ($CARE_TODAY)" grep -q "date: \"$CARE_TODAY\"" "$c"

# ==============================================================================
# assess
# ==============================================================================
fresh assess
new_case --given-name Example --family-name Person-Ninety
a="$folder/cases/AT-2014-001/assessments"
run assess AT-2014-001 --date 2014-03-20 --by "caseworker, Vienna office" --need housing=high:"no safe place" \
  --need health=low --risk threats_reprisals=medium:"calls from the recruiter" --overall-risk medium \
  --skill sewing --motivation "open a tailoring shop" --opportunity "tailoring cooperative (fictional)"
after "assess"
check "assess: prints the file written" test "$(out)" = "cases/AT-2014-001/assessments/2014-03-20.yaml"
check "assess: DATE.yaml written" test -f "$a/2014-03-20.yaml"
check "assess: need with its note" grep -q '^    note: no safe place$' "$a/2014-03-20.yaml"
cp "$a/2014-03-20.yaml" "$scratch/assessment.v1"
run assess AT-2014-001 --date 2014-03-20 --by "caseworker, Vienna office" --need housing=medium --overall-risk low
after "assess again the same day"
check "assess again: DATE-2.yaml" test "$(out)" = "cases/AT-2014-001/assessments/2014-03-20-2.yaml"
check "assess again: the first assessment is untouched" cmp -s "$a/2014-03-20.yaml" "$scratch/assessment.v1"
run assess AT-2014-001 --date 2014-03-20 --by "caseworker, Vienna office" --need housing=low --overall-risk low
after "assess a third time the same day"
check "assess a third time: DATE-3.yaml" test -f "$a/2014-03-20-3.yaml"
cat >"$scratch/input/assessment.yaml" <<'EOF'
assessed_by: caseworker, Vienna office
needs:
  - domain: livelihood
    level: medium
overall_risk: low
EOF
run assess AT-2014-001 --from "$scratch/input/assessment.yaml" --date 2014-04-02
after "assess --from FILE"
check "assess --from: written under its date" grep -q 'domain: livelihood' "$a/2014-04-02.yaml"
before=$(snap)
run assess AT-2014-001 --date 2014-04-03
refused "assess with fields missing, no terminal" 2 "$before"
check "assess, fields missing: names --by, --overall-risk, --need" \
  bash -c "grep -qF -- --by '$scratch/last.err' && grep -qF -- --overall-risk '$scratch/last.err' && grep -qF -- --need '$scratch/last.err'"
run assess AT-2014-001 --date 2014-04-03 --by caseworker --need housing --overall-risk low
refused "assess --need without =LEVEL" 2 "$before"
run assess AT-2014-001 --date 2014-04-03 --by caseworker --need housing=huge --overall-risk low
refused "assess --need housing=huge (not a level)" 1 "$before"
run assess AT-2014-001 --date 2014-03-01 --by caseworker --need housing=low --overall-risk low
refused "assess dated before the referral" 1 "$before"

# ==============================================================================
# edit, with editors that are small scripts
# ==============================================================================
fresh edit
new_case --given-name Example --family-name Person-Hundred
c="$folder/cases/AT-2014-001/case.yaml"
(cd "$folder" && EDITOR="$scratch/editors/unknown_sex" "$intake" edit AT-2014-001) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
after "edit, a valid change"
check "edit, valid change: saved" grep -q '^sex: unknown$' "$c"
check "edit, valid change: no temporary file left" no_temp_files
before=$(snap)
(cd "$folder" && EDITOR="$scratch/editors/bad_sex" "$intake" edit AT-2014-001) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
refused "edit, an invalid change" 1 "$before"
check "edit, invalid change: names the file and line" err_has "cases/AT-2014-001/case.yaml:"
check "edit, invalid change: no temporary file left" no_temp_files
(cd "$folder" && EDITOR="$scratch/editors/no_change" "$intake" edit AT-2014-001) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "edit, no change: exit 0" exit_is 0
check "edit, no change: file unchanged" same_as "$before"
check "edit, no change: says so" err_has "no changes"
(cd "$folder" && EDITOR="$scratch/editors/fails" "$intake" edit AT-2014-001) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "edit, the editor fails: not exit 0" test "$status" != 0
check "edit, the editor fails: file unchanged, no temporary file" bash -c "[ \"\$(cd '$folder' && find . -path ./.care/local -prune -o -type f -print0 | sort -z | xargs -0 sha256sum)\" = '$before' ]"
(cd "$folder" && VISUAL="$scratch/editors/no_change" EDITOR="$scratch/editors/bad_sex" "$intake" edit AT-2014-001) \
  </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
check "edit: VISUAL wins over EDITOR" exit_is 0
run edit AT-2014-001 passport
check "edit AT-2014-001 passport (not a kind): exit 2" exit_is 2
run edit AT-2014-001 minor
refused "edit of a record the case does not have" 1 "$before"

(cd "$folder" && EDITOR="$scratch/editors/comment" "$intake" edit AT-2014-001) </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
after "edit that adds a comment"
check "edit: the editor's comment is kept" grep -q '^sex: unknown  # as stated at intake$' "$c"
before=$(snap)
run consent AT-2014-001 --grant assistance --date 2014-03-10
refused "consent on a record with comments" 1 "$before"
check "consent on a record with comments: says why and how" \
  bash -c "grep -q comments '$scratch/last.err' && grep -qF -- --drop-comments '$scratch/last.err'"
run consent AT-2014-001 --grant assistance --date 2014-03-10 --drop-comments
after "consent --drop-comments"
check "consent --drop-comments: the comment is gone, the grant is there" \
  bash -c "! grep -q 'as stated at intake' '$c' && grep -q 'purpose: assistance' '$c'"

run assess AT-2014-001 --date 2014-03-20 --by caseworker --need housing=low --overall-risk low
run assess AT-2014-001 --date 2014-03-22 --by caseworker --need housing=low --overall-risk low
(cd "$folder" && EDITOR="$scratch/editors/more_risk" "$intake" edit AT-2014-001 assessment --date 2014-03-20) \
  </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
after "edit assessment --date"
check "edit assessment --date: that assessment changed, the later one not" \
  bash -c "grep -q '^overall_risk: high$' '$folder/cases/AT-2014-001/assessments/2014-03-20.yaml' &&
           grep -q '^overall_risk: low$' '$folder/cases/AT-2014-001/assessments/2014-03-22.yaml'"

# Lost update: edit copies the record when it starts; a consent recorded
# while the editor is open must not be undone when the editor ends. edit
# refuses to save over a record that changed meanwhile (it once wrote the
# copy back and the consent was lost). The editor below waits for a signal
# file, so the order of events is fixed, not a matter of timing.
signal="$scratch/edit-may-end"
editor waits "i=0; while [ ! -e '$signal' ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
sed -i 's/^sex: .*/sex: male/' \"\$1\""
(cd "$folder" && EDITOR="$scratch/editors/waits" "$intake" edit AT-2014-001) </dev/null >"$scratch/edit.out" 2>"$scratch/edit.err" &
editing=$!
i=0
while [ -z "$(find "$folder/cases/AT-2014-001" -name '.case.yaml.tmp-*')" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
run consent AT-2014-001 --grant monitoring_contacts --date 2014-03-11
check "consent while an edit is open: recorded" exit_is 0
touch "$signal"
wait "$editing"
edit_status=$?
check "edit ending after a consent: the edit is refused (exit 6: changed meanwhile)" test "$edit_status" = 6
check "edit ending after a consent: says the record changed meanwhile" grep -q "changed while it was being edited" "$scratch/edit.err"
check "edit ending after a consent: the consent is kept, the edit not written" \
  bash -c "grep -q 'purpose: monitoring_contacts' '$folder/cases/AT-2014-001/case.yaml' && ! grep -q '^sex: male$' '$folder/cases/AT-2014-001/case.yaml'"
# The person's edit is not thrown away: the copy stays, and the message names it.
kept_copy=$(find "$folder/cases/AT-2014-001" -name '.case.yaml.tmp-*')
check "edit ending after a consent: the edited copy is kept and named" \
  bash -c "[ -n '$kept_copy' ] && grep -q '^sex: male$' '$kept_copy' && grep -qF '$kept_copy' '$scratch/edit.err'"
rm -f "$kept_copy"
check "edit ending after a consent: care-report check passes" clean

# Privacy: when an edit of identity.yaml fails its checks, the problem is
# reported without quoting the record, as care-report does (care-report(1),
# OUTPUT); it once printed the offending line, name and all.
before=$(snap)
(cd "$folder" && EDITOR="$scratch/editors/bad_alias" "$intake" edit AT-2014-001 identity) \
  </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
refused "edit identity, an invalid change" 1 "$before"
check "edit identity, invalid change: the name is not quoted on stderr" \
  bash -c "! grep -q Secret-Alias '$scratch/last.err'"

# ==============================================================================
# --dry-run on every writing command: nothing written, the would-be file shown
# ==============================================================================
fresh dryrun
under_git
new_case --given-name Example --family-name Person-TwoHundred
adult=$(out)
BIRTH=2001-05-05 new_case --given-name Example --family-name Person-TwoHundredOne --consent-by both
id=$(out)
n=$(commits)
before=$(snap)
dry() {  # NAME FILE: the command just run was a dry run that showed FILE and wrote nothing
  check "$1: exit 0" exit_is 0
  check "$1: nothing written" same_as "$before"
  check "$1: no commit" test "$(commits)" = "$n"
  check "$1: shows $2" out_has "--- $2 (not written: dry run)"
}
new_case --given-name Example --family-name Person-TwoHundredTwo --dry-run
dry "new --dry-run" cases/AT-2014-003/case.yaml
check "new --dry-run: shows the record's fields" out_has "id: AT-2014-003"
new_case --given-name Example --family-name Person-TwoHundredTwo -n
dry "new -n" cases/AT-2014-003/case.yaml
NAT=DE new_case --given-name Example --family-name Person-TwoHundredTwo --record-ineligible --dry-run
dry "new --record-ineligible --dry-run" cases/AT-2014-003/closure.yaml
run consent "$id" --grant assistance --by guardian --date 2014-03-06 --dry-run
dry "consent --dry-run" "cases/$id/case.yaml"
check "consent --dry-run: shows the new entry" out_has "given_by: guardian"
run assess "$adult" --date 2014-03-07 --by caseworker --need family=high --overall-risk high --dry-run
dry "assess --dry-run" "cases/$adult/assessments/2014-03-07.yaml"
run minor "$id" --guardian-appointed 2014-03-05 --guardian-type social_services --dry-run
dry "minor --dry-run" "cases/$id/minor.yaml"
check "minor --dry-run: shows the guardian" out_has "type: social_services"
if "$intake" outreach add --help >/dev/null 2>&1; then
  run outreach add --date 2014-05-03 --country AT --type information_meeting --participants 12 \
    --organisation "Example Counselling Centre (fictional)=ngo" --dry-run
  dry "outreach add --dry-run" outreach/OR-AT-2014-001.yaml
fi
if $has_init; then
  (cd "$scratch" && "$intake" init --dry-run "$scratch/not-made") </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
  status=$?
  check "init --dry-run: exit 0, creates nothing" bash -c "[ $status = 0 ] && [ ! -e '$scratch/not-made' ]"
fi

# ==============================================================================
# [git] commit = true: one commit per command, named after the command and ID
# ==============================================================================
committed() {  # NAME MESSAGE: the command just run made one commit with MESSAGE
  check "$1: exit 0" exit_is 0
  check "$1: one commit, \"$2\"" test "$(commits)" = $((n + 1)) -a "$(last_message)" = "$2"
  check "$1: nothing left uncommitted" tree_clean
  check "$1: care-report check passes" clean
  n=$(commits)
}
run consent "$id" --grant assistance --by guardian --date 2014-03-06
committed "consent in git" "care-intake consent: $id"
check "consent in git: the commit holds case.yaml only" test "$(last_files)" = "cases/$id/case.yaml "
run minor "$id" --guardian-appointed 2014-03-05 --guardian-type social_services
committed "minor in git" "care-intake minor: $id"
run assess "$id" --date 2014-03-07 --by caseworker --need family=high --overall-risk high --with-guardian
committed "assess in git" "care-intake assess: $id"
check "assess in git: the commit holds the assessment only" \
  test "$(last_files)" = "cases/$id/assessments/2014-03-07.yaml "
(cd "$folder" && EDITOR="$scratch/editors/unknown_sex" "$intake" edit "$id") </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
status=$?
committed "edit in git" "care-intake edit: $id"
if "$intake" outreach add --help >/dev/null 2>&1; then
  run outreach add --date 2014-05-03 --country AT --type information_meeting --participants 12 \
    --organisation "Example Counselling Centre (fictional)=ngo"
  committed "outreach add in git" "care-intake outreach add: OR-AT-2014-001"
fi
NAT=DE new_case --given-name Example --family-name Person-TwoHundredTwo
check "a refused command makes no commit" test "$status" = 1 -a "$(commits)" = "$n"
NAT=DE new_case --given-name Example --family-name Person-TwoHundredTwo --record-ineligible
committed "new --record-ineligible in git" "care-intake new: AT-2014-003"
check "new --record-ineligible in git: the commit holds its three files" \
  test "$(last_files)" = "cases/AT-2014-003/case.yaml cases/AT-2014-003/closure.yaml cases/AT-2014-003/identity.yaml "
check "no commit message names a person" \
  test -z "$(git -C "$folder" log --format=%B | grep -F Person-)"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
