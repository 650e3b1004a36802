#!/usr/bin/env bash
# Black-box tests of care-monitor's safeguards (issue 9), with the real
# binaries: a case's own months, the safety plan of a return at high risk,
# whether the child-protection service was seen, closure over open risk
# flags, and flags escalated by care-monitor due.
#
#   bash tests/blackbox/monitor_safeguards.sh BIN_DIR SOURCE_DIR
#
# The records before monitoring (assessment, plan, return) are written as
# files: they are the business of care-intake and care-plan. Everything after
# arrival goes through care-monitor, and care-report check must accept what it
# writes.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All data is invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR VISUAL EDITOR
export PATH="$bin:$PATH"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cf="$scratch/cf"  # the case folder under test
cp -R "$src/tests/golden/base" "$cf"
id=AT-2014-001  # an adult returned at high risk
low=AT-2014-002 # an adult returned at low risk
c="$cf/cases/$id"

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

# run NAME PROGRAM ARGS...: runs in the case folder; output to $scratch/NAME.out
# and .err, status to .status.
run() {
  local name=$1
  shift
  (cd "$cf" && "$@") >"$scratch/$name.out" 2>"$scratch/$name.err"
  echo $? >"$scratch/$name.status"
}
status_of() { cat "$scratch/$1.status"; }
out() { cat "$scratch/$1.out"; }
show() { sed 's/^/| /' "$scratch/$1" | head -20; }

