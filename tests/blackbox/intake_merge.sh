#!/usr/bin/env bash
# Black-box test of the merge story of care-intake: two offices keep clones
# of one case folder in git, each registers its own cases (and outreach) in
# its own clone with [git] commit = true, and the clones are merged.
#
#   bash tests/blackbox/intake_merge.sh BIN_DIR SOURCE_DIR
#
# Case IDs carry the office (AT-2014-001, FR-2014-001) and, in every clone
# but the one care-intake init made, a series of the clone's own
# (AT-2014-KQ-001): clones that register while apart never allocate the same
# ID, even for one office, and their commits touch disjoint folders, so the
# merge has no conflict. Only a series forced into two clones by hand can
# clash, and then git stops the merge (the last part).
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
# A clone that never registered picks a series of its own at its first
# registration (care-intake(1), CASE IDS), so its IDs look like AT-2014-KQ-001.
clone at
clone fr
at="$scratch/at"
fr="$scratch/fr"
series_id() { [[ $1 =~ ^$2-2014-[A-Z]{2}-$3$ ]]; }  # ID OFFICE NUMBER
series_of() { echo "$1" | cut -d- -f3; }

new_case "$at" AT Person-Alpha
at1=$(out)
check "AT clone: new prints an ID in a series of its own ($at1)" series_id "$at1" AT 001
check "AT clone: new says which series it picked" grep -q "numbers the cases and outreach records it registers in series $(series_of "$at1")" "$scratch/last.err"
new_case "$at" AT Person-Bravo
at2=$(out)
check "AT clone: the next ID is in the same series ($at2)" test "$at2" = "${at1%-001}-002"
run "$at" series
check "AT clone: care-intake series prints it" test "$status" = 0 -a "$(out)" = "$(series_of "$at1")"
new_case "$fr" FR Person-Charlie
fr1=$(out)
check "FR clone: new prints an ID in a series of its own ($fr1)" series_id "$fr1" FR 001
new_case "$fr" FR Person-Delta
fr2=$(out)
run "$fr" consent "$fr1" --grant assistance --date 2014-03-10
check "FR clone: consent recorded" test "$status" = 0
if $has_outreach; then
  meeting "$at" AT
  check "AT clone: outreach add numbers in the clone's series too" test "$status" = 0 -a "$(out)" = "OR-${at1%-001}-001"
  meeting "$fr" FR
  check "FR clone: outreach add numbers in the clone's series too" test "$status" = 0 -a "$(out)" = "OR-${fr1%-001}-001"
fi
check "AT clone: every change committed" test -z "$(g "$at" status --porcelain)"
check "FR clone: every change committed" test -z "$(g "$fr" status --porcelain)"
check "AT clone: the series file is not shared (.care/local ignores itself)" \
  test -z "$(g "$at" ls-files .care/local)"
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
  test "$(cases_of "$fr")" = "$(printf '%s\n' "$at1" "$at2" "$fr1" "$fr2" | sort | tr '\n' ' ')"
check "merged: no ID is in two case files" \
  test -z "$(grep -h '^id: ' "$fr"/cases/*/case.yaml | sort | uniq -d)"
if $has_outreach; then
  check "merged: both outreach records" test "$(outreach_of "$fr")" = "$(printf '%s\n' "OR-${at1%-001}-001.yaml" "OR-${fr1%-001}-001.yaml" | sort | tr '\n' ' ')"
fi
check "merged: care-report check passes" clean "$fr"
check "merged: FR's consent is there" grep -q 'purpose: assistance' "$fr/cases/$fr1/case.yaml"
for pair in "$at1 Person-Alpha" "$at2 Person-Bravo" "$fr1 Person-Charlie" "$fr2 Person-Delta"; do
  set -- $pair
  check "merged: $1 holds its own person's identity" grep -q "family: $2" "$fr/cases/$1/identity.yaml"
done

# Numbering goes on from the merged folder, in either office, each in its series.
new_case "$fr" FR Person-Echo
check "FR clone after the merge: next FR ID follows in its series" test "$status" = 0 -a "$(out)" = "${fr1%-001}-003"

