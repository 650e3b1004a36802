#!/usr/bin/env bash
# Black-box tests of care-plan: a plan's whole life driven through the real
# binaries (care-intake for the steps before the plan, care-report to check
# the folder after each accepted command), every refusal with its exit status
# and nothing written, and a minor's plan agreed with the guardian. The
# return gate, condition by condition, is tests/blackbox/return_gate.sh.
#
#   bash tests/blackbox/plan_cases.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
# Works only in copies of tests/golden/base under a fresh mktemp -d folder.
set -u

. "$(dirname "$0")/harness/cases.sh"

ID=AT-2014-001
plan_file() { echo "$1/cases/$ID/plan.yaml"; }

# =============================================================================
# An adult's plan, from the assessment to the return
# =============================================================================
life=$(fresh life)

refused "draft without an assessment" 1 "AT-2014-001 has no assessment to draft a plan from" \
  "$life" care-plan draft $ID --date 2014-03-20
refused "add to a case without a plan" 1 "AT-2014-001 has no plan" \
  "$life" care-plan add $ID --phase reintegration --type education --budget 100
refused "deliver before the plan was drafted (no plan at all)" 1 "AT-2014-001 has no plan" \
  "$life" care-plan deliver $ID 1 --amount 10 --date 2014-03-21
refused "agree without a plan" 1 "AT-2014-001 has no plan" "$life" care-plan agree $ID
refused "show without a plan" 1 "AT-2014-001 has no plan" "$life" care-plan show $ID
refused "return without any plan" 1 "has a return but no agreed reintegration plan" \
  "$life" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-10 --destination "Benin City"

# Cases that do not exist, and IDs that are not IDs.
refused "add items for a case that does not exist" 1 "no case AT-2014-099 in this folder" \
  "$life" care-plan add AT-2014-099 --phase reintegration --type education --budget 100
refused "draft for a case that does not exist" 1 "no case AT-2014-099" "$life" care-plan draft AT-2014-099
refused "return for a case that does not exist" 1 "no case AT-2014-099" \
  "$life" care-plan return AT-2014-099 --depart 2014-05-10 --arrive 2014-05-10 --destination X
for trick in "../$ID" "$ID/.." "$ID/../$ID" "cases/$ID" "/etc" "../../etc/passwd" "at-2014-001" "AT-2014-001 " "" "."; do
  refused "add with the ID \"$trick\"" 2 "is not a case ID" \
    "$life" care-plan add "$trick" --phase reintegration --type education --budget 100
done
refused "show with a path trick as ID" 2 "is not a case ID" "$life" care-plan show "../$ID"
refused "draft with a path trick as ID" 2 "is not a case ID" "$life" care-plan draft "../$ID"
refused "deliver with a path trick as ID" 2 "is not a case ID" "$life" care-plan deliver "../$ID" 1 --amount 1
refused "return with a path trick as ID" 2 "is not a case ID" \
  "$life" care-plan return "$ID/../$ID" --depart 2014-05-10 --arrive 2014-05-10 --destination X
refused "edit with a path trick as ID" 2 "is not a case ID" "$life" care-plan edit "../$ID"

# The assessment, then the draft.
accepted "care-intake assess" "$life" care-intake assess $ID --date 2014-03-10 --by "caseworker, Vienna office" \
  --need health=medium --need livelihood=high:"wants a tailoring shop" --need housing=none --need family=low \
  --overall-risk medium
# Drafting with service providers in the country of return shares the case with them.
accepted "care-intake consent --grant sharing_return_country" "$life" care-intake consent $ID \
  --grant sharing_return_country --date 2014-03-15
dry_then_accepted "draft" "$life" care-plan draft $ID --date 2014-03-20 \
  --provider "Example Counselling NGO (fictional)" --provider "Example Microcredit (fictional)" --beneficiary
