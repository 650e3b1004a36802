#!/usr/bin/env bash
# Black-box tests of care-report check (and the reports built on it), driving
# the real binary on the example case folder.
#
#   bash tests/blackbox/check.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
report="$bin/care-report"

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir "$scratch/elsewhere"  # a folder with no care.toml above it (unless /tmp has one)
# examples/ as care-intake clone leaves a folder, owner-only: git checks the
# source out with 0644 files, which check warns about (folder.mode, tested
# by git_sharing.sh).
# Its identities decrypted (harness/plain_copy.sh), so that an identity
# value a report let through would show.
. "$(dirname "$0")/harness/plain_copy.sh"
mkdir "$scratch/src"
plain_copy "$src/examples" "$scratch/src/examples" || { echo "FAILED  could not make a plain copy of examples/"; exit 1; }
chmod -R go-rwx "$scratch/src"
examples="$scratch/src/examples"

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
  for line in "$@"; do echo "        $line"; done
  failed=$((failed + 1))
}

# run NAME DIR [VAR=value ...] -- ARGS...: runs care-report ARGS in DIR with the
# given environment; output goes to $scratch/NAME.out and .err, status to .status.
run() {
  local name=$1 dir=$2
  shift 2
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  (cd "$dir" && env ${env[@]+"${env[@]}"} "$report" "$@") >"$scratch/$name.out" 2>"$scratch/$name.err"
  echo $? >"$scratch/$name.status"
}
status_of() { cat "$scratch/$1.status"; }
is_empty() { [ ! -s "$scratch/$1" ]; }
show() { sed 's/^/| /' "$scratch/$1" | head -20; }

summary_re='^checked [0-9]+ records in [0-9]+ cases: 0 errors, 0 warnings$'

# --- the example folder checks clean -------------------------------------------
run clean "$scratch/elsewhere" -- -C "$examples" check
if [ "$(status_of clean)" = 0 ] && is_empty clean.out && is_empty clean.err; then
  ok "care-report -C examples check: exit 0, no output"
else
  not_ok "care-report -C examples check: exit 0, no output" "exit $(status_of clean)" "$(show clean.err)"
fi

run verbose "$scratch/elsewhere" -- -C "$examples" check -v
summary=$(cat "$scratch/verbose.err")
if [ "$(status_of verbose)" = 0 ] && is_empty verbose.out && [ "$(wc -l <"$scratch/verbose.err")" = 1 ] &&
   grep -Eq "$summary_re" "$scratch/verbose.err"; then
  ok "check -v: the summary alone, on stderr ($summary)"
else
  not_ok "check -v: the summary alone, on stderr" "exit $(status_of verbose)" "$(show verbose.err)" "$(show verbose.out)"
fi

# --- finding the folder --------------------------------------------------------
run walk_up "$examples/cases" -- check -v
if [ "$(status_of walk_up)" = 0 ] && [ "$(cat "$scratch/walk_up.err")" = "$summary" ]; then
  ok "run inside examples/cases/: finds the folder by walking up"
else
  not_ok "run inside examples/cases/: finds the folder by walking up" "exit $(status_of walk_up)" "$(show walk_up.err)"
fi

deep=$(find "$examples/cases" -mindepth 2 -type d | sort | head -1)
run walk_up_deep "$deep" -- check -v
if [ "$(status_of walk_up_deep)" = 0 ] && [ "$(cat "$scratch/walk_up_deep.err")" = "$summary" ]; then
  ok "run inside ${deep#"$scratch/src"/}: finds the folder by walking up"
else
  not_ok "run inside ${deep#"$scratch/src"/}: finds the folder by walking up" "exit $(status_of walk_up_deep)" \
    "$(show walk_up_deep.err)"
fi

run care_dir "$scratch/elsewhere" CARE_DIR="$examples" -- check -v
if [ "$(status_of care_dir)" = 0 ] && [ "$(cat "$scratch/care_dir.err")" = "$summary" ]; then
  ok "CARE_DIR=<absolute path of examples> works from a folder outside it"
else
  not_ok "CARE_DIR=<absolute path of examples> works from a folder outside it" "exit $(status_of care_dir)" \
    "$(show care_dir.err)"
fi

