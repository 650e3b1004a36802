#!/usr/bin/env bash
# Black-box test of the merge story of care-intake: two offices keep clones
# of one case folder in git, each registers its own cases (and outreach) in
# its own clone with [git] commit = true, and the clones are merged.
#
#   bash tests/blackbox/intake_merge.sh BIN_DIR SOURCE_DIR
#
# Case IDs carry the office (AT-2014-001, FR-2014-001), so two offices never
# allocate the same ID and their commits touch disjoint folders: the merge
# has no conflict. Two clones that register cases for the SAME office do
# collide (see the last part): git stops the merge with a conflict, or, when
# the two new records happen to be identical, merges them into one case
# without a word. That is the expected failure mode, and why care-intake(1)
# says that one office registers its cases in one clone.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All people and organisations here are invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
intake="$bin/care-intake"
report="$bin/care-report"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home"

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
    [ -s "$scratch/last.err" ] && sed 's/^/        err| /' "$scratch/last.err" | head -12
    failed=$((failed + 1))
  fi
}

if ! command -v git >/dev/null; then
  echo "ok      git is not installed: nothing to merge (skipped)"
  echo "1 passed, 0 failed"
  exit 0
fi

# run DIR ARGS...: care-intake ARGS in DIR, no terminal; output in $scratch/last.*, status in $status.
run() {
  local dir=$1
  shift
  (cd "$dir" && "$intake" "$@") </dev/null >"$scratch/last.out" 2>"$scratch/last.err"
  status=$?
}
out() { cat "$scratch/last.out"; }
clean() {  # DIR: care-report check passes there
  "$report" -C "$1" check >"$scratch/last.out" 2>"$scratch/last.err"
}
g() { git -C "$@"; }
branch_of() { g "$1" rev-parse --abbrev-ref HEAD; }
cases_of() { (cd "$1/cases" && ls | tr '\n' ' '); }
outreach_of() { (cd "$1/outreach" && ls | tr '\n' ' '); }
has_outreach=false
"$intake" outreach add --help >/dev/null 2>&1 && has_outreach=true

# new_case DIR HOST FAMILY-NAME [BIRTH]: registers an eligible adult at office HOST.
new_case() {
  run "$1" new --host "$2" --nationality NG --return-country NG --sex female --birth "${4:-1990-06-15}" \
    --referral-date 2014-03-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
    --consent data_processing --given-name Example --family-name "$3"
}
# meeting DIR COUNTRY: records an information meeting in COUNTRY.
meeting() {
  run "$1" outreach add --date 2014-05-03 --country "$2" --type information_meeting --participants 12 \
    --organisation "Example Counselling Centre (fictional)=ngo"
}
clone() {  # NAME: a clone of the shared repository, with its own author
  g "$scratch" clone -q "$scratch/shared.git" "$1" 2>"$scratch/last.err"
  g "$scratch/$1" config user.name "Care Test ($1 office)"
  g "$scratch/$1" config user.email "$1@example.invalid"
}

# --- the shared case folder ------------------------------------------------------
# An empty case folder (from care-intake init, else tests/golden/base/ without
# its case) with commit = true, committed and published as a bare repository.
setup="$scratch/setup"
if "$intake" init --help >/dev/null 2>&1; then
  "$intake" init --no-git "$setup" >/dev/null 2>&1
else
  cp -R "$src/tests/golden/base" "$setup"
  rm -rf "$setup/cases/"*
  mkdir -p "$setup/outreach"
fi
touch "$setup/cases/.keep" "$setup/outreach/.keep"  # git keeps no empty folder
if grep -q '^commit *=' "$setup/care.toml"; then
  sed -i 's/^commit *=.*/commit = true/' "$setup/care.toml"
else
  printf '\n[git]\ncommit = true\n' >>"$setup/care.toml"
fi
g "$setup" init -q
g "$setup" config user.name "Care Test (setup)"
g "$setup" config user.email "setup@example.invalid"
g "$setup" add -A
g "$setup" commit -qm "case folder"
g "$scratch" clone -q --bare "$setup" shared.git
check "the shared case folder checks clean" clean "$setup"

# --- two offices, two clones ---------------------------------------------------------
clone at
clone fr
at="$scratch/at"
fr="$scratch/fr"

new_case "$at" AT Person-Alpha
check "AT clone: new prints AT-2014-001" test "$status" = 0 -a "$(out)" = AT-2014-001
new_case "$at" AT Person-Bravo
check "AT clone: new prints AT-2014-002" test "$status" = 0 -a "$(out)" = AT-2014-002
new_case "$fr" FR Person-Charlie
check "FR clone: new prints FR-2014-001" test "$status" = 0 -a "$(out)" = FR-2014-001
new_case "$fr" FR Person-Delta
check "FR clone: new prints FR-2014-002" test "$status" = 0 -a "$(out)" = FR-2014-002
run "$fr" consent FR-2014-001 --grant assistance --date 2014-03-10
check "FR clone: consent recorded" test "$status" = 0
if $has_outreach; then
  meeting "$at" AT
  check "AT clone: outreach add prints OR-AT-2014-001" test "$status" = 0 -a "$(out)" = OR-AT-2014-001
  meeting "$fr" FR
  check "FR clone: outreach add prints OR-FR-2014-001" test "$status" = 0 -a "$(out)" = OR-FR-2014-001
