#!/usr/bin/env bash
# examples/ is what scripts/make-examples makes with the care commands, and it
# holds a case at every stage that the documentation and the other tests rely
# on.
#
#   bash tests/blackbox/examples_reproducible.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# After an intended change of the commands' output, regenerate examples/:
#   scripts/make-examples /tmp/ex BIN_DIR && rm -rf examples && mv /tmp/ex examples
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
examples="$src/examples"
asof=2015-06-30

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

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
show() { sed 's/^/| /' "$1" | head -n "${2:-20}"; }

# --- the script makes the folder, whatever the day, zone and locale -------------
# The script must set them itself: run it in a hostile environment.
made="$scratch/made"
hostile=C.UTF-8  # a locale with other rules for case and numbers, if one is installed
for l in tr_TR.utf8 de_DE.utf8; do
  if locale -a 2>/dev/null | grep -qx "$l"; then hostile=$l && break; fi
done
CARE_TODAY=2031-12-31 CARE_DIR="$scratch/nowhere" TZ=Pacific/Kiritimati LC_ALL=$hostile LANG=$hostile \
  VISUAL=false EDITOR=false bash "$src/scripts/make-examples" "$made" "$bin" >"$scratch/make.out" 2>"$scratch/make.err"
status=$?
if [ "$status" = 0 ] && [ ! -s "$scratch/make.out" ] && [ ! -s "$scratch/make.err" ]; then
  ok "scripts/make-examples OUT BIN_DIR: exit 0, no output"
else
  not_ok "scripts/make-examples OUT BIN_DIR: exit 0, no output" "exit $status" "$(show "$scratch/make.err")" \
    "$(show "$scratch/make.out")"
fi

# age encrypts with a fresh random key each time: the encrypted identities
# are compared by what they decrypt to (with the test key), the rest byte
# for byte.
if diff -r -x '*.age' "$made" "$examples" >"$scratch/diff.out" 2>&1; then
  ok "examples/ is exactly the script's output (diff -r), encrypted identities aside"
else
  not_ok "examples/ is exactly the script's output (diff -r), encrypted identities aside" \
    "regenerate: scripts/make-examples /tmp/ex BIN_DIR && rm -rf examples && mv /tmp/ex examples" \
    "$(show "$scratch/diff.out" 40)"
fi
key="$src/tests/keys/test-program-key.txt"
sealed_made=$(cd "$made" && find cases -name 'identity.yaml.age' | sort)
sealed_examples=$(cd "$examples" && find cases -name 'identity.yaml.age' | sort)
differs=""
for f in $sealed_examples; do
  cmp -s <(age -d -i "$key" "$made/$f" 2>&1) <(age -d -i "$key" "$examples/$f" 2>&1) || differs="$differs $f"
done
if [ -n "$sealed_examples" ] && [ "$sealed_made" = "$sealed_examples" ] && [ -z "$differs" ] &&
  age -d -i "$key" "$examples/cases/AT-2014-002/identity.yaml.age" | grep -q '^kind: identity$'; then
  ok "the encrypted identities decrypt (test key) to what the script encrypts"
else
  not_ok "the encrypted identities decrypt (test key) to what the script encrypts" "differ:$differs"
fi

if bash "$src/scripts/make-examples" "$made" "$bin" >/dev/null 2>"$scratch/twice.err"; then
  not_ok "refuses an OUT folder that is not empty"
else
  ok "refuses an OUT folder that is not empty"
fi

# --- the folder checks clean and shows what is due -------------------------------
# On an owner-only copy, as care-intake clone leaves a folder: git checks
# examples/ out 0644, which check --strict would count (folder.mode).
cp -R "$examples" "$scratch/owner-only" && chmod -R go-rwx "$scratch/owner-only"
"$bin/care-report" -C "$scratch/owner-only" check --strict --as-of $asof >"$scratch/check.out" 2>&1
status=$?
if [ "$status" = 0 ]; then
  ok "care-report -C examples check --strict --as-of $asof: exit 0"
else
  not_ok "care-report -C examples check --strict --as-of $asof: exit 0" "exit $status" "$(show "$scratch/check.out")"
fi

