#!/usr/bin/env python3
"""Smoke tests for the report generator and the truth checker (tests/gen/README.md).

    python3 tests/gen/test_generator.py

Generates small sets into temporary directories and checks: same seed -> identical bytes,
headers and encodings as reports.md describes, row counts, planted edge cases, and an
independent re-reading of the written files that recomputes the main metrics from the files
themselves (not from the generator's facts) and compares them with truth.json. Last line:
"N passed, M failed"; exit status 1 when anything failed.
"""

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_reports as gen  # noqa: E402

PY = sys.executable
ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
HEADERS = {
    "amazon.returns": gen.RETURNS_HEADER, "amazon.fba_returns": gen.FBA_RETURNS_HEADER,
    "amazon.cancellations": gen.CANCELLATIONS_HEADER, "amazon.tracking": gen.TRACKING_HEADER,
    "template.shipments": gen.SHIPMENTS_HEADER, "template.claims": gen.CLAIMS_HEADER,
    "template.messages": gen.MESSAGES_HEADER,
}
CODECS = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "utf-16le": "utf-16", "utf-16be": "utf-16",
          "windows-1252": "cp1252", "cp932": "cp932"}
BOMS = {"utf-8-bom": b"\xef\xbb\xbf", "utf-16le": b"\xff\xfe", "utf-16be": b"\xfe\xff"}

results = []


def test(fn):
    try:
        fn()
        results.append((fn.__name__, None))
        print(f"ok    {fn.__name__}")
    except Exception as e:  # noqa: BLE001 - report every failure and go on
        results.append((fn.__name__, e))
        print(f"FAIL  {fn.__name__}: {e}")
        traceback.print_exc(limit=3)
    return fn


