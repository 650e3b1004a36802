#!/usr/bin/env bash
# Black-box test of a case folder with [git] commit = true whose git commit
# fails after the records were written: the command exits 7, says why and
# how to commit by hand, the records are on disk, care-report check passes,
# and the next command is not blocked.
#
#   bash tests/blackbox/git_failures.sh BIN_DIR SOURCE_DIR
#
# The failures: a stale .git/index.lock (dated 2020, left by a git command
# that was stopped), a pre-commit hook that refuses, and no author identity
# (HOME without a gitconfig, GIT_CONFIG_NOSYSTEM=1, no GIT_AUTHOR_* or
# GIT_COMMITTER_* nor EMAIL, and user.useConfigOnly so that git does not
# guess one from the host name). Each with a command that changes one
# record (care-intake consent), one that makes a case (care-intake new,
# --record-ineligible too) and care-intake outreach add.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All people and organisations here are invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
base="$src/tests/golden/base"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir "$scratch/home"

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=care-test GIT_AUTHOR_EMAIL=care-test@example.invalid
export GIT_COMMITTER_NAME=care-test GIT_COMMITTER_EMAIL=care-test@example.invalid
unset CARE_DIR VISUAL EDITOR EMAIL CARE_LOCK_WAIT

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

if ! command -v git >/dev/null; then
  echo "ok      git is not installed: no commit can fail (skipped)"
  echo "1 passed, 0 failed"
  exit 0
fi

cf="$scratch/cf"
rc=0
# fresh: the golden base folder with commit = true, under git, one commit.
fresh() {
  rm -rf "$cf"
  cp -R "$base" "$cf"
  mkdir "$cf/outreach"
  touch "$cf/outreach/.keep"
  printf '\n[git]\ncommit = true\n' >>"$cf/care.toml"
  git -C "$cf" init -q
  git -C "$cf" add -A
  git -C "$cf" commit -qm "case folder"
  # The main series, as in the clone care-intake init made: the IDs below are known.
  mkdir -p "$cf/.care/local"
  echo main >"$cf/.care/local/series"
  : >"$scratch/by-hand"
}
run() {  # run TOOL ARGS...: in the case folder; output in $scratch/{out,err}, status in $rc
  (cd "$cf" && "$bin/$@") </dev/null >"$scratch/out" 2>"$scratch/err"
  rc=$?
}
shown() { { sed 's/^/stdout| /' "$scratch/out"; sed 's/^/stderr| /' "$scratch/err"; } | head -20; }

CONSENT=(care-intake consent AT-2014-001 --grant assistance --date 2014-03-04 --by person)
NEW=(care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1991-02-03
  --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter
  --consent data_processing --given-name Example --family-name Person-Git)
INELIGIBLE=(care-intake new --host AT --nationality FR --return-country FR --sex female --birth 1991-02-03
  --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter
  --consent data_processing --given-name Example --family-name Person-Ineligible --record-ineligible)
OUTREACH=(care-intake outreach add --date 2014-05-03 --country AT --type information_meeting --participants 12
  --organisation "Example Counselling Centre (fictional)=ngo" --notes "meeting (invented)")

