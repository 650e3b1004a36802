#!/usr/bin/env bash
# Black-box test of sharing a case folder through git without losing its
# protections (issue 11): the hooks care-intake init writes and enables,
# care-intake clone, init --hooks for an older folder, the union merge of
# access logs, and care-report check's folder.mode warning.
#
#   bash tests/blackbox/git_sharing.sh BIN_DIR SOURCE_DIR
#
# Runs with umask 022, as a person's shell usually does, so that git writes
# 0644 files: every "owner-only" check below would fail without the tools'
# own care. Keys are made here with age-keygen in the scratch folder; no key
# of a real person is used. All people here are invented.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u
umask 022

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
intake="$bin/care-intake"
report="$bin/care-report"
base="$src/tests/golden/base"

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/keys"

export CARE_TODAY=2014-12-31 NO_COLOR=1 LC_ALL=C TZ=UTC HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=care-test GIT_AUTHOR_EMAIL=care-test@example.invalid
export GIT_COMMITTER_NAME=care-test GIT_COMMITTER_EMAIL=care-test@example.invalid
export PATH="$bin:$PATH"
unset CARE_DIR CARE_AGE_KEY CARE_COMMITTING VISUAL EDITOR
git config --global init.defaultBranch main
git config --global advice.detachedHead false

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
check() {  # check NAME STATUS [details...]
  local name=$1 status=$2
  shift 2
  if [ "$status" = 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
  exit $?
}

if ! command -v git >/dev/null; then
  echo "ok      git is not installed: nothing to share (skipped)"
  echo "1 passed, 0 failed"
  exit 0
fi

out=$scratch/out
err=$scratch/err
rc=0
# run CMD ARGS...: stdout in $out, stderr in $err, status in $rc.
run() {
  "$@" </dev/null >"$out" 2>"$err"
  rc=$?
}
shown() { { sed 's/^/stdout| /' "$out"; sed 's/^/stderr| /' "$err"; } | head -30; }

# open_modes DIR: every file and folder under DIR (links aside) that group or others may use.
open_modes() { find "$1" ! -type l -perm /077 -print | head -5; }
owner_only() {  # owner_only NAME DIR
  local open
  [ -d "$2" ] || { not_ok "$1" "$2 is not there"; return; }
  open=$(open_modes "$2")
  if [ -z "$open" ]; then ok "$1"; else not_ok "$1" "open to group or others:" "$open"; fi
}
head_of() { git -C "$1" rev-parse HEAD; }

# The keys of two offices, made for this test only.
have_age=0
if command -v age-keygen >/dev/null; then
  have_age=1
  age-keygen -o "$scratch/keys/at.txt" 2>/dev/null
  age-keygen -o "$scratch/keys/fr.txt" 2>/dev/null
  at_pub=$(age-keygen -y "$scratch/keys/at.txt")
  fr_pub=$(age-keygen -y "$scratch/keys/fr.txt")
fi

# --- init: hooks written, enabled, .gitattributes -------------------------
origin=$scratch/origin
run "$intake" init "$origin"
check "init: exit 0" "$rc" "$(shown)"
[ "$rc" = 0 ] || finish  # nothing below can mean anything
for hook in pre-commit post-checkout post-merge; do
  f="$origin/.care/hooks/$hook"
  if [ -f "$f" ] && [ "$(stat -c %a "$f")" = 700 ] && head -1 "$f" | grep -qx '#!/bin/sh'; then
    ok "init: .care/hooks/$hook is a POSIX sh script, mode 0700"
  else
    not_ok "init: .care/hooks/$hook is a POSIX sh script, mode 0700" "$(ls -l "$f" 2>&1)"
  fi
done
check "init: core.hooksPath is .care/hooks" \
  "$([ "$(git -C "$origin" config core.hooksPath)" = .care/hooks ]; echo $?)" "$(git -C "$origin" config core.hooksPath)"
check "init: core.sharedRepository keeps .git owner-only" \
  "$([ "$(git -C "$origin" config core.sharedRepository)" = 0600 ]; echo $?)"
check "init: .gitattributes merges access logs with the union driver" \
  "$(grep -qx 'cases/\*/access.log merge=union' "$origin/.gitattributes"; echo $?)" "$(cat "$origin/.gitattributes")"
check "init: .gitattributes keeps its other lines" "$(grep -qx '\*.yaml text eol=lf' "$origin/.gitattributes"; echo $?)"
check "init: [git] commit = true" "$(grep -qx 'commit = true' "$origin/care.toml"; echo $?)"

if [ "$have_age" = 1 ]; then
  printf '\n[identity.recipients]\nAT = ["%s"]\n' "$at_pub" >>"$origin/care.toml"  # init wrote [identity]
fi

# The golden base's case, copied in with 0644 modes and committed by hand:
# the pre-commit hook checks it (care-report is on PATH) and lets it in.
cp -R "$base/cases/." "$origin/cases/"
run git -C "$origin" add -A
run git -C "$origin" commit -q -m "The first case"
check "pre-commit: a valid folder is committed" "$rc" "$(shown)"
first=$(head_of "$origin")
mkdir -p "$origin/cases/AT-2014-002"
sed 's/AT-2014-001/AT-2014-002/' "$base/cases/AT-2014-001/case.yaml" >"$origin/cases/AT-2014-002/case.yaml"
run git -C "$origin" add -A
run git -C "$origin" commit -q -m "A second case"
check "pre-commit: a second valid case is committed" "$rc" "$(shown)"
second=$(head_of "$origin")

# --- care-intake clone ------------------------------------------------------
at=$scratch/at
if [ "$have_age" = 1 ]; then export CARE_AGE_KEY="$scratch/keys/at.txt"; fi
run "$intake" clone "$origin" "$at"
check "clone: exit 0" "$rc" "$(shown)"
[ "$rc" = 0 ] || finish
check "clone: prints the new folder" "$([ "$(cat "$out")" = "$at" ]; echo $?)" "$(shown)"
owner_only "clone: every file and folder is owner-only, .git too" "$at"
check "clone: core.hooksPath is .care/hooks" "$([ "$(git -C "$at" config core.hooksPath)" = .care/hooks ]; echo $?)"
check "clone: core.sharedRepository is 0600" "$([ "$(git -C "$at" config core.sharedRepository)" = 0600 ]; echo $?)"
if [ "$have_age" = 1 ]; then
  check "clone: says which office the key reads" \
    "$(grep -q "your key $at_pub reads the identity records of office AT" "$err"; echo $?)" "$(shown)"
  run env CARE_AGE_KEY="$scratch/keys/fr.txt" "$intake" clone "$origin" "$scratch/fr"
  check "clone with a key no office lists: exit 0, says so and what to do" \
    "$([ "$rc" = 0 ] && grep -q "is not among the recipients" "$err" && grep -q "care-intake keys add" "$err"; echo $?)" \
    "$(shown)"
fi
run env CARE_AGE_KEY="$scratch/keys/none.txt" "$intake" clone "$origin" "$scratch/nokey"
check "clone without a key: exit 0, says there is no key" \
  "$([ "$rc" = 0 ] && grep -q "no key" "$err"; echo $?)" "$(shown)"
run "$intake" clone "$origin" "$at"
check "clone into a folder that is not empty: exit 1, nothing changed" \
  "$([ "$rc" = 1 ] && grep -q "is not empty" "$err" && [ "$(head_of "$at")" = "$second" ]; echo $?)" "$(shown)"
mkdir "$scratch/empty"
run "$intake" clone "$scratch/no-such-folder" "$scratch/empty"
check "clone of something git cannot clone: exit 5" \
  "$([ "$rc" = 5 ] && grep -q "git clone failed" "$err"; echo $?)" "$(shown)"
mkdir "$scratch/empty2"
run "$intake" -C "$scratch" clone origin empty2
check "clone into an empty folder, with -C: exit 0, owner-only" \
  "$([ "$rc" = 0 ] && [ -f "$scratch/empty2/care.toml" ] && [ -z "$(open_modes "$scratch/empty2")" ]; echo $?)" "$(shown)"

# --- modes after a checkout, a pull and a merge -----------------------------
run git -C "$at" checkout -q "$first"
check "git checkout of an older commit" "$rc" "$(shown)"
owner_only "post-checkout: owner-only after checking out an older commit" "$at"
run git -C "$at" checkout -q main
owner_only "post-checkout: owner-only after checking out main again (a file written anew)" "$at"
check "post-checkout: the second case is back" "$([ -f "$at/cases/AT-2014-002/case.yaml" ]; echo $?)"

mkdir -p "$origin/cases/AT-2014-003"
sed 's/AT-2014-001/AT-2014-003/' "$base/cases/AT-2014-001/case.yaml" >"$origin/cases/AT-2014-003/case.yaml"
git -C "$origin" add -A >/dev/null && git -C "$origin" commit -q -m "A third case" >/dev/null 2>&1
run git -C "$at" pull -q --no-rebase
check "git pull" "$([ "$rc" = 0 ] && [ -f "$at/cases/AT-2014-003/case.yaml" ]; echo $?)" "$(shown)"
owner_only "post-merge: owner-only after a fast-forward pull" "$at"

# --- access logs of two clones merge line by line ----------------------------
run "$intake" clone "$origin" "$scratch/at2"
at2=$scratch/at2
git -C "$at" pull -q --no-rebase >/dev/null 2>&1
printf '2014-12-30T10:00:00Z\tone@example.invalid\tcare-intake show\tfollow-up call\n' >"$origin/cases/AT-2014-001/access.log"
git -C "$origin" add -A >/dev/null && git -C "$origin" commit -q -m "An access log" >/dev/null 2>&1
git -C "$at" pull -q --no-rebase >/dev/null 2>&1
git -C "$at2" pull -q --no-rebase >/dev/null 2>&1
printf '2014-12-31T09:00:00Z\tat@example.invalid\tcare-intake show\treferral\n' >>"$at/cases/AT-2014-001/access.log"
git -C "$at" commit -q -am "Read in AT" >/dev/null 2>&1
printf '2014-12-31T11:00:00Z\tat2@example.invalid\tcare-intake edit\tcorrection\n' >>"$at2/cases/AT-2014-001/access.log"
git -C "$at2" commit -q -am "Read in the second AT clone" >/dev/null 2>&1
run git -C "$at2" pull -q --no-rebase --no-edit "$at" main
check "union merge: two clones' appends to one access.log merge without conflict" "$rc" "$(shown)"
check "union merge: the log holds all three lines" \
  "$([ "$(grep -c example.invalid "$at2/cases/AT-2014-001/access.log")" = 3 ] &&
     ! grep -q '^[<=>]\{7\}' "$at2/cases/AT-2014-001/access.log"; echo $?)" "$(cat "$at2/cases/AT-2014-001/access.log")"