run care_dir_rel "$scratch/src" CARE_DIR=examples -- check -v
if [ "$(status_of care_dir_rel)" = 0 ] && [ "$(cat "$scratch/care_dir_rel.err")" = "$summary" ]; then
  ok "CARE_DIR=examples (relative) works from the source folder"
else
  not_ok "CARE_DIR=examples (relative) works from the source folder" "exit $(status_of care_dir_rel)" \
    "$(show care_dir_rel.err)"
fi

run nowhere "$scratch/elsewhere" -- check
if [ -e /tmp/care.toml ] || [ -e /care.toml ]; then
  ok "outside any case folder (skipped: this machine has a care.toml in /tmp or /)"
elif [ "$(status_of nowhere)" = 3 ] && grep -q '^care-report: not in a case folder: no care.toml in ' "$scratch/nowhere.err"; then
  ok "outside any case folder: exit 3 with one line"
else
  not_ok "outside any case folder: exit 3 with one line" "exit $(status_of nowhere)" "$(show nowhere.err)"
fi

# A copy of the examples with one broken record, to tell the folders apart.
cp -R "$examples" "$scratch/broken"
first_case=$(ls "$scratch/broken/cases" | sort | head -1)
sed -i 's/^sex: .*/sex: F/' "$scratch/broken/cases/$first_case/case.yaml"

run c_beats "$scratch/elsewhere" CARE_DIR="$scratch/broken" -- -C "$examples" check
run c_beats2 "$scratch/elsewhere" CARE_DIR="$examples" -- -C "$scratch/broken" check
if [ "$(status_of c_beats)" = 0 ] && is_empty c_beats.err && [ "$(status_of c_beats2)" = 1 ]; then
  ok "-C beats CARE_DIR (both ways round)"
else
  not_ok "-C beats CARE_DIR (both ways round)" "exit $(status_of c_beats) / $(status_of c_beats2)" \
    "$(show c_beats.err)"
fi

run relative "$scratch/broken/cases" -- check
if [ "$(status_of relative)" = 1 ] &&
   grep -q "^care-report: $first_case/case.yaml:[0-9]*:[0-9]*: error: sex: \"F\"" "$scratch/relative.err"; then
  ok "problems are shown relative to the working folder ($first_case/case.yaml)"
else
  not_ok "problems are shown relative to the working folder" "exit $(status_of relative)" "$(show relative.err)"
fi

# --- JSON ----------------------------------------------------------------------
for folder in examples broken; do
  dir=$examples
  want=0
  if [ $folder = broken ]; then dir=$scratch/broken; want=1; fi
  run "json_$folder" "$scratch/elsewhere" -- -C "$dir" check --format json
  run "json_${folder}_again" "$scratch/elsewhere" -- -C "$dir" check --format json
  if [ "$(status_of "json_$folder")" = $want ] && is_empty "json_$folder.err" &&
     python3 -m json.tool "$scratch/json_$folder.out" >/dev/null 2>&1; then
    ok "check --format json on $folder: valid JSON on stdout, nothing on stderr, exit $want"
  else
    not_ok "check --format json on $folder: valid JSON on stdout, nothing on stderr, exit $want" \
      "exit $(status_of "json_$folder")" "$(show "json_$folder.out")" "$(show "json_$folder.err")"
  fi
  if cmp -s "$scratch/json_$folder.out" "$scratch/json_${folder}_again.out"; then
    ok "check --format json on $folder: byte-identical across two runs"
  else
    not_ok "check --format json on $folder: byte-identical across two runs"
  fi
done
errors=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["errors"], len(d["problems"]), d["problems"][0]["code"] if d["problems"] else "-")' \
  "$scratch/json_broken.out" 2>&1)
if [ "$errors" = "1 1 schema.enum" ]; then
  ok "check --format json lists the one problem of the broken copy"
else
  not_ok "check --format json lists the one problem of the broken copy" "$errors"
fi

# --- status --------------------------------------------------------------------
run status "$scratch/elsewhere" -- -C "$examples" status
run status_again "$scratch/elsewhere" -- -C "$examples" status
if [ "$(status_of status)" = 0 ] && [ -s "$scratch/status.out" ] &&
   cmp -s "$scratch/status.out" "$scratch/status_again.out"; then
  ok "status: exit 0, byte-identical across runs with CARE_TODAY fixed"
else
  not_ok "status: exit 0, byte-identical across runs with CARE_TODAY fixed" "exit $(status_of status)" \
    "$(show status.err)"