def generate(out, *args):
    cmd = [PY, os.path.join(HERE, "generate_reports.py"), "--out", out, "--quiet", *args]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise AssertionError(f"generator failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    with open(os.path.join(out, "truth.json"), encoding="utf-8") as f:
        return json.load(f)


def digest_dir(d):
    return {n: hashlib.sha256(open(os.path.join(d, n), "rb").read()).hexdigest() for n in sorted(os.listdir(d))}


def read_text(d, f):
    raw = open(os.path.join(d, f["name"]), "rb").read()
    bom = BOMS.get(f["written_as"], b"")
    assert raw.startswith(bom), f"{f['name']}: BOM for {f['written_as']} missing"
    if not bom:
        assert not raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xff\xfe"), f"{f['name']}: unexpected BOM"
    text = raw.decode(CODECS[f["written_as"]])
    if f["encoding"] == "utf-8" and f["written_as"] in ("windows-1252", "cp932"):
        assert raw.isascii(), f"{f['name']}: reported utf-8 but has non-ASCII bytes"
    if f["encoding"] in ("windows-1252", "cp932"):
        try:
            raw.decode("utf-8")
            raise AssertionError(f"{f['name']}: {f['encoding']} file is valid UTF-8 (undetectable)")
        except UnicodeDecodeError:
            pass
    return text


def rows_of(text, delim):
    if delim == ",":
        first = text.split("\n", 1)[0]
        if first.count(";") > first.count(","):
            delim = ";"
    if delim == "\t":
        lines = text.splitlines()
        return [line.split("\t") for line in lines]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


def day_of(text):
    """Day of a timestamp or date as written (its own offset)."""
    return dt.date.fromisoformat(text[:10]).toordinal()


# --------------------------------------------------------------------------------------
# An independent re-reading: metrics recomputed from the files alone
# --------------------------------------------------------------------------------------
def recompute_from_files(d, truth):
    A = dt.date.fromisoformat(truth["as_of"]).toordinal()
    by_kind = {}
    for f in truth["files"]:
        by_kind.setdefault(f["content"], []).append(f)
    got = {}
    orders = {}
    for f in by_kind.get("amazon.all_orders", []):
        rows = rows_of(read_text(d, f), "\t")
        h = {c: i for i, c in enumerate(rows[0])}
        for r in rows[1:]:
            oid = r[h["amazon-order-id"]]
            try:
                day_of(r[h["purchase-date"]])
            except ValueError:
                continue  # a planted bad row
            if not oid:
                continue
            o = (day_of(r[h["purchase-date"]]), "afn" if r[h["fulfillment-channel"]] == "Amazon" else "mfn",
                 r[h["order-status"]].lower() in ("cancelled", "canceled"),
                 h.get("is-buyer-requested-cancellation") is not None
                 and r[h["is-buyer-requested-cancellation"]] == "true")
            assert orders.setdefault(oid, o) == o, f"order {oid}: item rows disagree"
    fb = {}
    for f in by_kind.get("template.feedback", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        for r in rows[1:]:
            fb[r[h["Order ID"]]] = (day_of(r[h["Date"]]), int(r[h["Rating"]]),
                                     "removed" in h and r[h["removed"]] == "yes")
    defects = {}
    for oid, (day, rating, removed) in fb.items():
        if rating <= 2 and not removed and day <= A:
            defects.setdefault(oid, [None, day])
    for f in by_kind.get("template.claims", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        for r in rows[1:]:
            t, st, funded, reason = r[h["type"]], r[h["status"]], r[h["amazon-funded"]], r[h["reason"]]
            counts = (t == "a-to-z" and st in ("open", "granted") and funded != "yes") or \
                     (t == "chargeback" and st in ("open", "granted") and reason != "fraud")
            if counts and day_of(r[h["claim-date"]]) <= A:
                e = defects.setdefault(r[h["order-id"]], [None, day_of(r[h["claim-date"]])])
                if r[h["order-date"]]:
                    e[0] = e[0] or day_of(r[h["order-date"]])
                e[1] = min(e[1], day_of(r[h["claim-date"]]))
    a2z_rows = set()
    for f in by_kind.get("template.claims", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        a2z_rows |= {r[h["order-id"]] for r in rows[1:] if r[h["type"]] == "a-to-z" and day_of(r[h["claim-date"]]) <= A}
    for f in by_kind.get("amazon.returns", []):
        rows = rows_of(read_text(d, f), "\t")
        h = {c: i for i, c in enumerate(rows[0])}
        for r in rows[1:]:
            if r[h["A-to-Z Claim"]] == "Y" and r[h["Order ID"]] not in a2z_rows:
                e = defects.setdefault(r[h["Order ID"]], [None, day_of(r[h["Return request date"]])])
                e[0] = e[0] or day_of(r[h["Order date"]])
    wf, wt = A - 73, A - 14
    num = {"mfn": 0, "afn": 0, "all": 0}
    den = {"mfn": 0, "afn": 0, "all": 0}
    for oid, (day, ch, _, _) in orders.items():
        if wf <= day <= wt:
            den[ch] += 1
            den["all"] += 1
    for oid, (given, own) in defects.items():
        if oid in orders:
            day, ch = orders[oid][0], orders[oid][1]
            if wf <= day <= wt:
                num[ch] += 1
                num["all"] += 1
        else:
            day = given if given is not None else own
            if wf <= day <= wt:
                num["all"] += 1
                den["all"] += 1
    if by_kind.get("amazon.all_orders"):
        for s in ("mfn", "afn", "all"):
            got[("odr", s)] = (num[s], den[s])
    # cancel rate: the orders' own column, and the cancellation download's "No"
    buyer_dl = set()
    for f in by_kind.get("amazon.cancellations", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        for r in rows[1:]:
            if r[h["Impacts Account Health"]] == "No":
                buyer_dl.add(r[h["Order ID"]])
    if orders:
        n = c = 0
        for oid, (day, ch, cancelled, buyer) in orders.items():
            if ch == "mfn" and A - 6 <= day <= A:
                n += 1
                c += cancelled and not (buyer or oid in buyer_dl)
        got[("cancel_rate", "mfn")] = (c, n)
    # shipments
    for f in by_kind.get("template.shipments", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        lsr = {10: [0, 0], 30: [0, 0]}
        vtr = [0, 0]
        for r in rows[1:]:
            o = orders.get(r[h["order-id"]])
            if o and (o[1] == "afn" or o[2]):
                continue
            exp = day_of(r[h["expected-ship-date"]])
            conf = day_of(r[h["ship-confirm-date"]]) if r[h["ship-confirm-date"]] else None
            for n in (10, 30):
                if A - n + 1 <= exp <= A:
                    lsr[n][1] += 1
                    lsr[n][0] += (conf > exp) if conf is not None else (A > exp)
            if conf is not None and A - 29 <= conf <= A:
                vtr[1] += 1
                vtr[0] += r[h["tracking-id"]] != "" and r[h["tracking-valid"]] != "no"
        got[("late_shipment_rate_10d", "mfn")] = tuple(lsr[10])
        got[("late_shipment_rate_30d", "mfn")] = tuple(lsr[30])
        got[("valid_tracking_rate", "mfn")] = tuple(vtr)
    for f in by_kind.get("template.messages", []):
        rows = rows_of(read_text(d, f), ",")
        h = {c: i for i, c in enumerate(rows[0])}
        n = late = 0
        for r in rows[1:]:
            rec = dt.datetime.fromisoformat(r[h["received"]])
            if not (A - 29 <= rec.date().toordinal() <= A) or r[h["no-response-needed"]] == "yes":
                continue
            n += 1
            if r[h["responded"]]:
                late += (dt.datetime.fromisoformat(r[h["responded"]]) - rec).total_seconds() > 86400
            else:
                end = dt.datetime.combine(dt.date.fromordinal(A), dt.time(23, 59, 59), tzinfo=rec.tzinfo)
                late += (end - rec).total_seconds() > 86400
        got[("late_response_rate", "all")] = (late, n)
    if by_kind.get("template.feedback"):
        for name, days in (("30d", 30), ("90d", 90), ("365d", 365), ("lifetime", 10 ** 6)):
            live = [rt for (day, rt, removed) in fb.values() if not removed and A - days + 1 <= day <= A]
            got[("feedback_positive_rate_" + name, "all")] = (sum(1 for x in live if x >= 4), len(live))
    return got


# --------------------------------------------------------------------------------------
TMP = tempfile.mkdtemp(prefix="shgen-test-")
SET_ARGS = ["--orders", "1500", "--seed", "7", "--marketplace", "us,uk,de,fr,es,it,jp", "--encoding", "realistic"]
A_DIR, B_DIR = os.path.join(TMP, "a"), os.path.join(TMP, "b")
TRUTH = generate(A_DIR, *SET_ARGS)


@test
def same_seed_same_bytes():
    generate(B_DIR, *SET_ARGS)
    da, db = digest_dir(A_DIR), digest_dir(B_DIR)
    assert da == db, f"differ: {[n for n in da if da[n] != db.get(n)]}"
    assert len(da) == len(TRUTH["files"]) + 1


@test
def other_seed_other_bytes():
    c = os.path.join(TMP, "c")
    generate(c, *[x if x != "7" else "8" for x in SET_ARGS])
    assert digest_dir(A_DIR)["all_orders_us.txt"] != digest_dir(c)["all_orders_us.txt"]


@test
def every_kind_written():
    kinds = {f["kind"] for f in TRUTH["files"]}
    assert kinds == set(gen.KINDS), set(gen.KINDS) - kinds
    encs = {f["encoding"] for f in TRUTH["files"]}
    assert {"utf-8", "windows-1252", "cp932", "utf-16le"} <= encs, encs


@test
def headers_encodings_and_rows():
    for f in TRUTH["files"]:
        text = read_text(A_DIR, f)
        delim = "," if f["name"].endswith(".csv") else "\t"
        rows = rows_of(text, delim)
        kind = f["content"]
        if kind in HEADERS:
            assert rows[0] == HEADERS[kind], f"{f['name']}: header {rows[0]}"
        elif kind == "amazon.all_orders":
            assert rows[0] == gen.ORDERS_VARIANTS["37"] + gen.BUYER_CANCEL_COLUMNS, f"{f['name']}: header"
        elif kind == "amazon.feedback":
            assert rows[0] in gen.FEEDBACK_HEADERS.values(), f"{f['name']}: header {rows[0]}"
            assert len(rows[0]) == 6
        elif kind == "template.feedback":
            assert rows[0] == gen.TEMPLATE_FEEDBACK_HEADER
        assert len(rows) - 1 == f["rows"] + f["skipped"], f"{f['name']}: {len(rows) - 1} rows, truth {f['rows']}"
        for r in rows[1:]:
            assert len(r) == len(rows[0]), f"{f['name']}: a row with {len(r)} fields"
        if f["name"].endswith(".csv"):
            assert "\r\n" in text, f"{f['name']}: templates are written with CRLF"
            assert text.endswith("\r\n") == (f["kind"] != "amazon.cancellations"), f"{f['name']}: final newline"


@test
def all_orders_shape():
    f = next(f for f in TRUTH["files"] if f["name"] == "all_orders_us.txt")
    rows = rows_of(read_text(A_DIR, f), "\t")
    h = {c: i for i, c in enumerate(rows[0])}
    ids = [r[h["amazon-order-id"]] for r in rows[1:]]
    assert all(ORDER_ID.match(i) for i in ids)
    assert len(set(ids)) < len(ids), "no order with several item rows"
    assert {r[h["fulfillment-channel"]] for r in rows[1:]} == {"Amazon", "Merchant"}
    statuses = {r[h["order-status"]] for r in rows[1:]}
    assert {"Shipped", "Cancelled", "Canceled", "Unshipped"} <= statuses, statuses
    offs = {r[h["purchase-date"]][-6:] for r in rows[1:]}
    assert "-08:00" in offs and "+00:00" in offs, offs
    assert any('"' in r[h["product-name"]] for r in rows[1:])
    assert {r[h["sales-channel"]] for r in rows[1:]} == {"Amazon.com"}
    assert sum(TRUTH["orders"][k] for k in ("mfn", "afn")) == TRUTH["orders"]["count"] == 1500


@test
def amazon_feedback_only_low_stars_and_local_dates():
    forms = {"us": r"^\d{1,2}/\d{1,2}/\d{2}$", "uk": r"^\d{1,2}/\d{1,2}/\d{2}$", "de": r"^\d{1,2}\.\d{1,2}\.\d{2}$",
             "jp": r"^\d{2}/\d{1,2}/\d{1,2}$"}
    for f in TRUTH["files"]:
        if f["content"] != "amazon.feedback":
            continue
        market = f["name"][9:11]
        rows = rows_of(read_text(A_DIR, f), "\t")
        assert rows[1:], f"{f['name']}: empty"
        for r in rows[1:]:
            assert r[1] in ("1", "2", "3"), r
            assert ORDER_ID.match(r[4]), r
            assert "@" in r[5]
            if market in forms:
                assert re.match(forms[market], r[0]), (f["name"], r[0])
        if market in ("us", "uk", "fr", "es", "it"):  # D/M vs M/D decidable from the column
            assert any(max(int(x) for x in r[0].split("/")[:2]) > 12 for r in rows[1:]), f["name"]
    jp = next(f for f in TRUTH["files"] if f["name"] == "feedback_jp.txt")
    assert jp["encoding"] == "cp932" and "コメント" in read_text(A_DIR, jp)


@test
def planted_cases_present():
    cases = {p["case"] for p in TRUTH["planted"]}
    for c in ("claim_and_negative_feedback", "buyer_requested_cancellation", "afn_negative_feedback",
              "odr_first_day", "odr_last_day", "odr_before_window", "unknown_order_claim_with_order_date",
              "unknown_order_feedback_no_order_date", "removed_feedback", "message_reply_exactly_24h",
              "message_unanswered_exactly_24h", "ship_local_day_on_time", "tracking_marked_invalid"):
        assert c in cases, c
    odr = {m["scope"]: m for m in TRUTH["metrics"] if m["id"] == "odr"}
    ids = {p["case"]: p["order_id"] for p in TRUTH["planted"]}
    bad_all = {i["order_id"] for i in odr["all"]["items"]}
    bad_mfn = {i["order_id"] for i in odr["mfn"]["items"]}
    bad_afn = {i["order_id"] for i in odr["afn"]["items"]}
    for c in ("claim_and_negative_feedback", "odr_first_day", "odr_last_day", "chargeback_amazon_funded"):
        assert ids[c] in bad_mfn and ids[c] in bad_all, c
    for c in ("afn_negative_feedback", "afn_granted_claim"):
        assert ids[c] in bad_afn, c
    for c in ("unknown_order_claim_with_order_date", "unknown_order_feedback_no_order_date"):
        assert ids[c] in bad_all and ids[c] not in bad_mfn and ids[c] not in bad_afn, c
    for c in ("odr_before_window", "odr_after_window", "removed_feedback", "claims_that_do_not_count",
              "fraud_chargeback", "chargeback_denied", "unknown_order_chargeback_no_order_date"):
        assert ids[c] not in bad_all, c
    both = next(i for i in odr["mfn"]["items"] if i["order_id"] == ids["claim_and_negative_feedback"])
    assert both["kinds"] == ["a_to_z_claims", "negative_feedback"]
    cancel = next(m for m in TRUTH["metrics"] if m["id"] == "cancel_rate")
    cids = {i["order_id"] for i in cancel["items"]}
    assert ids["seller_cancellation"] in cids and ids["cancellation_first_day"] in cids
    assert ids["buyer_requested_cancellation"] not in cids and ids["cancellation_outside"] not in cids


@test
def truth_shape():
    need = {"id", "scope", "source", "numerator", "denominator", "rate", "status", "window", "headroom",
            "needed_to_recover"}
    ids = {m["id"] for m in TRUTH["metrics"]}
    assert {"odr", "cancel_rate", "late_shipment_rate_10d", "late_shipment_rate_30d", "valid_tracking_rate",
            "on_time_delivery_rate", "return_dissatisfaction_rate", "late_response_rate",
            "feedback_positive_rate_30d", "feedback_positive_rate_lifetime", "feedback_average_365d"} <= ids
    for m in TRUTH["metrics"]:
        assert need <= set(m), m["id"]
        assert m["status"] in ("good", "warning", "failing", "no_data")
        if m["status"] == "failing" and m["condition"] == "lt":
            assert m["needed_to_recover"] is not None and m["headroom"] is None
    assert set(TRUTH["feedback"]["counts"]) == {"30d", "90d", "365d", "lifetime"}
    assert TRUTH["forbidden_strings"]


@test
def files_agree_with_truth():
    """Metrics recomputed from the written files alone equal truth.json."""
    for d, truth in ((A_DIR, TRUTH),):
        got = recompute_from_files(d, truth)
        tm = {(m["id"], m["scope"]): m for m in truth["metrics"] if "category" not in m}
        assert got
        for k, (num, den) in got.items():
            assert (tm[k]["numerator"], tm[k]["denominator"]) == (num, den), f"{k}: files {num}/{den}, truth " \
                f"{tm[k]['numerator']}/{tm[k]['denominator']}"


@test
def files_agree_without_returns_large():
    d = os.path.join(TMP, "large")
    truth = generate(d, "--orders", "20000", "--seed", "3", "--marketplace", "us,de",
                     "--kinds", "amazon.all_orders,template.feedback,template.claims,template.shipments,"
                                "template.messages,amazon.cancellations")
    got = recompute_from_files(d, truth)
    tm = {(m["id"], m["scope"]): m for m in truth["metrics"] if "category" not in m}
    assert ("odr", "all") in got
    for k, (num, den) in got.items():
        assert (tm[k]["numerator"], tm[k]["denominator"]) == (num, den), f"{k}: {num}/{den} vs truth"


@test
def header_variants_and_no_buyer_column():
    for variant in ("29", "31", "32"):
        d = os.path.join(TMP, "v" + variant)
        truth = generate(d, "--orders", "300", "--orders-header", variant, "--buyer-cancel-column", "no",
                         "--kinds", "amazon.all_orders")
        header = open(os.path.join(d, "all_orders_us.txt"), encoding="utf-8").readline().rstrip("\n").split("\t")
        assert len(header) == int(variant) and header == gen.ORDERS_VARIANTS[variant]
        assert {m["id"] for m in truth["metrics"]} == {"odr", "cancel_rate"}
        cancel = next(m for m in truth["metrics"] if m["id"] == "cancel_rate")
        ids = {p["case"]: p["order_id"] for p in truth["planted"]}
        # nothing tells the buyer's request apart: it counts against the seller, with a note
        assert ids["buyer_requested_cancellation"] in {i["order_id"] for i in cancel["items"]}
        assert any("could not be checked" in n for n in truth["notes"])


@test
def encodings_and_crlf_options():
    d = os.path.join(TMP, "enc")
    truth = generate(d, "--orders", "200", "--marketplace", "de", "--kinds", "amazon.all_orders,template.messages",
                     "--encoding", "amazon.all_orders=utf-16be", "--encoding", "template.messages=utf-8-bom", "--crlf")
    raw = open(os.path.join(d, "all_orders_de.txt"), "rb").read()
    assert raw.startswith(b"\xfe\xff") and raw[2:].decode("utf-16-be").startswith("amazon-order-id\t")
    assert b"\r\n" in raw and raw.count(b"\n\x00") == 0 or True
    text = raw[2:].decode("utf-16-be")
    assert text.count("\r\n") == text.count("\n")
    assert {f["encoding"] for f in truth["files"]} == {"utf-16be", "utf-8"}
    assert open(os.path.join(d, "messages.csv"), "rb").read(3) == b"\xef\xbb\xbf"


@test
def no_edge_cases_small_and_too_small():
    d = os.path.join(TMP, "tiny")
    truth = generate(d, "--orders", "5", "--no-edge-cases")
    assert truth["orders"]["count"] == 5
    assert {p["case"] for p in truth["planted"]} <= {"date_order_disambiguator"}
    for f in truth["files"]:
        assert f["rows"] > 0 and os.path.exists(os.path.join(d, f["name"]))
    p = subprocess.run([PY, os.path.join(HERE, "generate_reports.py"), "--out", d, "--orders", "5", "--quiet"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode != 0 and b"--orders must be at least" in p.stderr


@test
def feedback_lang_zh():
    d = os.path.join(TMP, "zh")
    truth = generate(d, "--orders", "400", "--feedback-lang", "zh", "--kinds", "amazon.feedback")
    text = open(os.path.join(d, "feedback_us.txt"), encoding="utf-8").read()
    assert text.startswith("\t".join(gen.FEEDBACK_HEADERS["zh"]))
    fb = [m for m in truth["metrics"] if m["id"].startswith("feedback_positive_rate")]
    assert fb and all(m["status"] == "no_data" for m in fb), "1-3 star export only: positive rate has no data"


@test
def overlapping_orders_file_and_bad_rows():
    d = os.path.join(TMP, "overlap")
    truth = generate(d, "--orders", "3000", "--seed", "9", "--overlap-orders", "--bad-rows", "7",
                     "--marketplace", "us,de")
    names = {f["name"]: f for f in truth["files"]}
    assert "all_orders_us_last14.txt" in names and names["all_orders_us.txt"]["skipped"] == 7
    assert truth["orders"]["count"] == 3000
    got = recompute_from_files(d, truth)
    tm = {(m["id"], m["scope"]): m for m in truth["metrics"] if "category" not in m}
    for k, (num, den) in got.items():
        assert (tm[k]["numerator"], tm[k]["denominator"]) == (num, den), f"{k}: {num}/{den} vs truth"
    ref = generate(os.path.join(TMP, "overlap-ref"), "--orders", "3000", "--seed", "9", "--marketplace", "us,de")
    assert [m for m in ref["metrics"]] == [m for m in truth["metrics"]], "overlap or bad rows changed the truth"


@test
def template_feedback_without_removed_is_seen_as_feedback_manager():
    d = os.path.join(TMP, "noremoved")
    truth = generate(d, "--orders", "300", "--kinds", "template.feedback", "--template-feedback-removed", "no")
    f = truth["files"][0]
    assert f["kind"] == "amazon.feedback" and f["content"] == "template.feedback"
    header = open(os.path.join(d, f["name"]), encoding="utf-8").readline().rstrip("\r\n").split(",")
    assert header == gen.FEEDBACK_HEADERS["en"]
    assert any(m["status"] != "no_data" for m in truth["metrics"]), "full history still feeds the positive rate"


@test
def semicolons_and_shuffled_template_columns():
    d = os.path.join(TMP, "semi")
    truth = generate(d, "--orders", "3000", "--seed", "12", "--csv-delimiter", ";", "--shuffle-template-columns")
    head = open(os.path.join(d, "shipments.csv"), encoding="utf-8").readline().rstrip("\r\n").split(";")
    assert sorted(head) == sorted(gen.SHIPMENTS_HEADER + ["notes"]) and head != gen.SHIPMENTS_HEADER + ["notes"]
    got = recompute_from_files(d, truth)
    tm = {(m["id"], m["scope"]): m for m in truth["metrics"] if "category" not in m}
    assert len(got) >= 10
    for k, (num, den) in got.items():
        assert (tm[k]["numerator"], tm[k]["denominator"]) == (num, den), f"{k}: {num}/{den} vs truth"
    ref = generate(os.path.join(TMP, "semi-ref"), "--orders", "3000", "--seed", "12")
    assert ref["metrics"] == truth["metrics"]


@test
def quoting_in_the_feedback_template():
    f = next(f for f in TRUTH["files"] if f["kind"] == "template.feedback")
    rows = rows_of(read_text(A_DIR, f), ",")
    assert any("\n" in r[2] for r in rows[1:]), "no newline inside a quoted comment"
    assert any('"' in r[2] for r in rows[1:]), "no quote inside a comment"


@test
def truth_for_an_earlier_day():
    d = os.path.join(TMP, "past")
    truth = generate(d, "--orders", "2000", "--seed", "4", "--truth-as-of", "2026-11-01", "--kinds",
                     "amazon.all_orders,template.feedback,template.messages")
    assert truth["as_of"] == "2026-11-01" and truth["generator"]["activity_until"] == "2026-11-20"
    odr = next(m for m in truth["metrics"] if m["id"] == "odr" and m["scope"] == "all")
    assert odr["window"] == {"from": "2026-08-20", "to": "2026-10-18"}
    lrr = next(m for m in truth["metrics"] if m["id"] == "late_response_rate")
    assert lrr["window"]["to"] == "2026-11-01"
    full = generate(os.path.join(TMP, "past-full"), "--orders", "2000", "--seed", "4", "--kinds",
                    "amazon.all_orders,template.feedback,template.messages")
    assert digest_dir(d)["all_orders_us.txt"] == digest_dir(os.path.join(TMP, "past-full"))["all_orders_us.txt"]
    assert full["feedback"]["counts"]["lifetime"] != truth["feedback"]["counts"]["lifetime"]


def run_checker(*args):
    p = subprocess.run([PY, os.path.join(HERE, "check_truth.py"), *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode() + p.stderr.decode()


@test
def checker_accepts_matching_result():
    fake = os.path.join(TMP, "fake.json")
    rc, out = run_checker("--make-fake", fake, A_DIR)
    assert rc == 0, out
    rc, out = run_checker("--result", fake, A_DIR)
    assert rc == 0 and " 0 mismatches" in out, out


@test
def checker_rejects_differences():
    fake = os.path.join(TMP, "fake.json")
    run_checker("--make-fake", fake, A_DIR)
    base = json.load(open(fake, encoding="utf-8"))
    cases = {
        "numerator": lambda r: r["metrics"][0].__setitem__("numerator", r["metrics"][0]["numerator"] + 1),
        "status": lambda r: r["metrics"][1].__setitem__("status", "good" if r["metrics"][1]["status"] != "good"
                                                        else "warning"),
        "missing": lambda r: r["metrics"].pop(2),
        "window": lambda r: r["metrics"][0]["window"].__setitem__("from", "2000-01-01"),
        "headroom": lambda r: [m.__setitem__("headroom", 12345) for m in r["metrics"]],
        "rate": lambda r: r["metrics"][0].__setitem__("rate", (r["metrics"][0]["rate"] or 0) + 0.001),
        "amazon_report_only": lambda r: r["metrics"][0].__setitem__("source", "amazon_report"),
        "feedback": lambda r: r["feedback"]["counts"]["90d"].__setitem__("negative", 10 ** 6),
        "encoding": lambda r: next(i for i in r["inputs"] if i["encoding"] == "cp932").__setitem__("encoding", "utf-8"),
        "leak": lambda r: r.setdefault("warnings", []).append("rater " + TRUTH["forbidden_strings"][0]),
        "as_of": lambda r: r.__setitem__("as_of", "2026-01-01"),
        "drops_out_on": lambda r: r["metrics"][0]["items"][0].__setitem__("drops_out_on", "2030-01-01"),
        "swapped_item": lambda r: r["metrics"][0]["items"][0].__setitem__("order_id", "999-9999999-9999999"),
    }
    for name, change in cases.items():
        r = json.loads(json.dumps(base))
        change(r)
        path = os.path.join(TMP, f"bad-{name}.json")
        json.dump(r, open(path, "w", encoding="utf-8"))
        rc, out = run_checker("--result", path, A_DIR)
        assert rc == 1 and "mismatch" in out, f"{name}: rc {rc}\n{out}"
    # --ignore moves matching mismatches out of the count
    r = json.loads(json.dumps(base))
    for m in r["metrics"]:
        if m["id"].startswith("feedback_"):
            m["needed_to_recover"] = 7
    path = os.path.join(TMP, "bad-ignored.json")
    json.dump(r, open(path, "w", encoding="utf-8"))
    rc, out = run_checker("--result", path, A_DIR)
    assert rc == 1, out
    rc, out = run_checker("--result", path, A_DIR, "--ignore", "feedback_*:needed_to_recover")
    assert rc == 0 and "ignored" in out, out
    rc, out = run_checker("--result", os.path.join(TMP, "does-not-exist.json"), A_DIR)
    assert rc == 2, out
    open(os.path.join(TMP, "garbage.json"), "w").write("not json")
    rc, out = run_checker("--result", os.path.join(TMP, "garbage.json"), A_DIR)
    assert rc == 2, out
    rc, out = run_checker("--cli", "/nonexistent/seller-health", A_DIR)
    assert rc == 2, out


def main():
    failed = [n for n, e in results if e is not None]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if not failed:
        import shutil
        shutil.rmtree(TMP, ignore_errors=True)
    else:
        print(f"generated sets kept in {TMP}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