"$bin/care-monitor" -C "$examples" due --as-of $asof --format json >"$scratch/due.json" 2>"$scratch/due.err"
status=$?
due=$(cat "$scratch/due.json")
if [ "$status" = 0 ] && [[ $due =~ \"overdue\":[1-9] ]] && [[ $due == *'"status":"overdue"'* ]]; then
  ok "care-monitor due --as-of $asof: at least one contact overdue"
else
  not_ok "care-monitor due --as-of $asof: at least one contact overdue" "exit $status" "$due"
fi
if [[ $due =~ \"open_flags\":\[\{\"case\":\"[A-Z]{2}-[0-9]{4}-[0-9]{3}\" ]]; then
  ok "care-monitor due --as-of $asof: at least one open risk flag"
else
  not_ok "care-monitor due --as-of $asof: at least one open risk flag" "$due"
fi
if [[ $due == *'"status":"due"'* ]]; then
  ok "care-monitor due --as-of $asof: a contact due within 30 days"
else
  not_ok "care-monitor due --as-of $asof: a contact due within 30 days" "$due"
fi

# --- a case at every stage ------------------------------------------------------
cases="$examples/cases"
# cases_where TEST: the cases for which TEST CASE_FOLDER succeeds.
cases_where() {
  local dir
  for dir in "$cases"/*/; do
    "$1" "${dir%/}" && basename "$dir"
  done
}
# at_least N WHAT TEST: ok when at least N cases pass TEST.
at_least() {
  local n=$1 what=$2 found
  found=$(cases_where "$3" | tr '\n' ' ')
  if [ "$(wc -w <<<"$found")" -ge "$n" ]; then
    ok "$what: ${found% }"
  else
    not_ok "$what" "found: ${found:-none}"
  fi
}
has() { grep -Eq "$2" "$1" 2>/dev/null; }
lacks() { ! grep -Eq "$2" "$1" 2>/dev/null; }

draft_plan() { [ -f "$1/plan.yaml" ] && lacks "$1/plan.yaml" '^agreement:' && has "$1/plan.yaml" 'status: proposed'; }
agreed_nothing_delivered() {
  has "$1/plan.yaml" '^agreement:' && lacks "$1/plan.yaml" 'deliveries:' && [ ! -f "$1/return.yaml" ]
}
partly_delivered() {
  has "$1/plan.yaml" '^agreement:' && has "$1/plan.yaml" 'status: delivered' &&
    has "$1/plan.yaml" 'status: (planned|committed)'
}
fully_delivered() {
  has "$1/plan.yaml" '^agreement:' && has "$1/plan.yaml" 'status: delivered' &&
    lacks "$1/plan.yaml" 'status: (proposed|planned|committed)'
}
over_cap() { has "$1/plan.yaml" '^over_cap:'; }
changed_after_agreement() { has "$1/plan.yaml" '^changes:'; }
in_monitoring() { [ -f "$1/monitoring-plan.yaml" ] && [ ! -f "$1/closure.yaml" ] && [ -d "$1/monitoring" ]; }
moved_contact() { has "$1/monitoring-plan.yaml" 'moved:'; }
failed_attempt() { grep -lq 'reached: false' "$1"/monitoring/*.yaml 2>/dev/null; }
cleared_flag() { grep -lq 'cleared:' "$1"/monitoring/*.yaml 2>/dev/null; }
scored() { grep -lq '^  scores:' "$1"/monitoring/*.yaml 2>/dev/null; }
completed() { has "$1/closure.yaml" '^reason: completed$'; }
closed_early_after_return() {
  [ -f "$1/return.yaml" ] && has "$1/closure.yaml" '^reason: (no_longer_eligible|chose_to_stop|moved_or_migrated|lost_contact|died|security_or_funding)$'
}
closed_before_plan() { [ ! -f "$1/plan.yaml" ] && has "$1/closure.yaml" '^reason: ' && lacks "$1/closure.yaml" 'ineligible_at_referral'; }
reopened() { has "$1/closure.yaml" '^reopened:'; }
minor() { [ -f "$1/minor.yaml" ]; }
minor_returned() { [ -f "$1/minor.yaml" ] && has "$1/return.yaml" '^  by: (guardian|program_staff)$'; }
ineligible() {
  has "$1/case.yaml" '^  status: ineligible$' && has "$1/closure.yaml" '^reason: ineligible_at_referral$'
}
referral_only() { [ ! -d "$1/assessments" ] && [ ! -f "$1/closure.yaml" ]; }
assessed_no_plan() { [ -d "$1/assessments" ] && [ ! -f "$1/plan.yaml" ] && [ ! -f "$1/closure.yaml" ]; }
consent_withdrawn() { has "$1/case.yaml" 'action: withdrawn'; }

at_least 1 "a draft plan (proposed items, no agreement)" draft_plan
at_least 1 "an agreed plan with nothing delivered yet" agreed_nothing_delivered
at_least 1 "an agreed plan partly delivered" partly_delivered
at_least 1 "an agreed plan fully delivered (every item delivered or cancelled)" fully_delivered
at_least 1 "a plan over the cap, with the reason" over_cap
at_least 1 "a plan changed after agreement" changed_after_agreement
at_least 2 "cases in monitoring" in_monitoring
at_least 1 "a contact moved" moved_contact
at_least 1 "a failed contact attempt" failed_attempt
at_least 1 "a risk flag cleared" cleared_flag
at_least 3 "contacts scored for sustainability" scored
at_least 1 "a case closed after 12 months (completed)" completed
at_least 1 "a case closed early after return" closed_early_after_return
at_least 1 "a case closed before a plan" closed_before_plan
at_least 1 "a case reopened" reopened
at_least 2 "minors' cases" minor
at_least 1 "a minor returned with an escort" minor_returned
at_least 1 "an ineligible referral kept as a closed case" ineligible
at_least 1 "a referral not yet assessed" referral_only
at_least 1 "a case assessed, without a plan yet" assessed_no_plan
at_least 1 "a consent withdrawn" consent_withdrawn

n_outreach=$(find "$examples/outreach" -name 'OR-*.yaml' | wc -l)
if [ "$n_outreach" -ge 2 ] && grep -lq 'type: information_meeting' "$examples"/outreach/*.yaml &&
   grep -lq 'type: leaflet_dispatch' "$examples"/outreach/*.yaml; then
  ok "outreach: $n_outreach events, meetings and leaflet dispatches"
else
  not_ok "outreach: meetings and leaflet dispatches" "found $n_outreach events"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
