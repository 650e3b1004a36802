#!/usr/bin/env bash
# Black-box test of the journal: writing commands killed at every step, and
# disks that fail, through the real binaries.
#
#   bash tests/blackbox/crash.sh BIN_DIR SOURCE_DIR
#
# strace -e inject=SYSCALL:signal=KILL:when=N kills a command at the N-th
# call of SYSCALL, for N = 1, 2, ... until the command runs to its end, for
# rename, renameat, renameat2, fsync, write, mkdir, mkdirat, unlinkat, and
# every openat that creates a file (found in a traced run: the runs are
# deterministic). The commands: care-intake new --record-ineligible (case,
# identity and closure in a folder of its own: the one change of several
# records), care-plan agree (replaces plan.yaml), care-monitor record (the
# first contact: a new file in a new monitoring/ folder), and care-monitor
# record in a fresh clone (no .care/local yet), and the first care-intake
# outreach add of a folder (which makes outreach/). After each kill:
# care-report check finishes or drops the journal and passes, no journal is
# left, and the folder is exactly as before the command or exactly as after
# a clean run (every folder, every file's content; .care left out). Then the
# command is run again: from "before" it writes and the folder is as after;
# from "after" it is refused as done already and changes nothing.
# Then the recovery itself is killed at every step (a kill during the
# roll-back of a pending change and during the completion of a committed
# one), and the next command must still end as before or as after.
# Disks: a full tmpfs (if mount works here: it needs root), ENOSPC injected
# at every write and EIO at every fsync: the command exits 5 saying nothing
# was changed and the folder is as before, or, when the failure hit after the
# change was made (an fsync of a folder), exits 0 with the folder as after.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# Nothing here is timed. All data is invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
base="$src/tests/golden/base"

