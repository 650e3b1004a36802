#!/usr/bin/env bash
# Black-box test that no identity value ever leaves care-report: every value
# of every identity.yaml under examples/ (names, phone numbers, e-mails,
# address lines, document numbers, guardian names, notes) is looked for in
# everything every care-report command writes, in every format: stdout,
# stderr and -o files. A value that also occurs in a record other than an
# identity record (say an organisation's name) is skipped: it is not an
# identifier of the person. Then, with strace when it is installed, the
# reports are shown never to open an identity record at all.
#
#   bash tests/blackbox/report_privacy.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
report="$bin/care-report"

export CARE_TODAY=2015-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
folder="$scratch/examples"
# Its identities decrypted (harness/plain_copy.sh): a report that opened one
# would show its values.
. "$(dirname "$0")/harness/plain_copy.sh"
plain_copy "$src/examples" "$folder" || { echo "FAILED  could not make a plain copy of examples/"; exit 1; }
outputs="$scratch/outputs"  # everything the commands write, one file per stream
mkdir "$outputs" "$scratch/o"

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

# --- the values to look for -----------------------------------------------------------
# Read as text, line by line (no YAML library): every scalar after "key:" or
# "- ", unquoted, except the keys that only say what kind of thing a value is.
values="$scratch/identity-values.txt"
values_ci="$scratch/identity-values-any-case.txt"
python3 - "$folder" "$values_ci" >"$values" <<'EOF'
import os, re, sys

root, any_case = sys.argv[1], sys.argv[2]
structural = {"kind", "version", "case", "type", "country", "issuer", "expires"}
line_re = re.compile(r"^\s*(?:-\s+)?(?:([A-Za-z_][A-Za-z0-9_]*):)?\s*(.*?)\s*$")

def scalar(text):
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text

identity, other = set(), []
for dirpath, dirnames, filenames in os.walk(root):
    for name in filenames:
        path = os.path.join(dirpath, name)
        text = open(path, encoding="utf-8").read()
        if name != "identity.yaml":
            other.append(text)
            continue
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.lstrip().startswith("-") and ":" not in line:
                continue
            m = line_re.match(line)
            key, value = m.group(1), scalar(m.group(2))
            if key in structural or value in ("", "[]", "{}") or value.endswith(":"):
                continue
            identity.add(value)

kept = sorted(v for v in identity if not any(v in t for t in other))
skipped = sorted(identity - set(kept))
for v in kept:
    print(v)
# For the search in any letter case, also leave out what other records hold
# in another case (the given name "Example" against "fictional example").
lowered = [t.lower() for t in other]
with open(any_case, "w") as out:
    for v in kept:
        if not any(v.lower() in t for t in lowered):
            print(v, file=out)
print(f"{len(kept)} identity values to look for; skipped, as found in other records: {skipped}", file=sys.stderr)
EOF
count=$(wc -l <"$values")
# Each person of the example folder has at least a family name, a phone
# number, an e-mail address and a document number of their own.
persons=$(find "$folder/cases" -name identity.yaml | wc -l)
if [ "$count" -ge $((4 * persons)) ] && grep -qx 'Person-Eight' "$values" && grep -qx 'person-8@example.invalid' "$values" &&
   grep -qx '+000 0000 0008' "$values" && grep -qx 'X0000008' "$values" && grep -qx '8 Example Street' "$values" &&
   grep -qx 'Example Guardian-Eight' "$values"; then
  ok "collected $count identity values (names, phones, e-mails, addresses, documents, guardians)"
else
  not_ok "collected the identity values" "only $count" "$(head -5 "$values")"
fi

# --- every command, every format -----------------------------------------------------------
# run NAME ARGS...: care-report -C <copy> ARGS; stdout and stderr kept in $outputs.
run() {
  local name=$1
  shift
  (cd "$scratch" && "$report" -C "$folder" "$@") >"$outputs/$name.stdout" 2>"$outputs/$name.stderr"
  echo $? >"$scratch/$name.status"
}

commands=0
period="period --from 2013-09-02 --to 2016-02-29"
for f in text markdown csv json html; do
  for a in internal donor public; do
    run "status-$a-$f" status --audience "$a" --format "$f"
    # shellcheck disable=SC2086
    run "period-$a-$f" $period --audience "$a" --format "$f"
    for d in sex age_band host return_country minor nationality sex,minor host,return_country; do
      # shellcheck disable=SC2086
      run "period-$d-$a-$f" $period --by "$d" --audience "$a" --format "$f"
      commands=$((commands + 1))
    done
    run "budget-$a-$f" budget --audience "$a" --format "$f"
    commands=$((commands + 3))
  done
  # --no-suppress, the old spelling of --audience internal
  run "status-ns-$f" status --no-suppress --format "$f"
  # shellcheck disable=SC2086
  run "period-ns-$f" $period --no-suppress --format "$f"
  commands=$((commands + 2))