fi
run config "$scratch/elsewhere" -- -C "$examples" config

# --- no identity value in any report -------------------------------------------
cat >"$scratch/identity_values.py" <<'PY'
# Prints every value of every identity.yaml under the folder, one per line,
# reading the YAML text line by line (no YAML library). Values that also occur
# in some other record (an organisation's name, say) are left out: they are not
# identifying on their own.
import os, re, sys

root = sys.argv[1]
scalar_keys = {"given", "family", "value", "number", "guardian_name", "notes"}
list_keys = {"other", "lines"}

def unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v

values, others = set(), []
for base, dirs, files in os.walk(root):
    for name in files:
        if not name.endswith(".yaml"):
            continue
        text = open(os.path.join(base, name), encoding="utf-8").read()
        if name != "identity.yaml":
            others.append(text)
            continue
        current = None
        for raw in text.splitlines():
            line = raw.strip()
            item = line.startswith("- ")
            if item:
                line = line[2:].strip()
            m = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
            if m:
                key, value = m.group(1), m.group(2)
                current = key if key in list_keys and value == "" else None
                if key in list_keys and value.startswith("["):
                    values.update(unquote(v) for v in value.strip("[]").split(","))
                elif key in scalar_keys and value:
                    values.add(unquote(value))
            elif item and current:
                values.add(unquote(line))
for v in sorted(values):
    if len(v) >= 4 and not any(v in t for t in others):
        print(v)
PY
python3 "$scratch/identity_values.py" "$examples" >"$scratch/identity_values.txt"
count=$(wc -l <"$scratch/identity_values.txt")
if [ "$count" -ge 10 ]; then
  ok "read $count values from the identity.yaml files under examples/"
else
  not_ok "read at least 10 values from the identity.yaml files under examples/ (got $count)"
fi
for out in status.out status.err config.out config.err json_examples.out verbose.err; do
  leaks=$(grep -F -f "$scratch/identity_values.txt" "$scratch/$out")
  if [ -z "$leaks" ]; then
    ok "no identity value in the output of ${out%.*} (${out##*.})"
  else
    not_ok "no identity value in the output of ${out%.*} (${out##*.})" "$leaks"
  fi
done
if [ "$(status_of config)" = 0 ] && grep -q '^budget.currency = ' "$scratch/config.out"; then
  ok "config: exit 0, prints the settings"
else
  not_ok "config: exit 0, prints the settings" "exit $(status_of config)" "$(show config.err)"
fi

# --- the check never writes ----------------------------------------------------
# On a copy, so that someone editing examples/ meanwhile cannot upset the test.
cp -R "$examples" "$scratch/copy"
fingerprint() { (cd "$1" && find . | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
fingerprint "$scratch/copy" >"$scratch/before"
run w1 "$scratch/copy" -- check
run w2 "$scratch/copy/cases" -- check -v --strict
run w3 "$scratch/elsewhere" -- -C "$scratch/copy" check --format json
run w4 "$scratch/copy" -- check "cases/$first_case"
run w5 "$scratch/copy" -- status
run w6 "$scratch/copy" -- config
fingerprint "$scratch/copy" >"$scratch/after"
if cmp -s "$scratch/before" "$scratch/after" && [ "$(cat "$scratch"/w[1-6].status | sort -u)" = 0 ]; then
  ok "check, status and config change nothing in the folder (sha256 of every file, and the file list)"
else
  not_ok "check, status and config change nothing in the folder" "$(diff "$scratch/before" "$scratch/after" | head)"
fi

# --- a read-only folder --------------------------------------------------------
cp -R "$examples" "$scratch/readonly"
chmod -R a-w "$scratch/readonly"
run ro "$scratch/elsewhere" -- -C "$scratch/readonly" check -v
run ro_status "$scratch/elsewhere" -- -C "$scratch/readonly" status
if [ "$(status_of ro)" = 0 ] && [ "$(cat "$scratch/ro.err")" = "$summary" ] && [ "$(status_of ro_status)" = 0 ]; then
  ok "a read-only copy of the folder checks clean, and status runs"
else
  not_ok "a read-only copy of the folder checks clean, and status runs" "exit $(status_of ro) / $(status_of ro_status)" \
    "$(show ro.err)"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
