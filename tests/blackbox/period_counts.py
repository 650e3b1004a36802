#!/usr/bin/env python3
"""Counts the persons of care-report period straight from the YAML records.

    python3 period_counts.py FOLDER FROM TO [DIM1 DIM2]

Prints JSON: {"TABLE_ID": {"ROW LABEL": {"COLUMN": count}}}, one entry for
every person count the period report prints (and the events and contacts),
counted by the definitions of care-report(1), PERIOD, written afresh here and
not ported from the C++ code, so that the black-box suite period_counts.sh
can compare the two. With two dimensions (sex, minor, host, return_country,
nationality) it also counts the cross-tables. Identity records are never read.
"""
import datetime
import json
import os
import sys
import tomllib

import yaml

GRACE = 14


def day(v):
    if v is None or v == "":
        return None
    if isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v))


def get(d, path, default=None):
    for part in path.split("."):
        if not isinstance(d, dict) or part not in d:
            return default
        d = d[part]
    return d


def read(path):
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def read_dir(path):
    if not os.path.isdir(path):
        return []
    return [read(os.path.join(path, n)) for n in sorted(os.listdir(path)) if n.endswith(".yaml")]


def load_case(path):
    return {
        "case": read(os.path.join(path, "case.yaml")),
        "plan": read(os.path.join(path, "plan.yaml")),
        "return": read(os.path.join(path, "return.yaml")),
        "minor": read(os.path.join(path, "minor.yaml")),
        "closure": read(os.path.join(path, "closure.yaml")),
        "mplan": read(os.path.join(path, "monitoring-plan.yaml")),
        "assessments": read_dir(os.path.join(path, "assessments")),
        "contacts": read_dir(os.path.join(path, "monitoring")),
    }


def age(birth, on):
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def minor(c):
    rec = c["case"]
    if rec.get("age_uncertain") is True:
        return True
    birth, referred = day(rec.get("date_of_birth")), day(get(rec, "referral.date"))
    return bool(birth and referred and age(birth, referred) < 18)


def dim_value(c, name):
    rec = c["case"]
    if name == "minor":
        return "minor" if minor(c) else "adult"
    field = {"sex": "sex", "host": "host_country", "return_country": "return_country",
             "nationality": "nationality"}[name]
    return rec.get(field) or "unknown"


def deliveries(c):
    for item in get(c["plan"], "items", []) or []:
        for d in item.get("deliveries", []) or []:
            yield item.get("phase"), item.get("type"), day(d.get("date"))


def schedule(c):
    """{number: [due, done or None]} from the monitoring plan and reached contacts."""
    out = {}
    for e in get(c["mplan"], "contacts", []) or []:
        due = day(e.get("due"))
        for m in e.get("moved", []) or []:
            due = day(m.get("to")) or due
        out[e["number"]] = [due, None]
    for k in c["contacts"]:
        n, on = k.get("number"), day(k.get("date"))
        if k.get("reached") is True and n in out and on and (out[n][1] is None or on < out[n][1]):
            out[n][1] = on
    return out


def closed_now(c):
    cl = c["closure"]
    if not cl:
        return None
    reopened = cl.get("reopened") or []
    if reopened and "closed_again" not in reopened[-1]:
        return None
    return day(cl.get("date"))


def completion(c, to):
    days = []
    sched = schedule(c)
    if sched:
        done = sched[max(sched)][1]
        if done and done <= to:
            days.append(done)
    cl = c["closure"]
    if cl and cl.get("reason") == "completed" and day(cl.get("date")) and day(cl.get("date")) <= to:
        days.append(day(cl.get("date")))
    return min(days) if days else None


def high_risk(c):
    dep = day(get(c["return"], "departure"))
    if not dep:
        return False
    before = [a for a in c["assessments"] if day(a.get("date")) and day(a["date"]) <= dep]
    if not before:
        return False
    latest = max(before, key=lambda a: day(a["date"]))
    return latest.get("overall_risk") == "high"


class Counter:
    def __init__(self, dims):
        self.dims = dims
        self.out = {}
        self.seen = set()

    def person(self, table, row, c):
        key = (table, row, c["case"]["id"])
        if key in self.seen:
            return
        self.seen.add(key)
        self.event(table, row, c)

    def event(self, table, row, c, n=1):
        cols = ["count"]
        if self.dims:
            cols.append(" / ".join(dim_value(c, d) for d in self.dims))
        r = self.out.setdefault(table, {}).setdefault(row, {})
        for col in cols:
            r[col] = r.get(col, 0) + n


