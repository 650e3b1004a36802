# The harness shared by the black-box suites that drive the commands on copies
# of tests/golden/base (plan_cases.sh, intake_safeguards.sh, return_gate.sh):
# sourced, never run on its own (ctest runs tests/blackbox/*.sh only).
#
#   . "$(dirname "$0")/harness/cases.sh"    # with the suite's BIN_DIR SOURCE_DIR as $1 $2
#
# It sets bin, src, base, the environment (CARE_TODAY=2014-12-31, a git
# identity), a scratch folder removed on exit, and the helpers: ok, not_ok,
# check, run, shown, snapshot, fresh, folder_checks, accepted, quietly,
# refused, dry_then_accepted, ere, has, lacks. The suite prints
# "N passed, M failed" from $passed and $failed at its end.

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
base="$src/tests/golden/base"

export CARE_TODAY=2014-12-31 NO_COLOR=1 LC_ALL=C TZ=UTC
export GIT_AUTHOR_NAME=care-test GIT_AUTHOR_EMAIL=care-test@example.invalid
export GIT_COMMITTER_NAME=care-test GIT_COMMITTER_EMAIL=care-test@example.invalid
unset CARE_DIR VISUAL EDITOR

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir "$scratch/elsewhere"

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
  for line in "$@"; do [ -n "$line" ] && echo "$line" | sed 's/^/        /'; done
  failed=$((failed + 1))
}
check() {  # check NAME CONDITION-STATUS [details...]
  local name=$1 status=$2
  shift 2
  if [ "$status" = 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}

out=$scratch/out
err=$scratch/err
rc=0
# run DIR TOOL ARGS...: runs bin/TOOL -C DIR ARGS; stdout in $out, stderr in $err, status in $rc.
run() {
  local dir=$1 tool=$2
  shift 2
  "$bin/$tool" -C "$dir" "$@" >"$out" 2>"$err"
  rc=$?
}
shown() { { sed 's/^/stdout| /' "$out"; sed 's/^/stderr| /' "$err"; } | head -30; }

# Every folder and every file's hash under DIR: equal snapshots mean nothing was written.
snapshot() {
  # .care holds no record, only the clone's own state (the lock names its last holder).
  (cd "$1" && find . -path ./.care -prune -o -type d -print | sort &&
    find . -path ./.care -prune -o -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

fresh() {  # fresh NAME: a copy of the golden base folder; prints its path
  cp -R "$base" "$scratch/$1"
  echo "$scratch/$1"
}

folder_checks() {  # folder_checks DIR: care-report check exits 0
  "$bin/care-report" -C "$1" check >"$scratch/check.out" 2>"$scratch/check.err"
}

# accepted NAME DIR TOOL ARGS...: exits 0 and care-report check exits 0 afterwards.
accepted() {
  local name=$1 dir=$2
  shift 2
  run "$dir" "$@"
  if [ "$rc" != 0 ]; then
    not_ok "$name: accepted" "exit $rc" "$(shown)"
  elif ! folder_checks "$dir"; then
    not_ok "$name: accepted, then care-report check exits 0" "$(sed 's/^/check| /' "$scratch/check.err" | head -20)"
  else
    ok "$name: accepted; care-report check exits 0"
  fi
}

# quietly DIR TOOL ARGS...: a setup step; returns non-zero (with the reason in
# $scratch/why) unless it exits 0 and the folder still checks clean.
quietly() {
  local dir=$1
  shift
  run "$dir" "$@"
  if [ "$rc" != 0 ]; then
    { echo "$* -> exit $rc"; shown; } >"$scratch/why"
    return 1
  fi
  if ! folder_checks "$dir"; then
    { echo "$* -> care-report check failed"; cat "$scratch/check.err"; } >"$scratch/why"
    return 1
  fi
  return 0
}

# refused NAME CODE PATTERN DIR TOOL ARGS...: exits CODE, says PATTERN (grep -E)
# on stderr, and writes nothing at all.
refused() {
  local name=$1 code=$2 pattern=$3 dir=$4
  shift 4
  local before after
  before=$(snapshot "$dir")
  run "$dir" "$@"
  after=$(snapshot "$dir")
  if [ "$rc" != "$code" ]; then
    not_ok "$name: refused with exit $code" "exit $rc" "$(shown)"
  elif ! grep -Eq -- "$pattern" "$err"; then
    not_ok "$name: refused with exit $code saying /$pattern/" "$(shown)"
  elif [ "$before" != "$after" ]; then
    not_ok "$name: refused with exit $code, nothing written" "$(diff <(echo "$before") <(echo "$after") | head -10)"
  else
    ok "$name: refused, exit $code, nothing written"
  fi
}

# dry_then_accepted NAME DIR TOOL ARGS...: with --dry-run it exits 0, previews
# the record and writes nothing; then for real it is accepted, writes exactly
# the previewed bytes, and care-report check exits 0.
dry_then_accepted() {
  local name=$1 dir=$2
  shift 2
  local before after
  before=$(snapshot "$dir")
  run "$dir" "$@" --dry-run
  after=$(snapshot "$dir")
  cp "$out" "$scratch/preview"
  if [ "$rc" != 0 ] || [ "$before" != "$after" ] || ! grep -q '(not written: dry run)$' "$scratch/preview"; then
    not_ok "$name --dry-run: exit 0, preview, nothing written" "exit $rc" "$(shown)" \
      "$(diff <(echo "$before") <(echo "$after") | head -10)"
  else
    ok "$name --dry-run: exit 0, preview, nothing written"
  fi
  accepted "$name" "$dir" "$@"
  local file
  file=$(sed -n '1s/^--- \(.*\) (not written: dry run)$/\1/p' "$scratch/preview")
  if [ "$(grep -c '^--- .* (not written: dry run)$' "$scratch/preview")" = 1 ] && [ -n "$file" ] &&
     cmp -s <(tail -n +2 "$scratch/preview") "$dir/$file"; then
    ok "$name: writes exactly what --dry-run previewed ($file)"
  else
    not_ok "$name: writes exactly what --dry-run previewed" "$(diff <(tail -n +2 "$scratch/preview") "$dir/$file" | head -10)"
  fi
}

ere() { printf '%s' "$1" | sed 's/[].[^$*+?(){}|\\]/\\&/g'; }  # ere TEXT: TEXT as a literal grep -E pattern
has() {  # has NAME FILE PATTERN: FILE has a line matching PATTERN (grep -E)
  if grep -Eq -- "$3" "$2"; then ok "$1"; else not_ok "$1" "no line /$3/ in ${2#"$scratch"/}" "$(head -60 "$2")"; fi
}
lacks() {  # lacks NAME FILE PATTERN
  if grep -Eq -- "$3" "$2"; then not_ok "$1" "a line /$3/ in ${2#"$scratch"/}" "$(grep -E -- "$3" "$2")"; else ok "$1"; fi
}
