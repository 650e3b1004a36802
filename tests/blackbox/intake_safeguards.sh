#!/usr/bin/env bash
# Black-box tests of the safeguards care-intake writes (issue 9): care-intake
# minor's views, care arrangement, follow-up and transition flags, care-intake
# identification (trafficking status, residence, proceedings), and a referral
# that finds the program at capacity (eligible, waiting). Each new flag writes
# its field (shown through care-intake show), each bad value is refused with
# exit 2 and nothing written, --dry-run writes nothing.
#
#   bash tests/blackbox/intake_safeguards.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# Works only in copies of tests/golden/base under a fresh mktemp -d folder.

set -u

. "$(dirname "$0")/harness/cases.sh"

ID=AT-2014-001
MINOR=AT-2014-002

# shows NAME DIR ID PATTERN...: care-intake show ID prints every PATTERN (grep -E), in that order of lines.
shows() {
  local name=$1 dir=$2 id=$3
  shift 3
  run "$dir" care-intake show "$id"
  cp "$out" "$scratch/shown"
  local p
  for p in "$@"; do
    if ! grep -Eq -- "$p" "$scratch/shown"; then
      not_ok "$name: care-intake show prints /$p/" "$(head -80 "$scratch/shown")"
      return
    fi
  done
  ok "$name: care-intake show prints the fields"
}

# =============================================================================
# care-intake identification: case.yaml's trafficking, residence, proceedings
# =============================================================================
idf=$(fresh identification)

refused "identification without a flag" 2 "give at least one of --trafficking-status" \
  "$idf" care-intake identification $ID
refused "identification of a case that does not exist" 1 "no case AT-2014-099" \
  "$idf" care-intake identification AT-2014-099 --trafficking-status presumed
refused "identification with a path trick as ID" 2 "is not a case ID" \
  "$idf" care-intake identification "../$ID" --trafficking-status presumed
refused "--trafficking-status victim" 2 "trafficking-status" \
  "$idf" care-intake identification $ID --trafficking-status victim
refused "--identified-by friend" 2 "identified-by" \
  "$idf" care-intake identification $ID --trafficking-status identified --identified-by friend --identified-on 2014-03-04
refused "identified without --identified-by and --identified-on" 2 "give --identified-by KIND and --identified-on DATE" \
  "$idf" care-intake identification $ID --trafficking-status identified
refused "--identified-on not a date" 2 "--identified-on: \"2014-13-04\" is not a date" \
  "$idf" care-intake identification $ID --trafficking-status identified --identified-by police --identified-on 2014-13-04
refused "--identified-by without a status" 2 "give --trafficking-status" \
  "$idf" care-intake identification $ID --identified-by police
dry_then_accepted "identification --trafficking-status identified" "$idf" care-intake identification $ID \
  --trafficking-status identified --identified-by police --identified-on 2014-03-04
shows "trafficking" "$idf" $ID '^trafficking:$' '^  status: identified$' '^  identified_by: police$' \
  '^  date: "?2014-03-04"?$'

refused "--residence stay" 2 "residence" "$idf" care-intake identification $ID --residence stay
refused "--residence-from without --residence" 2 "give --residence" \
  "$idf" care-intake identification $ID --residence-from 2014-03-04
refused "--residence-until before --residence-from" 2 "until 2014-03-01 is before from 2014-03-04" \
  "$idf" care-intake identification $ID --residence reflection_period --residence-from 2014-03-04 \
  --residence-until 2014-03-01
dry_then_accepted "identification --residence reflection_period" "$idf" care-intake identification $ID \
  --residence reflection_period --residence-from 2014-03-04 --residence-until 2014-06-01 \
  --residence-note "reflection period of 90 days"
shows "residence" "$idf" $ID '^residence:$' '^  status: reflection_period$' '^  from: "?2014-03-04"?$' \
  '^  until: "?2014-06-01"?$' '^  note: reflection period of 90 days$'
accepted "identification --residence-note alone (status and dates kept)" "$idf" care-intake identification $ID \
  --residence-note "reflection period of 90 days, extended"
shows "residence note changed" "$idf" $ID '^  status: reflection_period$' '^  until: "?2014-06-01"?$' \
  '^  note: reflection period of 90 days, extended$'
accepted "identification --residence residence_permit (a new status: the old dates and note go)" "$idf" \
  care-intake identification $ID --residence residence_permit --residence-from 2014-06-02
shows "residence changed" "$idf" $ID '^  status: residence_permit$' '^  from: "?2014-06-02"?$'
lacks "residence changed: the reflection period's until and note are gone" "$idf/cases/$ID/case.yaml" \
  '^  (until|note):'

refused "--proceedings judge" 2 "proceedings" "$idf" care-intake identification $ID --proceedings judge
refused "--proceedings-since without --proceedings" 2 "give --proceedings ROLE" \
  "$idf" care-intake identification $ID --proceedings-since 2014-03-10