p=$(plan_file "$life")
has "draft: item 1 medical_care from the health need" "$p" "type: medical_care"
has "draft: item 2 income_generating from the livelihood need" "$p" "type: income_generating"
has "draft: item 3 other from the family need" "$p" "description: for the family need \(low\) found on 2014-03-10"
lacks "draft: no item for the housing need of level none" "$p" "housing"
has "draft: items proposed" "$p" "status: proposed"
has "draft: service providers recorded" "$p" "- Example Microcredit \(fictional\)"
has "draft: the beneficiary took part" "$p" "^  beneficiary: true"
has "draft: drafting day" "$p" '^drafted: "2014-03-20"'
refused "draft twice" 1 "AT-2014-001 already has a plan" "$life" care-plan draft $ID --date 2014-03-21
refused "agree before consent to assistance" 1 "the plan was agreed on 2014-03-25 without consent to assistance in force" \
  "$life" care-plan agree $ID --date 2014-03-25

# Items of the draft.
dry_then_accepted "change item 2" "$life" care-plan change $ID 2 --budget 1800 \
  --provider "Example Microcredit (fictional)" --description "tailoring shop: machine and first stock" --date 2014-03-21
has "change: budget written as an exact two-decimal string" "$p" 'amount: "1800.00"'
dry_then_accepted "add a pre-departure item" "$life" care-plan add $ID --phase pre_departure --type counselling \
  --budget 150 --provider "Example Counselling NGO (fictional)" --date 2014-03-21
if [ "$(cat "$out")" = 4 ]; then ok "add prints the new item's number (4)"; else not_ok "add prints 4" "$(shown)"; fi
for amount in "12,50" "1.234" "-5" "1e3" "abc" "012"; do
  refused "add with the budget \"$amount\"" 1 "\"$(ere "$amount")\" is not an amount" \
    "$life" care-plan add $ID --phase reintegration --type education --budget "$amount"
done
refused "change with a malformed budget" 1 '"1.234" is not an amount' "$life" care-plan change $ID 2 --budget 1.234
refused "change an item that does not exist" 1 "the plan has no item 9" "$life" care-plan change $ID 9 --budget 1
refused "post-arrival item without --beneficiary-asked" 1 "post-arrival item, but the plan does not say the beneficiary asked" \
  "$life" care-plan add $ID --phase post_arrival --type airport_reception --budget 40 --date 2014-03-21
dry_then_accepted "post-arrival item with --beneficiary-asked" "$life" care-plan add $ID --phase post_arrival \
  --type airport_reception --budget 40 --beneficiary-asked --date 2014-03-21
has "post-arrival: the plan records that the beneficiary asked" "$p" "^post_arrival_requested: true"
accepted "add an item to drop" "$life" care-plan add $ID --phase reintegration --type education --budget 10 --date 2014-03-21
dry_then_accepted "drop item 6 of the draft" "$life" care-plan drop $ID 6
lacks "drop: item 6 is gone" "$p" "^  - id: 6$"
refused "drop an item that does not exist" 1 "the plan has no item 6" "$life" care-plan drop $ID 6

# The budget cap (3000.00 EUR): 1800 + 150 + 40 = 1990 so far.
refused "budget cap exceeded" 1 "the plan's budget 3490.00 EUR is over the cap of 3000.00 EUR" \
  "$life" care-plan add $ID --phase reintegration --type vocational_training --budget 1500 --date 2014-03-22
dry_then_accepted "over the cap with --over-cap" "$life" care-plan add $ID --phase reintegration \
  --type vocational_training --budget 1500 --date 2014-03-22 \
  --over-cap "tailoring course and shop approved together by the steering group"
has "over-cap: the reason is recorded in plan.yaml" "$p" "reason: tailoring course and shop approved together by the steering group"
has "over-cap: the day is recorded in plan.yaml" "$p" '^  date: "2014-03-22"'

# Another currency than the program's needs an exchange note.
refused "budget in NGN without --exchange-note" 1 "budget in NGN but the program counts in EUR, and there is no exchange_note" \
  "$life" care-plan add $ID --phase reintegration --type education --budget 40000 --currency NGN --date 2014-03-22
dry_then_accepted "budget in NGN with --exchange-note" "$life" care-plan add $ID --phase reintegration --type education \
  --budget 40000 --currency NGN --exchange-note "1 EUR = 200 NGN (fictional rate): 200.00 EUR" --date 2014-03-22
has "exchange note recorded" "$p" "exchange_note: \"?1 EUR = 200 NGN"

# Agreement.
accepted "care-intake consent --grant assistance" "$life" care-intake consent $ID --grant assistance --date 2014-03-22
refused "agree before the plan was drafted" 1 "the plan's agreement \(2014-03-19\) is before the plan's drafting" \
  "$life" care-plan agree $ID --date 2014-03-19