scratch=$(mktemp -d)
mnt="$scratch/tmpfs"
cleanup() {
  mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
  chmod -R u+w "$scratch" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
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

if ! command -v strace >/dev/null; then
  echo "ok      strace is not installed: no command can be killed at a chosen step (skipped)"
  echo "1 passed, 0 failed"
  exit 0
fi
# strace needs ptrace, which some containers forbid.
(strace -f -o /dev/null -e trace=write -e inject=write:signal=KILL:when=1 sh -c 'echo x'; status=$?; exit $status) \
  >/dev/null 2>&1
if [ $? != 137 ]; then
  echo "ok      strace cannot inject a kill here (no ptrace?): skipped"
  echo "1 passed, 0 failed"
  exit 0
fi

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

# Every folder and every file's hash; .care (the clone's own lock and journal) left out.
snapshot() {
  (cd "$1" && find . -path ./.care -prune -o -type d -printf '%p/\n' -o -type f -exec sha256sum {} + | LC_ALL=C sort)
}
journal_left() { ls -A "$1/.care/local/journal" 2>/dev/null | tr '\n' ' '; }
restore() {  # restore FROM TO
  rm -rf "$2"
  cp -a "$1" "$2"
}

# --- the folder before: AT-2014-001 with a drafted plan, AT-2014-002 returned ----------------
# No git commit here: a kill is about the files; git's own failures are in git_failures.sh.
before_dir="$scratch/before"
cp -R "$base" "$before_dir"
setup "$before_dir" care-intake consent AT-2014-001 --grant assistance --date 2014-03-04 --by person
setup "$before_dir" care-intake assess AT-2014-001 --date 2014-03-10 --by "caseworker (invented)" \
  --need livelihood=high --overall-risk medium
setup "$before_dir" care-plan draft AT-2014-001 --date 2014-03-20 --beneficiary --provider "Example NGO (fictional)"
setup "$before_dir" care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1992-04-05 \
  --referral-date 2014-03-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter \
  --consent data_processing --consent assistance --consent monitoring_contacts --given-name Example \
  --family-name Returned-Two
setup "$before_dir" care-intake assess AT-2014-002 --date 2014-03-10 --by "caseworker (invented)" \
  --need housing=medium --overall-risk low
setup "$before_dir" care-plan draft AT-2014-002 --date 2014-03-20 --beneficiary
setup "$before_dir" care-plan agree AT-2014-002 --date 2014-03-25
setup "$before_dir" care-plan return AT-2014-002 --depart 2014-04-10 --arrive 2014-04-11 --destination "Lagos" \
  --escort none --declaration-signed 2014-04-01 --alternatives-explained --language English
setup "$before_dir" care-monitor schedule AT-2014-002 --date 2014-04-11 --mode phone
fresh_dir="$scratch/fresh"  # the same folder as a fresh clone has it: no .care/local
cp -a "$before_dir" "$fresh_dir"
rm -rf "$fresh_dir/.care"

NEW=(care-intake new --host AT --nationality FR --return-country FR --sex female --birth 1990-06-15
  --referral-date 2014-03-06 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter
  --consent data_processing --given-name Example --family-name Crash-Three --record-ineligible)
AGREE=(care-plan agree AT-2014-001 --date 2014-03-25)
OUTREACH=(care-intake outreach add --date 2014-05-03 --country AT --type information_meeting --participants 12
  --organisation "Example Counselling Centre (fictional)=ngo" --notes "meeting (invented)")
RECORD=(care-monitor record AT-2014-002 --date 2014-05-12 --mode phone --wellbeing good --notes "first contact (invented)")

work="$scratch/work"
rc=0
# traced SYSCALL ACTION N TOOL ARGS...: runs bin/TOOL ARGS in $work under strace,
# injecting ACTION at the N-th call of SYSCALL; status in $rc, output in $scratch/run.*.
traced() {
  local sys=$1 action=$2 n=$3 tool=$4
  shift 4
  # The subshell waits for strace itself, so that its "Killed" goes to run.err.
  (
    cd "$work" || exit
    strace -f -o /dev/null -e trace="$sys" -e inject="$sys:$action:when=$n" "$bin/$tool" "$@"
    status=$?
    exit $status
  ) </dev/null >"$scratch/run.out" 2>"$scratch/run.err"
  rc=$?
}
plain() {  # plain TOOL ARGS...: runs it in $work; status in $rc
  local tool=$1
  shift
  (cd "$work" && "$bin/$tool" "$@") </dev/null >"$scratch/plain.out" 2>"$scratch/plain.err"
  rc=$?
}

kills=0
recovery_kills=0
saved_pending=
saved_committed=

# after_kill LABEL BEFORE AFTER REFUSAL COMMAND...: the checks after the
# command was killed in $work (see the top of this file).
after_kill() {
  local label=$1 before=$2 after=$3 refusal=$4
  shift 4
  local problems=() state now journal
  journal=$(journal_left "$work")
  # Keep one killed folder with a pending journal and one with a committed
  # journal whose files are not all in place yet, to kill their recovery too.
  if [ -z "$saved_pending" ] && [[ $journal == *pending* ]] && [ -n "$(ls "$work/.care/local/journal/pending")" ]; then
    saved_pending="$scratch/saved-pending"
    restore "$work" "$saved_pending"
    saved_pending_label="$label"
  fi
  if [ -z "$saved_committed" ] && [[ $journal == *committed* ]] &&
     ls "$work/.care/local/journal/committed" | grep -q '^f'; then
    saved_committed="$scratch/saved-committed"
    restore "$work" "$saved_committed"
    saved_committed_label="$label"
  fi
  plain care-report check
  [ "$rc" = 0 ] || problems+=("care-report check after the kill exits $rc: $(head -5 "$scratch/plain.err")")
  journal=$(journal_left "$work")
  [ -z "$journal" ] || problems+=("journal left after check: $journal")
  now=$(snapshot "$work")
  if [ "$now" = "$before" ]; then state=before
  elif [ "$now" = "$after" ]; then state=after
  else
    state=neither
    problems+=("the folder is neither as before nor as after:" "$(diff <(echo "$before") <(echo "$now") | head -12)")
  fi
  if [ -f "$work/.care/local/.gitignore" ] && ! grep -qx '\*' "$work/.care/local/.gitignore"; then
    problems+=(".care/local/.gitignore does not ignore the folder: \"$(cat "$work/.care/local/.gitignore")\"")
  fi
  plain "$@"
  if [ "$state" = before ]; then
    [ "$rc" = 0 ] || problems+=("run again: exit $rc: $(head -5 "$scratch/plain.err")")
    [ "$(snapshot "$work")" = "$after" ] || problems+=("run again: the folder is not as after a clean run")
  elif [ "$state" = after ] && [ -z "$refusal" ]; then
    # Nothing refuses a second one (another outreach record): it is written, and the folder checks.
    [ "$rc" = 0 ] || problems+=("run again after a complete change: exit $rc: $(head -3 "$scratch/plain.err")")
    "$bin/care-report" -C "$work" check >/dev/null 2>&1 || problems+=("run again: care-report check fails")
  elif [ "$state" = after ]; then
    [ "$rc" = 1 ] && grep -q -- "$refusal" "$scratch/plain.err" ||
      problems+=("run again after a complete change: exit $rc, expected 1 saying \"$refusal\": $(head -3 "$scratch/plain.err")")
    [ "$(snapshot "$work")" = "$after" ] || problems+=("run again: the refused command changed the folder")
  fi
  # (the folder as after a clean run checks clean: crash_all checked it once)
  if [ ${#problems[@]} = 0 ]; then
    ok "$label: killed; check recovers and passes; the folder is as $state; run again: $([ $state = before ] || [ -z "$refusal" ] && echo written || echo refused as done)"
  else
    not_ok "$label: killed; recovery ends as before or as after" "${problems[@]}"
  fi
}

# crash_all NAME START REFUSAL COMMAND...: kills COMMAND at every step of every syscall.
crash_all() {
  local name=$1 start=$2 refusal=$3
  shift 3
  local before after sys n label
  before=$(snapshot "$start")
  restore "$start" "$work"
  plain "$@"
  if [ "$rc" != 0 ]; then
    not_ok "$name: a clean run exits 0" "exit $rc" "$(cat "$scratch/plain.err")"
    return
  fi
  after=$(snapshot "$work")
  check "$name: a clean run writes something" "$([ "$before" != "$after" ]; echo $?)"
  plain care-report check
  check "$name: after a clean run, care-report check passes" "$rc" "$(cat "$scratch/plain.err")"
  saved_pending= saved_committed=
  for sys in rename renameat renameat2 fsync write mkdir mkdirat unlinkat; do
    for ((n = 1; n < 500; n++)); do
      restore "$start" "$work"
      traced "$sys" signal=KILL "$n" "$@"
      if [ "$rc" != 137 ]; then
        if [ "$rc" != 0 ] || [ "$(snapshot "$work")" != "$after" ]; then
          not_ok "$name: with no $sys left to kill at (call $n), it runs to the end" "exit $rc" "$(cat "$scratch/run.err")"
        fi
        break
      fi
      kills=$((kills + 1))
      after_kill "$name, $sys #$n" "$before" "$after" "$refusal" "$@"
    done
    echo "        ($name: $((n - 1)) calls of $sys)"
  done
  # openat: only the calls that create a file, found by tracing a clean run.
  restore "$start" "$work"
  (cd "$work" && strace -o "$scratch/openat.trace" -e trace=openat "$bin/$1" "${@:2}") </dev/null >/dev/null 2>&1
  local creating
  creating=$(grep -E '^openat\(' "$scratch/openat.trace" | grep -n 'O_CREAT' | cut -d: -f1 | tr '\n' ' ')
  for n in $creating; do
    restore "$start" "$work"
    traced openat signal=KILL "$n" "$@"
    if [ "$rc" != 137 ]; then
      not_ok "$name: openat #$n (one that creates a file) kills it" "exit $rc"
      continue
    fi
    kills=$((kills + 1))
    after_kill "$name, openat #$n (O_CREAT)" "$before" "$after" "$refusal" "$@"
  done
  # The recovery killed at every step, from a pending and from a committed journal.
  local saved kind expect
  for kind in pending committed; do
    if [ "$kind" = pending ]; then saved=$saved_pending expect=$before; else saved=$saved_committed expect=$after; fi
    if [ -z "$saved" ]; then
      [ "$kind" = pending ] && not_ok "$name: some kill left a pending journal to recover from"
      [ "$kind" = committed ] && not_ok "$name: some kill left a committed journal to recover from"
      continue
    fi
    local bad=() count=0
    for sys in renameat fsync unlinkat mkdirat; do
      for ((n = 1; n < 500; n++)); do
        restore "$saved" "$work"
        traced "$sys" signal=KILL "$n" care-report check
        [ "$rc" = 137 ] || break
        count=$((count + 1))
        plain care-report check
        local now
        now=$(snapshot "$work")
        if [ "$rc" != 0 ] || [ -n "$(journal_left "$work")" ] || [ "$now" != "$expect" ]; then
          bad+=("recovery killed at $sys #$n, then check: exit $rc, journal: $(journal_left "$work"); $(head -2 "$scratch/plain.err")")
          [ "$now" != "$expect" ] && bad+=("$(diff <(echo "$expect") <(echo "$now") | head -6)")
        fi
      done
    done
    recovery_kills=$((recovery_kills + count))
    check "$name: the recovery of a $kind journal ($( [ $kind = pending ] && echo "$saved_pending_label" || echo "$saved_committed_label")) killed at each of its $count steps, then run again: the folder ends as $([ $kind = pending ] && echo before || echo after)" \
      "${#bad[@]}" "${bad[@]}"
  done
}

crash_all "care-intake new --record-ineligible" "$before_dir" "may already be registered as AT-2014-003" "${NEW[@]}"
crash_all "care-plan agree" "$before_dir" "already agreed" "${AGREE[@]}"
crash_all "care-monitor record" "$before_dir" "already has a contact on 2014-05-12" "${RECORD[@]}"
crash_all "care-monitor record in a fresh clone" "$fresh_dir" "already has a contact on 2014-05-12" "${RECORD[@]}"
crash_all "care-intake outreach add, the first (no outreach/ yet)" "$before_dir" "" "${OUTREACH[@]}"
echo "        ($kills kills of the commands, $recovery_kills kills of a recovery)"

# --- disks that fail ---------------------------------------------------------------------
# disk_fails NAME START SYSCALL ERROR COMMAND...: ERROR injected at each call of SYSCALL in turn.
disk_fails() {
  local name=$1 start=$2 sys=$3 error=$4
  shift 4
  local before after n failures=0 bad=()
  before=$(snapshot "$start")
  restore "$start" "$work"
  plain "$@"
  after=$(snapshot "$work")
  for ((n = 1; n < 500; n++)); do
    restore "$start" "$work"
    traced "$sys" "error=$error" "$n" "$@"
    local now
    now=$(snapshot "$work")
    if [ "$rc" = 5 ]; then
      failures=$((failures + 1))
      grep -q "nothing was changed" "$scratch/run.err" || bad+=("$sys #$n: exit 5 without \"nothing was changed\": $(head -2 "$scratch/run.err")")
      [ "$now" = "$before" ] || bad+=("$sys #$n: exit 5 but the folder changed:" "$(diff <(echo "$before") <(echo "$now") | head -6)")
    elif [ "$rc" = 0 ]; then
      [ "$now" = "$after" ] || bad+=("$sys #$n: exit 0 but the folder is not as after")
    else
      bad+=("$sys #$n: exit $rc: $(head -3 "$scratch/run.err")")
    fi
    [ -z "$(journal_left "$work")" ] || bad+=("$sys #$n: journal left: $(journal_left "$work")")
    plain care-report check
    [ "$rc" = 0 ] || bad+=("$sys #$n: care-report check exits $rc afterwards")
    [ "$n" -ge "$(calls_of "$sys")" ] && break  # the last call of a clean run
  done
  check "$name: $error at each of the $n calls of $sys: exit 5 and nothing changed ($failures times), or exit 0 and written" \
    "$([ ${#bad[@]} = 0 ] && [ $failures -gt 0 ]; echo $?)" "${bad[@]}" "$([ $failures = 0 ] && echo "no call failed the command")"
}
# calls_of SYSCALL: how many times the last clean run made it (counted with strace -c).
calls_of() { echo "${calls[$1]:-0}"; }
declare -A calls
count_calls() {  # count_calls START COMMAND...
  local start=$1
  shift
  restore "$start" "$work"
  (cd "$work" && strace -f -o "$scratch/count.trace" -e trace=write,fsync "$bin/$1" "${@:2}") </dev/null >/dev/null 2>&1
  calls[write]=$(grep -cE '^[0-9]+ +write\(' "$scratch/count.trace")
  calls[fsync]=$(grep -cE '^[0-9]+ +fsync\(' "$scratch/count.trace")
}

for which in NEW AGREE RECORD OUTREACH; do
  declare -n cmd=$which
  count_calls "$before_dir" "${cmd[@]}"
  disk_fails "${cmd[0]} ${cmd[1]}" "$before_dir" write ENOSPC "${cmd[@]}"
  disk_fails "${cmd[0]} ${cmd[1]}" "$before_dir" fsync EIO "${cmd[@]}"
  unset -n cmd
done
count_calls "$fresh_dir" "${RECORD[@]}"
disk_fails "care-monitor record in a fresh clone" "$fresh_dir" write ENOSPC "${RECORD[@]}"

# A full disk for real: a tiny tmpfs, filled up.
mkdir "$mnt"
if mount -t tmpfs -o size=512k tmpfs "$mnt" 2>"$scratch/mount.err"; then
  cp -a "$before_dir" "$mnt/cf"
  dd if=/dev/zero of="$mnt/filler" bs=4k >/dev/null 2>&1
  full_before=$(snapshot "$mnt/cf")
  for which in NEW AGREE RECORD; do
    declare -n cmd=$which
    (cd "$mnt/cf" && "$bin/${cmd[0]}" "${cmd[@]:1}") </dev/null >"$scratch/full.out" 2>"$scratch/full.err"
    rc=$?
    if [ "$rc" = 5 ] && grep -q "nothing was changed" "$scratch/full.err" && [ "$(snapshot "$mnt/cf")" = "$full_before" ] &&
       [ -z "$(journal_left "$mnt/cf")" ]; then
      ok "a full disk (tmpfs): ${cmd[0]} ${cmd[1]} exits 5, says nothing was changed, changes nothing"
    else
      not_ok "a full disk (tmpfs): ${cmd[0]} ${cmd[1]} exits 5, says nothing was changed, changes nothing" \
        "exit $rc; journal: $(journal_left "$mnt/cf")" "$(cat "$scratch/full.err")" \
        "$(diff <(echo "$full_before") <(snapshot "$mnt/cf") | head -6)"
    fi
    unset -n cmd
  done
  "$bin/care-report" -C "$mnt/cf" check >/dev/null 2>"$scratch/full.err"
  check "a full disk (tmpfs): care-report check still passes" $? "$(cat "$scratch/full.err")"
  rm -f "$mnt/filler"
  (cd "$mnt/cf" && "$bin/${RECORD[0]}" "${RECORD[@]:1}") </dev/null >/dev/null 2>"$scratch/full.err"
  check "a full disk (tmpfs): once space is freed, the same command writes" $? "$(cat "$scratch/full.err")"
  umount "$mnt"
else
  echo "ok      a full disk (tmpfs) skipped: mount -t tmpfs failed here ($(head -1 "$scratch/mount.err"))"
  passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