# A fingerprint of every file in the case folder: names and contents.
snapshot() { (cd "$cf" && find . -type f ! -path './.git/*' ! -path './.care/local/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }

# accepted NAME DESCRIPTION PROGRAM ARGS...: exit 0, and care-report check
# still exits 0 afterwards.
accepted() {
  local name=$1 what=$2
  shift 2
  run "$name" "$@"
  if [ "$(status_of "$name")" != 0 ]; then
    not_ok "$what" "exit $(status_of "$name"), expected 0" "$(show "$name.err")"
    return 1
  fi
  run "$name.check" care-report check
  if [ "$(status_of "$name.check")" != 0 ]; then
    not_ok "$what (then care-report check)" "check exits $(status_of "$name.check")" "$(show "$name.check.out")" \
      "$(show "$name.check.err")"
    return 1
  fi
  ok "$what"
}

# refused NAME DESCRIPTION STATUS PATTERN PROGRAM ARGS...: exits STATUS, says
# something matching PATTERN (grep -E; "" for anything) on stderr, and changes
# no file. With STATUS 0 it checks a dry run.
refused() {
  local name=$1 what=$2 want=$3 pattern=$4
  shift 4
  local before after
  before=$(snapshot)
  run "$name" "$@"
  after=$(snapshot)
  if [ "$(status_of "$name")" != "$want" ]; then
    not_ok "$what" "exit $(status_of "$name"), expected $want" "$(show "$name.err")"
  elif [ "$before" != "$after" ]; then
    not_ok "$what" "files changed:" "$(diff <(echo "$before") <(echo "$after") | head -10)"
  elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$scratch/$name.err"; then
    not_ok "$what" "stderr does not match /$pattern/" "$(show "$name.err")"
  else
    ok "$what"
  fi
}

# expect DESCRIPTION CONDITION-STATUS DETAIL...: ok when the status is 0.
expect() {
  local what=$1 status=$2
  shift 2
  if [ "$status" = 0 ]; then ok "$what"; else not_ok "$what" "$@"; fi
}

# field FILE KEY: the value of a top-level or indented "KEY: value" line (first match).
field() { sed -n "s/^ *$2: //p" "$1" | head -1 | tr -d '"'; }

# --- the records up to arrival, written as files ---------------------------------
# Both adults referred 2014-03-03, assessed 2014-03-10, plan agreed 2014-03-25,
# left 2014-04-10 and arrived 2014-04-11 after signing the return declaration.
# AT-2014-001 was at high risk, reviewed on 2014-04-01 with the decision to proceed.
write_case() {  # ID RISK
  local cid=$1 risk=$2 dir="$cf/cases/$1"
  mkdir -p "$dir/assessments"
  sed "s/AT-2014-001/$cid/" "$src/tests/golden/base/cases/AT-2014-001/case.yaml" >"$dir/case.yaml"
  sed "s/AT-2014-001/$cid/" "$src/tests/golden/base/cases/AT-2014-001/identity.yaml" >"$dir/identity.yaml"
  cat >>"$dir/case.yaml" <<YAML
  - purpose: assistance
    action: granted
    date: "2014-03-03"
    given_by: person
  - purpose: sharing_return_country
    action: granted
    date: "2014-03-03"
    given_by: person
  - purpose: monitoring_contacts
    action: granted
    date: "2014-03-03"
    given_by: person
YAML
  cat >"$dir/assessments/2014-03-10.yaml" <<YAML
kind: assessment
version: 1
case: $cid
date: "2014-03-10"
assessed_by: caseworker, Vienna office
needs:
  - domain: livelihood
    level: medium
overall_risk: $risk
YAML
  cat >"$dir/plan.yaml" <<YAML
kind: plan
version: 1
case: $cid
drafted: "2014-03-20"
agreement:
  date: "2014-03-25"
  beneficiary: true
items:
  - id: 1
    phase: reintegration
    type: other
    budget:
      amount: "800.00"
      currency: EUR
    status: planned
YAML
  if [ "$risk" = high ]; then
    cat >>"$dir/plan.yaml" <<YAML
risk_reviews:
  - date: "2014-04-01"
    reviewer: programme coordinator, Vienna office
    decision: proceed
    safety_measures:
      - met on arrival by the partner organisation
YAML
  fi
  cat >"$dir/return.yaml" <<YAML
kind: return
version: 1
case: $cid
departure: "2014-04-10"
arrival: "2014-04-11"
destination:
  country: NG
  place: Edo State
escort:
  by: none
declaration:
  signed: "2014-04-02"
  alternatives_explained: true
  language: English
YAML
}
write_case $id high
write_case $low low
run start care-report check
expect "the starting folder passes care-report check" "$(status_of start)" "$(show start.out)" "$(show start.err)"

# --- the schedule: the case's own months ------------------------------------------
refused sp_none "safety-plan for a case without a monitoring plan is refused" 1 'no monitoring plan' \
  care-monitor safety-plan $low --call "program hotline" --report-contact-by "by phone"
refused months_zero "schedule --months 0,3 is refused: months run from 1 to 24" 1 '"0" is not a month from 1 to 24' \
  care-monitor schedule $low --date 2014-04-11 --mode phone --months 0,3
refused months_25 "schedule --months 1,25 is refused" 1 '"25" is not a month from 1 to 24' \
  care-monitor schedule $low --date 2014-04-11 --mode phone --months 1,25
refused months_twice "schedule --months 1,3,1 is refused: each month once" 1 'month 1 is given twice' \
  care-monitor schedule $low --date 2014-04-11 --mode phone --months 1,3,1
refused months_word "schedule --months monthly is refused, the hint names --months" 1 'for example --months' \
  care-monitor schedule $low --date 2014-04-11 --mode phone --months monthly
accepted sched_low "schedule --months 3,1,2: three monthly contacts" \
  care-monitor schedule $low --date 2014-04-11 --mode phone --months 3,1,2
f="$cf/cases/$low/monitoring-plan.yaml"
due_dates=$(sed -n 's/^ *due: "\(.*\)"$/\1/p' "$f" | tr '\n' ' ')
months=$(sed -n '/^months:/,/^[a-z]/p' "$f" | sed -n 's/^ *- //p' | tr '\n' ' ')
expect "schedule --months: months [1, 2, 3] written, contacts due 1, 2 and 3 months after arrival" \
  "$([ "$months" = "1 2 3 " ] && [ "$due_dates" = "2014-05-11 2014-06-11 2014-07-11 " ]; echo $?)" \
  "months: $months" "due: $due_dates"

run due_months care-monitor due --as-of 2014-06-20
expect "due honours the case's months: contacts 1 and 2 late, no contact 3 months apart" \
  "$(grep -q "$low  contact 1  due 2014-05-11  40 days late" "$scratch/due_months.out" &&
     grep -q "$low  contact 2  due 2014-06-11  9 days late" "$scratch/due_months.out"; echo $?)" "$(show due_months.out)"
run due_months_end care-monitor due --as-of 2014-07-12 --format json
expect "due: the monitoring of the case ended with its last month (2014-07-11), not care.toml's 12" \
  "$(grep -q "\"ended_open\":\[{\"case\":\"$low\",\"ended\":\"2014-07-11\"}\]" "$scratch/due_months_end.out"; echo $?)" \
  "$(show due_months_end.out)"

# --- the safety plan of a return at high risk ---------------------------------------
refused sched_nosafety "schedule of a high-risk return without a safety plan is refused" 1 'no safety plan' \
  care-monitor schedule $id --date 2014-04-11 --mode phone --months 1,2,3,4,5,6,9,12
refused sched_halfsafety "a safety plan without --report-contact-by is refused, naming it" 1 '--report-contact-by' \
  care-monitor schedule $id --date 2014-04-11 --mode phone --call "program hotline"
accepted sched "schedule with --months and the safety plan" \
  care-monitor schedule $id --date 2014-04-11 --mode phone --mode visit --months 1,2,3,4,5,6,9,12 \
  --call "program hotline" --call "police emergency number" --safe-place "partner shelter in Benin City" \
  --report-contact-by "phone the program hotline the same day"