refused "agree in the future" 1 "is in the future" "$life" care-plan agree $ID --date 2015-01-01
dry_then_accepted "agree" "$life" care-plan agree $ID --date 2014-03-25
lacks "agree: no item is left proposed" "$p" "status: proposed"
has "agree: the agreement is recorded" "$p" '^  date: "2014-03-25"'
refused "agree twice" 1 "the plan was already agreed on 2014-03-25" "$life" care-plan agree $ID --date 2014-03-26

# Changes after agreement.
refused "change after agreement without --reason" 1 "the plan is agreed: a change needs a reason" \
  "$life" care-plan change $ID 1 --budget 300 --date 2014-04-01
refused "add after agreement without --reason" 1 "the plan is agreed: a new item needs a reason" \
  "$life" care-plan add $ID --phase reintegration --type legal_aid --budget 100 --date 2014-04-01
refused "drop after agreement" 1 "the plan is agreed: its items are cancelled, not dropped" "$life" care-plan drop $ID 1
dry_then_accepted "change after agreement with --reason" "$life" care-plan change $ID 1 --budget 300 \
  --reason "clinic quoted the treatment" --date 2014-04-01
has "change after agreement: recorded with its reason" "$p" "reason: clinic quoted the treatment"
dry_then_accepted "add after agreement with --reason" "$life" care-plan add $ID --phase reintegration --type legal_aid \
  --budget 100 --reason "residence papers needed in the country of return" --date 2014-04-01
has "add after agreement: the item is planned, recorded as added" "$p" "what: added"
refused "a change dated before the agreement" 1 "a change dated 2014-03-24 is listed as after the agreement" \
  "$life" care-plan change $ID 1 --budget 320 --reason "earlier quote" --date 2014-03-24

# Deliveries (item 2: 1800.00 EUR).
refused "delivery dated before the plan was drafted" 1 "delivery on 2014-03-15 is before the plan was drafted \(2014-03-20\)" \
  "$life" care-plan deliver $ID 2 --amount 100 --date 2014-03-15
refused "delivery in the future (--as-of 2014-12-31)" 1 "date 2015-01-05 is in the future \(today is 2014-12-31\)" \
  "$life" care-plan --as-of 2014-12-31 deliver $ID 2 --amount 100 --date 2015-01-05
for amount in "-5" "0" "0.00" "12,50" "1.234" "abc" "+5" "1e2"; do
  refused "delivery of \"$amount\"" 1 "\"$(ere "$amount")\" is not an amount delivered" \
    "$life" care-plan deliver $ID 2 --amount "$amount" --date 2014-06-01
done
refused "delivery of an item that does not exist" 1 "the plan has no item 42" \
  "$life" care-plan deliver $ID 42 --amount 10 --date 2014-06-01
refused "delivery in another currency than the item's" 1 "delivery in GBP but the item is budgeted in EUR" \
  "$life" care-plan deliver $ID 2 --amount 100 --currency GBP --date 2014-06-01
refused "over-delivery at once" 1 "deliveries add up to 1800.01 EUR, more than the item's budget of 1800.00 EUR" \
  "$life" care-plan deliver $ID 2 --amount 1800.01 --date 2014-06-01
dry_then_accepted "first partial delivery" "$life" care-plan deliver $ID 2 --amount 800 --note "sewing machine" --date 2014-06-01
has "first partial delivery: the item is committed" "$p" "status: committed"
dry_then_accepted "second partial delivery reaches the budget" "$life" care-plan deliver $ID 2 --amount 1000 --date 2014-07-01
has "second partial delivery: the item is delivered" "$p" "status: delivered"
refused "over-delivery after partial deliveries" 1 "deliveries add up to 1800.01 EUR, more than the item's budget of 1800.00 EUR" \
  "$life" care-plan deliver $ID 2 --amount 0.01 --date 2014-07-02
refused "lower a budget under what was delivered" 1 "more than the item's budget of 1000.00 EUR" \
  "$life" care-plan change $ID 2 --budget 1000 --reason "cheaper" --date 2014-07-03
dry_then_accepted "delivery in the item's own currency (NGN)" "$life" care-plan deliver $ID 7 --amount 20000 --date 2014-06-05

