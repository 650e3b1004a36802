#!/usr/bin/env bash
# Black-box test of the folder's lock: many writing commands at once on ONE
# case and in ONE office, with readers among them, through the real binaries.
#
#   bash tests/blackbox/concurrency.sh BIN_DIR SOURCE_DIR
#
# Each round starts, all at once, on case AT-2014-001 (returned, with a
# monitoring plan): care-plan add (many on one plan), two care-intake consent
# --grant, care-monitor record on different days; in office AT: care-intake
# new (each with a name of its own) and care-intake outreach add; and
# care-report check, care-intake list and care-monitor due as readers.
#   round 1: a fresh clone (no .care/local yet), everyone released by one gate;
#   round 2: the suite holds the lock while all of them start, then lets go;
#   round 3: CARE_LOCK_WAIT=1, so that some may give up (exit 6).
# After each round: every command that exited 0 has its effect, exactly once
# (each item number printed is in plan.yaml once, with its own description;
# each ID printed has its case.yaml and an identity.yaml with the name
# registered under it; each outreach ID its record); no number or ID twice;
# exits are 0 (or 6 in round 3, and then nothing of that command is written);
# care-report check is clean; no journal is left; git holds every change,
# one commit per command that exited 0. Last, with CARE_LOCK_WAIT=0 and the
# lock held by the suite (flock), a writer and a reader exit 6 at once,
# name the holder, and write nothing. An edit (care-intake, care-plan,
# care-monitor edit) whose record another command changed while the editor
# was open refuses (6) and keeps the other change. And a reader that starts
# in a fresh clone just before its first writer does not report half of it.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All people, places and organisations here are invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
base="$src/tests/golden/base"