def count(folder, start, end, dims):
    cfg = tomllib.load(open(os.path.join(folder, "care.toml"), "rb"))
    program_start = day(cfg["program"]["start"])
    default_months = cfg.get("monitoring", {}).get("months", [1, 3, 6, 9, 12])
    root = os.path.join(folder, "cases")
    cases = [load_case(os.path.join(root, n)) for n in sorted(os.listdir(root))]
    cases = [c for c in cases if c["case"]]
    K = Counter(dims)
    inside = lambda d: d is not None and start <= d <= end

    for c in cases:
        rec, plan, ret, mnr, cl = c["case"], c["plan"], c["return"], c["minor"], c["closure"]
        referred = day(get(rec, "referral.date"))
        arrival = day(get(ret, "arrival"))
        agreed = day(get(plan, "agreement.date"))
        closed = day(get(cl, "date"))
        dels = list(deliveries(c))
        # persons
        if inside(referred):
            K.person("persons", "referred", c)
            status, checked = get(rec, "eligibility.status"), day(get(rec, "eligibility.checked"))
            if not status or (checked and checked > end):
                outcome = "no decision yet"
            elif status == "ineligible":
                outcome = "ineligible"
            elif get(rec, "eligibility.waiting") is True:
                outcome = "eligible, waiting for a place"
            else:
                outcome = "eligible"
            K.person("referrals", outcome, c)
            K.person("referrals_by_organisation", get(rec, "referral.organisation_kind") or "unknown", c)
        if any(inside(day(a.get("date"))) for a in c["assessments"]):
            K.person("persons", "assessed", c)
        if inside(agreed):
            K.person("persons", "plan agreed", c)
        if inside(arrival):
            K.person("persons", "returned", c)
        if any(inside(d) for _, _, d in dels):
            K.person("persons", "assisted", c)
        done12 = completion(c, end)
        if inside(done12):
            K.person("persons", "completed 12 months of monitoring", c)
            K.person("monitoring_persons", "completed 12 months of monitoring", c)
        # post-arrival and reintegration help
        if inside(arrival) and get(plan, "post_arrival_requested") is True:
            K.person("post_arrival", "asked for post-arrival help (returned in the period)", c)
        for phase, typ, d in dels:
            if not inside(d):
                continue
            if phase == "post_arrival":
                K.person("post_arrival", "received post-arrival help (any type)", c)
                K.person("post_arrival", typ, c)
            if phase == "reintegration":
                K.person("reintegration", "received reintegration assistance (any type)", c)
                K.person("reintegration", typ, c)
        # minors
        if minor(c):
            if inside(referred):
                K.person("minors", "minors referred", c)
            if inside(agreed):
                K.person("minors", "minors with a plan agreed", c)
            if inside(day(get(mnr, "bid.decided"))):
                K.person("minors", "best interests determinations completed", c)
            if inside(arrival):
                K.person("minors", "minors returned", c)
                family = get(mnr, "reunification.confirmed") is True or \
                    get(mnr, "family_assessment.outcome") == "reunification_possible"
                if family:
                    K.person("minors", "returned to family", c)
                elif get(mnr, "receiving_organisation.confirmed"):
                    K.person("minors", "returned to a care organisation", c)
                escort = get(ret, "escort.by") or get(mnr, "escort.by")
                if escort == "guardian":
                    K.person("minors", "escorted by the guardian", c)
                if escort == "program_staff":
                    K.person("minors", "escorted by staff", c)
                follow = day(get(mnr, "follow_up.agreed"))
                if follow and follow <= end:
                    K.person("minors", "with child-protection follow-up arranged", c)
        # protection
        if inside(arrival) and high_risk(c):
            K.person("protection", "returned at high risk", c)
            dep = day(get(ret, "departure"))
            if any(day(r.get("date")) and day(r["date"]) <= dep for r in get(plan, "risk_reviews", []) or []):
                K.person("protection", "of whom reviewed before departure", c)
        for k in c["contacts"]:
            for f in k.get("flags", []) or []:
                if inside(day(k.get("date"))):
                    K.person("protection", "with a flag raised", c)
                    K.event("period_events", "flags raised", c)
                if inside(day(get(f, "cleared.date"))):
                    K.person("protection", "with a flag cleared", c)
                    K.event("period_events", "flags cleared", c)
        if inside(closed):
            reason = cl.get("reason") or "unknown"
            if reason == "re_trafficked":
                K.person("protection", "known re-trafficked (closed as re_trafficked)", c)
            if reason == "ineligible_at_referral":
                K.person("closures_ineligible", "referrals closed as ineligible", c)
            else:
                K.person("closures", reason, c)
        # monitoring contacts due in the period, none after a closure
        closure_day = closed_now(c)
        for number, (due, done) in sorted(schedule(c).items()):
            if not inside(due) or (closure_day and due > closure_day):
                continue
            limit = due + datetime.timedelta(days=GRACE)
            if done and done <= end:
                state = "on time" if done <= limit else "late"
            else:
                state = "missed" if limit < end else "pending"
            K.event("monitoring_contacts", state, c)
            K.person("monitoring_persons", "with a contact due", c)
            if state == "missed":
                K.person("monitoring_persons", "with a contact missed", c)
        # events
        if inside(referred):
            K.event("period_events", "referrals received", c)
        for a in c["assessments"]:
            if inside(day(a.get("date"))):
                K.event("period_events", "assessments done", c)
        if inside(agreed):
            K.event("period_events", "plans agreed", c)
        if inside(arrival):
            K.event("period_events", "returns (arrivals)", c)
        for _, _, d in dels:
            if inside(d):
                K.event("period_events", "deliveries made", c)
        for k in c["contacts"]:
            if inside(day(k.get("date"))):
                K.event("period_events", "contacts done" if k.get("reached") is True
                        else "contacts attempted, not reached", c)
        if inside(day(get(mnr, "bid.decided"))):
            K.event("period_events", "best interests determinations", c)
        if inside(closed):
            K.event("period_events", "closures", c)

    out = K.out
    # targets, from the program's start, never broken down
    since = lambda d: d is not None and program_start <= d <= end
    t = {"assessed": 0, "assisted (plan agreed)": 0, "minors assisted (plan agreed)": 0}
    for c in cases:
        if any(since(day(a.get("date"))) for a in c["assessments"]):
            t["assessed"] += 1
        if since(day(get(c["plan"], "agreement.date"))):
            t["assisted (plan agreed)"] += 1
            t["minors assisted (plan agreed)"] += minor(c)
    out["targets"] = {k: {"count": v} for k, v in t.items()}
    out.update(outcomes(folder, cases, start, end, default_months))
    if dims and len(dims) == 2:
        out.update(cross(out["persons"]))
    return out


