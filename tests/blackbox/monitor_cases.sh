#!/usr/bin/env bash
# Black-box tests of care-monitor: one invented case taken through return,
# schedule, contacts, flags, closure and reopening with the real binaries,
# checking what each command writes and what it refuses; then the due report
# of the example folder against committed expected files.
#
#   bash tests/blackbox/monitor_cases.sh BIN_DIR SOURCE_DIR
#   UPDATE_GOLDEN=1 bash tests/blackbox/monitor_cases.sh BIN_DIR SOURCE_DIR
#
# The second form rewrites tests/blackbox/expected/monitor-due-examples*
# (read the diff before committing it).
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# All data is invented.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
expected_dir="$src/tests/blackbox/expected"

export CARE_TODAY=2016-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR VISUAL EDITOR
export PATH="$bin:$PATH"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cf="$scratch/cf"  # the case folder under test
cp -R "$src/tests/golden/base" "$cf"
mkdir "$scratch/elsewhere"
id=AT-2014-001
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
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what" "failed: $*"; fi
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
err() { cat "$scratch/$1.err"; }
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
    not_ok "$what (then care-report check)" "check exits $(status_of "$name.check")" "$(show "$name.check.err")"
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

# field FILE KEY: the value of a top-level or indented "KEY: value" line (first match).
field() { sed -n "s/^ *$2: //p" "$1" | head -1 | tr -d '"'; }

valid_json() {
  if command -v jq >/dev/null; then jq -e . "$1" >/dev/null 2>&1
  elif command -v python3 >/dev/null; then python3 -m json.tool "$1" >/dev/null 2>&1
  else return 2; fi
}

# --- a case that has not returned ------------------------------------------------
accepted consent "care-intake consent: assistance and sharing (not monitoring yet)" \
  care-intake consent $id --grant assistance --grant sharing_return_country --date 2014-03-03 --by person
accepted assess "care-intake assess: needs and risks before departure" \
  care-intake assess $id --date 2014-03-10 --by "caseworker, Vienna office" --need livelihood=high \
  --need housing=medium --risk threats_reprisals=medium --risk stigma=low --overall-risk medium
accepted draft "care-plan draft" care-plan draft $id --date 2014-03-20 --beneficiary --provider "Example NGO (fictional)"
accepted add "care-plan add: a counselling item" care-plan add $id --date 2014-03-21 --phase pre_departure \
  --type counselling --description "pre-departure counselling" --provider "Example NGO (fictional)" \
  --budget 150.00 --status planned
accepted agree "care-plan agree" care-plan agree $id --date 2014-03-25

refused sched_early "schedule refused before the return" 1 "has not returned" \
  care-monitor schedule $id --date 2014-03-26 --mode phone
refused rec_early "record refused for a case that never returned" 1 "not returned" \
  care-monitor record $id --date 2014-03-26 --mode phone
refused show_early "show refused for a case that never returned" 1 "not returned" care-monitor show $id

accepted ret "care-plan return: arrival 2014-04-11" care-plan return $id --depart 2014-04-10 --arrive 2014-04-11 \
  --destination "Benin City" --escort none --declaration-signed 2014-04-01 --alternatives-explained --language English

# --- the schedule ----------------------------------------------------------------
refused sched_nomode "schedule refused without --mode" 1 "--mode" care-monitor schedule $id --date 2014-04-11
refused sched_dry "schedule --dry-run writes nothing" 0 "" care-monitor schedule $id --date 2014-04-11 --mode phone -n
if grep -q 'due: "2014-05-11"' "$scratch/sched_dry.out" "$scratch/sched_dry.err"; then
  ok "schedule --dry-run shows the plan it would write"
else
  not_ok "schedule --dry-run shows the plan it would write" "$(show sched_dry.out)" "$(show sched_dry.err)"
fi
accepted sched "schedule: by phone and visit, agreed on arrival" \
  care-monitor schedule $id --date 2014-04-11 --mode phone --mode visit
due_dates=$(sed -n 's/^ *due: "\(.*\)"$/\1/p' "$c/monitoring-plan.yaml" | tr '\n' ' ')
if [ "$due_dates" = "2014-05-11 2014-07-11 2014-10-11 2015-01-11 2015-04-11 " ]; then
  ok "schedule: contacts due 1, 3, 6, 9 and 12 months after arrival"