f="$c/monitoring-plan.yaml"
plan=$(sed -n '/^safety_plan:/,$p' "$f")
expect "monitoring-plan.yaml: safety_plan with call, safe_places and report_contact_by" \
  "$(grep -q -- '- program hotline' <<<"$plan" && grep -q -- '- police emergency number' <<<"$plan" &&
     grep -q -- '- partner shelter in Benin City' <<<"$plan" &&
     grep -q 'report_contact_by: phone the program hotline the same day' <<<"$plan"; echo $?)" "$(cat "$f")"
refused sched_again "schedule again with safety-plan options is refused, pointing at safety-plan" 1 \
  'care-monitor safety-plan' care-monitor schedule $id --date 2014-04-12 --mode phone --call "program hotline" \
  --report-contact-by "by phone"
refused sp_half "safety-plan without --call is refused" 1 'whom to call' \
  care-monitor safety-plan $id --report-contact-by "by phone"
accepted sp "safety-plan replaces the safety plan of a scheduled case" \
  care-monitor safety-plan $id --call "partner organisation's duty phone" \
  --report-contact-by "tell the partner organisation at the next visit, or phone the duty phone"
plan=$(sed -n '/^safety_plan:/,$p' "$f")
expect "safety-plan: the new plan replaces the old one, the schedule stays" \
  "$(grep -q "partner organisation's duty phone" <<<"$plan" && ! grep -q 'program hotline' <<<"$plan" &&
     ! grep -q 'safe_places' <<<"$plan" && grep -q '^  - 9$' "$f" && grep -q 'due: "2015-01-11"' "$f"; echo $?)" \
  "$(cat "$f")"

# --- contacts: child protection seen, and a threat -----------------------------------
refused cps_bad "--child-protection-seen takes yes or no" 2 'child-protection-seen' \
  care-monitor record $id --date 2014-05-12 --mode phone --child-protection-seen maybe
refused close_noflags "--open-flags-reason without open flags is refused" 1 'no open risk flags' \
  care-monitor close $id --date 2014-05-12 --reason referred --open-flags-reason "handed over" --dry-run
accepted contact1 "record contact 1 with a threats flag and --child-protection-seen no" \
  care-monitor record $id --date 2014-05-12 --mode phone --overall-risk high --flag "threats:calls at night" \
  --child-protection-seen no
expect "contact.yaml: child_protection_seen: false" \
  "$([ "$(field "$c/monitoring/2014-05-12.yaml" child_protection_seen)" = false ]; echo $?)" \
  "$(cat "$c/monitoring/2014-05-12.yaml")"
accepted contact_low "record a contact with --child-protection-seen yes" \
  care-monitor record $low --date 2014-05-12 --mode phone --overall-risk low --child-protection-seen yes
expect "contact.yaml: child_protection_seen: true" \
  "$([ "$(field "$cf/cases/$low/monitoring/2014-05-12.yaml" child_protection_seen)" = true ]; echo $?)" \
  "$(cat "$cf/cases/$low/monitoring/2014-05-12.yaml")"

# --- escalation ----------------------------------------------------------------------
run due_recent care-monitor due --as-of 2014-06-11
expect "due: a flag open 30 days is listed, not escalated" \
  "$(grep -q "$id  risk flag threats raised at the contact of 2014-05-12$" "$scratch/due_recent.out" &&
     ! grep -q ESCALATED "$scratch/due_recent.out"; echo $?)" "$(show due_recent.out)"
run due_esc care-monitor due --as-of 2014-06-20
expect "due: a flag open 39 days without a contact since is escalated, first after the heading" \
  "$([ "$(sed -n 2p "$scratch/due_esc.out")" = "  $id  ESCALATED risk flag threats raised at the contact of 2014-05-12: open 39 days, no contact since" ] &&
     ! grep -q "  $id  risk flag threats" "$scratch/due_esc.out"; echo $?)" "$(show due_esc.out)"
run due_esc_json care-monitor due --as-of 2014-06-20 --format json
expect "due --format json: the same flag escalated, with its days open" \
  "$(grep -q "\"escalated\":1," "$scratch/due_esc_json.out" &&
     grep -q "\"open_flags\":\[{\"case\":\"$id\",\"contact\":\"2014-05-12\",\"flag\":\"threats\",\"days_open\":39,\"escalated\":true,\"case_closed\":false}\]" "$scratch/due_esc_json.out"; echo $?)" \
  "$(show due_esc_json.out)"
cp "$cf/care.toml" "$scratch/care.toml.saved"
printf '\n[monitoring]\nflag_days = 60\n' >>"$cf/care.toml"
run due_flagdays care-monitor due --as-of 2014-06-20 --format json
cp "$scratch/care.toml.saved" "$cf/care.toml"
expect "care.toml [monitoring] flag_days = 60: not escalated at 39 days" \
  "$(grep -q '"escalated":0,' "$scratch/due_flagdays.out" && grep -q '"days_open":39,"escalated":false' "$scratch/due_flagdays.out"; echo $?)" \
  "$(show due_flagdays.out)"