# written_not_committed LABEL PATTERN FILE CONTENT PRINTED COMMAND...: exit 7, saying PATTERN
# (grep -E) and how to commit by hand; FILE holds CONTENT (grep -F); PRINTED
# (or nothing) on stdout; care-report check passes; git committed nothing.
written_not_committed() {
  local label=$1 pattern=$2 file=$3 content=$4 printed=$5
  shift 5
  local head_before problems=()
  head_before=$(git -C "$cf" rev-parse HEAD)
  run "$@"
  [ "$rc" = 7 ] || problems+=("exit $rc, expected 7")
  grep -q "the records were written but not committed to git" "$scratch/err" ||
    problems+=("does not say the records were written but not committed")
  grep -Eq -- "$pattern" "$scratch/err" || problems+=("does not say /$pattern/")
  grep -q "Then commit them: git -C '$cf' add -- .*$file" "$scratch/err" ||
    problems+=("does not say how to commit $file by hand")
  grep -qF -- "$content" "$cf/$file" 2>/dev/null || problems+=("$file does not hold \"$content\"")
  [ "$(cat "$scratch/out")" = "$printed" ] || problems+=("stdout is \"$(cat "$scratch/out")\", expected \"$printed\"")
  [ "$(git -C "$cf" rev-parse HEAD)" = "$head_before" ] || problems+=("git committed something")
  "$bin/care-report" -C "$cf" check >/dev/null 2>"$scratch/check.err" ||
    problems+=("care-report check fails: $(cat "$scratch/check.err")")
  [ -z "$(ls -A "$cf/.care/local/journal" 2>/dev/null)" ] || problems+=("a journal is left")
  sed -n 's/.*Then commit them: //p' "$scratch/err" >>"$scratch/by-hand"
  if [ ${#problems[@]} = 0 ]; then
    ok "$label: exit 7, says why and how to commit, $file written, check passes"
  else
    not_ok "$label: exit 7, records written, check passes" "${problems[@]}" "$(shown)"
  fi
}

# commit_by_hand LABEL: runs the commands the messages gave, one by one; git is clean after them.
commit_by_hand() {
  local command bad=()
  while IFS= read -r command; do
    (eval "$command") >"$scratch/hand.out" 2>&1 || bad+=("$command: $(cat "$scratch/hand.out")")
  done <"$scratch/by-hand"
  [ -s "$scratch/by-hand" ] || bad+=("no command was given")
  [ -z "$(git -C "$cf" status --porcelain)" ] || bad+=("git status: $(git -C "$cf" status --porcelain)")
  check "$1: the commands given to commit by hand commit every file written" "${#bad[@]}" "${bad[@]}"
  : >"$scratch/by-hand"
}

# --- a stale .git/index.lock ---------------------------------------------------------------
stale_lock() {
  touch "$cf/.git/index.lock"
  touch -d '2020-01-01' "$cf/.git/index.lock"
}
lock_says="git's lock file $cf/.git/index.lock was left by an earlier git command that was stopped; if no git command is running, remove it \(rm '$cf/.git/index.lock'\)"
fresh
stale_lock
written_not_committed "stale index.lock: care-intake consent" "$lock_says" cases/AT-2014-001/case.yaml \
  'date: "2014-03-04"' "" "${CONSENT[@]}"
written_not_committed "stale index.lock: care-intake new" "$lock_says" cases/AT-2014-002/identity.yaml \
  "family: Person-Git" AT-2014-002 "${NEW[@]}"
written_not_committed "stale index.lock: care-intake new --record-ineligible" "$lock_says" \
  cases/AT-2014-003/closure.yaml "kind: closure" AT-2014-003 "${INELIGIBLE[@]}"
written_not_committed "stale index.lock: care-intake outreach add" "$lock_says" outreach/OR-AT-2014-001.yaml \
  "notes: meeting (invented)" OR-AT-2014-001 "${OUTREACH[@]}"
rm "$cf/.git/index.lock"
commit_by_hand "stale index.lock, removed"
run care-intake assess AT-2014-001 --date 2014-03-10 --by "caseworker (invented)" --need livelihood=high --overall-risk low
check "stale index.lock, removed: the next writer commits (exit $rc)" \
  "$([ "$rc" = 0 ] && [ -z "$(git -C "$cf" status --porcelain)" ]; echo $?)" "$(shown)"

# --- a pre-commit hook that refuses -------------------------------------------------------------
fresh
cat >"$cf/.git/hooks/pre-commit" <<'EOF'
#!/bin/sh
echo "pre-commit: the office's review hook refuses this commit (invented)" >&2
exit 1
EOF
chmod +x "$cf/.git/hooks/pre-commit"
hook_says="git commit failed: pre-commit: the office's review hook refuses this commit \(invented\)"
written_not_committed "pre-commit hook refuses: care-intake consent" "$hook_says" cases/AT-2014-001/case.yaml \
  'date: "2014-03-04"' "" "${CONSENT[@]}"
written_not_committed "pre-commit hook refuses: care-intake new" "$hook_says" cases/AT-2014-002/case.yaml \
  "id: AT-2014-002" AT-2014-002 "${NEW[@]}"
written_not_committed "pre-commit hook refuses: care-intake outreach add" "$hook_says" \
  outreach/OR-AT-2014-001.yaml "notes: meeting (invented)" OR-AT-2014-001 "${OUTREACH[@]}"
rm "$cf/.git/hooks/pre-commit"
commit_by_hand "pre-commit hook removed"

# --- no author identity -------------------------------------------------------------------------
fresh
git -C "$cf" config user.useConfigOnly true
(
  unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
  ident_says="git commit failed: .*(Author identity unknown|Please tell me who you are|no email was given|user.useConfigOnly)"
  written_not_committed "no user.name or user.email: care-intake consent" "$ident_says" \
    cases/AT-2014-001/case.yaml 'date: "2014-03-04"' "" "${CONSENT[@]}"
  written_not_committed "no user.name or user.email: care-intake new" "$ident_says" \
    cases/AT-2014-002/identity.yaml "family: Person-Git" AT-2014-002 "${NEW[@]}"
  echo "$passed $failed" >"$scratch/counts"
)
read -r passed failed <"$scratch/counts"
git -C "$cf" config user.name "care-test"
git -C "$cf" config user.email "care-test@example.invalid"
commit_by_hand "an identity given"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