# FR publishes the merge; AT fetches it: a fast-forward, the same folder on both.
g "$fr" push -q origin "$(branch_of "$fr")" 2>"$scratch/last.err"
check "FR clone: push the merge" test $? = 0
g "$at" pull -q --ff-only origin "$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "AT clone: pulls FR's merge as a fast-forward" test $? = 0
check "AT and FR clones now hold the same commit" test "$(g "$at" rev-parse HEAD)" = "$(g "$fr" rev-parse HEAD)"
check "AT clone after the pull: care-report check passes" clean "$at"
new_case "$at" AT Person-Foxtrot
check "AT clone after the pull: next AT ID follows in its series" test "$status" = 0 -a "$(out)" = "${at1%-001}-003"
check "no commit message on either side names a person" \
  test -z "$(g "$at" log --all --format=%B | grep -F Person-)"

# --- two clones of the SAME office registering while apart ----------------------
# Each numbers in its own series, so the two new cases never share an ID,
# the merge has no conflict, and each person keeps their own records.
g "$at" push -q origin "$(branch_of "$at")" 2>/dev/null
clone at2
at2dir="$scratch/at2"
new_case "$at" AT Person-Golf 1991-01-01
first=$(out)
new_case "$at2dir" AT Person-Hotel 1992-02-02
second=$(out)
check "same office in two clones: two different IDs ($first, $second)" \
  test -n "$first" -a -n "$second" -a "$first" != "$second"
run "$at2dir" consent "$second" --grant assistance --date 2014-03-11
g "$at2dir" push -q origin "$(branch_of "$at2dir")" 2>/dev/null
g "$at" fetch -q origin
g "$at" merge --no-edit "origin/$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "same office in two clones: the merge succeeds without conflict" test $? = 0
check "same office in two clones: care-report check passes after the merge" clean "$at"
check "same office in two clones: each person's identity in their own case" \
  grep -q "family: Person-Golf" "$at/cases/$first/identity.yaml"
check "same office in two clones: ... both of them" grep -q "family: Person-Hotel" "$at/cases/$second/identity.yaml"
check "same office in two clones: the consent stayed with its case" \
  grep -q 'purpose: assistance' "$at/cases/$second/case.yaml"

# Two identical anonymous referrals (no names, the same dates and countries)
# in two clones: different IDs, so two cases after the merge, never one.
g "$at2dir" pull -q --no-edit origin "$(branch_of "$at2dir")" >/dev/null 2>&1
g "$at" push -q origin "$(branch_of "$at")" 2>/dev/null
g "$at2dir" pull -q --no-edit origin "$(branch_of "$at2dir")" >/dev/null 2>&1
before=$(ls "$at/cases" | wc -l)
for clone_dir in "$at" "$at2dir"; do
  run "$clone_dir" new --host AT --nationality NG --return-country NG --sex female --birth 1993-03-03 \
    --referral-date 2014-03-06 --referred-by-kind self --consent data_processing
done
g "$at2dir" push -q origin "$(branch_of "$at2dir")" 2>/dev/null
g "$at" fetch -q origin
g "$at" merge --no-edit "origin/$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "same office, two identical anonymous referrals: two cases after the merge" \
  test $? = 0 -a "$(ls "$at/cases" | wc -l)" = $((before + 2))
check "same office, two identical anonymous referrals: check passes" clean "$at"

# --- a series set by hand in two clones: the clash is loud -----------------------
# care-intake series refuses a series that IDs in the folder use; forced, two
# clones can clash, and then git stops the merge on that case's files.
g "$at" push -q origin "$(branch_of "$at")" 2>/dev/null
g "$at2dir" pull -q --no-edit origin "$(branch_of "$at2dir")" >/dev/null 2>&1
run "$at2dir" series "$(series_of "$first")"
check "series: refuses a series that IDs in the folder use" test "$status" = 1
run "$at2dir" series "$(series_of "$first")" --force
check "series: --force sets it" test "$status" = 0
new_case "$at" AT Person-India 1994-04-04
third=$(out)
new_case "$at2dir" AT Person-Juliet 1995-05-05
check "series: forced into one series, two clones give the same ID ($third)" test "$(out)" = "$third"
g "$at2dir" push -q origin "$(branch_of "$at2dir")" 2>/dev/null
g "$at" fetch -q origin
g "$at" merge --no-edit "origin/$(branch_of "$at")" >"$scratch/last.out" 2>"$scratch/last.err"
check "series: the merge stops with a conflict" test $? != 0
conflicts=$(g "$at" diff --name-only --diff-filter=U | tr '\n' ' ')
check "series: the conflict is on that case's files only ($conflicts)" \
  test "$conflicts" = "cases/$third/case.yaml cases/$third/identity.yaml "
g "$at" merge --abort
check "series: git merge --abort restores the clone" test -z "$(g "$at" status --porcelain)"
check "series: the clone checks clean again after the abort" clean "$at"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