done
for f in jsonl csv; do
  for a in internal donor public; do
    run "export-$a-$f" export --audience "$a" --format "$f"
    run "export-$a-k1-$f" export --audience "$a" --format "$f" --k 1
    run "export-$a-k2-$f" export --audience "$a" --format "$f" --k 2
    commands=$((commands + 3))
  done
done
run check-text check -v
run check-json check --format json
run check-strict check --strict --format json
run config config
commands=$((commands + 4))
# -o files (kept outside the folder, then moved into $outputs).
run o-status status --fail-on-overdue -o "$scratch/o/status.html"
run o-period-md period --from 2014-01-01 --to 2014-12-31 --by minor -o "$scratch/o/period.md"
run o-period-json period --from 2014-01-01 --to 2014-12-31 --by sex --no-suppress -o "$scratch/o/period.json"
run o-budget budget -o "$scratch/o/budget.csv"
run o-export export -o "$scratch/o/export.csv"
commands=$((commands + 5))
for f in "$scratch"/o/*; do mv "$f" "$outputs/file-$(basename "$f")"; done

# A folder where identity records are broken, with the break on lines that
# hold identifiers: check must report them without quoting them.
broken="$scratch/broken"
cp -R "$folder" "$broken"
sed -i 's/^  family: Person-Eight$/  family: [Person-Eight/' "$broken/cases/GB-2014-004/identity.yaml"
sed -i 's/^  family: Person-Ten$/  family: {Person-Ten: 1}/' "$broken/cases/AT-2014-002/identity.yaml"
sed -i 's/^    number: X0000010$/    number: X0000010\n    holder: Example Person-Ten/' "$broken/cases/AT-2014-002/identity.yaml"
for name in check-broken check-broken-json; do
  format=text
  [ "$name" = check-broken-json ] && format=json
  (cd "$scratch" && "$report" -C "$broken" check --format $format) >"$outputs/$name.stdout" 2>"$outputs/$name.stderr"
  echo $? >"$scratch/$name.status"
done
(cd "$scratch" && "$report" -C "$broken" status) >"$outputs/status-broken.stdout" 2>"$outputs/status-broken.stderr"
commands=$((commands + 3))
if [ "$(cat "$scratch/check-broken.status")" = 1 ] && grep -q 'identity.yaml' "$outputs/check-broken.stderr"; then
  ok "check finds the problems planted in identity records (exit 1, names the files)"
else
  not_ok "check finds the problems planted in identity records" "exit $(cat "$scratch/check-broken.status")" \
    "$(head -5 "$outputs/check-broken.stderr")"
fi

# Every command ran to the end (exit 0, or 1 where it reports findings).
bad=""
for s in "$scratch"/*.status; do
  case $(cat "$s") in 0 | 1) ;; *) bad="$bad $(basename "$s" .status)=$(cat "$s")" ;; esac
done
if [ -z "$bad" ]; then
  ok "all $commands runs of care-report finished (exit 0 or 1)"
else
  not_ok "all runs of care-report finished (exit 0 or 1)" "$bad"
fi
empty=""
for f in "$outputs"/*.stdout; do
  # check is silent when all is well, -o leaves stdout empty, and with k > 1
  # an export may withhold every example row (no two cases share every value).
  case $(basename "$f") in check-* | o-* | export-public-jsonl.* | export-*-k2-jsonl.*) continue ;; esac
  [ -s "$f" ] || empty="$empty $(basename "$f")"
done
if [ -z "$empty" ]; then
  ok "every report wrote something to look in"
else
  not_ok "every report wrote something to look in" "empty:$empty"
fi

# The search itself: fixed strings, case-sensitive, in every file of $outputs.
leaks=$(grep -rFf "$values" -o "$outputs" | sort -u)
if [ -z "$leaks" ]; then
  ok "no identity value appears in any of the $(ls "$outputs" | wc -l) outputs (stdout, stderr, -o files)"
else
  not_ok "no identity value appears in any output" "$(echo "$leaks" | head -10)"
fi
# The same search ignoring case, for e-mail addresses and the like written differently.
leaks=$(grep -rFif "$values_ci" -o "$outputs" | sort -u)
if [ -z "$leaks" ]; then
  ok "nor in any letter case"
else
  not_ok "no identity value appears in any output, in any letter case" "$(echo "$leaks" | head -10)"
fi
# A control: the search does find a value when one is there.
cp "$folder/cases/GB-2014-004/identity.yaml" "$outputs/control.txt"
if [ -n "$(grep -rFf "$values" -l "$outputs" | grep control.txt)" ]; then
  ok "control: the search finds identity values in a copy of an identity record"
else
  not_ok "control: the search finds identity values in a copy of an identity record"
fi
rm "$outputs/control.txt"

# --- audiences: the notice each report carries ------------------------------------------------
donor_notice='CONFIDENTIAL: exact figures of CARE pilot (fictional example) for '
internal_notice='INTERNAL: exact counts, for the program team only; do not share outside it.'
missing=""
for f in text markdown csv json html; do
  grep -qF "$donor_notice" "$outputs/period-donor-$f.stdout" || missing="$missing period-donor-$f"
  grep -qF "$donor_notice" "$outputs/period-sex,minor-donor-$f.stdout" || missing="$missing period-sex,minor-donor-$f"
  for name in status-internal status-ns budget-internal period-internal; do
    grep -qF "$internal_notice" "$outputs/$name-$f.stdout" || missing="$missing $name-$f"
  done
  for name in status-public period-public budget-public period-sex-public; do
    if grep -qE 'CONFIDENTIAL|INTERNAL:' "$outputs/$name-$f.stdout"; then missing="$missing $name-$f(has a notice)"; fi
  done
done
if [ -z "$missing" ]; then
  ok "donor reports carry the confidentiality notice, internal ones the internal warning, public ones neither (every format)"
else
  not_ok "each audience's notice in every format" "$missing"
fi

# --- the export ------------------------------------------------------------------------------------
cases=$(find "$folder/cases" -mindepth 2 -maxdepth 2 -name case.yaml | wc -l)
id_pattern='[A-Z][A-Z]-[0-9]{4}-[0-9]{3,}'
public="$outputs/export-public-k1-csv.stdout"
header=$(head -1 "$public")
rows=$(($(wc -l <"$public") - 1))
bad=$(tail -n +2 "$public" | grep -oE "$id_pattern|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]+\.[0-9]{2}" | sort -u | head -5)
if [ "$rows" = "$cases" ] && ! echo "$header" | grep -qE 'caseId|referralDate' && [ -z "$bad" ]; then
  ok "public export: $rows rows with no case ID, no exact date and no exact amount"
else
  not_ok "public export: no case ID, no exact date, no exact amount" "rows $rows of $cases cases" "header: $header" \
    "found: $bad"
fi
# column NAME FILE: the values of a CSV column (the export quotes no value of these columns)
column_values() {
  awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } c { print $c }' "$2" | sort -u
}
problems=""
for v in $(column_values budgetPlanned "$public") $(column_values budgetDelivered "$public"); do
  case $v in 0 | 1-500 | 501-1000 | 1001-2000 | 2001-3000 | 3001+ | -99) ;; *) problems="$problems amount:$v" ;; esac
done
for v in $(column_values ageBroad "$public"); do
  case $v in 0--8 | 9--17 | 18--20 | 21--23 | 24--26 | 27--29 | 30--38 | 39--47 | 48+ | -99) ;; *) problems="$problems age:$v" ;; esac
done
for v in $(column_values gender "$public"); do
  case $v in Female | Male | Transgender/NonConforming | -99) ;; *) problems="$problems gender:$v" ;; esac
done
for name in isForcedLabour isSexualExploit isForcedMarriage isOrganRemoval isOtherExploit isEligible; do
  for v in $(column_values "$name" "$public"); do
    case $v in 0 | 1 | -99) ;; *) problems="$problems $name:$v" ;; esac
  done
done
for v in $(column_values yearOfRegistration "$public"); do
  [[ $v =~ ^(20[0-9]{2}|-99)$ ]] || problems="$problems year:$v"
done
if [ -z "$problems" ] && [ -n "$(column_values budgetPlanned "$public")" ]; then
  ok "public export: amounts in bands, CTDC's age bands, genders and 0/1 flags, years only"
else
  not_ok "public export: values in CTDC's form, amounts banded" "$problems"
fi
# The default k is reports.min_cell (5): every published row is shared by at least 5 rows.
err="$outputs/export-public-csv.stderr"
kept=$(($(wc -l <"$outputs/export-public-csv.stdout") - 1))
rare=$(tail -n +2 "$outputs/export-public-csv.stdout" | sort | uniq -c | awk '$1 < 5' | wc -l)
if grep -qE "withheld $((cases - kept)) of $cases rows .*fewer than 5 rows" "$err" && [ "$rare" = 0 ]; then
  ok "public export: k = reports.min_cell by default; $((cases - kept)) of $cases rows withheld, counted on stderr"
else
  not_ok "public export: k = reports.min_cell by default, rows withheld counted on stderr" "kept $kept, rare $rare" \
    "$(head -3 "$err")"
fi
# k over every column: three cases alike in all (copies of one) are published together with --k 3.
dups="$scratch/dups"
cp -R "$folder" "$dups"
for n in 901 902; do
  cp -R "$dups/cases/AT-2015-001" "$dups/cases/AT-2015-$n"
  find "$dups/cases/AT-2015-$n" -name '*.yaml' -exec sed -i "s/AT-2015-001/AT-2015-$n/g" {} +
done
(cd "$scratch" && "$report" -C "$dups" export --format csv --k 3) >"$scratch/dups.csv" 2>"$scratch/dups.err"
kept=$(($(wc -l <"$scratch/dups.csv") - 1))
rare=$(tail -n +2 "$scratch/dups.csv" | sort | uniq -c | awk '$1 < 3' | wc -l)
if [ "$kept" -ge 3 ] && [ "$rare" = 0 ] && grep -q "withheld $((cases + 2 - kept)) of $((cases + 2)) rows" "$scratch/dups.err"; then
  ok "public export --k 3: the $kept rows published are each shared by 3 rows in every column"
else
  not_ok "public export --k 3: rows alike in every column are published, no other" "kept $kept, rare $rare" \
    "$(head -3 "$scratch/dups.err")"
fi
donor_err="$outputs/export-donor-csv.stderr"
if [ "$(grep -c 'CONFIDENTIAL' "$donor_err")" = 1 ] && ! grep -q withheld "$donor_err" &&
   grep -qE "^AT-2014-002," "$outputs/export-donor-csv.stdout"; then
  ok "donor export: case IDs, nothing withheld, and one line on stderr saying the file is confidential"
else
  not_ok "donor export: case IDs, nothing withheld, one confidential line on stderr" "$(head -3 "$donor_err")"
fi
if grep -qE '^AT-2014-002,2014,2014-[0-9]{2}-[0-9]{2},' "$outputs/export-internal-csv.stdout" &&
   grep -qE ',[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},EUR$' "$outputs/export-internal-csv.stdout" &&
   ! grep -qE 'withheld|CONFIDENTIAL' "$outputs/export-internal-csv.stderr"; then
  ok "internal export: case IDs, referral dates and exact amounts, nothing withheld"
else
  not_ok "internal export: case IDs, referral dates and exact amounts, nothing withheld" \
    "$(head -2 "$outputs/export-internal-csv.stdout")" "$(head -2 "$outputs/export-internal-csv.stderr")"
fi
if [ "$(head -c 19 "$outputs/file-export.csv")" = "yearOfRegistration," ]; then
  ok "export -o FILE.csv: CSV, for the public by default"
else
  not_ok "export -o FILE.csv: CSV, for the public by default" "$(head -1 "$outputs/file-export.csv")"
fi

# --- the reports never open an identity record ---------------------------------------------------
if ! command -v strace >/dev/null 2>&1; then
  echo "skip    strace is not installed: not shown that reports never open identity.yaml"
elif ! strace -f -qq -e trace=openat -o /dev/null true >/dev/null 2>&1; then
  echo "skip    strace cannot trace here (ptrace not permitted): not shown that reports never open identity.yaml"
else
  # traced NAME ARGS...: the openat calls of one run, in $scratch/NAME.trace.
  traced() {
    local name=$1
    shift
    (cd "$scratch" && strace -f -qq -e trace=openat -o "$scratch/$name.trace" "$report" -C "$folder" "$@") \
      >/dev/null 2>&1
  }
  cases=$(find "$folder/cases" -mindepth 1 -maxdepth 1 -type d | wc -l)
  traced trace-check check
  opened=$(grep 'identity\.yaml' "$scratch/trace-check.trace" | grep -o 'cases/[^/]*/identity' | sort -u | wc -l)
  persons=$(find "$folder/cases" -name identity.yaml | wc -l)  # an erased case has none
  if [ "$opened" = "$persons" ]; then
    ok "control: strace shows check opening the identity record of each of the $persons cases that have one"
  else
    not_ok "control: strace shows check opening the identity record of each of the $persons cases that have one" "$opened opened"
  fi
  traced trace-status status --format html
  traced trace-status-fail status --fail-on-overdue
  traced trace-period period --from 2013-09-02 --to 2016-02-29 --by age_band --format json
  traced trace-budget budget
  traced trace-export export --format csv --k 2
  for name in trace-status trace-status-fail trace-period trace-budget trace-export; do
    records=$(grep '/case\.yaml' "$scratch/$name.trace" | grep -o 'cases/[^/]*/case' | sort -u | wc -l)
    identity=$(grep 'identity\.yaml' "$scratch/$name.trace")
    if [ "$records" = "$cases" ] && [ -z "$identity" ]; then
      ok "${name#trace-}: opens the case record of each of the $cases cases and no identity record (strace -e trace=openat)"
    else
      not_ok "${name#trace-}: opens every case record and no identity record" "case records opened: $records of $cases" \
        "$(echo "$identity" | head -3)"
    fi
  done
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