def cross(persons):
    """The cross-tables from the persons table's "a / b" columns."""
    out = {}
    for row, cols in persons.items():
        table = {}
        for col, n in cols.items():
            if col == "count":
                continue
            a, b = col.split(" / ")
            table.setdefault(a, {})[b] = n
        tid = "cross_" + row.replace(" of monitoring", "").replace(" ", "_")
        out[tid] = {a: dict(bs, count=sum(bs.values())) for a, bs in table.items()}
    return out


def outcomes(folder, cases, start, end, default_months):
    path = os.path.join(folder, "sustainability.toml")
    if not os.path.isfile(path):
        return {"_no_survey": True}
    survey = tomllib.load(open(path, "rb"))
    levels = [(t["below"], t["label"]) for t in survey.get("thresholds", [])]

    def label(score):
        for below, name in levels:
            if score < below:
                return name
        return levels[-1][1]

    rank = {name: i for i, (_, name) in enumerate(levels)}
    out = {"outcomes_latest": {}, "outcomes_month_6": {}, "outcomes_month_12": {}, "outcomes_change": {}}

    def add(table, row, dim):
        r = out[table].setdefault(row, {})
        r[dim] = r.get(dim, 0) + 1

    for c in cases:
        months = sorted(get(c["mplan"], "months", []) or []) or default_months
        number_at = {m: months.index(m) + 1 for m in (6, 12) if m in months}
        scored = [k for k in c["contacts"]
                  if isinstance(get(k, "sustainability.scores"), dict)
                  and get(k, "sustainability.instrument") == survey["name"]
                  and str(get(k, "sustainability.instrument_version")) == str(survey["version"])
                  and day(k.get("date")) <= end]
        scored.sort(key=lambda k: day(k["date"]))
        for dim in ("economic", "social", "psychosocial"):
            mine = [k for k in scored if isinstance(get(k, "sustainability.scores." + dim), (int, float))]
            in_period = [k for k in mine if day(k["date"]) >= start]
            if not in_period:
                continue
            first, latest = mine[0], in_period[-1]
            score = lambda k: get(k, "sustainability.scores." + dim)
            add("outcomes_latest", label(score(latest)), dim)
            for month, table in ((6, "outcomes_month_6"), (12, "outcomes_month_12")):
                at = [k for k in in_period if month in number_at and k.get("number") == number_at[month]]
                if at:
                    add(table, label(score(at[0])), dim)
            if first is not latest:
                before, after = rank[label(score(first))], rank[label(score(latest))]
                add("outcomes_change", "improved" if after > before else "same level" if after == before
                    else "worse", dim)
    return out


if __name__ == "__main__":
    folder, start, end = sys.argv[1], day(sys.argv[2]), day(sys.argv[3])
    print(json.dumps(count(folder, start, end, sys.argv[4:6]), indent=1, sort_keys=True))