else
  not_ok "schedule: contacts due 1, 3, 6, 9 and 12 months after arrival" "got: $due_dates"
fi
refused sched_twice "schedule refused a second time" 1 "already has a monitoring plan" \
  care-monitor schedule $id --date 2014-04-12 --mode phone

refused move_none "move refused for a contact the plan does not have" 1 "no contact 9" \
  care-monitor move $id 9 --to 2014-07-20 --reason "travelling"
refused move_noreason "move without --reason is a usage error" 2 "reason" care-monitor move $id 2 --to 2014-07-20
accepted move "move: contact 2 to 2014-07-20, with the reason" \
  care-monitor move $id 2 --to 2014-07-20 --reason "beneficiary travelling"
moved=$(sed -n '/number: 2/,/number: 3/p' "$c/monitoring-plan.yaml")
if grep -q 'due: "2014-07-11"' <<<"$moved" && grep -q 'from: "2014-07-11"' <<<"$moved" &&
   grep -q 'to: "2014-07-20"' <<<"$moved" && grep -q 'reason: beneficiary travelling' <<<"$moved"; then
  ok "move: due kept, the move recorded with from, to and reason"
else
  not_ok "move: due kept, the move recorded with from, to and reason" "$moved"
fi

# --- contacts --------------------------------------------------------------------
refused no_consent "a contact without consent to monitoring contacts is refused" 1 "monitoring_contacts" \
  care-monitor record $id --date 2014-05-12 --mode phone
accepted consent_mon "care-intake consent: monitoring contacts" \
  care-intake consent $id --grant monitoring_contacts --date 2014-04-05 --by person
refused before_arrival "a contact before arrival is refused" 1 "before the arrival" \
  care-monitor record $id --date 2014-04-08 --mode phone
refused no_mode "a contact without --mode is refused" 1 "mode" care-monitor record $id --date 2014-05-10
refused rec_dry "record --dry-run writes nothing" 0 "" care-monitor record $id --date 2014-05-10 --mode phone -n

accepted attempt "record --not-reached: a failed attempt" care-monitor record $id --date 2014-05-10 --mode phone --not-reached
f="$c/monitoring/2014-05-10.yaml"
if [ "$(field "$f" reached)" = false ] && [ "$(field "$f" number)" = 1 ] && [ "$(field "$f" date)" = 2014-05-10 ]; then
  ok "the failed attempt: reached false, numbered 1, file named after its date"
else
  not_ok "the failed attempt: reached false, numbered 1, file named after its date" "$(cat "$f" 2>&1)"
fi

refused bad_item "progress on an item the plan does not have is refused" 1 "item 9" \
  care-monitor record $id --date 2014-05-12 --mode phone --item 9=in_progress
refused bad_spec "an --item without = is refused" 1 "KEY=VALUE" \
  care-monitor record $id --date 2014-05-12 --mode phone --item in_progress
accepted contact1 "record: contact 1 reached, items, wellbeing, risk re-assessed, a high-risk flag" \
  care-monitor record $id --date 2014-05-12 --mode phone --item "1=in_progress:shop rented" --item 3=completed \
  --wellbeing "fair:tired" --risk "threats_reprisals=high:calls at night" --risk stigma=low --overall-risk high \
  --flag "threats:calls from unknown numbers" --view "things are slow"
f="$c/monitoring/2014-05-12.yaml"
if [ "$(field "$f" number)" = 1 ] && [ "$(field "$f" reached)" = true ] &&
   grep -q 'progress: in_progress' "$f" && grep -q 'note: shop rented' "$f" && grep -q 'progress: completed' "$f" &&
   grep -q 'factor: threats_reprisals' "$f" && grep -q 'overall: high' "$f" && grep -q 'flag: threats' "$f" &&
   [ "$(field "$f" view)" = "things are slow" ]; then
  ok "contact 1: number 1 (the attempt did not fulfil it), items, risk and flag stored"
else
  not_ok "contact 1: number 1, items, risk and flag stored" "$(head -30 "$f" 2>&1)"