fi
check "AT clone: every change committed" test -z "$(g "$at" status --porcelain)"
check "FR clone: every change committed" test -z "$(g "$fr" status --porcelain)"
check "AT clone checks clean" clean "$at"
check "FR clone checks clean" clean "$fr"

# --- AT publishes; FR fetches and merges ---------------------------------------------
g "$at" push -q origin "$(branch_of "$at")" 2>"$scratch/last.err"
check "AT clone: push to the shared repository" test $? = 0
g "$fr" fetch -q origin 2>"$scratch/last.err"
g "$fr" merge --no-edit -q "origin/$(branch_of "$fr")" >"$scratch/last.out" 2>"$scratch/last.err"
check "FR clone: merging AT's work succeeds without conflict" test $? = 0
check "FR clone: after the merge, nothing is unmerged or left over" test -z "$(g "$fr" status --porcelain)"
check "merged: all four cases, each once" \
  test "$(cases_of "$fr")" = "AT-2014-001 AT-2014-002 FR-2014-001 FR-2014-002 "
check "merged: no ID is in two case files" \
  test -z "$(grep -h '^id: ' "$fr"/cases/*/case.yaml | sort | uniq -d)"
if $has_outreach; then
  check "merged: both outreach records" test "$(outreach_of "$fr")" = "OR-AT-2014-001.yaml OR-FR-2014-001.yaml "
fi
check "merged: care-report check passes" clean "$fr"
check "merged: FR's consent is there" grep -q 'purpose: assistance' "$fr/cases/FR-2014-001/case.yaml"

# Numbering goes on from the merged folder, in either office.
new_case "$fr" FR Person-Echo
check "FR clone after the merge: next FR ID is FR-2014-003" test "$status" = 0 -a "$(out)" = FR-2014-003

# FR publishes the merge; AT fetches it: a fast-forward, the same folder on both.
g "$fr" push -q origin "$(branch_of "$fr")" 2>"$scratch/last.err"
check "FR clone: push the merge" test $? = 0
g "$at" pull -q --ff-only origin "$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "AT clone: pulls FR's merge as a fast-forward" test $? = 0
check "AT and FR clones now hold the same commit" test "$(g "$at" rev-parse HEAD)" = "$(g "$fr" rev-parse HEAD)"
check "AT clone after the pull: care-report check passes" clean "$at"
new_case "$at" AT Person-Foxtrot
check "AT clone after the pull: next AT ID is AT-2014-003" test "$status" = 0 -a "$(out)" = AT-2014-003
check "no commit message on either side names a person" \
  test -z "$(g "$at" log --all --format=%B | grep -F Person-)"

# --- the expected failure mode: two clones registering for the SAME office -------
# Each clone numbers from what it has seen, so both give the next AT case the
# same ID and write the same two paths. git stops the merge with an add/add
# conflict on those paths: no case is lost or silently overwritten, but the
# clash has to be untangled by hand (renumber one of the cases). This is why
# one office registers its cases in one clone only. The checks below assert
# that this failure is loud, not that it is avoided.
g "$at" push -q origin "$(branch_of "$at")" 2>/dev/null
clone at2
at2="$scratch/at2"
new_case "$at" AT Person-Golf 1991-01-01
first=$(out)
new_case "$at2" AT Person-Hotel 1992-02-02
second=$(out)
check "same office in two clones: both hand out the same ID ($first)" test "$first" = AT-2014-004 -a "$second" = "$first"
g "$at2" push -q origin "$(branch_of "$at2")" 2>/dev/null
g "$at" fetch -q origin
g "$at" merge --no-edit "origin/$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
merge_status=$?
check "same office in two clones: the merge stops (expected failure mode)" test "$merge_status" != 0
conflicts=$(g "$at" diff --name-only --diff-filter=U | tr '\n' ' ')
check "same office in two clones: the conflict is on that case's files only ($conflicts)" \
  test "$conflicts" = "cases/$first/case.yaml cases/$first/identity.yaml "
g "$at" merge --abort
check "same office in two clones: git merge --abort restores the clone" \
  test -z "$(g "$at" status --porcelain)" -a "$(grep -c Person-Golf "$at/cases/$first/identity.yaml")" = 1
check "same office in two clones: the clone checks clean again after the abort" clean "$at"

# Worse, and the reason the rule matters: when the two referrals happen to
# give the same case.yaml (same dates, countries and consents) and neither
# has an identity.yaml (no names given), git sees the same file added on
# both sides and merges without a word: two referrals become one case.
# Asserted here so that this stays documented; it is not something to rely on.
g "$at2" reset -q --hard "origin/$(branch_of "$at2")"
g "$at" reset -q --hard "origin/$(branch_of "$at")"
for clone_dir in "$at" "$at2"; do
  run "$clone_dir" new --host AT --nationality NG --return-country NG --sex female --birth 1993-03-03 \
    --referral-date 2014-03-06 --referred-by-kind self --consent data_processing
done
g "$at2" push -q origin "$(branch_of "$at2")" 2>/dev/null
g "$at" fetch -q origin
g "$at" merge --no-edit "origin/$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "same office, two identical anonymous referrals: the merge succeeds silently (expected failure mode)" \
  test $? = 0 -a "$(ls "$at/cases" | grep -c '^AT-2014-005$')" = 1 -a ! -e "$at/cases/AT-2014-006"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