accepted attempt "record a failed attempt on 2014-06-12" care-monitor record $id --date 2014-06-12 --mode phone --not-reached
run due_attempt care-monitor due --as-of 2014-06-20
expect "due: a failed attempt is no contact: still escalated" \
  "$(grep -q "ESCALATED risk flag threats" "$scratch/due_attempt.out"; echo $?)" "$(show due_attempt.out)"
accepted contact2 "record contact 2, reached, on 2014-06-15" \
  care-monitor record $id --date 2014-06-15 --mode visit --overall-risk high --child-protection-seen no
run due_followed care-monitor due --as-of 2014-06-20
expect "due: after a contact that reached the person the flag is listed, not escalated" \
  "$(grep -q "$id  risk flag threats raised at the contact of 2014-05-12$" "$scratch/due_followed.out" &&
     ! grep -q ESCALATED "$scratch/due_followed.out"; echo $?)" "$(show due_followed.out)"

# --- closure over open flags ------------------------------------------------------------
refused close_completed "close as completed with a threats flag open is refused" 1 \
  'closed as completed with a threats flag still open \(raised at the contact of 2014-05-12\)' \
  care-monitor close $id --date 2015-04-20 --reason completed
refused close_completed_why "... even with --open-flags-reason" 1 'closed as completed with a threats flag still open' \
  care-monitor close $id --date 2015-04-20 --reason completed --open-flags-reason "followed up by the police"
refused close_referred "close as referred with the flag open and no --open-flags-reason is refused" 1 \
  'closed as referred with a risk flag still open \(threats raised at the contact of 2014-05-12\), without saying why' \
  care-monitor close $id --date 2014-09-01 --reason referred
if grep -q -- '--open-flags-reason' "$scratch/close_referred.err"; then
  ok "the refusal's hint names --open-flags-reason"
else
  not_ok "the refusal's hint names --open-flags-reason" "$(show close_referred.err)"
fi
for reason in did_not_return re_trafficked return_not_in_best_interest; do
  refused "close_$reason" "close --reason $reason is accepted (dry run)" 0 "" \
    care-monitor close $id --date 2014-09-01 --reason $reason --open-flags-reason "followed up elsewhere" --dry-run
done
accepted close "close as referred, with --open-flags-reason" \
  care-monitor close $id --date 2014-09-01 --reason referred \
  --open-flags-reason "handed over to the regional anti-trafficking unit, which follows the threats up"
expect "closure.yaml: reason referred, open_flags_reason recorded" \
  "$([ "$(field "$c/closure.yaml" reason)" = referred ] &&
     [ "$(field "$c/closure.yaml" open_flags_reason)" = "handed over to the regional anti-trafficking unit, which follows the threats up" ]; echo $?)" \
  "$(cat "$c/closure.yaml")"
run due_closed care-monitor due --as-of 2014-10-20
run due_closed_json care-monitor due --as-of 2014-10-20 --format json
expect "due lists the closed case's open flag, marked as such and not escalated" \
  "$(grep -q "$id  risk flag threats raised at the contact of 2014-05-12 (case closed)" "$scratch/due_closed.out" &&
     ! grep -q "ESCALATED" "$scratch/due_closed.out" &&
     grep -q '"flag":"threats","days_open":161,"escalated":false,"case_closed":true' "$scratch/due_closed_json.out"; echo $?)" \
  "$(show due_closed.out)" "$(show due_closed_json.out)"

# Reopened and closed again: the reopening carries its own reason.
accepted reopen "reopen" care-monitor reopen $id --date 2014-10-01 --reason "asked for help again"
refused close_again "closing again over the open flag without --open-flags-reason is refused" 1 'without saying why' \
  care-monitor close $id --date 2014-11-01 --reason re_trafficked
accepted close_again_why "closing again as re_trafficked with --open-flags-reason" \
  care-monitor close $id --date 2014-11-01 --reason re_trafficked --open-flags-reason "police informed"
expect "closure.yaml: the reopening has closed_again_reason and its open_flags_reason" \
  "$(sed -n '/^reopened:/,$p' "$c/closure.yaml" | grep -q 'open_flags_reason: police informed' &&
     [ "$(field "$c/closure.yaml" closed_again_reason)" = re_trafficked ]; echo $?)" "$(cat "$c/closure.yaml")"

# Per-case months decide when a case can be closed as completed.
refused low_early "close as completed before the case's last month is refused" 1 'before the 3 months of monitoring ended' \
  care-monitor close $low --date 2014-07-10 --reason completed
accepted low_done "close as completed after the case's own 3 months (care.toml says 12)" \
  care-monitor close $low --date 2014-07-11 --reason completed

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