# Cancellation.
dry_then_accepted "cancel item 3" "$life" care-plan cancel $ID 3 --reason "family mediation no longer needed" --date 2014-04-02
has "cancel: reason recorded" "$p" "reason: family mediation no longer needed"
has "cancel: recorded as a change after agreement" "$p" "what: cancelled"
refused "cancel twice" 1 "item 3 is already cancelled" "$life" care-plan cancel $ID 3 --reason again --date 2014-04-03
refused "deliver a cancelled item" 1 "item 3 is cancelled and takes no delivery" \
  "$life" care-plan deliver $ID 3 --amount 10 --date 2014-06-01
refused "change a cancelled item" 1 "item 3 is cancelled" \
  "$life" care-plan change $ID 3 --budget 10 --reason "again" --date 2014-06-01
refused "cancel without --reason" 2 "reason" "$life" care-plan cancel $ID 1
refused "cancel dated before a delivery of the item" 1 "delivery on 2014-06-01 is after the item was cancelled \(2014-05-01\)" \
  "$life" care-plan cancel $ID 2 --reason "shop closed" --date 2014-05-01
refused "status cancelled set by change, without the cancellation" 1 'missing required field "cancelled"' \
  "$life" care-plan change $ID 1 --status cancelled --reason "x" --date 2014-06-01
refused "status delivered without a delivery" 1 "the item is marked delivered but has no delivery" \
  "$life" care-plan change $ID 1 --status delivered --reason "x" --date 2014-06-01

# The return.
refused "return whose arrival is before its departure" 1 "the arrival \(2014-05-09\) is before the departure \(2014-05-10\)" \
  "$life" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-09 --destination "Benin City"
refused "return departing before the plan was agreed" 1 "the departure \(2014-03-24\) is before the plan's agreement" \
  "$life" care-plan return $ID --depart 2014-03-24 --arrive 2014-03-24 --destination "Benin City"
refused "return in the future" 1 "is in the future" \
  "$life" care-plan return $ID --depart 2015-01-10 --arrive 2015-01-10 --destination "Benin City"
refused "return without its dates" 1 'missing required field "departure"' "$life" care-plan return $ID --destination "Benin City"
refused "return without the voluntary return declaration" 1 "no voluntary return declaration is recorded" \
  "$life" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-11 --destination "Benin City"
dry_then_accepted "return" "$life" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-11 --destination "Benin City" \
  --escort program_staff --escort-note "caseworker of the Vienna office" --declaration-signed 2014-05-02 \
  --alternatives-explained --language English
r="$life/cases/$ID/return.yaml"
has "return: departure written" "$r" '^departure: "2014-05-10"'
has "return: the country defaults to the case's country of return" "$r" "^  country: NG$"
dry_then_accepted "return: a later correction of the arrival" "$life" care-plan return $ID --arrive 2014-05-12
has "return: the correction kept the other fields" "$r" "^  place: Benin City$"

# show.
run "$life" care-plan show $ID
cp "$out" "$scratch/show.txt"
check "show: exit 0" "$rc" "$(shown)"
has "show: heading" "$scratch/show.txt" "^plan of AT-2014-001: agreed on 2014-03-25$"
has "show: columns" "$scratch/show.txt" "^item  phase +type +status +planned +delivered +remaining cur$"
has "show: item 2 fully delivered" "$scratch/show.txt" "^   2  reintegration  income_generating +delivered +1800\.00 +1800\.00 +0\.00 EUR$"
has "show: cancelled item 3 has nothing remaining" "$scratch/show.txt" "^   3  reintegration  other +cancelled +0\.00 +0\.00 +0\.00 EUR$"
has "show: NGN item shown in NGN" "$scratch/show.txt" "^   7  reintegration  education +committed +40000\.00 +20000\.00 +20000\.00 NGN$"
# EUR, not cancelled: 300 + 1800 + 150 + 40 + 1500 + 100 = 3890; delivered 1800.
has "show: totals in EUR only, without cancelled items" "$scratch/show.txt" "^      total +3890\.00 +1800\.00 +2090\.00 EUR$"
has "show: the over-cap reason" "$scratch/show.txt" \
  "^cap 3000\.00 EUR; over the cap: tailoring course and shop approved together by the steering group$"