refused "--close-proceedings 0" 2 "close-proceedings" "$idf" care-intake identification $ID --close-proceedings 0
refused "--close-proceedings with nothing to close" 1 "AT-2014-001 has 0 proceedings recorded: there is no entry 1" \
  "$idf" care-intake identification $ID --close-proceedings 1
dry_then_accepted "identification --proceedings witness" "$idf" care-intake identification $ID \
  --proceedings witness --proceedings-since 2014-03-10
accepted "identification --proceedings injured_party" "$idf" care-intake identification $ID \
  --proceedings injured_party --proceedings-note "civil claim in the same trial"
shows "proceedings" "$idf" $ID '^proceedings:$' '^  - role: witness$' '^    status: open$' '^    since: "?2014-03-10"?$' \
  '^  - role: injured_party$' '^    note: civil claim in the same trial$'
refused "--proceedings-closed before the proceedings began" 2 "correct --proceedings-closed" \
  "$idf" care-intake identification $ID --close-proceedings 1 --proceedings-closed 2014-03-01
refused "--close-proceedings 3 of 2" 1 "has 2 proceedings recorded: there is no entry 3" \
  "$idf" care-intake identification $ID --close-proceedings 3
dry_then_accepted "identification --close-proceedings 1" "$idf" care-intake identification $ID \
  --close-proceedings 1 --proceedings-closed 2014-11-20
accepted "identification --close-proceedings 2 (closed today, the --as-of day)" "$idf" care-intake --as-of 2014-12-01 \
  identification $ID --close-proceedings 2
shows "proceedings closed" "$idf" $ID '^    status: closed$' '^    closed: "?2014-11-20"?$' '^    closed: "?2014-12-01"?$'
refused "--close-proceedings of closed proceedings" 1 "proceedings entry 1 of AT-2014-001 is already closed on 2014-11-20" \
  "$idf" care-intake identification $ID --close-proceedings 1
lacks "identification: no open proceedings are left" "$idf/cases/$ID/case.yaml" '^    status: open$'

# =============================================================================
# care-intake minor: views, care arrangement, follow-up, transition
# =============================================================================
mf=$(fresh minor)
if quietly "$mf" care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1998-01-15 \
     --referral-date 2014-04-01 --referred-by "Example Youth Shelter (fictional)" --referred-by-kind shelter \
     --consent data_processing --consent assistance --consent-by both --given-name Example --family-name Child-One &&
   [ "$(cat "$out")" = $MINOR ] &&
   quietly "$mf" care-intake minor $MINOR --guardian-appointed 2014-04-02 --guardian-type legal_guardian \
     --guardian-organisation "Example Youth Welfare Office (fictional)"; then
  ok "minor: case registered, guardian recorded"
else
  not_ok "minor: case registered, guardian recorded" "$(cat "$scratch/why")"
fi
mfile=$mf/cases/$MINOR/minor.yaml

refused "--views-heard without --views-heard-by" 2 "give --views-heard-by" \
  "$mf" care-intake minor $MINOR --views-heard 2014-04-12 --wants-return yes
refused "--wants-return without --views-heard and --views-heard-by" 2 "give --views-heard and --views-heard-by" \
  "$mf" care-intake minor $MINOR --wants-return yes
refused "--wants-return maybe" 2 "wants-return" \
  "$mf" care-intake minor $MINOR --views-heard 2014-04-12 --views-heard-by guardian --wants-return maybe
refused "--wants-tracing true" 2 "wants-tracing" \
  "$mf" care-intake minor $MINOR --views-heard 2014-04-12 --views-heard-by guardian --wants-tracing true
refused "--views-heard not a date" 2 "--views-heard: \"12.4.2014\" is not a date" \
  "$mf" care-intake minor $MINOR --views-heard 12.4.2014 --views-heard-by guardian
refused "a bad --views-heard with a good guardian flag: nothing of either" 2 "--views-heard: " \
  "$mf" care-intake minor $MINOR --guardian-type parent --views-heard 2014-04-31 --views-heard-by guardian
dry_then_accepted "minor --views-heard" "$mf" care-intake minor $MINOR --views-heard 2014-04-12 \
  --views-heard-by "social worker, child protection unit" --wants-return yes --wants-tracing undecided \
  --wants-to-live "with an aunt in the home town" --views-note "asked to finish the school year first"
shows "views" "$mf" $MINOR '^views:$' '^  heard: "?2014-04-12"?$' '^  heard_by: social worker, child protection unit$' \
  '^  wants_return: "?yes"?$' '^  wants_tracing: undecided$' '^  wants_to_live: with an aunt in the home town$' \
  '^  note: asked to finish the school year first$'
