#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/), a few KB each.

Reports come from the generator (tests/gen/generate_reports.py, cut to their first lines), the
bad-input corpus adds the shapes that went wrong before; dates, JSON and share payloads are
written here. Deterministic: python3 tests/fuzz/make_seeds.py
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MAX_SEED = 3000


def put(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def head(data, limit=MAX_SEED):
    """The first whole lines of a report within `limit` bytes."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1 if cut > 0 else limit]


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def field(num, wire, payload):
    if wire == 2:
        return varint(num << 3 | 2) + varint(len(payload)) + payload
    if wire == 1:
        return varint(num << 3 | 1) + payload
    return varint(num << 3) + varint(payload)


def zz(n):
    return (n << 1) ^ (n >> 63) if n >= 0 else ((-n) << 1) - 1


def snapshot(body):
    data = bytes([1]) + body
    return data + struct.pack("<I", zlib.crc32(data) & 0xFFFFFFFF)


def main():
    for sub in ("reader", "encoding", "dates", "account_health", "snapshot", "feedback"):
        shutil.rmtree(os.path.join(HERE, "corpus", sub), ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        for args, tag in ((["--encoding", "realistic", "--crlf", "--marketplace", "us,de,jp"], "intl"),
                          (["--csv-delimiter", ";", "--shuffle-template-columns", "--orders-header", "29"], "semi")):
            out = os.path.join(tmp, tag)
            subprocess.run([sys.executable, os.path.join(ROOT, "tests/gen/generate_reports.py"), "--orders", "60",
                            "--seed", "3", "--out", out, "--quiet"] + args, check=True)
            for name in sorted(os.listdir(out)):
                if name == "truth.json":
                    continue
                with open(os.path.join(out, name), "rb") as f:
                    data = head(f.read())
                # fuzz_reader: 8 bytes seed the chunk sizes (odd: 1-7 byte chunks).
                put("reader", f"{tag}_{name}", struct.pack("<Q", len(data) * 2 + 1) + data)
                if name.startswith("feedback") or name.startswith("returns"):
                    put("encoding", f"{tag}_{name}", bytes([len(data) % 251]) + data[:1500])
                    put("feedback", f"{tag}_{name}", b"\x02" + data[:1500])
    bad = os.path.join(ROOT, "tests/data/bad")
    for name in sorted(os.listdir(bad)):
        path = os.path.join(bad, name)
        if os.path.isfile(path) and not name.endswith((".py", ".tsv", ".md")) and os.path.getsize(path) <= MAX_SEED:
            with open(path, "rb") as f:
                data = f.read()
            put("reader", "bad_" + name, b"\0" * 8 + data)
            if name.endswith(".json"):
                put("account_health", "bad_" + name, data)

    for i, text in enumerate(["2026-09-14T08:21:07+00:00", "2026-09-14T08:21:07.123-0700", "2026-09-14 08:21:07Z",
                              "2026-09-14T08:21Z", "2026-09-14", "14.9.26", "14.09.2026 10:02", "26/9/14",
                              "9/14/26", "14/9/26", "2026/9/14", "Sep 14, 2026", "14-Sep-2026",
                              "0000-01-01T00:00:00+99:99", "9999-12-31T23:59:60+14:00", "2026-02-29"]):
        put("dates", f"date_{i:02d}", text)

    put("account_health", "minimal.json", """{"accountStatuses":[{"marketplaceId":"ATVPDKIKX0DER","status":"NORMAL"}],
"performanceMetrics":[{"marketplaceId":"ATVPDKIKX0DER",
"orderDefectRate":{"mfn":{"reportingDateRange":{"reportingDateFrom":"2026-08-22T00:00:00Z","reportingDateTo":"2026-10-20T00:00:00Z"},
"orderCount":812,"orderWithDefects":{"count":3,"rate":0.0037},"claims":{"count":1},"chargebacks":{"count":0},
"negativeFeedback":{"count":2},"rate":0.0037,"targetValue":0.01,"targetCondition":"LESS_THAN","status":"GOOD"},
"afn":{"fulfillmentType":"mfn","orderCount":"10","rate":"0.1","status":"BAD"}},
"lateShipmentRate":{"reportingDateRange":{"reportingDateFrom":"2026-10-10T00:00:00Z","reportingDateTo":"2026-10-20T00:00:00Z"},
"lateShipmentCount":2,"orderCount":300,"rate":0.0067,"targetValue":0.04,"targetCondition":"LESS_THAN","status":"GOOD"},
"prefulfillmentCancelRate":{"cancellationCount":1,"orderCount":300,"rate":0.003,"targetValue":0.025,"status":"WARNED"},
"validTrackingRate":{"validTrackingCount":290,"shipmentCount":300,"rate":0.97,"targetValue":0.95,"targetCondition":"GREATER_THAN"},
"accountHealthRating":{"ahrStatus":"GREAT","ahrScore":400},"warningState":["PENDING"],
"listingPolicyViolations":{"defectsCount":0,"status":"GOOD","targetValue":0}}]}
""")
    metric = (field(1, 2, b"odr") + field(2, 2, b"mfn") + field(3, 2, b"computed") + field(4, 0, zz(3)) +
              field(5, 0, zz(812)) + field(6, 1, struct.pack("<d", 0.0037)) + field(7, 1, struct.pack("<d", 0.01)) +
              field(8, 2, b"lt") + field(9, 2, b"good") + field(10, 0, zz(20687)) + field(11, 0, zz(20746)) +
              field(14, 0, zz(5)) + field(17, 2, field(1, 2, b"claims") + field(2, 0, zz(1))))
    feedback = field(1, 0, 1) + field(2, 2, field(1, 2, b"30d") + field(2, 0, 4) + field(4, 0, 2)) + \
        field(3, 2, field(1, 2, b"shipping_speed") + field(2, 0, 2))
    put("snapshot", "one_metric", snapshot(field(1, 0, zz(20777)) + field(2, 2, b"amazon.us") + field(3, 2, metric) +
                                           field(4, 2, feedback) + field(5, 2, b"0.1.0")))
    put("snapshot", "empty", snapshot(b""))
    for i, text in enumerate(["Arrived late, box crushed. Never again!!", "Item not as described; wrong colour",
                              "Seller never answered my messages, call me at 555-123-4567 john@example.com",
                              "Lieferung kam zu spät, Verpackung beschädigt", "商品が届かない。最悪です",
                              "ｶﾞｯｶﾘ ﾃﾞｽ", "物流太慢了，包装破损", "Visit www.other-shop.com for better prices"]):
        put("feedback", f"comment_{i:02d}", bytes([1 + i % 5]) + text.encode())


if __name__ == "__main__":
    main()
