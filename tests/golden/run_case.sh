#!/usr/bin/env bash
# Runs one golden case: copies base/ (a small valid case folder) to a scratch
# folder, lays the case's data/ over it, runs the command line in cmd from
# there, and compares stdout, stderr and the exit status with the expected
# files. UPDATE_GOLDEN=1 rewrites the expected files instead.
#
# A case folder holds: cmd (one command line, e.g. "care-report check"),
# data/ (files laid over base/; a file named NAME.delete removes NAME),
# expected.stdout, expected.stderr, expected.exit (absent means empty / 0).
set -euo pipefail
case_dir=$(cd "$1" && pwd)
bin_dir=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$here/base/." "$work/"
if [ -d "$case_dir/data" ]; then
  cp -R "$case_dir/data/." "$work/"
  while IFS= read -r -d '' marker; do
    rm -rf "${marker%.delete}" "$marker"
  done < <(find "$work" -name '*.delete' -print0)
fi
# Owner-only, as care-intake clone and the folder's hooks leave a folder: git
# checks these files out 0644, which care-report check would warn about
# (folder.mode) in every case. The command runs with umask 077 too, so that
# what it makes (mkdir, mkfifo) is owner-only. A case that wants the warning
# chmods in cmd.
chmod -R go-rwx "$work"

set +e
(cd "$work" && env -u CARE_DIR CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC \
   PATH="$bin_dir:$PATH" bash -c "umask 077; $(cat "$case_dir/cmd")") >"$work.stdout" 2>"$work.stderr"
status=$?
set -e

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work.stdout" "$case_dir/expected.stdout"
  cp "$work.stderr" "$case_dir/expected.stderr"
  echo "$status" >"$case_dir/expected.exit"
  [ -s "$case_dir/expected.stdout" ] || rm "$case_dir/expected.stdout"
  [ -s "$case_dir/expected.stderr" ] || rm "$case_dir/expected.stderr"
  [ "$status" != 0 ] || rm "$case_dir/expected.exit"
  rm -f "$work.stdout" "$work.stderr"
  exit 0
fi

fail=0
compare() {  # name, actual file
  local expected="$case_dir/expected.$1"
  if [ -f "$expected" ]; then
    diff -u --label "expected.$1" --label "actual.$1" "$expected" "$2" || fail=1
  elif [ -s "$2" ]; then
    echo "unexpected $1:"; cat "$2"; fail=1
  fi
}
compare stdout "$work.stdout"
compare stderr "$work.stderr"
want=$(cat "$case_dir/expected.exit" 2>/dev/null || echo 0)
if [ "$status" != "$want" ]; then
  echo "exit status $status, expected $want"; fail=1
fi
rm -f "$work.stdout" "$work.stderr"
exit $fail