run "$life" care-plan show $ID --format json
cp "$out" "$scratch/show1.json"
check "show --format json: exit 0" "$rc" "$(shown)"
if command -v python3 >/dev/null; then
  python3 -m json.tool "$scratch/show1.json" >/dev/null 2>"$scratch/json.err"
  check "show --format json: valid JSON (python3 -m json.tool)" $? "$(cat "$scratch/json.err")"
else
  ok "show --format json: valid JSON (skipped: no python3)"
fi
run "$life" care-plan show $ID --format json
if cmp -s "$out" "$scratch/show1.json"; then ok "show --format json: byte-identical across runs"; else
  not_ok "show --format json: byte-identical across runs" "$(diff "$out" "$scratch/show1.json")"; fi
has "show --format json: version 1, case, agreement" "$scratch/show1.json" \
  '^\{"version":1,"case":"AT-2014-001","drafted":"2014-03-20","agreed":"2014-03-25","currency":"EUR","cap":"3000.00",'
has "show --format json: the over-cap reason" "$scratch/show1.json" \
  '"over_cap":"tailoring course and shop approved together by the steering group"'
has "show --format json: totals" "$scratch/show1.json" '"total":\{"planned":"3890.00","delivered":"1800.00","remaining":"2090.00"\}\}$'
if [ "$(wc -l <"$scratch/show1.json")" = 1 ]; then ok "show --format json: one line"; else not_ok "show --format json: one line"; fi
refused "show --format yaml" 2 "format" "$life" care-plan show $ID --format yaml
lacks "show never prints the identity" "$scratch/show.txt" "Person-One|Example Person"

# edit, with an editor that is a script.
cat >"$scratch/add-note.sh" <<'EOF'
#!/bin/sh
printf 'notes: reviewed with the beneficiary\n' >>"$1"
EOF
cat >"$scratch/break.sh" <<'EOF'
#!/bin/sh
sed -i 's/status: planned/status: planed/' "$1"
EOF
chmod +x "$scratch/add-note.sh" "$scratch/break.sh"
VISUAL="$scratch/break.sh" refused "edit that breaks the schema" 1 'status' "$life" care-plan edit $ID
VISUAL="$scratch/add-note.sh" accepted "edit plan.yaml with \$VISUAL" "$life" care-plan edit $ID
has "edit: the edit is saved" "$p" "^notes: reviewed with the beneficiary$"
EDITOR="$scratch/add-note.sh" accepted "edit return.yaml with \$EDITOR" "$life" care-plan edit $ID return
has "edit return: saved" "$r" "^notes: reviewed with the beneficiary$"
leftovers=$(find "$life" -name '.*.tmp-*' | wc -l)
if [ "$leftovers" = 0 ]; then ok "edit leaves no private copy behind"; else not_ok "edit leaves no private copy behind"; fi

# A plan.yaml written by hand with comments is not rewritten unless asked.
{ printf '# reviewed on paper with the beneficiary\n'; cat "$p"; } >"$scratch/commented" && cp "$scratch/commented" "$p"
refused "rewrite a plan.yaml that has comments" 1 "this record holds comments that rewriting it would lose" \
  "$life" care-plan cancel $ID 4 --reason "counselling done by the shelter" --date 2014-06-10
dry_then_accepted "rewrite it with --drop-comments" "$life" care-plan cancel $ID 4 \
  --reason "counselling done by the shelter" --date 2014-06-10 --drop-comments
lacks "--drop-comments: the comment is gone" "$p" "^# reviewed on paper"

# The destination is the case's country of return (tests/blackbox/return_gate.sh
# tests the return gate condition by condition).
refused "return to another country than the case's" 1 "the destination is in GH, but the case's country of return is NG" \
  "$life" care-plan return $ID --country GH --destination Accra
accepted "return: a correction of the arrival only" "$life" care-plan return $ID --arrive 2014-05-13
has "return: a correction keeps the destination country" "$r" "^  country: NG$"
has "return: a correction keeps the declaration" "$r" '^  language: English$'

