"""The ground truth: metrics.md's rules applied literally to the generated facts.

Written from the spec alone (never from src/core/engine/), so it is an independent check.
Every choice where metrics.md leaves room is listed in tests/gen/README.md ("Readings of the spec").

compute(facts, as_of, loaded) -> dict (the truth.json body without the generator's bookkeeping).
`facts` is generate_reports.Facts; `as_of` a day ordinal; `loaded` the set of kinds written.
Exact arithmetic (fractions.Fraction) for every comparison with a target.
"""

import datetime as dt
import math
from fractions import Fraction

WARN_FRACTION = Fraction(3, 4)

# id -> (scope, window days, delay days, target text, condition)
POLICY = {
    "odr": (60, 14, "0.01", "lt"),
    "cancel_rate": (7, 0, "0.025", "lt"),
    "late_shipment_rate_10d": (10, 0, "0.04", "lt"),
    "late_shipment_rate_30d": (30, 0, "0.04", "lt"),
    "valid_tracking_rate": (30, 0, "0.95", "gt"),
    "on_time_delivery_rate": (14, 7, "0.90", "gte"),
    "return_dissatisfaction_rate": (60, 0, "0.10", "lt"),
    "late_response_rate": (30, 0, "0.10", "lt"),
    "feedback_positive_rate_30d": (30, 0, "0.95", "gte"),
    "feedback_positive_rate_90d": (90, 0, "0.95", "gte"),
    "feedback_positive_rate_365d": (365, 0, "0.95", "gte"),
    "feedback_positive_rate_lifetime": (None, 0, "0.95", "gte"),
    "feedback_average_365d": (365, 0, "4.5", "gte"),
}


def iso(day):
    return dt.date.fromordinal(day).isoformat()


def window(metric_id, as_of):
    n, delay, _, _ = POLICY[metric_id]
    to = as_of - delay
    if n is None:
        return None, to
    return to - n + 1, to


def status_of(num, den, target, cond):
    if den == 0:
        return "no_data"
    r = Fraction(num) / Fraction(den)
    t = Fraction(target)
    if cond == "lt":
        failing, bad, allowed = r >= t, r, t
    elif cond == "gt":
        failing, bad, allowed = r <= t, 1 - r, 1 - t
    elif cond == "gte":
        failing, bad, allowed = r < t, 1 - r, 1 - t
    else:
        raise ValueError(cond)
    if failing:
        return "failing"
    if bad >= WARN_FRACTION * allowed:
        return "warning"
    return "good"


def headroom_of(num, den, target, cond, status):
    """Largest k of further bad items that keeps the metric not failing (metrics.md).
    lt: the spec's formula with the denominator unchanged. gt/gte: a bad item adds to the
    denominator only (numerator counts good items). None when failing or no data."""
    if status in ("failing", "no_data"):
        return None
    t = Fraction(target)
    num, den = Fraction(num), Fraction(den)
    if cond == "lt":
        k = math.ceil(t * den - num) - 1
    elif cond == "gt":      # num/(den+k) > t  <=>  k < num/t - den
        k = math.ceil(num / t - den) - 1
    else:                   # gte: num/(den+k) >= t  <=>  k <= num/t - den
        k = math.floor(num / t - den)
    return max(0, k)


def needed_of(num, den, target, cond, status):
    """Smallest m of further good orders with num/(den+m) < target; failing lt metrics only."""
    if status != "failing" or cond != "lt":
        return None
    t = Fraction(target)
    return math.floor(Fraction(num) / t - den) + 1


def metric(metric_id, scope, num, den, as_of, category=None, components=None, items=None,
           force_no_data=False, rate=None, headroom=True):
    _, _, target, cond = POLICY[metric_id]
    st = "no_data" if force_no_data else status_of(num, den, target, cond)
    wf, wt = window(metric_id, as_of)
    m = {"id": metric_id, "scope": scope, "source": "computed"}
    if category is not None:
        m["category"] = category
    m.update({
        "numerator": num, "denominator": den,
        "rate": (rate if rate is not None else (num / den)) if (den and st != "no_data") else None,
        "target": float(target), "condition": cond, "status": st,
        "window": {"from": None if wf is None else iso(wf), "to": iso(wt)},
        "headroom": headroom_of(num, den, target, cond, st) if headroom else None,
        "needed_to_recover": needed_of(num, den, target, cond, st),
    })
    if components is not None:
        m["components"] = components
    if items is not None:
        n, delay, _, _ = POLICY[metric_id]
        for it in items:
            d = dt.date.fromisoformat(it["day"]).toordinal()
            it["drops_out_on"] = None if n is None else iso(d + delay + n)
        m["items"] = sorted(items, key=lambda x: (x["day"], x["order_id"]))
    return m