fi
refused same_day "a second contact on the same date is refused" 1 "already has a contact on 2014-05-12" \
  care-monitor record $id --date 2014-05-12 --mode visit

run due_flag care-monitor due --as-of 2014-06-01
if [ "$(status_of due_flag)" = 0 ] && grep -q "$id  risk flag threats raised at the contact of 2014-05-12" "$scratch/due_flag.out"; then
  ok "due lists the open high-risk flag"
else
  not_ok "due lists the open high-risk flag" "$(show due_flag.out)" "$(show due_flag.err)"
fi
run due_flag_json care-monitor due --as-of 2014-06-01 --format json
if grep -q "\"open_flags\":\[{\"case\":\"$id\",\"contact\":\"2014-05-12\",\"flag\":\"threats\",\"days_open\":20,\"escalated\":false,\"case_closed\":false}\]" "$scratch/due_flag_json.out"; then
  ok "due --format json lists the open flag"
else
  not_ok "due --format json lists the open flag" "$(show due_flag_json.out)"
fi

# --- sustainability --------------------------------------------------------------
refused no_survey "an --answer without sustainability.toml is refused" 1 "sustainability" \
  care-monitor record $id --date 2014-07-21 --mode visit --answer econ.income=3
# The example that care-intake init writes, if it writes one; else one of our
# own with the same questions, scales and weights, so the scores are the same.
survey="$cf/sustainability.toml"
if care-intake init --no-git "$scratch/init" >/dev/null 2>&1 && [ -f "$scratch/init/sustainability.toml" ]; then
  cp "$scratch/init/sustainability.toml" "$survey"
  echo "        (using the sustainability.toml that care-intake init writes)"
else
  echo "        (care-intake init writes no sustainability.toml: using the test's own)"
  cat >"$survey" <<'EOF'
# Invented for the black-box tests; not an official instrument.
name = "care test survey (invented)"
version = "7"
note = "Invented for the tests."

[[questions]]
id = "econ.income"
dimension = "economic"
text = "Regular income?"
weight = 2

[[questions]]
id = "econ.work"
dimension = "economic"
text = "Working or training?"

[[questions]]
id = "social.housing"
dimension = "social"
text = "Safe housing?"

[[questions]]
id = "social.services"
dimension = "social"
text = "Services within reach?"

[[questions]]
id = "psy.wellbeing"
dimension = "psychosocial"
text = "Own wellbeing?"

[[questions]]
id = "psy.safety"
dimension = "psychosocial"
text = "Feels safe?"

[[thresholds]]
below = 0.34
label = "low"

[[thresholds]]
below = 0.67
label = "medium"

[[thresholds]]
below = 1.01
label = "high"
EOF
fi
survey_name=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$survey")
survey_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$survey")

refused off_scale "a score outside its scale is refused" 1 "outside its scale" \
  care-monitor record $id --date 2014-07-21 --mode visit --answer econ.income=5
refused unknown_q "an unknown question is refused" 1 "not a question" \
  care-monitor record $id --date 2014-07-21 --mode visit --answer econ.savings=2
refused bad_answer "an answer that is not QUESTION=SCORE is refused" 1 "QUESTION=SCORE" \
  care-monitor record $id --date 2014-07-21 --mode visit --answer econ.income=3.5
accepted contact2 "record: contact 2 with sustainability answers" \
  care-monitor record $id --date 2014-07-21 --mode visit --answer econ.income=3 --answer econ.work=1 \
  --answer social.housing=4 --answer psy.wellbeing=1 --answer psy.safety=2 --overall-risk medium
f="$c/monitoring/2014-07-21.yaml"
# economic (2*3/4 + 1/4)/3 = 0.583 -> 0.58; social 4/4 = 1; psychosocial (1/4 + 2/4)/2 = 0.375 -> 0.38
if [ "$(field "$f" number)" = 2 ] && [ "$(field "$f" economic)" = 0.58 ] && [ "$(field "$f" social)" = 1.00 ] &&
   [ "$(field "$f" psychosocial)" = 0.38 ] && [ "$(field "$f" econ.income)" = 3 ]; then
  ok "contact 2: numbered 2, answers kept, scores 0.58, 1.00, 0.38"