# =============================================================================
# A return without consent to assistance in force
# =============================================================================
nc=$(fresh no-consent)
if quietly "$nc" care-intake assess $ID --date 2014-03-10 --by "caseworker" --need health=medium --overall-risk low &&
   quietly "$nc" care-intake consent $ID --grant assistance --date 2014-03-20 &&
   quietly "$nc" care-plan draft $ID --date 2014-03-20 &&
   quietly "$nc" care-plan agree $ID --date 2014-03-25; then
  ok "no-consent case: assessed, drafted, agreed"
else
  not_ok "no-consent case: assessed, drafted, agreed" "$(cat "$scratch/why")"
fi
accepted "consent to assistance withdrawn" "$nc" care-intake consent $ID --withdraw assistance --date 2014-04-01
refused "return without consent to assistance" 1 "the return took place on 2014-05-10 without consent to assistance in force" \
  "$nc" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-10 --destination "Benin City"
refused "return without consent: no flag gets it through" 2 "" \
  "$nc" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-10 --destination "Benin City" --force

# A plan drafted but not agreed.
na=$(fresh not-agreed)
if quietly "$na" care-intake assess $ID --date 2014-03-10 --by "caseworker" --need health=medium --overall-risk low &&
   quietly "$na" care-intake consent $ID --grant assistance --date 2014-03-20 &&
   quietly "$na" care-plan draft $ID --date 2014-03-20; then
  ok "not-agreed case: assessed and drafted"
else
  not_ok "not-agreed case: assessed and drafted" "$(cat "$scratch/why")"
fi
ds=$(fresh draft-flags)
quietly "$ds" care-intake assess $ID --date 2014-03-10 --by "caseworker" --need health=medium --overall-risk low
dry_then_accepted "draft --no-staff --post-arrival-requested" "$ds" care-plan draft $ID --date 2014-03-20 --no-staff \
  --post-arrival-requested
has "draft --no-staff: recorded" "$(plan_file "$ds")" "^  program_staff: false$"
has "draft --post-arrival-requested: recorded" "$(plan_file "$ds")" "^post_arrival_requested: true$"
lacks "draft without --provider: no service providers" "$(plan_file "$ds")" "service_providers"
accepted "post-arrival item in a plan drafted with --post-arrival-requested" "$ds" care-plan add $ID \
  --phase post_arrival --type onward_transport --budget 25 --date 2014-03-21
refused "return without an agreed plan" 1 "the case has a return but no agreed reintegration plan" \
  "$na" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-10 --destination "Benin City"

# =============================================================================
# A minor's return: every condition on its own is tested, through the real
# binaries, by tests/blackbox/return_gate.sh.
# =============================================================================
MINOR=AT-2014-002

# No flag skips the conditions.
run "$scratch/elsewhere" care-plan return --help
check "care-plan return --help: exit 0" "$rc" "$(shown)"
options=$(grep -Eo -- '--[a-z][a-z-]*' "$out" | sort -u | tr '\n' ' ')
expected_options="--alternatives-explained --arrive --country --declaration-signed --depart --destination --drop-comments --dry-run --escort --escort-note --guardian-signed --help --language --notes "
if [ "$options" = "$expected_options" ]; then
  ok "care-plan return --help: only the journey's own options, none to skip a condition"
else
  not_ok "care-plan return --help: only the journey's own options, none to skip a condition" \
    "options: $options" "expected: $expected_options"
fi
lacks "care-plan return --help: no force, skip, override or ignore" "$out" "force|skip|override|ignore|unsafe|bypass"
for flag in --force --skip-checks --override --no-check; do
  refused "return $flag is not an option" 2 "" \
    "$na" care-plan return $ID --depart 2014-05-10 --arrive 2014-05-10 --destination "Benin City" $flag
done

# A minor's plan needs the guardian's agreement.
mg=$(fresh minor-agree)
if quietly "$mg" care-intake new --host AT --nationality NG --return-country NG --sex male --birth 1997-09-30 \
     --referral-date 2014-04-01 --referred-by-kind ngo --referred-by "Example Youth NGO (fictional)" \
     --consent data_processing --consent assistance --consent-by both --given-name Example --family-name Child-Two &&
   quietly "$mg" care-intake minor $MINOR --guardian-appointed 2014-04-02 --guardian-type social_services &&
   quietly "$mg" care-intake assess $MINOR --date 2014-04-10 --by "caseworker" --need legal=high --overall-risk low \
     --with-guardian &&
   quietly "$mg" care-plan draft $MINOR --date 2014-04-15; then
  ok "minor-agree: case built"