accepted "minor --wants-tracing alone, once views are recorded" "$mf" care-intake minor $MINOR --wants-tracing yes
has "minor: --wants-tracing changed" "$mfile" '^  wants_tracing: "?yes"?$'
has "minor: the other views are kept" "$mfile" '^  heard_by: social worker, child protection unit$'

refused "--lives-with hotel" 2 "lives-with" "$mf" care-intake minor $MINOR --lives-with hotel
refused "--lives-place without --lives-with" 2 "give --lives-with" "$mf" care-intake minor $MINOR --lives-place "Benin City"
dry_then_accepted "minor --lives-with" "$mf" care-intake minor $MINOR --lives-with relatives --lives-place "Benin City" \
  --care-note "the aunt's household"
shows "care arrangement" "$mf" $MINOR '^care_arrangement:$' '^  lives_with: relatives$' '^  place: Benin City$' \
  "^  note: \"?the aunt's household\"?$"

refused "--follow-up-role alone" 2 "give --follow-up-organisation and --follow-up-agreed" \
  "$mf" care-intake minor $MINOR --follow-up-role "social worker"
refused "--follow-up-agreed not a date" 2 "--follow-up-agreed: \"soon\" is not a date" \
  "$mf" care-intake minor $MINOR --follow-up-organisation "Example Centre for Social Work (fictional)" \
  --follow-up-agreed soon
dry_then_accepted "minor --follow-up-organisation" "$mf" care-intake minor $MINOR \
  --follow-up-organisation "Example Centre for Social Work (fictional)" --follow-up-role "social worker" \
  --follow-up-agreed 2014-04-27
shows "follow-up" "$mf" $MINOR '^follow_up:$' '^  organisation: Example Centre for Social Work \(fictional\)$' \
  '^  role: social worker$' '^  agreed: "?2014-04-27"?$'

refused "--transition-date without --transition-reason" 2 "give --transition-reason" \
  "$mf" care-intake minor $MINOR --transition-date 2014-05-01
dry_then_accepted "minor --transition-date" "$mf" care-intake minor $MINOR --transition-date 2014-05-01 \
  --transition-reason "turned 18; the guardian agreed the adult procedure applies"
shows "transition" "$mf" $MINOR '^transition:$' '^  date: "?2014-05-01"?$' \
  '^  reason: "?turned 18; the guardian agreed the adult procedure applies"?$'

refused "views on an adult's case" 1 "is not a minor's case" \
  "$mf" care-intake minor $ID --views-heard 2014-04-12 --views-heard-by guardian

# =============================================================================
# Capacity: not a criterion; a full program records the referral as waiting
# =============================================================================
cap=$(fresh capacity)
sed -i 's/^assessed *=.*/assessed = 1/' "$cap/care.toml"
new_args=(care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1991-02-03
          --referral-date 2014-05-05 --referred-by "Example Shelter (fictional)" --referred-by-kind shelter
          --consent data_processing --given-name Example --family-name Person-Forty)
capacity_warning="warning: the program's capacity of 1 persons assessed is reached: AT-2014-002 is recorded as eligible, waiting for a place"
before=$(snapshot "$cap")
run "$cap" "${new_args[@]}" --dry-run
if [ "$rc" = 0 ] && [ "$before" = "$(snapshot "$cap")" ] && grep -Fq -- "$capacity_warning" "$err" &&
   grep -q '^  waiting: true$' "$out"; then
  ok "new --dry-run, capacity reached: warns, previews waiting: true, writes nothing"
else
  not_ok "new --dry-run, capacity reached: warns, previews waiting: true, writes nothing" "exit $rc" "$(shown)"
fi
accepted "new, capacity reached" "$cap" "${new_args[@]}"
if [ "$(cat "$out")" = AT-2014-002 ] && grep -Fq -- "$capacity_warning" "$err"; then
  ok "new, capacity reached: prints the ID and the warning"
else
  not_ok "new, capacity reached: prints the ID and the warning" "$(shown)"
fi
shows "capacity" "$cap" AT-2014-002 '^eligibility:$' '^  status: eligible$' '^  waiting: true$'
check "new, capacity reached: not closed" "$([ ! -e "$cap/cases/AT-2014-002/closure.yaml" ]; echo $?)"
sed -i 's/^assessed *=.*/assessed = 260/' "$cap/care.toml"
accepted "new, room left" "$cap" care-intake new --host AT --nationality NG --return-country NG --sex male \
  --birth 1989-07-08 --referral-date 2014-05-06 --referred-by-kind ngo --consent data_processing \
  --given-name Example --family-name Person-FortyOne
lacks "new, room left: no warning" "$err" "capacity"
lacks "new, room left: no waiting field" "$cap/cases/AT-2014-003/case.yaml" "waiting"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