else
  not_ok "contact 2: numbered 2, answers kept, scores 0.58, 1.00, 0.38" "$(sed -n '/sustainability/,$p' "$f")"
fi
if [ -n "$survey_name" ] && [ "$(field "$f" instrument)" = "$survey_name" ] &&
   [ "$(field "$f" instrument_version)" = "$survey_version" ]; then
  ok "contact 2: the survey's name and version stored with the scores"
else
  not_ok "contact 2: the survey's name and version stored with the scores" "survey: $survey_name $survey_version" \
    "$(sed -n '/sustainability/,$p' "$f")"
fi

# --- clearing the flag -----------------------------------------------------------
refused clear_noreason "clear-flag without --reason is a usage error" 2 "reason" \
  care-monitor clear-flag $id 2014-05-12 threats --date 2014-08-02
refused clear_wrong "clear-flag of a flag not raised is refused" 1 "no open trafficker_contact flag" \
  care-monitor clear-flag $id 2014-05-12 trafficker_contact --date 2014-08-02 --reason "not so"
refused clear_nocontact "clear-flag on a day without a contact is refused" 1 "no contact on 2014-05-13" \
  care-monitor clear-flag $id 2014-05-13 threats --date 2014-08-02 --reason "not so"
accepted clear "clear-flag with a reason" \
  care-monitor clear-flag $id 2014-05-12 threats --date 2014-08-02 --reason "calls stopped after a police report"
f="$c/monitoring/2014-05-12.yaml"
if grep -q 'date: "2014-08-02"' "$f" && grep -q 'reason: calls stopped after a police report' "$f"; then
  ok "the flag carries the day and reason it was cleared"
else
  not_ok "the flag carries the day and reason it was cleared" "$(sed -n '/flags/,$p' "$f")"
fi
run due_cleared care-monitor due --as-of 2014-08-03 --format json
if [ "$(status_of due_cleared)" = 0 ] && grep -q '"open_flags":\[\]' "$scratch/due_cleared.out"; then
  ok "due no longer lists the cleared flag"
else
  not_ok "due no longer lists the cleared flag" "$(show due_cleared.out)"
fi
refused clear_again "clearing it twice is refused" 1 "no open threats flag" \
  care-monitor clear-flag $id 2014-05-12 threats --date 2014-08-03 --reason "again"

# --- the due report --------------------------------------------------------------
run due_a care-monitor due --as-of 2014-10-20 --format json
run due_b care-monitor due --as-of 2014-10-20 --format json
if [ "$(status_of due_a)" = 0 ] && cmp -s "$scratch/due_a.out" "$scratch/due_b.out"; then
  ok "due --format json: byte-identical across runs"
else
  not_ok "due --format json: byte-identical across runs" "$(diff "$scratch/due_a.out" "$scratch/due_b.out" | head)"
fi
valid_json "$scratch/due_a.out"
case $? in
  0) ok "due --format json: valid JSON" ;;
  2) echo "skip    due --format json: valid JSON (neither jq nor python3 found)" ;;
  *) not_ok "due --format json: valid JSON" "$(show due_a.out)" ;;
esac
want='{"version":1,"as_of":"2014-10-20","within_days":30,"overdue":1,"escalated":0,"contacts":[{"case":"AT-2014-001","contact":3,"due":"2014-10-11","days_late":9,"status":"overdue"}],"without_plan":[],"ended_open":[],"open_flags":[]}'
if [ "$(out due_a)" = "$want" ]; then
  ok "due --format json: contact 3 nine days overdue, nothing else"
else
  not_ok "due --format json: contact 3 nine days overdue, nothing else" "got:  $(out due_a)" "want: $want"
fi
run due_within care-monitor due --as-of 2014-09-20 --within 21 --format csv
run due_within_short care-monitor due --as-of 2014-09-20 --within 20 --format csv
if [ "$(sed -n 1p "$scratch/due_within.out")" = "case,contact,due,days_late,status" ] &&
   [ "$(sed -n 2p "$scratch/due_within.out")" = "$id,3,2014-10-11,-21,due" ] &&
   [ "$(cat "$scratch/due_within_short.out")" = "case,contact,due,days_late,status" ]; then
  ok "due --format csv: a header, then a row; --within sets how far ahead counts"
