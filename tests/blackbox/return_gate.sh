#!/usr/bin/env bash
# Black-box tests of the return gate of care-plan: with the real binaries, a
# minor's case is built step by step (care-intake init/new/consent/assess/
# minor/edit, care-plan draft/change/agree) until every condition of a minor's
# return holds and `care-plan return` succeeds; then, on a fresh copy of that
# folder for each condition, ONE condition is broken and the return must be
# refused with exit 1, the rule's code named, and nothing written. Then an
# adult's return with a high risk, the review (`care-plan review`) and the
# voluntary return declaration.
#
#   bash tests/blackbox/return_gate.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# Works only in copies of tests/golden/base under a fresh mktemp -d folder.
#
# The child's views, the care arrangement and the follow-up in minor.yaml are
# written with `care-intake edit ID minor` and an editor script ($VISUAL) that
# appends them (their own flags are tested in intake_safeguards.sh).
# Conditions that the rules already report before a return (a guardian
# appointed late, views missing or late, a plan without the guardian's
# agreement) cannot be broken through a command, which would refuse to: those
# are broken by writing the record file by hand, as a record from an older
# version or edited outside the tools would be.

set -u

. "$(dirname "$0")/harness/cases.sh"

mkdir "$scratch/editors"
# An editor that appends the file named by $APPEND to the record.
cat >"$scratch/editors/append" <<'SH'
#!/bin/sh
cat "$APPEND" >>"$1"
SH
# An editor that runs the sed script $EDIT_SED on the record.
cat >"$scratch/editors/sed" <<'SH'
#!/bin/sh
sed -i -e "$EDIT_SED" "$1"
SH
chmod +x "$scratch/editors/append" "$scratch/editors/sed"

# edit_with_sed DIR SED TOOL ARGS...: `TOOL edit` with the sed editor; a setup step (see quietly).
edit_with_sed() {
  local dir=$1 script=$2
  shift 2
  EDIT_SED=$script VISUAL="$scratch/editors/sed" quietly "$dir" "$@"
}

# unmet NAME: the codes the last refusal named as unmet, space-separated.
unmet() { sed -n 's/^care-plan: the return is refused until these are met: \(.*\) (care-plan(1): The return gate)$/\1/p' "$err" | sed 's/, / /g'; }

# gate NAME DIR CODES MESSAGE [RETURN ARGS...]: care-plan return (with the
# arguments of a return that meets every condition, or those given) is
# refused with exit 1, writes nothing, says MESSAGE (grep -E), and names
# exactly the rule codes CODES as unmet.
MINOR=AT-2014-002
minor_return=(--depart 2014-05-15 --arrive 2014-05-15 --destination "Benin City" --escort guardian
              --declaration-signed 2014-05-02 --alternatives-explained --language English --guardian-signed 2014-05-02)