owner_only "post-merge: owner-only after a true merge" "$at2"

# --- pre-commit: what is staged is checked ----------------------------------
case_yaml=cases/AT-2014-002/case.yaml
cp "$at/$case_yaml" "$scratch/good.yaml"
before=$(head_of "$at")
printf 'case_id: AT-2014-002\nstatus: [not, a, status\n' >"$at/$case_yaml"
git -C "$at" add "$case_yaml"
run git -C "$at" commit -q -m "A broken record"
check "pre-commit: an invalid record staged by hand is refused (exit 1)" \
  "$([ "$rc" != 0 ] && [ "$(head_of "$at")" = "$before" ]; echo $?)" "$(shown)"
check "pre-commit: the refusal names the file and says why" \
  "$(grep -q "$case_yaml" "$err" && grep -q "the commit was refused: care-report check found errors" "$err"; echo $?)" \
  "$(shown)"
cp "$scratch/good.yaml" "$at/$case_yaml"  # the work tree mended, the index not
run git -C "$at" commit -q -m "A broken record"
check "pre-commit: checks the index, not the work tree (a mended file left unstaged is still refused)" \
  "$([ "$rc" != 0 ] && [ "$(head_of "$at")" = "$before" ]; echo $?)" "$(shown)"
run env CARE_COMMITTING=1 git -C "$at" commit -q -m "A commit of the tools' own"
check "pre-commit: lets CARE_COMMITTING=1 (the tools' own commits) through at once" \
  "$([ "$rc" = 0 ] && [ "$(head_of "$at")" != "$before" ]; echo $?)" "$(shown)"