else
  not_ok "due --format csv: a header, then a row; --within sets how far ahead counts" "$(show due_within.out)" \
    "$(show due_within_short.out)"
fi
run fail_yes care-monitor due --as-of 2014-10-20 --fail-on-overdue
run fail_no care-monitor due --as-of 2014-10-10 --fail-on-overdue
run fail_off care-monitor due --as-of 2014-10-20
if [ "$(status_of fail_yes)" = 1 ] && [ "$(status_of fail_no)" = 0 ] && [ "$(status_of fail_off)" = 0 ] &&
   grep -q "contact 3  due 2014-10-11  9 days late" "$scratch/fail_yes.out"; then
  ok "--fail-on-overdue: exit 1 with an overdue contact, 0 without; 0 without the flag"
else
  not_ok "--fail-on-overdue: exit 1 with an overdue contact, 0 without; 0 without the flag" \
    "exits $(status_of fail_yes) $(status_of fail_no) $(status_of fail_off)" "$(show fail_yes.out)"
fi
refused due_format "due --format xml is a usage error" 2 "xml" care-monitor due --format xml

# --- closure ---------------------------------------------------------------------
cp -R "$cf" "$scratch/before-closure"
refused early_completed "close early as completed is refused" 1 "before the 12 months" \
  care-monitor close $id --date 2014-09-01 --reason completed
refused lost_noattempts "close as lost_contact without --failed-attempts is refused" 1 "failed_attempts" \
  care-monitor close $id --date 2014-09-01 --reason lost_contact
refused lost_dry "close as lost_contact --failed-attempts 3 --dry-run writes nothing" 0 "" \
  care-monitor close $id --date 2014-09-01 --reason lost_contact --failed-attempts 3 --dry-run
if grep -q 'failed_attempts: 3' "$scratch/lost_dry.out" "$scratch/lost_dry.err"; then
  ok "the dry run shows the closure with failed_attempts"
else
  not_ok "the dry run shows the closure with failed_attempts" "$(show lost_dry.out)"
fi
refused bad_reason "close with an unknown reason is refused" 1 "reason" \
  care-monitor close $id --date 2014-09-01 --reason bored
accepted close "close early as chose_to_stop" care-monitor close $id --date 2014-09-01 --reason chose_to_stop \
  --note "wants no more calls"
if [ "$(field "$c/closure.yaml" reason)" = chose_to_stop ] && [ "$(field "$c/closure.yaml" date)" = 2014-09-01 ]; then
  ok "closure.yaml: reason and date"
else
  not_ok "closure.yaml: reason and date" "$(cat "$c/closure.yaml")"
fi
refused close_twice "closing a closed case is refused" 1 "closed already" \
  care-monitor close $id --date 2014-09-02 --reason chose_to_stop
refused after_closure "a contact after closure is refused" 1 "closed" \
  care-monitor record $id --date 2014-09-10 --mode phone
run due_closed care-monitor due --as-of 2014-10-20 --format csv
if [ "$(cat "$scratch/due_closed.out")" = "case,contact,due,days_late,status" ]; then
  ok "due leaves out the closed case"
else
  not_ok "due leaves out the closed case" "$(show due_closed.out)"
fi
refused reopen_open "reopen of an open case is refused" 1 "not closed" \
  care-monitor -C "$scratch/before-closure" reopen $id --date 2014-10-01 --reason "x"
accepted reopen "reopen with a reason" care-monitor reopen $id --date 2014-10-01 --reason "asked to resume"
refused gap "a contact between closure and reopening is refused" 1 "after the case was closed" \
  care-monitor record $id --date 2014-09-15 --mode phone
accepted contact3 "record after reopening: contact 3" care-monitor record $id --date 2014-10-12 --mode phone
if [ "$(field "$c/monitoring/2014-10-12.yaml" number)" = 3 ]; then
  ok "the contact after reopening is numbered 3"