else
  not_ok "minor-agree: case built" "$(cat "$scratch/why")"
fi
refused "minor: agree without --guardian" 1 "a minor's plan is agreed by the child and the guardian" \
  "$mg" care-plan agree $MINOR --date 2014-04-20
dry_then_accepted "minor: agree with --guardian" "$mg" care-plan agree $MINOR --date 2014-04-20 --guardian
has "minor: the guardian's agreement is recorded" "$(plan_file "$mg" | sed "s/$ID/$MINOR/")" "^  guardian: true$"

# =============================================================================
# Exit statuses outside the rules, and git
# =============================================================================
run "$scratch/elsewhere" care-plan show $ID
if [ -e /tmp/care.toml ] || [ -e /care.toml ]; then
  ok "outside a case folder (skipped: this machine has a care.toml in /tmp or /)"
else
  check "outside a case folder: exit 3" "$([ "$rc" = 3 ]; echo $?)" "exit $rc" "$(shown)"
fi
bad=$(fresh bad-toml)
sed -i 's/^cap_per_person = .*/cap_per_person = 3000.5/' "$bad/care.toml"
refused "bad care.toml: exit 4" 4 "care.toml" "$bad" care-plan show $ID
refused "unknown command: exit 2" 2 "" "$life" care-plan revise $ID
refused "an --as-of that is not a date: exit 2" 2 "" "$life" care-plan --as-of 2014-02-30 show $ID

if [ "$(id -u)" = 0 ]; then
  ok "write failed: exit 5 (skipped: running as root, permissions do not stop writes)"
else
  ro=$(fresh read-only)
  quietly "$ro" care-intake assess $ID --date 2014-03-10 --by "caseworker" --need health=medium --overall-risk low
  chmod a-w "$ro/cases/$ID"
  refused "write failed (case folder read-only): exit 5" 5 "" "$ro" care-plan draft $ID --date 2014-03-20
  chmod u+w "$ro/cases/$ID"
fi

if command -v git >/dev/null; then
  g=$(fresh git)
  printf '\n[git]\ncommit = true\n' >>"$g/care.toml"
  git -C "$g" init --quiet && git -C "$g" add -A && git -C "$g" commit --quiet -m "base"
  quietly "$g" care-intake assess $ID --date 2014-03-10 --by "caseworker" --need health=medium --overall-risk low
  commits=$(git -C "$g" rev-list --count HEAD)
  accepted "git: draft" "$g" care-plan draft $ID --date 2014-03-20
  message=$(git -C "$g" log -1 --format=%s)
  if [ "$message" = "care-plan draft: $ID 2014-03-20" ] && [ "$(git -C "$g" rev-list --count HEAD)" = $((commits + 1)) ] &&
     [ -z "$(git -C "$g" status --porcelain)" ]; then
    ok "git: the draft is committed alone, as \"care-plan draft: $ID 2014-03-20\""
  else
    not_ok "git: the draft is committed alone" "message: $message" "$(git -C "$g" status --porcelain)"
  fi
  commits=$(git -C "$g" rev-list --count HEAD)
  refused "git: a refused command" 1 "over the cap" "$g" care-plan add $ID --phase reintegration --type education \
    --budget 5000 --date 2014-03-21
  run "$g" care-plan add $ID --phase reintegration --type education --budget 50 --date 2014-03-21 --dry-run
  if [ "$(git -C "$g" rev-list --count HEAD)" = "$commits" ]; then ok "git: refusals and dry runs commit nothing"; else
    not_ok "git: refusals and dry runs commit nothing"; fi
  # An item's command names the item and the day, so that a log tells one change from the next.
  accepted "git: add" "$g" care-plan add $ID --phase reintegration --type education --budget 50 --date 2014-03-21
  message=$(git -C "$g" log -1 --format=%s)
  if [ "$message" = "care-plan add: $ID item 2, 2014-03-21" ]; then ok "git: add names the item and the day"; else
    not_ok "git: add names the item and the day" "message: $message"; fi
  git -C "$g" log --format=%B | grep -Eq "Person-One|Example Person" && st=1 || st=0
  check "git: no commit message names the person" $st
else
  ok "git (skipped: git is not installed)"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
