#!/usr/bin/env bash
# Black-box test of the safeguards on the example folder: every condition of
# a safe and voluntary return, broken alone on a fresh copy of examples/,
# makes care-report check exit non-zero with that rule's finding on that
# case. examples/ itself checks clean (tests/blackbox/check.sh).
#
#   bash tests/blackbox/safeguards_examples.sh BIN_DIR SOURCE_DIR
#
# The cases broken: GB-2014-004 (a child returned to the family),
# GB-2015-001 (a child returned to a children's home), AT-2014-002 (an adult
# returned at high risk after a review, with a safety plan), FR-2014-003.
# Each break is one sed expression on one record, so that the finding can
# come from nothing else.
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
export CARE_TODAY=2015-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

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

# breaks WHAT CASE FILE SED CODE: on a fresh copy of examples/, applies SED
# to cases/CASE/FILE; check must then exit 1 and report CODE on that case.
breaks() {
  local what=$1 case=$2 file=$3 expr=$4 code=$5
  local copy="$scratch/copy" target
  rm -rf "$copy"
  cp -R "$src/examples" "$copy"
  target="$copy/cases/$case/$file"
  cp "$target" "$scratch/before"
  sed -i -e "$expr" "$target"
  if cmp -s "$target" "$scratch/before"; then
    not_ok "$what: the break changed $case/$file" "sed: $expr"
    return
  fi
  "$bin/care-report" -C "$copy" check --format json >"$scratch/out" 2>"$scratch/err"
  local status=$?
  if [ "$status" = 1 ] && grep -q "\"file\":\"cases/$case/[^\"]*\",[^}]*\"severity\":\"error\",\"code\":\"rule.$code\"" "$scratch/out"; then
    ok "$what: check exits 1 with rule.$code on $case"
  else
    not_ok "$what: check exits 1 with rule.$code on $case" "exit $status" "$(head -c 600 "$scratch/out")" "$(head -3 "$scratch/err")"
  fi
}

"$bin/care-report" -C "$src/examples" check >"$scratch/out" 2>"$scratch/err"
if [ $? = 0 ]; then ok "examples/ checks clean"; else not_ok "examples/ checks clean" "$(head -5 "$scratch/err")"; fi

# A child returned to the family: GB-2014-004.
c=GB-2014-004
breaks "the guardian appointed after the first assessment" $c minor.yaml \
  's/appointed: "2014-08-20"/appointed: "2014-10-15"/' minor-guardian-late
breaks "the child's views heard after the BID" $c minor.yaml 's/heard: "2015-02-17"/heard: "2015-03-11"/' minor-views
breaks "the BID not made by a panel" $c minor.yaml 's/panel: true/panel: false/' minor-return-bid
breaks "the BID against return" $c minor.yaml \
  's/outcome: return_in_best_interest/outcome: return_not_in_best_interest/' minor-return-bid
breaks "the BID decided after the coordination" $c minor.yaml 's/decided: "2015-03-10"/decided: "2015-04-23"/' \
  minor-return-bid
breaks "the coordination after departure" $c minor.yaml '/^coordination:/,/^escort:/s/date: "2015-04-22"/date: "2015-06-11"/' \
  minor-return-coordination
breaks "the coordination less than 14 days before departure" $c minor.yaml \
  '/^coordination:/,/^escort:/s/date: "2015-04-22"/date: "2015-06-01"/' minor-return-coordination
breaks "no return-country party named" $c minor.yaml '/^  return_country_parties:/,/^escort:/{/^  return_country_parties:/d;/^    - /d}' \
  minor-return-coordination
breaks "family tracing not found" $c minor.yaml 's/status: found/status: not_found/' minor-return-reception
breaks "no family assessment" $c minor.yaml '/^family_assessment:/,/^  outcome:/d' minor-return-reception
breaks "the family assessed after departure" $c minor.yaml \
  '/^family_assessment:/,/^  outcome:/s/date: "2015-01-20"/date: "2015-06-11"/' minor-return-reception
breaks "the family unwilling or unable" $c minor.yaml 's/willing_and_able: true/willing_and_able: false/' \
  minor-return-reception
breaks "the family implicated in the trafficking" $c minor.yaml \
  's/implicated_in_trafficking: false/implicated_in_trafficking: true/' minor-return-reception
breaks "the family assessment found reunification not possible" $c minor.yaml \
  's/outcome: reunification_possible/outcome: reunification_not_possible/' minor-return-reception
breaks "the family's involvement a high risk" $c assessments/2014-10-14.yaml \
  '/factor: family_involvement/{n;s/level: low/level: high/}' minor-return-reception
breaks "the escort agreed after departure" $c minor.yaml 's/agreed: "2015-05-06"/agreed: "2015-06-11"/' minor-return-escort
breaks "another escort than the one agreed" $c return.yaml 's/by: guardian/by: program_staff/' minor-return-escort
breaks "no care arrangement on arrival" $c minor.yaml '/^care_arrangement:/,/^  place:/d' minor-return-care
breaks "no child-protection follow-up" $c minor.yaml '/^follow_up:/,$d' minor-return-follow-up
breaks "the guardian did not sign the return declaration" $c return.yaml '/guardian_signed:/d' return-declaration
breaks "the plan agreed without the guardian" $c plan.yaml '/^  guardian: true/d' minor-agreement
breaks "tracing before the guardian's consent to sharing" $c case.yaml \
  '/purpose: sharing_return_country/{n;n;s/date: "2014-10-01"/date: "2014-12-02"/}' consent

# A child returned to a children's home: GB-2015-001.
c=GB-2015-001
breaks "the organisation in another country" $c minor.yaml '/^receiving_organisation:/,/^  confirmed:/s/country: XK/country: AL/' \
  minor-return-reception
breaks "the organisation never confirmed" $c minor.yaml '/^receiving_organisation:/,/^coordination:/{/^  confirmed:/d}' \
  minor-return-reception
breaks "the organisation confirmed after departure" $c minor.yaml 's/confirmed: "2015-04-10"/confirmed: "2015-05-13"/' \
  minor-return-reception

# Adults: AT-2014-002 and FR-2014-003 returned at high risk.
c=AT-2014-002
breaks "no return declaration" $c return.yaml '/^declaration:/,$d' return-declaration
breaks "the declaration signed after departure" $c return.yaml 's/signed: "2014-09-08"/signed: "2014-09-22"/' \
  return-declaration
breaks "the alternatives not explained" $c return.yaml 's/alternatives_explained: true/alternatives_explained: false/' \
  return-declaration
breaks "the plan not agreed by the person" $c plan.yaml 's/beneficiary: true/beneficiary: false/' return-needs-agreed-plan
breaks "the destination not the country of return" $c return.yaml '/^destination:/,/^  place:/s/country: NG/country: GH/' \
  return-destination
breaks "the destination in the EU" $c return.yaml '/^destination:/,/^  place:/s/country: NG/country: IT/' \
  return-destination
breaks "the risk review decided to postpone" $c plan.yaml 's/decision: proceed/decision: postpone/' return-risk-review
breaks "no safety plan" $c monitoring-plan.yaml '/^safety_plan:/,/^  report_contact_by:/d' monitoring-safety-plan
c=FR-2014-003
breaks "no risk review" $c plan.yaml '/^risk_reviews:/,/^    note:/d' return-risk-review
breaks "a plan drafted with providers there before consent to sharing" $c case.yaml \
  '/purpose: sharing_return_country/{n;n;s/date: "2014-08-04"/date: "2014-08-05"/}' consent

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