scratch=$(mktemp -d)
holder_pid=
cleanup() {
  [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
  chmod -R u+w "$scratch" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
mkdir "$scratch/home" "$scratch/jobs"

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=care-test GIT_AUTHOR_EMAIL=care-test@example.invalid
export GIT_COMMITTER_NAME=care-test GIT_COMMITTER_EMAIL=care-test@example.invalid
unset CARE_DIR VISUAL EDITOR CARE_LOCK_WAIT

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

if ! command -v git >/dev/null || ! command -v flock >/dev/null; then
  echo "ok      git or flock(1) is not installed: the lock cannot be tested here (skipped)"
  echo "1 passed, 0 failed"
  exit 0
fi

cf="$scratch/cf"  # the case folder under test
id=AT-2014-001
plan="$cf/cases/$id/plan.yaml"
jobs="$scratch/jobs"

# setup TOOL ARGS...: one step of the setup, which must succeed.
setup() {
  if ! (cd "$cf" && "$bin/$@") </dev/null >"$scratch/setup.out" 2>"$scratch/setup.err"; then
    not_ok "setup: $*" "$(cat "$scratch/setup.err")"
    echo "$passed passed, $failed failed"
    exit 1
  fi
}

# Every folder and every file's hash, .care/local and .git left out.
snapshot() {
  (cd "$1" && find . \( -path ./.git -o -path ./.care/local \) -prune -o -type d -print | LC_ALL=C sort &&
    find . \( -path ./.git -o -path ./.care/local \) -prune -o -type f -print0 | LC_ALL=C sort -z |
    xargs -0 -r sha256sum)
}

# --- the case folder: AT-2014-001 returned, with a monitoring plan, under git -------
cp -R "$base" "$cf"
printf '\n[git]\ncommit = true\n' >>"$cf/care.toml"
git -C "$cf" init -q
git -C "$cf" add -A
git -C "$cf" commit -qm "case folder"
setup care-intake consent $id --grant assistance --grant monitoring_contacts --date 2014-03-04 --by person
setup care-intake assess $id --date 2014-03-10 --by "caseworker, Vienna office (invented)" --need livelihood=high \
  --need housing=medium --overall-risk medium
setup care-plan draft $id --date 2014-03-20 --beneficiary --provider "Example NGO (fictional)"
setup care-plan agree $id --date 2014-03-25
setup care-plan return $id --depart 2014-04-10 --arrive 2014-04-11 --destination "Benin City" --escort none \
  --declaration-signed 2014-04-01 --alternatives-explained --language English
setup care-monitor schedule $id --date 2014-04-11 --mode phone --mode visit
check "setup: the case folder checks clean" "$("$bin/care-report" -C "$cf" check >/dev/null 2>&1; echo $?)"
# A fresh clone has no .care/local (it is never shared): the first writers of round 1 make it together.
rm -rf "$cf/.care/local"

# --- one round ---------------------------------------------------------------------
PLAN_ADDS=8 RECORDS=4 NEWS=8 OUTREACH=5 READERS=3
pids=()
gate=

# job NAME TOOL ARGS...: starts bin/TOOL ARGS in the case folder once the gate
# exists; stdout, stderr and the exit status go to $jobs/NAME.{out,err,rc}.
job() {
  local name=$1 tool=$2
  shift 2
  (
    while [ ! -e "$gate" ]; do sleep 0.02; done
    cd "$cf" && "$bin/$tool" "$@" </dev/null >"$jobs/$name.out" 2>"$jobs/$name.err"
    echo $? >"$jobs/$name.rc"
  ) &
  pids+=($!)
}
rc_of() { cat "$jobs/$1.rc" 2>/dev/null || echo missing; }

# The items of plan.yaml as "ID<TAB>DESCRIPTION" lines.
plan_items() {
  awk '/^items:/ { on = 1; next } /^[^ ]/ { on = 0 }
       on && /^  - id: / { id = $3 }
       on && /^    description: / { sub(/^    description: /, ""); print id "\t" $0 }' "$plan"
}

# start_round R: launches every command of round R (none runs before the gate opens).
start_round() {
  local r=$1 k
  pids=()
  gate="$scratch/gate.$r"
  for k in $(seq 1 $PLAN_ADDS); do
    job "r$r.add.$k" care-plan add $id --phase reintegration --type education --budget 10 \
      --description "item $r.$k (invented)" --reason "added by writer $r.$k (invented)"
  done
  job "r$r.consent.1" care-intake consent $id --grant assistance --date "2014-04-1$r" --by person
  job "r$r.consent.2" care-intake consent $id --grant sharing_return_country --date "2014-04-2$r" --by person
  for k in $(seq 1 $RECORDS); do
    job "r$r.record.$k" care-monitor record $id --date "2014-0$((4 + r))-1$k" --mode phone \
      --notes "contact $r.$k (invented)"
  done
  for k in $(seq 1 $NEWS); do
    job "r$r.new.$k" care-intake new --host AT --nationality NG --return-country NG --sex female \
      --birth 1991-02-03 --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" \
      --referred-by-kind shelter --consent data_processing --given-name Example --family-name "Parallel-$r-$k"
  done
  for k in $(seq 1 $OUTREACH); do
    job "r$r.outreach.$k" care-intake outreach add --date 2014-05-03 --country AT --type information_meeting \
      --participants $((10 + k)) --organisation "Example Counselling Centre (fictional)=ngo" \
      --notes "meeting $r.$k (invented)"
  done
  for k in $(seq 1 $READERS); do
    case $((k % 3)) in
      0) job "r$r.read.$k" care-report check ;;
      1) job "r$r.read.$k" care-intake list ;;
      2) job "r$r.read.$k" care-monitor due --within 30 ;;
    esac
  done
}