else
  not_ok "the contact after reopening is numbered 3" "$(cat "$c/monitoring/2014-10-12.yaml")"
fi

# Completed is accepted on the last month of the schedule, and not a day before
# (on the copy taken before the early closure).
refused completed_early "close as completed the day before the 12 months end is refused" 1 "before the 12 months" \
  care-monitor -C "$scratch/before-closure" close $id --date 2015-04-10 --reason completed
run completed care-monitor -C "$scratch/before-closure" close $id --date 2015-04-11 --reason completed
run completed.check care-report -C "$scratch/before-closure" check
if [ "$(status_of completed)" = 0 ] && [ "$(status_of completed.check)" = 0 ] &&
   [ "$(field "$scratch/before-closure/cases/$id/closure.yaml" reason)" = completed ]; then
  ok "close as completed 12 months after arrival"
else
  not_ok "close as completed 12 months after arrival" "exit $(status_of completed)" "$(show completed.err)" \
    "$(show completed.check.err)"
fi

# --- show ------------------------------------------------------------------------
run show care-monitor show $id
timeline=$(out show)
missing=
for line in "2014-04-10  departure" "2014-04-11  arrival in NG" "2014-04-11  monitoring plan agreed" \
            "2014-05-10  contact 1 by phone: not reached" "2014-05-11  contact 1 due (done 2014-05-12)" \
            "2014-05-12  contact 1 by phone, risk high, flag threats (cleared 2014-08-02)" \
            "2014-07-20  contact 2 due (done 2014-07-21)" \
            "2014-07-21  contact 2 by visit, risk medium, scores economic 0.58 (medium) social 1.00 (high) psychosocial 0.38 (medium)" \
            "2014-09-01  closed: chose_to_stop" "2014-10-01  reopened: asked to resume" \
            "2014-10-11  contact 3 due (done 2014-10-12)"; do
  grep -qF -- "  $line" <<<"$timeline" || missing+="$line; "
done
if [ "$(status_of show)" = 0 ] && [ -z "$missing" ] && [ "$(sed -n 1p "$scratch/show.out" | cut -d' ' -f1)" = "$id" ]; then
  ok "show prints the timeline in date order"
else
  not_ok "show prints the timeline in date order" "missing: $missing" "$(show show.out)"
fi
if [ "$(grep -E '^  [0-9]{4}-' "$scratch/show.out" | cut -c3-12)" = "$(grep -E '^  [0-9]{4}-' "$scratch/show.out" | cut -c3-12 | sort)" ]; then
  ok "show: lines sorted by date"
else
  not_ok "show: lines sorted by date" "$(show show.out)"
fi

# --- edit --------------------------------------------------------------------------
cat >"$scratch/bad-editor" <<'EOF'
#!/bin/sh
sed -i 's/overall: medium/overall: extreme/' "$1"
EOF
chmod +x "$scratch/bad-editor"
refused edit_bad "edit: a change that breaks the schema is discarded" 1 "extreme" \
  env VISUAL="$scratch/bad-editor" care-monitor edit $id contact --date 2014-07-21
cat >"$scratch/good-editor" <<'EOF'
#!/bin/sh
sed -i 's/reason: beneficiary travelling/reason: beneficiary travelling to the capital/' "$1"
EOF
chmod +x "$scratch/good-editor"
accepted edit_good "edit: a valid change to the monitoring plan is saved" \
  env VISUAL="$scratch/good-editor" care-monitor edit $id
check "the edited plan has the new reason" grep -q 'reason: beneficiary travelling to the capital' "$c/monitoring-plan.yaml"

# --- usage and folders -----------------------------------------------------------
refused bad_id "an ID that is not a case ID exits 2" 2 "not a case ID" care-monitor show at-14-1
refused no_case "a case that is not in the folder exits 1" 1 "no case AT-2014-099" care-monitor show AT-2014-099
run outside care-monitor -C "$scratch/elsewhere" due
if [ "$(status_of outside)" = 3 ]; then ok "outside a case folder: exit 3"; else not_ok "outside a case folder: exit 3" "exit $(status_of outside)" "$(show outside.err)"; fi
cp -R "$src/tests/golden/base" "$scratch/badconfig"
printf '\n[monitoring]\nmonths = [3, 1]\n' >>"$scratch/badconfig/care.toml"
run badconfig care-monitor -C "$scratch/badconfig" due
if [ "$(status_of badconfig)" = 4 ] && grep -q "care.toml" "$scratch/badconfig.err"; then
  ok "a care.toml whose months do not rise: exit 4"
