#!/usr/bin/env bash
# Black-box test of what the tools refuse to write through: symbolic links
# planted in the case folder, reports aimed into it, and parts of it that
# cannot be read.
#
#   bash tests/blackbox/safety.sh BIN_DIR SOURCE_DIR
#
# Links: a case folder, assessments/, monitoring/, identity.yaml, case.yaml,
# plan.yaml, .care, .care/local, cases/ and outreach/, each a link to
# something outside the folder. Every
# writer that would write through the link refuses (non-zero), the folder is
# unchanged, and what the link points at stays as it was (an empty folder
# stays empty); care-report check reports the link.
# Reports: -o into the folder through a link to a folder, a dangling link
# into the folder, care.toml itself, and export and budget as well as status
# (tests/golden/report-output-* hold the plain cases).
# An unreadable case folder (chmod 000): care-intake list, care-monitor due
# and care-intake new (its duplicate check) exit 3 instead of skipping it.
# Root reads anything, so as root this part runs as the user nobody through
# setpriv(1), or is skipped when that is not possible.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All people, places and organisations here are invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
base="$src/tests/golden/base"

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir "$scratch/home"

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1 CARE_LOCK_WAIT=10
unset CARE_DIR VISUAL EDITOR

passed=0
failed=0
ok() {
  echo "ok      $1"
  passed=$((passed + 1))
}
not_ok() {
  echo "FAILED  $1"
  shift
  local line
  for line in "$@"; do [ -n "$line" ] && printf '%s\n' "$line" | head -20 | sed 's/^/        /'; done
  failed=$((failed + 1))
}
check() {  # check NAME STATUS [details...]
  local name=$1 status=$2
  shift 2
  if [ "$status" = 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}

# setup DIR TOOL ARGS...: one step of the setup, which must succeed.
setup() {
  local dir=$1
  shift
  if ! (cd "$dir" && "$bin/$@") </dev/null >"$scratch/setup.out" 2>"$scratch/setup.err"; then
    not_ok "setup: $*" "$(cat "$scratch/setup.err")"
    echo "$passed passed, $failed failed"
    exit 1
  fi
}

# Every folder, link and file (with its hash) under DIR, links not followed.
snapshot() {
  (cd "$1" && find . -path ./.care/local -prune -o \( -type d -printf '%p/\n' \) -o \( -type l -printf '%p -> %l\n' \) \
    -o -type f -exec sha256sum {} + | LC_ALL=C sort)
}

# An editor that adds a note to whatever record it is given.
cat >"$scratch/add-note.sh" <<'EOF'
#!/bin/sh
printf 'notes: edited through a link (invented)\n' >>"$1"
EOF
chmod +x "$scratch/add-note.sh"

# --- the folder: AT-2014-001 with an assessment and a drafted plan; AT-2014-002 returned ----
ready="$scratch/ready"
cp -R "$base" "$ready"
setup "$ready" care-intake consent AT-2014-001 --grant assistance --date 2014-03-04 --by person
setup "$ready" care-intake assess AT-2014-001 --date 2014-03-10 --by "caseworker (invented)" \
  --need livelihood=high --overall-risk medium
setup "$ready" care-plan draft AT-2014-001 --date 2014-03-20 --beneficiary --provider "Example NGO (fictional)"
setup "$ready" care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1992-04-05 \
  --referral-date 2014-03-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --consent assistance --consent monitoring_contacts --given-name Example \
  --family-name Person-Two
setup "$ready" care-intake assess AT-2014-002 --date 2014-03-10 --by "caseworker (invented)" \
  --need housing=medium --overall-risk low
setup "$ready" care-plan draft AT-2014-002 --date 2014-03-20 --beneficiary
setup "$ready" care-plan agree AT-2014-002 --date 2014-03-25
setup "$ready" care-plan return AT-2014-002 --depart 2014-04-10 --arrive 2014-04-11 --destination "Lagos" --escort none \
  --declaration-signed 2014-04-01 --alternatives-explained --language English
setup "$ready" care-monitor schedule AT-2014-002 --date 2014-04-11 --mode phone
setup "$ready" care-monitor record AT-2014-002 --date 2014-05-12 --mode phone --flag "threats:calls (invented)"
"$bin/care-report" -C "$ready" check >/dev/null 2>"$scratch/setup.err"
check "setup: the folder checks clean" $? "$(cat "$scratch/setup.err")"

cf="$scratch/cf"
outside="$scratch/outside"
rc=0
# fresh: a copy of the ready folder in $cf, and an empty $outside.
fresh() {
  rm -rf "$cf" "$outside"
  cp -a "$ready" "$cf"
  mkdir "$outside"
}
# link_out RELATIVE: moves cf/RELATIVE outside and puts a link to it in its place.
link_out() {
  local name
  name=$(basename "$1")
  mv "$cf/$1" "$outside/$name"
  ln -s "$outside/$name" "$cf/$1"
}

# refuses WHAT TOOL ARGS...: exits non-zero; neither the folder nor what is outside changes.
refuses() {
  local what=$1
  shift
  local before_in before_out after_in after_out
  before_in=$(snapshot "$cf")
  before_out=$(snapshot "$outside")
  (cd "$cf" && VISUAL="$scratch/add-note.sh" "$bin/$@") </dev/null >"$scratch/out" 2>"$scratch/err"
  rc=$?
  after_in=$(snapshot "$cf")
  after_out=$(snapshot "$outside")
  if [ "$rc" = 0 ]; then not_ok "$what: refused" "exit 0" "$(cat "$scratch/out" "$scratch/err")"
  elif [ "$before_out" != "$after_out" ]; then
    not_ok "$what: nothing written outside the folder" "$(diff <(echo "$before_out") <(echo "$after_out") | head)"
  elif [ "$before_in" != "$after_in" ]; then
    not_ok "$what: nothing written in the folder" "$(diff <(echo "$before_in") <(echo "$after_in") | head)"
  else
    ok "$what: refused (exit $rc: $(head -1 "$scratch/err" | cut -c1-110)); nothing written in or outside"
  fi
}
# reported WHAT PATTERN: care-report check exits non-zero and names the link.
reported() {
  "$bin/care-report" -C "$cf" check >"$scratch/out" 2>"$scratch/err"
  rc=$?
  if [ "$rc" != 0 ] && grep -Eq -- "$2" "$scratch/err"; then ok "$1: care-report check reports it (exit $rc)"
  else not_ok "$1: care-report check reports it" "exit $rc" "$(cat "$scratch/err")"
  fi
}

# --- a case folder that is a link ----------------------------------------------------------
fresh
link_out cases/AT-2014-002
what="cases/AT-2014-002 is a link to a folder outside"
refuses "$what; care-intake consent" care-intake consent AT-2014-002 --grant sharing_return_country --date 2014-04-01
refuses "$what; care-intake assess" care-intake assess AT-2014-002 --date 2014-04-01 --by x --need health=low --overall-risk low
refuses "$what; care-plan add" care-plan add AT-2014-002 --phase reintegration --type education --budget 10 --reason x
refuses "$what; care-monitor record" care-monitor record AT-2014-002 --date 2014-06-12 --mode phone
refuses "$what; care-monitor clear-flag" care-monitor clear-flag AT-2014-002 2014-05-12 threats --reason "stopped"
refuses "$what; care-monitor close" care-monitor close AT-2014-002 --date 2014-06-01 --reason chose_to_stop
refuses "$what; care-intake edit" care-intake edit AT-2014-002
refuses "$what; care-intake edit identity" care-intake edit AT-2014-002 identity
reported "$what" "cases/AT-2014-002: error: symbolic links are not followed"
# The case behind the link is not read: a list, the contacts due or a
# duplicate check without it would be wrong without a word, so they refuse.
refused_3() {  # refused_3 WHAT LINK TOOL ARGS...: exit 3 naming the LINK, nothing written
  local what=$1 link=$2
  shift 2
  local before
  before=$(snapshot "$cf")
  (cd "$cf" && "$bin/$@") </dev/null >"$scratch/out" 2>"$scratch/err"
  rc=$?
  if [ "$rc" = 3 ] && grep -q "$link: error: symbolic links are not followed" "$scratch/err" &&
     [ "$before" = "$(snapshot "$cf")" ]; then
    ok "$what: exit 3 naming the link, nothing written"
  else
    not_ok "$what: exit 3 naming the link, nothing written" "exit $rc" "$(cat "$scratch/out" "$scratch/err")"
  fi
}
refused_3 "$what; care-intake list (it would leave the case out)" cases/AT-2014-002 care-intake list
refused_3 "$what; care-monitor due (it would miss its contacts)" cases/AT-2014-002 care-monitor due
refused_3 "$what; care-intake new for the person behind the link (the duplicate check cannot see her)" \
  cases/AT-2014-002 care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1992-04-05 \
  --referral-date 2014-03-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --given-name Example --family-name Person-Two
# A new case never lands in the linked folder, even if the link has the next ID's name.
fresh
mkdir "$outside/AT-2014-003"
ln -s "$outside/AT-2014-003" "$cf/cases/AT-2014-003"
before_out=$(snapshot "$outside")
(cd "$cf" && "$bin/care-intake" new --host AT --nationality NG --return-country NG --sex male --birth 1988-01-02 \
  --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --given-name Example --family-name Person-Three) </dev/null >"$scratch/out" 2>"$scratch/err"
rc=$?
newid=$(cat "$scratch/out")
if [ "$before_out" != "$(snapshot "$outside")" ]; then
  not_ok "a link cases/AT-2014-003 to an empty folder outside; care-intake new: nothing written through it" \
    "$(find "$outside")"
elif [ "$rc" = 0 ] && { [ "$newid" = AT-2014-003 ] || [ ! -f "$cf/cases/$newid/case.yaml" ] || [ -L "$cf/cases/$newid" ]; }; then
  not_ok "a link cases/AT-2014-003; care-intake new: a folder of its own" "printed $newid"
else
  ok "a link cases/AT-2014-003 to an empty folder outside; care-intake new writes nothing through it (exit $rc${newid:+, registered $newid in a folder of its own})"
fi

# --- assessments/ as a link ----------------------------------------------------------------
fresh
link_out cases/AT-2014-001/assessments
what="cases/AT-2014-001/assessments is a link to a folder outside"
refuses "$what; care-intake assess" care-intake assess AT-2014-001 --date 2014-03-12 --by x --need health=low --overall-risk low
refuses "$what; care-intake edit assessment" care-intake edit AT-2014-001 assessment
reported "$what" "cases/AT-2014-001/assessments: error: symbolic links are not followed"
# An empty folder outside, where a first assessment would go.
fresh
rm -rf "$cf/cases/AT-2014-002/assessments"
ln -s "$outside" "$cf/cases/AT-2014-002/assessments"
refuses "cases/AT-2014-002/assessments is a link to an empty folder outside; care-intake assess" \
  care-intake assess AT-2014-002 --date 2014-03-12 --by x --need health=low --overall-risk low
check "  ... and the folder outside is still empty" "$([ -z "$(ls -A "$outside")" ]; echo $?)" "$(ls -A "$outside")"

# --- monitoring/ as a link -----------------------------------------------------------------
fresh
link_out cases/AT-2014-002/monitoring
what="cases/AT-2014-002/monitoring is a link to a folder outside"
refuses "$what; care-monitor record" care-monitor record AT-2014-002 --date 2014-06-12 --mode phone
refuses "$what; care-monitor clear-flag" care-monitor clear-flag AT-2014-002 2014-05-12 threats --reason "stopped"
refuses "$what; care-monitor edit contact" care-monitor edit AT-2014-002 contact --date 2014-05-12
reported "$what" "cases/AT-2014-002/monitoring: error: symbolic links are not followed"
fresh
rm -rf "$cf/cases/AT-2014-002/monitoring"
ln -s "$outside" "$cf/cases/AT-2014-002/monitoring"
refuses "cases/AT-2014-002/monitoring is a link to an empty folder outside, before any contact; care-monitor record" \
  care-monitor record AT-2014-002 --date 2014-06-12 --mode phone
check "  ... and the folder outside is still empty" "$([ -z "$(ls -A "$outside")" ]; echo $?)" "$(ls -A "$outside")"

# --- records that are links ----------------------------------------------------------------
fresh
link_out cases/AT-2014-001/identity.yaml
what="cases/AT-2014-001/identity.yaml is a link to a file outside"
refuses "$what; care-intake edit identity" care-intake edit AT-2014-001 identity
reported "$what" "identity.yaml: error: symbolic links are not followed"
refused_3 "$what; care-intake new for the same person" cases/AT-2014-001/identity.yaml \
  care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1990-06-15 \
  --referral-date 2014-03-03 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --given-name Example --family-name Person-One
fresh
link_out cases/AT-2014-001/case.yaml
what="cases/AT-2014-001/case.yaml is a link to a file outside"
refuses "$what; care-intake consent" care-intake consent AT-2014-001 --grant sharing_return_country --date 2014-04-01
refuses "$what; care-intake edit" care-intake edit AT-2014-001
reported "$what" "case.yaml: error: symbolic links are not followed"
fresh
link_out cases/AT-2014-001/plan.yaml
what="cases/AT-2014-001/plan.yaml is a link to a file outside"
refuses "$what; care-plan add" care-plan add AT-2014-001 --phase reintegration --type education --budget 10
refuses "$what; care-plan agree" care-plan agree AT-2014-001 --date 2014-03-25
reported "$what" "plan.yaml: error: symbolic links are not followed"

# --- .care and .care/local as links ---------------------------------------------------------
for which in .care .care/local; do
  fresh
  rm -rf "$cf/$which"
  ln -s "$outside" "$cf/$which"
  what="$which is a link to an empty folder outside"
  refuses "$what; care-intake consent" care-intake consent AT-2014-001 --grant sharing_return_country --date 2014-04-01
  refuses "$what; care-intake new" care-intake new --host AT --nationality NG --return-country NG --sex male \
    --birth 1988-01-02 --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" \
    --referred-by-kind shelter --consent data_processing --given-name Example --family-name Person-Four
  refuses "$what; care-monitor record" care-monitor record AT-2014-002 --date 2014-06-12 --mode phone
  check "  ... no lock, journal or .gitignore made outside" "$([ -z "$(ls -A "$outside")" ]; echo $?)" "$(ls -A "$outside")"
  grep -q "symbolic link" "$scratch/err"
  check "  ... the writer says it is a link" $? "$(cat "$scratch/err")"
  reported "$what" "^care-report: $which: error: symbolic links are not followed"
done

# --- cases/ and outreach/ as links ------------------------------------------------------------
for which in cases outreach; do
  fresh
  setup "$cf" care-intake outreach add --date 2014-05-03 --country AT --type information_meeting --participants 12 \
    --organisation "Example Counselling Centre (fictional)=ngo"
  link_out "$which"
  what="$which/ is a link to a folder outside"
  refuses "$what; care-intake consent" care-intake consent AT-2014-001 --grant sharing_return_country --date 2014-04-01
  refuses "$what; care-intake new" care-intake new --host AT --nationality NG --return-country NG --sex male \
    --birth 1988-01-02 --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" \
    --referred-by-kind shelter --consent data_processing --given-name Example --family-name Person-Five
  refuses "$what; care-intake outreach add" care-intake outreach add --date 2014-06-03 --country AT \
    --type information_meeting --participants 9 --organisation "Example Counselling Centre (fictional)=ngo"
  refuses "$what; care-intake list (it would read through the link, or leave it out)" care-intake list
  reported "$what" "^care-report: $which: error: symbolic links are not followed"
done

# --- reports written with -o -----------------------------------------------------------------
fresh
out="$scratch/reports"
mkdir "$out"
# writes_nothing WHAT CODE PATTERN ARGS...: care-report ARGS exits CODE saying PATTERN; the folder is unchanged.
writes_nothing() {
  local what=$1 code=$2 pattern=$3
  shift 3
  local before
  before=$(snapshot "$cf")
  (cd "$out" && CARE_DIR="$cf" "$bin/care-report" "$@") >"$scratch/out" 2>"$scratch/err"
  rc=$?
  if [ "$rc" != "$code" ] || ! grep -Eq -- "$pattern" "$scratch/err"; then
    not_ok "$what: exit $code saying /$pattern/" "exit $rc" "$(cat "$scratch/err")"
  elif [ "$before" != "$(snapshot "$cf")" ]; then
    not_ok "$what: the folder is unchanged" "$(diff <(echo "$before") <(snapshot "$cf") | head)"
  else
    ok "$what: refused (exit $rc), nothing written"
  fi
}
ln -s "$cf/cases" "$out/into-cases"
writes_nothing "status -o through a link to a folder inside" 2 "is inside the case folder" \
  status -o into-cases/status.txt --force
writes_nothing "export -o into the folder" 2 "is inside the case folder" export -o "$cf/cases/export.csv"
writes_nothing "budget -o over care.toml, with --force" 2 "is inside the case folder" budget -o "$cf/care.toml" --format text --force
writes_nothing "period -o over a record through a link to a folder inside" 2 "is inside the case folder" \
  period --from 2014-01-01 --to 2014-12-31 -o into-cases/AT-2014-001/case.yaml --format text --force
check "  ... no stray file in the folder" "$([ ! -e "$cf/cases/status.txt" ] && [ ! -e "$cf/cases/export.csv" ]; echo $?)"
ln -s "$cf/cases/AT-2014-001/new-report.txt" "$out/dangling.txt"
writes_nothing "status -o to a dangling link into the folder, without --force" 1 "exists; give --force" \
  status -o dangling.txt
before=$(snapshot "$cf")
(cd "$out" && CARE_DIR="$cf" "$bin/care-report" status -o dangling.txt --force) >"$scratch/out" 2>"$scratch/err"
rc=$?
if [ "$before" != "$(snapshot "$cf")" ] || [ -e "$cf/cases/AT-2014-001/new-report.txt" ]; then
  not_ok "status -o to a dangling link into the folder, with --force: nothing written in the folder" \
    "exit $rc" "$(diff <(echo "$before") <(snapshot "$cf"))"
elif [ "$rc" = 0 ] && [ -L "$out/dangling.txt" ]; then
  not_ok "status -o to a dangling link, with --force: exit 0 but the link is still there"
else
  ok "status -o to a dangling link into the folder, with --force: nothing written in the folder (exit $rc$([ "$rc" = 0 ] && echo ", the link itself replaced by the report"))"
fi
(cd "$out" && CARE_DIR="$cf" "$bin/care-report" export -o export.csv) >"$scratch/out" 2>"$scratch/err"
check "export -o to a new file outside the folder writes it" "$([ $? = 0 ] && [ -s "$out/export.csv" ]; echo $?)" \
  "$(cat "$scratch/err")"
writes_nothing "export -o over that file without --force" 1 "exists; give --force" export -o export.csv

# --- a case folder that cannot be read ---------------------------------------------------------
# as_user COMMAND...: runs it as the user of the test, or as nobody when that is root.
unreadable_part() {
  fresh
  chmod 000 "$cf/cases/AT-2014-002"
  local who=$1
  shift
  local prefix=("$@")
  local tool what
  for tool in "care-intake list" "care-monitor due" "care-report check"; do
    (cd "$cf" && "${prefix[@]}" $bin/$tool) </dev/null >"$scratch/out" 2>"$scratch/err"
    rc=$?
    check "AT-2014-002 cannot be read ($who): $tool exits 3 rather than skip it" \
      "$([ "$rc" = 3 ] && grep -q "AT-2014-002" "$scratch/err"; echo $?)" "exit $rc" "$(cat "$scratch/out" "$scratch/err")"
  done
  local before
  before=$(snapshot "$cf")
  (cd "$cf" && "${prefix[@]}" "$bin/care-intake" new --host AT --nationality NG --return-country NG --sex female \
    --birth 1992-04-05 --referral-date 2014-03-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
    --consent data_processing --given-name Example --family-name Person-Two) </dev/null >"$scratch/out" 2>"$scratch/err"
  rc=$?
  chmod 700 "$cf/cases/AT-2014-002"
  if [ "$rc" = 3 ] && grep -q "AT-2014-002" "$scratch/err" && [ "$before" = "$(snapshot "$cf")" ]; then
    ok "AT-2014-002 cannot be read ($who): care-intake new (whose duplicate check would miss it) exits 3, writes nothing"
  else
    not_ok "AT-2014-002 cannot be read ($who): care-intake new exits 3, writes nothing" "exit $rc" \
      "$(cat "$scratch/out" "$scratch/err")" "$(diff <(echo "$before") <(snapshot "$cf"))"
  fi
}
if [ "$(id -u)" != 0 ]; then
  unreadable_part "$(id -un)"
elif command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  # Root reads anything: the commands run as nobody, in a copy that nobody owns.
  chmod 711 "$scratch"
  fresh
  chown -R nobody "$cf"
  as_nobody=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups env HOME=/nonexistent)
  if (cd "$cf" && "${as_nobody[@]}" "$bin/care-intake" list) >/dev/null 2>&1; then
    echo "        (running as root: this part runs as the user nobody through setpriv)"
    # fresh() inside unreadable_part copies as root: own it to nobody again.
    fresh_as_nobody() { rm -rf "$cf" "$outside"; cp -a "$ready" "$cf"; mkdir "$outside"; chown -R nobody "$cf"; }
    fresh() { fresh_as_nobody; }
    unreadable_part "as nobody" "${as_nobody[@]}"
  else
    ok "an unreadable case folder: skipped (running as root, who reads anything, and nobody cannot run the tools here)"
  fi
else
  ok "an unreadable case folder: skipped (running as root, who reads anything, and setpriv is missing)"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