gate() {
  local name=$1 dir=$2 codes=$3 message=$4
  shift 4
  local args=("$@")
  [ ${#args[@]} = 0 ] && args=("${minor_return[@]}")
  refused "$name" 1 "$message" "$dir" care-plan return $MINOR "${args[@]}"
  local named
  named=$(unmet)
  if [ "$named" = "$codes" ]; then ok "$name: names exactly the unmet condition ($codes)"; else
    not_ok "$name: names exactly the unmet condition ($codes)" "named: $named" "$(shown)"; fi
}

# copy NAME FROM: a copy of folder FROM; prints its path.
copy() {
  cp -R "$2" "$scratch/$1"
  echo "$scratch/$1"
}

# =============================================================================
# A minor's case that meets every condition of a return
# =============================================================================
cat >"$scratch/views.yaml" <<'Y'
views:
  heard: "2014-04-21"
  heard_by: social worker, Vienna office
  wants_return: "yes"
  wants_tracing: "yes"
  wants_to_live: with the mother, in the home town
  note: heard with the guardian, in English
care_arrangement:
  lives_with: parents
  place: Benin City
follow_up:
  organisation: Example Child Protection Service (fictional)
  role: child protection officer
  agreed: "2014-04-29"
Y

good=$(fresh minor-good)
if quietly "$good" care-intake new --host AT --nationality NG --return-country NG --sex female --birth 1998-01-15 \
     --referral-date 2014-04-01 --referred-by "Example Youth Shelter (fictional)" --referred-by-kind shelter \
     --consent data_processing --consent assistance --consent sharing_return_country --consent-by both \
     --given-name Example --family-name Child-Gate &&
   [ "$(cat "$out")" = $MINOR ] &&
   quietly "$good" care-intake minor $MINOR --guardian-appointed 2014-04-02 --guardian-type legal_guardian \
     --guardian-organisation "Example Youth Welfare Office (fictional)" &&
   quietly "$good" care-intake assess $MINOR --date 2014-04-10 --by "caseworker, Vienna office" --with-guardian \
     --need education_training=high --need family=medium --risk family_involvement=low --overall-risk medium &&
   quietly "$good" care-plan draft $MINOR --date 2014-04-15 --beneficiary &&
   quietly "$good" care-plan change $MINOR 1 --budget 600 --provider "Example Training Centre (fictional)" \
     --date 2014-04-16 &&
   quietly "$good" care-plan agree $MINOR --date 2014-04-20 --guardian &&
   APPEND="$scratch/views.yaml" VISUAL="$scratch/editors/append" quietly "$good" care-intake edit $MINOR minor &&
   quietly "$good" care-intake minor $MINOR --bid-step "2014-04-22=panel meeting" --bid-decided 2014-04-25 \
     --bid-panel --bid-outcome return_in_best_interest \
     --tracing found --tracing-date 2014-04-23 --family-assessed 2014-04-24 --family-willing yes \
     --family-implicated no --family-outcome reunification_possible \
     --coordinated 2014-04-28 --host-party "Example Youth Welfare Office (fictional)" \
     --return-party "Example Child Protection Unit (fictional)" --escort guardian --escort-agreed 2014-04-28; then
  ok "minor: case built with every condition met, each step accepted and checked clean"
else
  not_ok "minor: case built with every condition met, each step accepted and checked clean" "$(cat "$scratch/why")"
fi
minor_file() { echo "$1/cases/$MINOR/minor.yaml"; }
plan_of() { echo "$1/cases/$MINOR/plan.yaml"; }

all=$(copy minor-all "$good")
dry_then_accepted "minor, every condition met: return" "$all" care-plan return $MINOR "${minor_return[@]}"
has "minor: return.yaml has the declaration" "$all/cases/$MINOR/return.yaml" '^declaration:$'
has "minor: the declaration's day" "$all/cases/$MINOR/return.yaml" '^  signed: "2014-05-02"$'
has "minor: the alternatives were explained" "$all/cases/$MINOR/return.yaml" '^  alternatives_explained: true$'
has "minor: the language" "$all/cases/$MINOR/return.yaml" '^  language: English$'
has "minor: the guardian signed" "$all/cases/$MINOR/return.yaml" '^  guardian_signed: "2014-05-02"$'

# With a care organisation instead of the family: the family is not found,
# and the organisation in the country of return confirmed before departure.
org=$(copy minor-org "$good")
if quietly "$org" care-intake minor $MINOR --tracing not_found --tracing-date 2014-04-24 \
     --receiving-organisation "Example Children's Home (fictional)" --receiving-country NG \
     --receiving-confirmed 2014-04-27; then
  ok "minor (organisation): case built"
else
  not_ok "minor (organisation): case built" "$(cat "$scratch/why")"
fi
org_ok=$(copy minor-org-ok "$org")
accepted "minor, received by a care organisation: return" "$org_ok" care-plan return $MINOR "${minor_return[@]}"

# =============================================================================
# Each condition broken alone: the return is refused and writes nothing
# =============================================================================

# A guardian from the start (written by hand: care-intake refuses it).
d=$(copy guardian-late "$good")
sed -i 's/^  appointed: "2014-04-02"$/  appointed: "2014-04-12"/' "$(minor_file "$d")"
gate "guardian appointed after the first assessment" "$d" rule.minor-guardian-late \
  "appointed on 2014-04-12, after the child's first assessment \(2014-04-10\)"

# The child's views before the BID (by hand: care-intake refuses them).
d=$(copy views-missing "$good")
sed -i '/^views:$/,/^care_arrangement:$/{/^care_arrangement:$/!d}' "$(minor_file "$d")"
gate "no child's views" "$d" rule.minor-views "decided without the child's views on record"
d=$(copy views-late "$good")
sed -i 's/^  heard: "2014-04-21"$/  heard: "2014-04-26"/' "$(minor_file "$d")"
gate "child's views heard after the BID" "$d" rule.minor-views "heard on 2014-04-26, after the best interests"

# The BID.
d=$(copy bid-no-panel "$good")
edit_with_sed "$d" 's/^  panel: true$/  panel: false/' care-intake edit $MINOR minor ||
  not_ok "bid-no-panel: edited" "$(cat "$scratch/why")"
gate "BID not by a panel" "$d" rule.minor-return-bid "not made by a panel"
d=$(copy bid-against "$good")
quietly "$d" care-intake minor $MINOR --bid-outcome return_not_in_best_interest ||
  not_ok "bid-against: recorded" "$(cat "$scratch/why")"
gate "BID against return" "$d" rule.minor-return-bid "without a best interests determination in favour of return"
d=$(copy bid-after-coordination "$good")
quietly "$d" care-intake minor $MINOR --bid-decided 2014-04-29 || not_ok "bid-after-coordination: recorded" "$(cat "$scratch/why")"
gate "BID after the coordination" "$d" rule.minor-return-bid "came after the return was coordinated \(2014-04-28\)"

# The coordination.
d=$(copy coordination-short "$good")
quietly "$d" care-intake minor $MINOR --coordinated 2014-05-05 || not_ok "coordination-short: recorded" "$(cat "$scratch/why")"
gate "coordination less than 14 days before departure" "$d" rule.minor-return-coordination \
  "coordinated on 2014-05-05, less than 14 days before departure"
d=$(copy coordination-after "$good")
quietly "$d" care-intake minor $MINOR --coordinated 2014-05-16 || not_ok "coordination-after: recorded" "$(cat "$scratch/why")"
gate "coordination after departure" "$d" rule.minor-return-coordination "coordinated on 2014-05-16, after departure"
d=$(copy coordination-days "$good")
printf '\n[minors]\ncoordination_days = 21\n' >>"$d/care.toml"
gate "coordination less than [minors] coordination_days (21) before departure" "$d" rule.minor-return-coordination \
  "less than 21 days before departure"
d=$(copy parties-missing "$good")
edit_with_sed "$d" '/^  return_country_parties:$/,/^ \{0,2\}[a-z]/{/^  return_country_parties:$/d;/^ *- /d}' \
  care-intake edit $MINOR minor || not_ok "parties-missing: edited" "$(cat "$scratch/why")"
gate "return-country parties missing" "$d" rule.minor-return-coordination "names no return-country parties"

# The family.
reception="no one safe to receive the child"
d=$(copy tracing-not-found "$good")
quietly "$d" care-intake minor $MINOR --tracing not_found || not_ok "tracing-not-found: recorded" "$(cat "$scratch/why")"
gate "family tracing not found" "$d" rule.minor-return-reception "$reception: family tracing is not found"
d=$(copy no-family-assessment "$good")
edit_with_sed "$d" '/^family_assessment:$/,/^[a-z]/{/^family_assessment:$/d;/^  /d}' care-intake edit $MINOR minor ||
  not_ok "no-family-assessment: edited" "$(cat "$scratch/why")"
gate "no family assessment" "$d" rule.minor-return-reception "the family was not assessed"
d=$(copy family-unwilling "$good")
quietly "$d" care-intake minor $MINOR --family-willing no || not_ok "family-unwilling: recorded" "$(cat "$scratch/why")"
gate "family not willing and able" "$d" rule.minor-return-reception "not found willing and able"
d=$(copy family-implicated "$good")
quietly "$d" care-intake minor $MINOR --family-implicated yes || not_ok "family-implicated: recorded" "$(cat "$scratch/why")"
gate "family implicated in the trafficking" "$d" rule.minor-return-reception "not found free of any part in the trafficking"
d=$(copy family-risk-high "$good")
quietly "$d" care-intake assess $MINOR --date 2014-05-01 --by "caseworker, Vienna office" --with-guardian \
  --need family=medium --risk family_involvement=high --overall-risk medium ||
  not_ok "family-risk-high: assessed" "$(cat "$scratch/why")"
gate "family_involvement risk high at the latest assessment" "$d" rule.minor-return-reception \
  "rates the family's involvement in the trafficking high"

# The care organisation, when the family cannot receive the child.
d=$(copy org-elsewhere "$org")
quietly "$d" care-intake minor $MINOR --receiving-country GH || not_ok "org-elsewhere: recorded" "$(cat "$scratch/why")"
gate "receiving organisation in another country" "$d" rule.minor-return-reception \
  "the receiving organisation is in GH, not in the country of return \(NG\)"
d=$(copy org-unconfirmed "$org")
edit_with_sed "$d" '/^receiving_organisation:$/,/^[a-z]/{/^  confirmed:/d}' care-intake edit $MINOR minor ||
  not_ok "org-unconfirmed: edited" "$(cat "$scratch/why")"
gate "receiving organisation not confirmed" "$d" rule.minor-return-reception "the receiving organisation has not confirmed"
d=$(copy org-late "$org")
quietly "$d" care-intake minor $MINOR --receiving-confirmed 2014-05-20 || not_ok "org-late: recorded" "$(cat "$scratch/why")"
gate "receiving organisation confirmed after departure" "$d" rule.minor-return-reception \
  "confirmed on 2014-05-20, after departure"

# The escort.
d=$(copy escort-late "$good")
quietly "$d" care-intake minor $MINOR --escort-agreed 2014-05-16 || not_ok "escort-late: recorded" "$(cat "$scratch/why")"
gate "escort agreed after departure" "$d" rule.minor-return-escort "the escort was agreed on 2014-05-16, after departure"
d=$(copy escort-mismatch "$good")
gate "escort on the journey is not the one agreed" "$d" rule.minor-return-escort \
  "travelled with program staff, but the escort agreed was guardian" \
  --depart 2014-05-15 --arrive 2014-05-15 --destination "Benin City" --escort program_staff \
  --declaration-signed 2014-05-02 --alternatives-explained --language English --guardian-signed 2014-05-02

# The follow-up by child protection in the country of return.
d=$(copy no-follow-up "$good")
edit_with_sed "$d" '/^follow_up:$/,/^[a-z]/{/^follow_up:$/d;/^  /d}' care-intake edit $MINOR minor ||
  not_ok "no-follow-up: edited" "$(cat "$scratch/why")"
gate "no child-protection follow-up" "$d" rule.minor-return-follow-up "no child-protection service in the country of return"

# The declaration.
d=$(copy no-declaration "$good")
gate "no return declaration" "$d" rule.return-declaration "no voluntary return declaration is recorded" \
  --depart 2014-05-15 --arrive 2014-05-15 --destination "Benin City" --escort guardian
has "no return declaration: the hint names the option" "$err" "care-plan return --declaration-signed"
d=$(copy no-guardian-signature "$good")
gate "the guardian did not sign the declaration" "$d" rule.return-declaration \
  "the guardian has not signed the child's return declaration" \
  --depart 2014-05-15 --arrive 2014-05-15 --destination "Benin City" --escort guardian \
  --declaration-signed 2014-05-02 --alternatives-explained --language English
has "no guardian signature: the hint names the option" "$err" "care-plan return --guardian-signed"

# The plan, agreed by the child and the guardian.
d=$(copy not-agreed-child "$good")
edit_with_sed "$d" 's/^  beneficiary: true$/  beneficiary: false/' care-plan edit $MINOR ||
  not_ok "not-agreed-child: edited" "$(cat "$scratch/why")"
gate "plan not agreed by the child" "$d" rule.return-needs-agreed-plan "the plan was not agreed by the beneficiary"
has "plan not agreed by the child: the hint names care-plan agree" "$err" "care-plan agree"
refused "plan not agreed by the child: agree without --guardian" 1 "agreed by the child and the guardian" \
  "$d" care-plan agree $MINOR --date 2014-05-03
accepted "plan not agreed by the child: care-plan agree completes the agreement" "$d" \
  care-plan agree $MINOR --date 2014-05-03 --guardian
has "plan agreed by the child: recorded" "$(plan_of "$d")" '^  beneficiary: true$'
accepted "plan agreed by the child: return" "$d" care-plan return $MINOR "${minor_return[@]}"

d=$(copy not-agreed-guardian "$good")
sed -i 's/^  guardian: true$/  guardian: false/' "$(plan_of "$d")"
gate "plan not agreed by the guardian" "$d" rule.minor-agreement "a minor's plan was agreed without the guardian"
has "plan not agreed by the guardian: the hint names care-plan agree --guardian" "$err" \
  "care-plan agree $MINOR --guardian"
run "$d" care-plan agree $MINOR --date 2014-05-03 --guardian
check "plan not agreed by the guardian: care-plan agree --guardian completes it" "$rc" "$(shown)"
has "plan agreed by the guardian: recorded" "$(plan_of "$d")" '^  guardian: true$'
accepted "plan agreed by the guardian: return" "$d" care-plan return $MINOR "${minor_return[@]}"

# The destination.
d=$(copy destination-elsewhere "$good")
gate "destination not the country of return" "$d" rule.return-destination \
  "the destination is in GH, but the case's country of return is NG" "${minor_return[@]}" --country GH
d=$(copy destination-eu "$good")
gate "destination in the EU" "$d" rule.return-destination "the destination DE is in the EU" "${minor_return[@]}" --country DE

# No option skips a condition.
run "$scratch/elsewhere" care-plan return --help
check "care-plan return --help: exit 0" "$rc" "$(shown)"
lacks "care-plan return --help: no force, skip, override or ignore" "$out" "force|skip|override|ignore|unsafe|bypass"
for flag in --force --skip-checks --override --no-check; do
  refused "return $flag is not an option" 2 "" "$scratch/bid-against" care-plan return $MINOR "${minor_return[@]}" $flag
done

# =============================================================================
# An adult at high risk: a review that decides to proceed, and the declaration
# =============================================================================
ID=AT-2014-001
adult_return=(--depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City"
              --declaration-signed 2014-04-01 --alternatives-explained --language English)
adult=$(fresh adult)
refused "review without a plan" 1 "has no plan" "$adult" care-plan review $ID --date 2014-03-01 \
  --reviewer "social worker, Vienna office" --decision proceed --safety-measure "escort on arrival"
if quietly "$adult" care-intake assess $ID --date 2014-03-10 --by "caseworker, Vienna office" --need health=medium \
     --risk threats_reprisals=high --overall-risk high &&
   quietly "$adult" care-intake consent $ID --grant assistance --date 2014-03-20 &&
   quietly "$adult" care-plan draft $ID --date 2014-03-20 --beneficiary &&
   quietly "$adult" care-plan agree $ID --date 2014-03-25; then
  ok "adult at high risk: case built"
else
  not_ok "adult at high risk: case built" "$(cat "$scratch/why")"
fi
refused "adult at high risk, no review: return" 1 "rule\.return-risk-review" "$adult" care-plan return $ID \
  "${adult_return[@]}"
has "adult at high risk, no review: says why" "$err" "overall risk was high at the assessment of 2014-03-10"
has "adult at high risk, no review: the hint names care-plan review" "$err" "care-plan review"

run "$adult" care-plan review $ID --date 2014-04-02 --reviewer "social worker, Vienna office" --decision proceed
check "review without --safety-measure: exit 2" "$([ "$rc" = 2 ]; echo $?)" "exit $rc" "$(shown)"
run "$adult" care-plan review $ID --date 2014-04-02 --reviewer "social worker, Vienna office" --decision maybe \
  --safety-measure "escort on arrival"
check "review with a decision that is not one: exit 2" "$([ "$rc" = 2 ]; echo $?)" "exit $rc" "$(shown)"
run "$adult" care-plan review $ID --date 2014-04-02 --decision proceed --safety-measure "escort on arrival"
check "review without --reviewer: exit 2" "$([ "$rc" = 2 ]; echo $?)" "exit $rc" "$(shown)"

accepted "review deciding to postpone" "$adult" care-plan review $ID --date 2014-04-02 \
  --reviewer "social worker, Vienna office" --decision postpone --safety-measure "find a shelter in Benin City first"
refused "adult, review postponed: return" 1 "rule\.return-risk-review" "$adult" care-plan return $ID "${adult_return[@]}"
has "adult, review postponed: says so" "$err" "the risk review of 2014-04-02 decided to postpone, not to proceed"

dry_then_accepted "review deciding to proceed" "$adult" care-plan review $ID --date 2014-04-05 \
  --reviewer "social worker, Vienna office" --decision proceed --safety-measure "shelter place on arrival" \
  --safety-measure "weekly calls in the first month" --note "threats assessed with the police liaison"
has "review: recorded in plan.yaml" "$adult/cases/$ID/plan.yaml" '^risk_reviews:$'
has "review: the decision" "$adult/cases/$ID/plan.yaml" '^    decision: proceed$'
has "review: a safety measure" "$adult/cases/$ID/plan.yaml" '^      - weekly calls in the first month$'

# The declaration, broken one way at a time.
refused "adult: no declaration" 1 "rule\.return-declaration" "$adult" care-plan return $ID \
  --depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City"
refused "adult: alternatives not explained" 1 "rule\.return-declaration" "$adult" care-plan return $ID \
  --depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City" --declaration-signed 2014-04-01 --language English
has "adult: alternatives not explained: the hint names --alternatives-explained" "$err" \
  "care-plan return --alternatives-explained"
refused "adult: declaration signed after departure" 1 "signed on 2014-04-11, after departure" "$adult" care-plan return $ID \
  --depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City" --declaration-signed 2014-04-11 \
  --alternatives-explained --language English
refused "adult: declaration without a language" 1 "--language" "$adult" care-plan return $ID \
  --depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City" --declaration-signed 2014-04-01 \
  --alternatives-explained
refused "adult: a language without the day signed" 1 "--declaration-signed" "$adult" care-plan return $ID \
  --depart 2014-04-10 --arrive 2014-04-10 --destination "Benin City" --language English
dry_then_accepted "adult at high risk, after a review deciding to proceed: return" "$adult" care-plan return $ID \
  "${adult_return[@]}"
lacks "adult: no guardian signs an adult's declaration" "$adult/cases/$ID/return.yaml" "guardian_signed"

# A correction keeps the declaration.
accepted "adult: a correction of the return keeps the declaration" "$adult" care-plan return $ID --notes "flight via Lagos"
has "adult: declaration kept after a correction" "$adult/cases/$ID/return.yaml" '^  signed: "2014-04-01"$'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
