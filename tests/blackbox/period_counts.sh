#!/usr/bin/env bash
# Black-box test of care-report period: every person count (and the counts of
# events and contacts) that the real binary prints for examples/ must equal a
# count made independently from the YAML records by period_counts.py, which
# follows the definitions of care-report(1), PERIOD. The examples change, so
# the expectations are computed here, never written down. Also: the donor's
# report (the default audience) hides no cell.
#
#   bash tests/blackbox/period_counts.sh BIN_DIR SOURCE_DIR
#
# Needs python3 with PyYAML (python3-yaml). Prints one line per check, then
# "N passed, M failed"; exits 1 on any failure. All data is invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR VISUAL EDITOR
export PATH="$bin:$PATH"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cf="$scratch/examples"
cp -R "$src/examples" "$cf"

passed=0
failed=0
ok() {
  echo "ok      $1"
  passed=$((passed + 1))
}
not_ok() {
  echo "FAILED  $1"
  failed=$((failed + 1))
}

if ! python3 -c 'import yaml' 2>/dev/null; then
  not_ok "python3 with PyYAML is installed (scripts/setup installs python3-yaml)"
  echo "$passed passed, $failed failed"
  exit 1
fi

read -r start end < <(python3 -c 'import sys,tomllib; p=tomllib.load(open(sys.argv[1],"rb"))["program"]; print(p["start"], p["end"])' "$cf/care.toml")

# compare REPORT.json EXPECTED.json: prints one line per difference.
compare() {
  python3 - "$1" "$2" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
want = json.load(open(sys.argv[2]))
tables = {t["id"]: t for t in report["tables"]}
checked = ["persons", "referrals", "referrals_by_organisation", "post_arrival", "reintegration", "minors",
           "protection", "closures", "closures_ineligible", "monitoring_persons", "monitoring_contacts",
           "period_events", "targets", "outcomes_latest", "outcomes_month_6", "outcomes_month_12",
           "outcomes_change"] + [k for k in want if k.startswith("cross_")]
problems = []
if want.get("_no_survey"):
    checked = [c for c in checked if not c.startswith("outcomes_")]
    if any(t.startswith("outcomes") for t in tables):
        problems.append("outcome tables printed for a folder without sustainability.toml")
    if not any(n.startswith("No sustainability survey") for n in report["notes"]):
        problems.append("no note saying the folder has no sustainability.toml")
for tid in checked:
    if tid not in tables:
        problems.append(f"{tid}: no such table in the report")
        continue
    t = tables[tid]
    names = t["columns"][1:]
    expected = want.get(tid, {})
    seen = set()
    for row in t["rows"]:
        values = dict(zip(names, (str(v) for v in row["values"])))
        if row["total"]:
            for col in names:
                parts = sum(int(r["values"][names.index(col)]) for r in t["rows"] if not r["total"])
                if values[col].isdigit() and int(values[col]) != parts and tid not in ("closures_ineligible",):
                    problems.append(f"{tid}: total of {col} is {values[col]}, its rows add up to {parts}")
            continue
        seen.add(row["label"])
        exp = expected.get(row["label"], {})
        for col in names:
            if tid == "targets" and col != names[0]:
                continue  # the target and the share are not counts
            key = col
            if tid == "targets" or (not tid.startswith("outcomes_") and (col == "total" or len(names) == 1)):
                key = "count"
            got = values[col]
            if got != str(exp.get(key, 0)):
                problems.append(f"{tid} / {row['label']} / {col}: report {got}, records {exp.get(key, 0)}")
    for label in expected:
        if label not in seen:
            problems.append(f"{tid}: row {label!r} counted in the records is missing from the report")
print("\n".join(problems))
PY
}

# check_period NAME FROM TO [BY]
check_period() {
  local name=$1 from=$2 to=$3 by=${4:-}
  local out="$scratch/$name.json" want="$scratch/$name.want.json"
  local args=(period --from "$from" --to "$to" --format json --audience internal)
  local dims=()
  if [ -n "$by" ]; then
    args+=(--by "$by")
    IFS=, read -r -a dims <<< "$by"
  fi
  if ! (cd "$cf" && care-report "${args[@]}") > "$out" 2> "$scratch/err"; then
    not_ok "$name: care-report period runs ($(head -c 300 "$scratch/err"))"
    return
  fi
  if ! python3 "$src/tests/blackbox/period_counts.py" "$cf" "$from" "$to" "${dims[@]}" > "$want"; then
    not_ok "$name: the records can be counted"
    return
  fi
  local diff
  diff=$(compare "$out" "$want")
  if [ -z "$diff" ]; then ok "$name: every count equals the count made from the records"
  else not_ok "$name: counts differ from the records:"$'\n'"$(echo "$diff" | head -20 | sed 's/^/          /')"
  fi
}

check_period "whole program" "$start" "$end"
check_period "whole program by sex,minor" "$start" "$end" sex,minor
check_period "whole program by host,return_country" "$start" "$end" host,return_country
check_period "2015" 2015-01-01 2015-12-31
check_period "first half of 2015 by minor,sex" 2015-01-01 2015-06-30 minor,sex
check_period "one month" 2014-09-01 2014-09-30
if [ -f "$cf/sustainability.toml" ]; then
  mv "$cf/sustainability.toml" "$scratch/sustainability.toml"
  check_period "2015, without sustainability.toml" 2015-01-01 2015-12-31
  mv "$scratch/sustainability.toml" "$cf/sustainability.toml"
fi

# hidden DESCRIPTION ARGS...: the donor's report shows every cell.
no_hidden() {
  local what=$1
  shift
  if ! (cd "$cf" && care-report period --from "$start" --to "$end" --format json "$@") > "$scratch/donor.json" 2>&1; then
    not_ok "$what: runs"
    return
  fi
  local hidden
  hidden=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(r["audience"], *["%s/%s" % (t["id"], row["label"]) for t in r["tables"] for row in t["rows"]
                       for v in row["values"] if isinstance(v, str) and (v == "*" or v.startswith("<"))])' "$scratch/donor.json")
  if [ "$hidden" = "donor" ]; then ok "$what: the donor audience, no hidden cell"
  else not_ok "$what: hidden cells or wrong audience: $hidden"
  fi
}
no_hidden "period over the program (default audience)"
no_hidden "period --by sex,minor" --by sex,minor
no_hidden "period --audience donor --by host,nationality" --audience donor --by host,nationality

# The public audience hides small counts, in the cross-tables too.
if (cd "$cf" && care-report period --from "$start" --to "$end" --format json --audience public --by sex,minor) \
    > "$scratch/public.json" 2>&1 &&
   python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
cells = [v for t in r["tables"] if t["id"].startswith("cross_") for row in t["rows"] for v in row["values"]]
small = [v for v in cells if isinstance(v, int) and 0 < v < r["min_cell"]]
sys.exit(1 if small or not cells else 0)' "$scratch/public.json"; then
  ok "public audience: no count below min_cell shown in a cross-table"
else
  not_ok "public audience: no count below min_cell shown in a cross-table"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