def in_window(day, wf, wt):
    return day is not None and (wf is None or day >= wf) and day <= wt


def compute(F, as_of, loaded):
    A = as_of
    metrics = []
    notes = []
    orders_loaded = "amazon.all_orders" in loaded
    claims_loaded = "template.claims" in loaded
    returns_loaded = "amazon.returns" in loaded

    # ---- orders: identity by order id (one order, many item rows) -----------------------
    index = {}
    if orders_loaded:
        for i, oid in enumerate(F.order_ids):
            index.setdefault(oid, i)
    n_orders = len(index)
    mfn_orders = sum(1 for i in index.values() if F.order_chan[i] == 0)

    def known(oid):
        return index.get(oid)

    # ---- feedback entries: template.feedback (full history) and amazon.feedback (1-3 stars),
    # one entry per order id (the template's row wins: it carries the removed flag) -------------
    fb = {}
    if "amazon.feedback" in loaded:
        for e in F.feedback:
            if e["rating"] <= 3 and not e["removed"]:
                fb[e["oid"]] = {"day": e["day"], "rating": e["rating"], "removed": False}
    template_fb = "template.feedback" in loaded
    if template_fb:
        for e in F.feedback:
            fb[e["oid"]] = {"day": e["day"], "rating": e["rating"], "removed": e["removed"]}
    entries = [e for e in fb.values() if e["day"] <= A]

    # ---- ODR ------------------------------------------------------------------------------
    defects = {}  # oid -> {"kinds": set, "order_day": given order date or None, "days": [defect days]}

    def add_defect(oid, kind, given_order_day, defect_day):
        if defect_day > A:
            return
        d = defects.setdefault(oid, {"kinds": set(), "order_day": None, "days": []})
        d["kinds"].add(kind)
        if d["order_day"] is None and given_order_day is not None:
            d["order_day"] = given_order_day
        d["days"].append(defect_day)

    for oid, e in fb.items():
        if e["rating"] <= 2 and not e["removed"]:
            add_defect(oid, "negative_feedback", None, e["day"])
    template_a2z = set()
    if claims_loaded:
        for c in F.claims:
            if c["day"] > A:
                continue
            if c["type"] == "a-to-z":
                template_a2z.add(c["oid"])
                if c["status"] in ("open", "granted") and not c["funded"]:
                    add_defect(c["oid"], "a_to_z_claims", c["order_day"], c["day"])
            elif c["type"] == "chargeback":
                if c["status"] in ("open", "granted") and c["reason"] != "fraud":
                    add_defect(c["oid"], "chargebacks", c["order_day"], c["day"])
    if returns_loaded:
        for x in F.returns:
            # A-to-Z Claim = Y: an a-to-z claim, status unknown -> open; the claims template's
            # own row for the order decides when it has one.
            if x["a2z"] and x["day"] <= A and x["oid"] not in template_a2z:
                add_defect(x["oid"], "a_to_z_claims", x["order_day"], x["day"])

    odr_any = orders_loaded or bool(defects) or claims_loaded
    if odr_any:
        wf, wt = window("odr", A)
        den = {"mfn": 0, "afn": 0, "all": 0}
        if orders_loaded:
            for i in index.values():
                if wf <= F.order_day[i] <= wt:
                    den["afn" if F.order_chan[i] else "mfn"] += 1
        den["all"] = den["mfn"] + den["afn"]
        bad = {"mfn": [], "afn": [], "all": []}
        comps = {s: {"negative_feedback": 0, "a_to_z_claims": 0, "chargebacks": 0} for s in bad}
        unknown_without_date = []
        for oid, d in defects.items():
            i = known(oid)
            if i is not None:
                day = F.order_day[i]
                scopes = ["afn" if F.order_chan[i] else "mfn", "all"]
            else:
                if d["order_day"] is not None:
                    day = d["order_day"]
                else:
                    day = min(d["days"])
                    unknown_without_date.append(oid)
                scopes = ["all"]
                if wf <= day <= wt:
                    den["all"] += 1
            if not (wf <= day <= wt):
                continue
            for s in scopes:
                bad[s].append({"order_id": oid, "day": iso(day), "kinds": sorted(d["kinds"])})
                for k in d["kinds"]:
                    comps[s][k] += 1
        if unknown_without_date:
            notes.append(f"{len(unknown_without_date)} defect(s) on orders in no orders file and with no order "
                         "date were placed by their own day")
        for s in (["mfn", "afn", "all"] if orders_loaded else ["all"]):
            items = sorted(bad[s], key=lambda x: (x["day"], x["order_id"]))
            metrics.append(metric("odr", s, len(items), den[s], A, components=comps[s], items=items))

    # ---- cancel_rate (mfn, 7 days, order day) -------------------------------------------
    if orders_loaded:
        buyer_from_download, listed = set(), set()
        if "amazon.cancellations" in loaded:
            buyer_from_download = {c["oid"] for c in F.cancellations if not c["impacts"]}
            listed = {c["oid"] for c in F.cancellations}
        wf, wt = window("cancel_rate", A)
        num = den = unchecked = 0
        items = []
        for oid, i in index.items():
            if F.order_chan[i] != 0 or not (wf <= F.order_day[i] <= wt):
                continue
            den += 1
            if F.order_cancelled[i]:
                buyer = (F.orders_buyer_column and F.order_buyer[i]) or oid in buyer_from_download
                can_tell = F.orders_buyer_column or oid in listed
                if not buyer:
                    num += 1
                    items.append({"order_id": oid, "day": iso(F.order_day[i])})
                    if not can_tell:
                        unchecked += 1
        if unchecked:
            notes.append(f"cancel_rate: {unchecked} cancellation(s) could not be checked for a buyer request")
        items.sort(key=lambda x: (x["day"], x["order_id"]))
        metrics.append(metric("cancel_rate", "mfn", num, den, A, items=items))

    # ---- shipments -------------------------------------------------------------------------
    if "template.shipments" in loaded:
        ships = []
        cancelled_listed = {c["oid"] for c in F.cancellations} if "amazon.cancellations" in loaded else set()
        for s in F.shipments:
            i = known(s["oid"])
            if i is not None and (F.order_chan[i] == 1 or F.order_cancelled[i]):
                continue  # afn or cancelled: left out
            if s["oid"] in cancelled_listed:
                continue  # known cancelled from the cancellation download
            confirm = s["confirm"].day if s["confirm"] is not None else None
            if confirm is not None and confirm > A:
                confirm = None  # confirmed after as_of: not known yet
            ships.append((s, confirm))
        for mid in ("late_shipment_rate_10d", "late_shipment_rate_30d"):
            wf, wt = window(mid, A)
            num = den = 0
            items = []
            for s, confirm in ships:
                if not (wf <= s["exp"] <= wt):
                    continue
                den += 1
                late = confirm > s["exp"] if confirm is not None else A > s["exp"]
                if late:
                    num += 1
                    items.append({"order_id": s["oid"], "day": iso(s["exp"])})
            items.sort(key=lambda x: (x["day"], x["order_id"]))
            metrics.append(metric(mid, "mfn", num, den, A, items=items))
        # valid tracking: confirmed shipments by ship-confirm day
        wf, wt = window("valid_tracking_rate", A)
        per_cat = {}
        num = den = 0
        items = []
        for s, confirm in ships:
            if confirm is None or not (wf <= confirm <= wt):
                continue
            ok = s["tracking_id"] != "" and s["valid"] != "no"
            den += 1
            num += ok
            if not ok:
                items.append({"order_id": s["oid"], "day": iso(confirm), "category": s["category"]})
            if s["category"]:
                c = per_cat.setdefault(s["category"], [0, 0])
                c[0] += ok
                c[1] += 1
        metrics.append(metric("valid_tracking_rate", "mfn", num, den, A,
                              items=[{"order_id": i["order_id"], "day": i["day"]} for i in items]))
        for cat in sorted(per_cat):
            metrics.append(metric("valid_tracking_rate", "mfn", per_cat[cat][0], per_cat[cat][1], A, category=cat,
                                  items=[{"order_id": i["order_id"], "day": i["day"]} for i in items
                                         if i["category"] == cat]))
        # on-time delivery: units of shipments with valid tracking, by promised day
        wf, wt = window("on_time_delivery_rate", A)
        num = den = 0
        items = []
        for s, confirm in ships:
            if not (s["tracking_id"] != "" and s["valid"] != "no"):
                continue
            if s["promised"] is None or not (wf <= s["promised"] <= wt):
                continue
            units = s["units"] if s["units"] is not None else 1
            den += units
            if s["delivered"] is not None and s["delivered"] <= A and s["delivered"] <= s["promised"]:
                num += units
            else:
                items.append({"order_id": s["oid"], "day": iso(s["promised"])})
        metrics.append(metric("on_time_delivery_rate", "mfn", num, den, A, items=items))

    # ---- return dissatisfaction (invalid rejections only: the returns report has no response
    # time and no return feedback) ------------------------------------------------------------
    if returns_loaded:
        wf, wt = window("return_dissatisfaction_rate", A)
        num = den = 0
        items = []
        for x in F.returns:
            if not (wf <= x["day"] <= wt):
                continue
            den += 1
            if x["in_policy"] == "Y" and x["status"] == "Rejected":
                num += 1
                items.append({"order_id": x["oid"], "day": iso(x["day"])})
        metrics.append(metric("return_dissatisfaction_rate", "mfn", num, den, A, items=items))

    # ---- late response ---------------------------------------------------------------------------
    if "template.messages" in loaded:
        wf, wt = window("late_response_rate", A)
        num = den = 0
        items = []
        for m in F.messages:
            rec = m["received"]
            if not (wf <= rec.day <= wt) or m["nrn"]:
                continue
            den += 1
            resp = m["responded"]
            if resp is not None and resp.day > A:
                resp = None
            if resp is not None:
                late = resp.epoch() - rec.epoch() > 86400
            else:
                end = A * 86400 + 86399  # as_of 23:59:59 in the message's own offset
                late = end - (rec.day * 86400 + rec.sec) > 86400
            num += late
            if late:
                items.append({"order_id": m["id"], "day": iso(rec.day)})
        metrics.append(metric("late_response_rate", "all", num, den, A, items=items))

    # ---- feedback ---------------------------------------------------------------------------------
    feedback = None
    if "amazon.feedback" in loaded or template_fb:
        live = [e for e in entries if not e["removed"]]
        no_positive_source = not any(e["rating"] >= 4 for e in live)
        counts = {}
        for name, n in (("30d", 30), ("90d", 90), ("365d", 365), ("lifetime", None)):
            wf = None if n is None else A - n + 1
            c = {"positive": 0, "neutral": 0, "negative": 0}
            for e in live:
                if in_window(e["day"], wf, A):
                    c["positive" if e["rating"] >= 4 else "neutral" if e["rating"] == 3 else "negative"] += 1
            counts[name] = c
            mid = f"feedback_positive_rate_{name}"
            items = [{"order_id": oid, "day": iso(e["day"])} for oid, e in fb.items()
                     if not e["removed"] and e["rating"] <= 3 and in_window(e["day"], wf, A)]
            metrics.append(metric(mid, "all", c["positive"], sum(c.values()), A, force_no_data=no_positive_source,
                                  items=items))
        wf = A - 364
        ratings = [e["rating"] for e in live if in_window(e["day"], wf, A)]
        s, n = sum(ratings), len(ratings)
        metrics.append(metric("feedback_average_365d", "all", s, n, A, force_no_data=no_positive_source,
                              rate=(s / n) if n else None, headroom=False))
        feedback = {"counts": counts, "average_365d": (s / n) if (n and not no_positive_source) else None}

    out = {
        "as_of": iso(A),
        "policy": "amazon",
        "orders": {"count": n_orders, "mfn": mfn_orders, "afn": n_orders - mfn_orders,
                   "item_rows": None},
        "metrics": metrics,
        "notes": notes,
    }
    if feedback is not None:
        out["feedback"] = feedback
    return out