git -C "$at" add "$case_yaml" && git -C "$at" commit -q -m "Mended" >/dev/null 2>&1
check "pre-commit: the mended record, staged, is committed" \
  "$([ "$(git -C "$at" status --porcelain)" = "" ]; echo $?)" "$(git -C "$at" status --porcelain)"
printf 'case_id: AT-2014-002\nstatus: [not, a, status\n' >"$at/$case_yaml"
git -C "$at" add "$case_yaml"
before=$(head_of "$at")
run env PATH=/usr/bin:/bin git -C "$at" commit -q -m "Without the tools"
check "pre-commit: without care-report on PATH the commit is refused, saying how to install or skip once" \
  "$([ "$rc" != 0 ] && [ "$(head_of "$at")" = "$before" ] && grep -q "care-report is not on PATH" "$err" &&
     grep -q -- "--no-verify" "$err"; echo $?)" "$(shown)"
git -C "$at" checkout -q HEAD -- "$case_yaml"
owner_only "owner-only after git checkout -- FILE" "$at"

# A plaintext identity.yaml in a folder whose identities are encrypted.
# care-report check reports a plaintext identity.yaml in an encrypted folder
# as an error (identity.plaintext), so the hook refuses to commit one.
if [ "$have_age" = 1 ]; then
  enc=$scratch/enc
  "$intake" init "$enc" >/dev/null 2>&1
  sed -i 's/^encrypt = false$/encrypt = true/' "$enc/care.toml"
  printf '\n[identity.recipients]\nAT = ["%s"]\n' "$at_pub" >>"$enc/care.toml"
  git -C "$enc" add -A >/dev/null && git -C "$enc" commit -q -m "An encrypted folder" >/dev/null 2>&1
  mkdir -p "$enc/cases/AT-2014-001"
  cp "$base/cases/AT-2014-001/case.yaml" "$base/cases/AT-2014-001/identity.yaml" "$enc/cases/AT-2014-001/"
  git -C "$enc" add -A
  before=$(head_of "$enc")
  run git -C "$enc" commit -q -m "A plaintext identity"
  check "pre-commit: a plaintext identity.yaml is refused when [identity] encrypt = true" \
    "$([ "$rc" != 0 ] && [ "$(head_of "$enc")" = "$before" ] && grep -q "identity.yaml" "$err"; echo $?)" "$(shown)"
