#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/data/bad/): small files committed as they are written here.

Big inputs (the 10 MB single line, 100,000-deep JSON) are made at test time by the tests
themselves (tests/test_bad_inputs.cpp, tests/fuzz/cli_bad_inputs.py), not committed.
Run: python3 tests/data/bad/make_bad.py   (deterministic: same bytes every run)
"""
import io
import os
import random
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

ORDERS_HEADER = ("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
                 "fulfillment-channel\tsales-channel\tproduct-name\tsku\tquantity\titem-price")


def orders_row(oid, date, status="Shipped", channel="Merchant", qty="1", product="Plain box",
               updated=None):
    return "\t".join([oid, "", date, updated or date, status, channel, "Amazon.com", product,
                      "SKU-1", qty, "9.99"])


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def good_rows(n, start=1):
    return [orders_row(f"111-{1000000 + i:07d}-{2000000 + i:07d}", f"2026-10-{(i % 28) + 1:02d}T10:00:00+00:00",
                       product="Café crème 保温ボトル")
            for i in range(start, start + n)]


def main():
    rnd = random.Random(8)
    write("empty.txt", b"")
    write("header_only.txt", ORDERS_HEADER + "\n")
    write("binary_garbage.bin", bytes(rnd.randrange(256) for _ in range(2048)))
    write("document.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                          b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                          b"trailer << /Root 1 0 R >>\n%%EOF\n")
    write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
                       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
                       b"\x00\x00\x00\x00IEND\xaeB`\x82")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"),
                           ("xl/worksheets/sheet1.xml", "<worksheet/>")]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, text)
    write("workbook.xlsx", buf.getvalue())

    body = "\n".join([ORDERS_HEADER] + good_rows(3)) + "\n"
    # Cut in the middle of the fourth row: the last line has only three fields.
    write("truncated_mid_row.txt", body + "111-9999999-9999999\t\t2026-10-")
    # Cut inside the three-byte UTF-8 sequence of 保 (E4 BF 9D): the last row ends in E4 BF.
    full = (body + orders_row("111-8888888-8888888", "2026-10-05T10:00:00+00:00", product="保温")).encode()
    cut = full.index("保温".encode(), len(body.encode())) + 2
    write("truncated_mid_utf8.txt", full[:cut])
    # Claims template cut inside a quoted field (the quote never closes).
    write("truncated_mid_quote.csv",
          "order-id,order-date,claim-date,type,status,amazon-funded,reason\r\n"
          "111-1000001-2000001,2026-10-01,2026-10-03,a-to-z,open,no,late\r\n"
          "111-1000002-2000002,2026-10-02,2026-10-04,a-to-z,open,no,\"never arrived, bu")
    # NUL bytes inside fields and as a whole line.
    rows = good_rows(3)
    rows[1] = rows[1].replace("Plain", "Pl\0ain").replace("Café", "Ca\0fé")
    write("nul_bytes.txt", "\n".join([ORDERS_HEADER, rows[0], rows[1], "\0\0\0\0", rows[2]]) + "\n")
    # LF, CRLF and a lone CR (classic Mac): each ends a line, so all five rows are read.
    rows = good_rows(5)
    write("mixed_line_endings.txt", ORDERS_HEADER + "\r\n" + rows[0] + "\n" + rows[1] + "\r\n" +
          rows[2] + "\r" + rows[3] + "\n" + rows[4] + "\r\n")
    # Classic Mac line ends only (CR): every row is read; line 3 (a bad date) is reported on its line.
    rows = good_rows(3)
    rows[1] = rows[1].replace("2026-10-03", "2026-10-33")
    write("mac_cr_line_endings.txt", "\r".join([ORDERS_HEADER] + rows) + "\r")
    # UTF-16LE without a BOM: every other byte is NUL.
    write("utf16_no_bom.txt", ("\n".join([ORDERS_HEADER] + good_rows(3)) + "\n").encode("utf-16-le"))
    # Duplicated rows, and the same order with conflicting status and channel.
    rows = good_rows(3)
    write("duplicate_conflicting_orders.txt", "\n".join([
        ORDERS_HEADER, rows[0], rows[0], rows[1],
        orders_row("111-1000002-2000002", "2026-10-03T10:00:00+00:00", status="Cancelled",
                   channel="Amazon", updated="2026-10-09T10:00:00+00:00"),
        rows[2]]) + "\n")
    write("dates_future_and_old.txt", "\n".join([
        ORDERS_HEADER,
        orders_row("111-3000001-4000001", "2099-01-01T10:00:00+00:00"),
        orders_row("111-3000002-4000002", "1999-12-31T23:59:59+00:00"),
        orders_row("111-3000003-4000003", "1970-01-01T00:00:00+00:00"),
        orders_row("111-3000004-4000004", "0001-01-01T00:00:00+00:00"),
        orders_row("111-3000005-4000005", "9999-12-31T23:59:59+14:00"),
        orders_row("111-3000006-4000006", "2026-10-10T10:00:00+00:00")]) + "\n")
    # A typo'd year in an order among good ones (the default as_of must not follow it; the
    # engine leaves it out of as_of with a warning) and a last-updated-date of 1970 (a problem; the
    # purchase date is used).
    write("date_typo_2099.txt", "\n".join([ORDERS_HEADER] + good_rows(4) + [
        orders_row("111-3000007-4000007", "2099-10-05T10:00:00+00:00"),
        orders_row("111-3000008-4000008", "2026-10-06T10:00:00+00:00", updated="1970-01-01T00:00:00+00:00")]) + "\n")
    write("negative_quantities.txt", "\n".join([
        ORDERS_HEADER,
        orders_row("111-5000001-6000001", "2026-10-01T10:00:00+00:00", qty="-1"),
        orders_row("111-5000002-6000002", "2026-10-02T10:00:00+00:00", qty="-2147483649"),
        orders_row("111-5000003-6000003", "2026-10-03T10:00:00+00:00", qty="99999999999999999999"),
        orders_row("111-5000004-6000004", "2026-10-04T10:00:00+00:00", qty="2")]) + "\n")
    write("ratings_0_and_7.txt", "\n".join([
        "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email",
        "10/1/26\t0\tTerrible\t\t111-1000001-2000001\ta@b.c",
        "10/2/26\t7\tGreat\t\t111-1000002-2000002\ta@b.c",
        "10/3/26\t-1\tBad\t\t111-1000003-2000003\ta@b.c",
        "10/4/26\t2\tArrived late\t\t111-1000004-2000004\ta@b.c"]) + "\n")
    write("account_health_fields_missing.json", '{"performanceMetrics": [{}], "accountStatuses": [{}]}\n')
    write("account_health_empty_list.json", '{"performanceMetrics": []}\n')
    write("account_health_empty_object.json", '{"performanceMetrics": [{}]}\n')
    write("account_health_all_wrong_types.json", """{
  "performanceMetrics": [{
    "orderDefectRate": {"mfn": "x", "afn": 3},
    "lateShipmentRate": [],
    "preFulfillmentCancellationRate": "high",
    "validTrackingRate": true,
    "onTimeDeliveryRate": 0.9,
    "invoiceDefectRate": null
  }, 7, "text", []]
}
""")
    write("account_health_wrong_types.json", """{
  "accountStatuses": "ACTIVE",
  "performanceMetrics": [{
    "marketplaceId": 42,
    "orderDefectRate": {"mfn": {"orderCount": "many", "rate": [1], "targetValue": {}, "status": 7,
                                "orderWithDefects": "x", "reportingDateRange": 5},
                        "afn": null},
    "lateShipmentRate": [],
    "preFulfillmentCancellationRate": "high",
    "validTrackingRate": {"rate": true, "targetValue": null, "reportingDateRange": {"reportingDateFrom": 1}},
    "accountHealthRating": {"ahrStatus": ["GOOD"]},
    "warningStates": {"a": 1},
    "listingPolicyViolations": {"defectsCount": -3.5e300, "status": {}}
  }]
}
""")
    depth = 10000
    write("deeply_nested.json", '{"performanceMetrics": ' + "[" * depth + "]" * depth + "}\n")


if __name__ == "__main__":
    main()