# judge_round R ALLOWED: the checks after round R; ALLOWED is "0" or "0 6".
judge_round() {
  local r=$1 allowed=$2 name k rc n bad=() effects=() writers=0 succeeded=0 busy=0
  wait "${pids[@]}"
  for f in "$jobs"/r$r.*.rc; do
    name=$(basename "$f" .rc)
    rc=$(cat "$f")
    [[ $name == *.read.* ]] || writers=$((writers + 1))
    case " $allowed " in *" $rc "*) ;; *) bad+=("$name exited $rc: $(head -3 "$jobs/$name.err")") ;; esac
    if [[ $name != *.read.* ]]; then
      [ "$rc" = 0 ] && succeeded=$((succeeded + 1))
      [ "$rc" = 6 ] && busy=$((busy + 1))
    fi
    if [ "$rc" = 6 ] && ! grep -Eq "busy|changed after this command read it" "$jobs/$name.err"; then
      bad+=("$name exited 6 without saying the folder was busy: $(head -3 "$jobs/$name.err")")
    fi
  done
  local total=$(( $(ls "$jobs"/r$r.*.rc | wc -l) ))
  local expected=$((PLAN_ADDS + 2 + RECORDS + NEWS + OUTREACH + READERS))
  check "round $r: all $expected commands ran to an end ($writers writers, $((expected - writers)) readers)" \
    "$([ "$total" = "$expected" ]; echo $?)" "only $total exit statuses"
  check "round $r: every exit status is one of {$allowed} ($succeeded writers exited 0, $busy exited 6)" \
    "${#bad[@]}" "${bad[@]}"

  # care-plan add: the number printed is the item's, once, with its description.
  plan_items >"$scratch/items"
  local dup
  dup=$(cut -f1 "$scratch/items" | sort | uniq -d | tr '\n' ' ')
  check "round $r: no item number twice in plan.yaml" "$([ -z "$dup" ]; echo $?)" "twice: $dup"
  bad=()
  local numbers=()
  for k in $(seq 1 $PLAN_ADDS); do
    name="r$r.add.$k"
    rc=$(rc_of "$name")
    n=$(cat "$jobs/$name.out" 2>/dev/null)
    local lines
    lines=$(grep -c -F -x "item $r.$k (invented)" <(cut -f2 "$scratch/items"))
    if [ "$rc" = 0 ]; then
      numbers+=("$n")
      if ! [[ $n =~ ^[0-9]+$ ]]; then bad+=("$name printed \"$n\", not an item number")
      elif [ "$(grep -c -P "^$n\t" "$scratch/items")" != 1 ] ||
           [ "$(grep -P "^$n\t" "$scratch/items" | cut -f2)" != "item $r.$k (invented)" ]; then
        bad+=("$name printed $n, but item $n is: $(grep -P "^$n\t" "$scratch/items" | cut -f2 | tr '\n' '|')")
      elif [ "$lines" != 1 ]; then bad+=("item $r.$k is in plan.yaml $lines times")
      fi
    elif [ "$lines" != 0 ]; then
      bad+=("$name exited $rc, but its item is in plan.yaml")
    fi
  done
  dup=$(printf '%s\n' "${numbers[@]}" | sort | uniq -d | tr '\n' ' ')
  [ -n "$dup" ] && bad+=("item numbers printed twice: $dup")
  check "round $r: care-plan add: each number printed is in plan.yaml once, with its own description" \
    "${#bad[@]}" "${bad[@]}"

  # care-intake consent: both grants present with their dates.
  bad=()
  local purpose day
  for k in 1 2; do
    name="r$r.consent.$k"
    [ $k = 1 ] && purpose=assistance day="2014-04-1$r" || { purpose=sharing_return_country; day="2014-04-2$r"; }
    n=$(awk -v p="$purpose" -v d="\"$day\"" '/^  - purpose: / { cur = $3 } /^    date: / { if (cur == p && $2 == d) c++ } END { print c + 0 }' \
      "$cf/cases/$id/case.yaml")
    if [ "$(rc_of "$name")" = 0 ] && [ "$n" != 1 ]; then bad+=("$name: $purpose on $day is in case.yaml $n times")
    elif [ "$(rc_of "$name")" != 0 ] && [ "$n" != 0 ]; then bad+=("$name exited $(rc_of "$name") but its consent is there")
    fi
  done
  check "round $r: care-intake consent: each grant is in case.yaml once, with its date" "${#bad[@]}" "${bad[@]}"

  # care-monitor record: each contact's file, with its own notes.
  bad=()
  local file
  for k in $(seq 1 $RECORDS); do
    name="r$r.record.$k"
    file="$cf/cases/$id/monitoring/2014-0$((4 + r))-1$k.yaml"
    if [ "$(rc_of "$name")" = 0 ]; then
      grep -q -x "notes: contact $r.$k (invented)" "$file" 2>/dev/null || bad+=("$name: $file lacks its notes")
    elif [ -e "$file" ]; then bad+=("$name exited $(rc_of "$name") but $file exists")
    fi
  done
  check "round $r: care-monitor record: each contact's file holds its own notes" "${#bad[@]}" "${bad[@]}"

  # care-intake new: each ID printed has case.yaml and identity.yaml with the name registered under it.
  bad=()
  local ids=() newid
  for k in $(seq 1 $NEWS); do
    name="r$r.new.$k"
    newid=$(cat "$jobs/$name.out" 2>/dev/null)
    local holders
    holders=$(grep -l -x "  family: Parallel-$r-$k" "$cf"/cases/*/identity.yaml 2>/dev/null | wc -l)
    if [ "$(rc_of "$name")" = 0 ]; then
      ids+=("$newid")
      if ! [[ $newid =~ ^AT-2014-([A-Z]{2}-)?[0-9]{3,}$ ]]; then bad+=("$name printed \"$newid\", not a case ID")
      elif ! grep -q -x "id: $newid" "$cf/cases/$newid/case.yaml" 2>/dev/null; then
        bad+=("$name printed $newid, but cases/$newid/case.yaml does not hold it")
      elif ! grep -q -x "case: $newid" "$cf/cases/$newid/identity.yaml" 2>/dev/null ||
           ! grep -q -x "  family: Parallel-$r-$k" "$cf/cases/$newid/identity.yaml"; then
        bad+=("$name printed $newid, but its identity.yaml is another's: $(grep family "$cf/cases/$newid/identity.yaml" 2>&1)")
      elif [ "$holders" != 1 ]; then bad+=("Parallel-$r-$k is registered $holders times")
      fi
    elif [ "$holders" != 0 ]; then bad+=("$name exited $(rc_of "$name") but Parallel-$r-$k is registered")
    fi
  done
  dup=$(printf '%s\n' "${ids[@]}" | sort | uniq -d | tr '\n' ' ')
  [ -n "$dup" ] && bad+=("IDs printed twice: $dup")
  check "round $r: care-intake new: each ID printed has its case.yaml and the identity registered under it" \
    "${#bad[@]}" "${bad[@]}"
  if [ "$r" = 1 ]; then
    local chosen series
    chosen=$(grep -l "numbers the cases and outreach records it registers in series" "$jobs"/r1.new.*.err \
      "$jobs"/r1.outreach.*.err 2>/dev/null | wc -l)
    series=$(printf '%s\n' "${ids[@]}" | cut -d- -f3 | sort -u | tr '\n' ' ')
    check "round 1: one registration chose this clone's series, and every ID is in it ($series)" \
      "$([ "$chosen" = 1 ] && [ "$(echo $series | wc -w)" = 1 ] && [[ $series =~ ^[A-Z]{2}\ $ ]]; echo $?)" \
      "$chosen commands said they chose a series; series used: $series"
  fi

  # care-intake outreach add: each ID printed has its record with its notes.
  bad=()
  local orids=()
  for k in $(seq 1 $OUTREACH); do
    name="r$r.outreach.$k"
    newid=$(cat "$jobs/$name.out" 2>/dev/null)
    local holders
    holders=$(grep -l -x "notes: meeting $r.$k (invented)" "$cf"/outreach/*.yaml 2>/dev/null | wc -l)
    if [ "$(rc_of "$name")" = 0 ]; then
      orids+=("$newid")
      if ! grep -q -x "id: $newid" "$cf/outreach/$newid.yaml" 2>/dev/null ||
         ! grep -q -x "notes: meeting $r.$k (invented)" "$cf/outreach/$newid.yaml"; then
        bad+=("$name printed \"$newid\", but outreach/$newid.yaml is not its record")
      elif [ "$holders" != 1 ]; then bad+=("meeting $r.$k is recorded $holders times")
      fi
    elif [ "$holders" != 0 ]; then bad+=("$name exited $(rc_of "$name") but its meeting is recorded")
    fi
  done
  dup=$(printf '%s\n' "${orids[@]}" | sort | uniq -d | tr '\n' ' ')
  [ -n "$dup" ] && bad+=("outreach IDs printed twice: $dup")
  check "round $r: care-intake outreach add: each ID printed has its own record" "${#bad[@]}" "${bad[@]}"

  # The folder as a whole.
  "$bin/care-report" -C "$cf" check >"$scratch/check.out" 2>"$scratch/check.err"
  check "round $r: care-report check is clean" $? "$(cat "$scratch/check.err")"
  local empty
  empty=$(cd "$cf" && find cases outreach -type d -empty | tr '\n' ' ')
  check "round $r: no empty folder is left under cases/ or outreach/" "$([ -z "$empty" ]; echo $?)" "empty: $empty"
  local left
  left=$(ls -A "$cf/.care/local/journal" 2>/dev/null | tr '\n' ' ')
  check "round $r: no journal is left (.care/local/journal holds: ${left:-nothing})" "$([ -z "$left" ]; echo $?)"
  local untracked
  untracked=$(git -C "$cf" status --porcelain)
  check "round $r: git holds every change (git status is clean; .care/local ignores itself)" \
    "$([ -z "$untracked" ]; echo $?)" "$untracked"
  local commits
  commits=$(git -C "$cf" rev-list --count HEAD)
  check "round $r: one commit per writer that exited 0 ($succeeded)" \
    "$([ $((commits - commits_before)) = "$succeeded" ]; echo $?)" "$((commits - commits_before)) new commits"
  commits_before=$commits
}

commits_before=$(git -C "$cf" rev-list --count HEAD)

# Round 1: a fresh clone, every command released at once.
export CARE_LOCK_WAIT=600
start_round 1
touch "$scratch/gate.1"
judge_round 1 "0"
check "round 1: .care/local ignores itself" "$(grep -qx '\*' "$cf/.care/local/.gitignore"; echo $?)"

# Round 2: the suite holds the lock while every command starts and waits for it.
flock -x "$cf/.care/local/lock" -c "touch '$scratch/held'; while [ ! -e '$scratch/release' ]; do sleep 0.05; done" &
holder_pid=$!
while [ ! -e "$scratch/held" ]; do sleep 0.05; done
start_round 2
touch "$scratch/gate.2"
sleep 2  # let them all reach the lock; nothing is asserted about time
touch "$scratch/release"
wait "$holder_pid"
holder_pid=
judge_round 2 "0"

# Round 3: a short wait: some may give up, and then nothing of theirs is written.
export CARE_LOCK_WAIT=1
start_round 3
touch "$scratch/gate.3"
judge_round 3 "0 6"
unset CARE_LOCK_WAIT

# --- a lock held by someone else, CARE_LOCK_WAIT=0 -------------------------------------------
# flock(1) holds the lock as another command would; the lock file's text names its holder.
rm -f "$scratch/held" "$scratch/release"
printf 'the concurrency suite (process %s, invented holder)\n' $$ >"$cf/.care/local/lock"
flock -x "$cf/.care/local/lock" -c "touch '$scratch/held'; while [ ! -e '$scratch/release' ]; do sleep 0.05; done" &
holder_pid=$!
while [ ! -e "$scratch/held" ]; do sleep 0.05; done
before=$(snapshot "$cf")
head_before=$(git -C "$cf" rev-parse HEAD)

# held WHAT EXPECTED-PATTERN TOOL ARGS...: exits 6 at once, says the folder is busy, names the holder, writes nothing.
held() {
  local what=$1 pattern=$2
  shift 2
  (cd "$cf" && CARE_LOCK_WAIT=0 "$bin/$@") </dev/null >"$scratch/held.out" 2>"$scratch/held.err"
  local rc=$?
  local after
  after=$(snapshot "$cf")
  if [ "$rc" != 6 ]; then not_ok "$what: exit 6" "exit $rc" "$(cat "$scratch/held.err")"
  elif ! grep -Eq -- "$pattern" "$scratch/held.err"; then not_ok "$what: says /$pattern/" "$(cat "$scratch/held.err")"
  elif [ "$before" != "$after" ] || [ "$(git -C "$cf" rev-parse HEAD)" != "$head_before" ]; then
    not_ok "$what: writes nothing" "$(diff <(echo "$before") <(echo "$after") | head)"
  else ok "$what: exit 6, names the holder, writes nothing"
  fi
}
busy="the case folder is busy: its lock is held by the concurrency suite \(process $$, invented holder\)"
held "CARE_LOCK_WAIT=0, lock held: care-plan add" "$busy.*nothing was changed" \
  care-plan add $id --phase reintegration --type education --budget 10 --description "never (invented)" --reason "never"
held "CARE_LOCK_WAIT=0, lock held: care-intake new" "$busy.*nothing was changed" \
  care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1991-02-03 \
  --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --given-name Example --family-name Never-Registered
held "CARE_LOCK_WAIT=0, lock held: care-monitor record" "$busy" \
  care-monitor record $id --date 2014-12-01 --mode phone
held "CARE_LOCK_WAIT=0, lock held: care-report check (a reader)" "$busy" care-report check
touch "$scratch/release"
wait "$holder_pid"
holder_pid=

# Held shared, as by a report: a writer waits, then says readers hold it.
rm -f "$scratch/held" "$scratch/release"
flock -s "$cf/.care/local/lock" -c "touch '$scratch/held'; while [ ! -e '$scratch/release' ]; do sleep 0.05; done" &
holder_pid=$!
while [ ! -e "$scratch/held" ]; do sleep 0.05; done
held "CARE_LOCK_WAIT=0, lock held shared: care-intake consent" \
  "the case folder is busy: its lock is held by commands that read the folder" \
  care-intake consent $id --grant assistance --date 2014-06-01
(cd "$cf" && CARE_LOCK_WAIT=0 "$bin/care-report" check) >/dev/null 2>"$scratch/held.err"
check "CARE_LOCK_WAIT=0, lock held shared: a reader still reads" $? "$(cat "$scratch/held.err")"
touch "$scratch/release"
wait "$holder_pid"
holder_pid=

(cd "$cf" && CARE_LOCK_WAIT=0 "$bin/care-plan" add $id --phase reintegration --type education --budget 10 \
  --description "after the holder (invented)" --reason "lock free again") >"$scratch/held.out" 2>"$scratch/held.err"
check "once the holder is gone, a writer with CARE_LOCK_WAIT=0 writes" $? "$(cat "$scratch/held.err")"

# --- an edit while another command writes the same record ----------------------------------
# The editor (a script) lets another command change the record first, then
# saves its own change: the edit must refuse (6), and the other change stay.
# edit_meddled WHAT FILE MARK MEDDLER -- EDIT-COMMAND...: MEDDLER is a command line (run by sh).
edit_meddled() {
  local what=$1 file=$2 mark=$3 meddler=$4
  shift 5
  {
    echo '#!/bin/sh'
    echo "cd '$cf' && $meddler >'$scratch/meddler.out' 2>&1; echo \$? >'$scratch/meddler.rc'"
    echo "printf 'notes: saved by the edit (invented)\\n' >>\"\$1\""
  } >"$scratch/meddle.sh"
  chmod +x "$scratch/meddle.sh"
  (cd "$cf" && VISUAL="$scratch/meddle.sh" "$bin/$@") </dev/null >"$scratch/edit.out" 2>"$scratch/edit.err"
  local rc=$?
  if [ "$rc" = 6 ] && [ "$(cat "$scratch/meddler.rc")" = 0 ] && grep -qF -- "$mark" "$cf/$file" &&
     ! grep -q "saved by the edit" "$cf/$file" && grep -q "changed while it was being edited" "$scratch/edit.err"; then
    ok "$what: the edit exits 6, the other command's change is kept"
  else
    not_ok "$what: the edit exits 6, the other command's change is kept" \
      "edit exit $rc, meddler exit $(cat "$scratch/meddler.rc")" \
      "$(cat "$scratch/edit.err" "$scratch/meddler.out")" "$(tail -5 "$cf/$file")"
  fi
  find "$cf/cases" -name '.*.tmp-*' -delete  # the edited copy the edit keeps for its user
}
edit_meddled "care-intake edit, while care-intake consent writes case.yaml" "cases/$id/case.yaml" \
  'date: "2014-06-02"' "'$bin/care-intake' consent $id --grant assistance --date 2014-06-02" -- care-intake edit $id
edit_meddled "care-plan edit, while care-plan add writes plan.yaml" "cases/$id/plan.yaml" \
  "item during an edit (invented)" "'$bin/care-plan' add $id --phase reintegration --type education --budget 10 \
--description 'item during an edit (invented)' --reason x" -- care-plan edit $id
edit_meddled "care-monitor edit, while care-monitor move writes monitoring-plan.yaml" \
  "cases/$id/monitoring-plan.yaml" "reason: moved during an edit (invented)" \
  "'$bin/care-monitor' move $id 5 --to 2015-04-20 --reason 'moved during an edit (invented)'" -- care-monitor edit $id
"$bin/care-report" -C "$cf" check >/dev/null 2>"$scratch/check.err"
check "after the edits: care-report check is clean" $? "$(cat "$scratch/check.err")"

# --- a reader that starts before the first writer of a fresh clone ---------------------------
# Where no command has written yet there is no .care/local and so no lock:
# the reader reads without one. A first writer that starts meanwhile must not
# let it report half of a change. strace stops each at a chosen step (no
# timing): the reader just before it lists cases/, the writer of a new case
# (three records) after its first record is in place.
stopped() { case "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" in T | t) return 0 ;; esac; return 1; }
traced_child() { pgrep -P "$1" | head -1; }
holds_lock() { ls -l "/proc/$1/fd" 2>/dev/null | grep -q "\.care/local/lock$"; }
if command -v strace >/dev/null && command -v pgrep >/dev/null &&
   (strace -o /dev/null -e trace=write true) >/dev/null 2>&1; then
  race="$scratch/race"
  cp -R "$base" "$race"
  n=$(cd "$race" && strace -e trace=openat "$bin/care-report" check 2>&1 >/dev/null | grep '^openat' |
    grep -n '/cases", ' | cut -d: -f1 | head -1)  # the listing's; check opens cases/ again for its modes
  (cd "$race" && exec strace -o /dev/null -e trace=openat -e inject="openat:signal=STOP:when=$n" \
    "$bin/care-report" check -v) >"$scratch/race-reader.out" 2>"$scratch/race-reader.err" &
  reader_strace=$!
  reader=
  until [ -n "$reader" ] && stopped "$reader"; do sleep 0.05; reader=$(traced_child $reader_strace); done
  (cd "$race" && exec strace -o /dev/null -e trace=renameat -e inject=renameat:signal=STOP:when=3 \
    "$bin/care-intake" new --host AT --nationality FR --return-country FR --sex female --birth 1990-06-15 \
    --referral-date 2014-03-06 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
    --consent data_processing --given-name Example --family-name Person-Race --record-ineligible) \
    >"$scratch/race-writer.out" 2>"$scratch/race-writer.err" &
  writer_strace=$!
  writer=
  until [ -n "$writer" ] && stopped "$writer"; do sleep 0.05; writer=$(traced_child $writer_strace); done
  half=$(ls "$race/cases/AT-2014-002" | tr '\n' ' ')
  kill -CONT "$reader"
  # The reader either ends (having read what was there) or waits for the lock.
  while kill -0 "$reader" 2>/dev/null && ! holds_lock "$reader"; do sleep 0.05; done
  kill -CONT "$writer"
  wait "$writer_strace"
  writer_rc=$?
  wait "$reader_strace"
  reader_rc=$?
  check "fresh clone: a reader started before the first writer, which it met halfway ($half), reads the whole change (exit $reader_rc)" \
    "$([ "$reader_rc" = 0 ] && [ "$writer_rc" = 0 ] && grep -q "checked 5 records in 2 cases: 0 errors" "$scratch/race-reader.err"; echo $?)" \
    "writer exit $writer_rc" "$(cat "$scratch/race-reader.err")"
else
  ok "a reader meeting the first writer of a fresh clone: skipped (no strace or pgrep, or no ptrace here)"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