else
  echo "skip    pre-commit refuses a plaintext identity.yaml in an encrypted folder: age is not installed"
fi

# --- care-report check: folder.mode ------------------------------------------
chmod 644 "$at/cases/AT-2014-001/case.yaml" "$at/cases/AT-2014-003/case.yaml"
chmod 755 "$at/cases"
run "$report" -C "$at" check
check "check: a 0644 record is a warning, not an error (exit 0)" "$rc" "$(shown)"
check "check: ONE folder.mode warning, naming the first file and how many more" \
  "$([ "$(grep -c 'group or others can read or write' "$err")" = 1 ] &&
     grep -q '^care-report: cases: warning: group or others can read or write this, as are 2 more files and folders' "$err"; echo $?)" \
  "$(shown)"
check "check: the warning names the fix" "$(grep -q 'run: chmod -R go-rwx \.$' "$err"; echo $?)" "$(shown)"
run env -C "$at/cases" "$report" check
check "check from inside the folder: the fix names the case folder" \
  "$(grep -q "run: chmod -R go-rwx $at\$" "$err"; echo $?)" "$(shown)"
run "$report" -C "$at" check --strict
check "check --strict: the folder.mode warning counts (exit 1)" "$([ "$rc" = 1 ]; echo $?)" "$(shown)"
chmod -R go-rwx "$at"
run "$report" -C "$at" check
check "check: no warning once the folder is owner-only" \
  "$([ "$rc" = 0 ] && ! grep -q 'group or others' "$err"; echo $?)" "$(shown)"

# --- init --hooks: a folder made by an older init ------------------------------
old=$scratch/old
"$intake" init "$old" >/dev/null 2>&1
rm -r "$old/.care/hooks"
git -C "$old" config --unset core.hooksPath
git -C "$old" config --unset core.sharedRepository
printf '*.yaml text eol=lf\n# kept\n' >"$old/.gitattributes"
printf '{"stale": true}\n' >"$old/.care/schemas/case.schema.json"  # a copy from before an upgrade
cp -R "$base/cases/." "$old/cases/"
chmod -R go+rX "$old/cases"
sum_before=$(cd "$old/cases" && find . -type f -exec sha256sum {} + | sort)
run "$intake" init --hooks --dry-run "$old"
check "init --hooks --dry-run: exit 0, writes nothing" \
  "$([ "$rc" = 0 ] && [ ! -e "$old/.care/hooks" ] && grep -q 'would write' "$out"; echo $?)" "$(shown)"
run "$intake" init --hooks "$old"
check "init --hooks: exit 0" "$rc" "$(shown)"
check "init --hooks: the three hooks written, mode 0700" \
  "$([ "$(stat -c %a "$old/.care/hooks/pre-commit" "$old/.care/hooks/post-checkout" "$old/.care/hooks/post-merge" | sort -u)" = 700 ]; echo $?)"
check "init --hooks: core.hooksPath set" "$([ "$(git -C "$old" config core.hooksPath)" = .care/hooks ]; echo $?)"
check "init --hooks: the union line added to .gitattributes, the others kept" \
  "$(grep -qx 'cases/\*/access.log merge=union' "$old/.gitattributes" && grep -qx '# kept' "$old/.gitattributes"; echo $?)" \
  "$(cat "$old/.gitattributes")"
check "init --hooks: the editors' copies of the schemas refreshed" \
  "$(grep -q '"erased"' "$old/.care/schemas/case.schema.json"; echo $?)"
check "init --hooks: records untouched" \
  "$([ "$sum_before" = "$(cd "$old/cases" && find . -type f -exec sha256sum {} + | sort)" ]; echo $?)"
owner_only "init --hooks: the folder is owner-only" "$old"
run "$intake" init --hooks "$old"
check "init --hooks again: exit 0, .gitattributes not doubled" \
  "$([ "$rc" = 0 ] && [ "$(grep -c 'merge=union' "$old/.gitattributes")" = 1 ]; echo $?)" "$(shown)"
run "$intake" init --hooks "$scratch/home"
check "init --hooks outside a case folder: exit 3" "$([ "$rc" = 3 ] && grep -q 'not a case folder' "$err"; echo $?)" "$(shown)"

finish