else
  not_ok "a care.toml whose months do not rise: exit 4" "exit $(status_of badconfig)" "$(show badconfig.err)"
fi
run final_check care-report check
if [ "$(status_of final_check)" = 0 ]; then ok "the case folder checks clean at the end"; else not_ok "the case folder checks clean at the end" "$(show final_check.err)"; fi

# --- git, when care.toml asks for commits ----------------------------------------
if command -v git >/dev/null; then
  g="$scratch/git"
  cp -R "$scratch/before-closure" "$g"
  rm "$g/cases/$id/closure.yaml"  # closed as completed above
  printf '\n[git]\ncommit = true\n' >>"$g/care.toml"
  export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test \
    GIT_COMMITTER_EMAIL=test@example.invalid
  (cd "$g" && git init -q . && git add -A && git commit -qm start) >/dev/null 2>&1
  run git_refused care-monitor -C "$g" record $id --date 2014-07-21 --mode phone
  run git_rec care-monitor -C "$g" record $id --date 2014-10-12 --mode phone
  commits=$(cd "$g" && git rev-list --count HEAD)
  subject=$(cd "$g" && git log -1 --format=%s)
  files=$(cd "$g" && git show --name-only --format= HEAD)
  if [ "$(status_of git_refused)" = 1 ] && [ "$(status_of git_rec)" = 0 ] && [ "$commits" = 2 ] &&
     [ "$subject" = "care-monitor record: $id" ] && [ "$files" = "cases/$id/monitoring/2014-10-12.yaml" ] &&
     [ -z "$(cd "$g" && git status --porcelain)" ]; then
    ok "git: one commit per accepted write, naming the command and the case only; none for a refusal"
  else
    not_ok "git: one commit per accepted write, naming the command and the case only; none for a refusal" \
      "exits $(status_of git_refused) $(status_of git_rec), $commits commits, subject: $subject" "files: $files" \
      "$(show git_rec.err)"
  fi
fi

# --- the example folder: due as of 2015-06-30 ------------------------------------
# Compared with committed files; UPDATE_GOLDEN=1 rewrites them.
# The second day, a year on, also has cases past their twelve months.
for run_as in "2015-06-30 text" "2015-06-30 json" "2015-06-30 csv" "2016-06-30 json"; do
  as_of=${run_as% *}
  format=${run_as#* }
  ext=$format
  [ "$format" = text ] && ext=txt
  name=monitor-due-examples.$ext
  [ "$as_of" = 2015-06-30 ] || name=monitor-due-examples-$as_of.$ext
  expected="$expected_dir/$name"
  actual="$scratch/$name"
  (cd "$scratch/elsewhere" && care-monitor -C "$src/examples" due --as-of "$as_of" --format "$format") \
    >"$actual" 2>"$scratch/examples-due.err"
  st=$?
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$expected_dir"
    cp "$actual" "$expected"
    echo "updated $expected"
  fi
  if [ "$st" = 0 ] && [ ! -s "$scratch/examples-due.err" ] && cmp -s "$expected" "$actual"; then
    ok "examples: due --as-of $as_of --format $format equals tests/blackbox/expected/$name"
  else
    not_ok "examples: due --as-of $as_of --format $format equals tests/blackbox/expected/$name" \
      "exit $st" "$(diff "$expected" "$actual" 2>&1 | head -10)" "$(show examples-due.err)"
  fi
done
(cd "$scratch/elsewhere" && care-monitor -C "$src/examples" due --as-of 2015-06-30 --format json) >"$scratch/ex2.json" 2>&1
if cmp -s "$scratch/ex2.json" "$scratch/monitor-due-examples.json" && valid_json "$scratch/ex2.json"; then
  ok "examples: the JSON is valid and the same on a second run"
else
  not_ok "examples: the JSON is valid and the same on a second run"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
