#!/usr/bin/env python3
"""Writes the ingest test fixtures (deterministic): run from this folder.

all_orders_32.txt  - an All Orders flat file, 32 columns + buyer-cancel columns, CRLF, UTF-8,
                     product names with stray quotes and non-ASCII, multi-item orders (some rows
                     of one order not adjacent), cancelled and AFN/MFN orders.
feedback_us.txt    - a Feedback Manager export (EN header, M/D/YY dates, CRLF).
shipments.csv      - the shipments template with quoted fields (commas, doubled quotes, a newline).
The expected counts used by the tests are printed to stdout.
"""
import random

rng = random.Random(20261122)
cols = ("amazon-order-id merchant-order-id purchase-date last-updated-date order-status "
        "fulfillment-channel sales-channel order-channel url ship-service-level product-name sku asin "
        "number-of-items item-status quantity currency item-price item-tax shipping-price shipping-tax "
        "gift-wrap-price gift-wrap-tax item-promotion-discount ship-promotion-discount ship-city "
        "ship-state ship-postal-code ship-country promotion-ids is-business-order purchase-order-number "
        "is-buyer-requested-cancellation buyer-requested-cancel-reason").split()
names = ['Coffee mug 12" white', 'Kaffeebecher Größe L', '保温ボトル 500ml', 'Tea "Earl" Grey tin',
         'Café au lait bowl', 'Plain box']
rows = []
orders = {}
for n in range(120):
    oid = "%03d-%07d-%07d" % (rng.randint(100, 999), rng.randint(0, 9999999), rng.randint(0, 9999999))
    day = 1 + n % 28
    status = rng.choice(["Shipped", "Shipped", "Shipped", "Pending", "Cancelled", "canceled"])
    channel = rng.choice(["Merchant", "Amazon"])
    sales = rng.choice(["Amazon.de", "Amazon.de", "Amazon.com"])
    buyer = rng.choice(["true", "false", ""]) if status.lower().startswith("cancel") else "false"
    items = rng.choice([1, 1, 1, 2, 3])
    units = 0
    for i in range(items):
        q = rng.randint(1, 3)
        units += q
        row = {c: "" for c in cols}
        row.update({
            "amazon-order-id": oid, "merchant-order-id": "", "purchase-date": "2026-09-%02dT%02d:15:00+00:00" % (day, n % 24),
            "last-updated-date": "2026-09-%02dT23:00:00+00:00" % day, "order-status": status,
            "fulfillment-channel": channel, "sales-channel": sales, "order-channel": "",
            "ship-service-level": "Standard", "product-name": rng.choice(names), "sku": "SKU-%d" % i,
            "asin": "B0%08d" % n, "item-status": "Shipped", "quantity": str(q), "currency": "EUR",
            "item-price": "%.2f" % (9.99 * q), "ship-city": "Berlin", "ship-country": "DE",
            "is-business-order": "false", "is-buyer-requested-cancellation": buyer,
        })
        rows.append(row)
    orders[oid] = (units, status.lower().startswith("cancel"), channel, sales)

# Move a few item rows away from their order (exports by last-update are not grouped).
for k in range(5):
    rows.append(rows.pop(rng.randrange(len(rows) // 2)))

with open("all_orders_32.txt", "w", encoding="utf-8", newline="") as f:
    f.write("\t".join(cols) + "\r\n")
    for r in rows:
        f.write("\t".join(r[c] for c in cols) + "\r\n")
print("all_orders_32.txt rows", len(rows), "orders", len(orders),
      "units", sum(u for u, _, _, _ in orders.values()),
      "cancelled", sum(1 for _, c, _, _ in orders.values() if c),
      "afn", sum(1 for _, _, ch, _ in orders.values() if ch == "Amazon"),
      "amazon.de", sum(1 for *_, s in orders.values() if s == "Amazon.de"))

with open("feedback_us.txt", "w", encoding="utf-8", newline="") as f:
    f.write("Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\r\n")
    for n in range(40):
        oid = "%03d-%07d-%07d" % (rng.randint(100, 999), rng.randint(0, 9999999), rng.randint(0, 9999999))
        f.write("%d/%d/26\t%d\tArrived late, box \"crushed\"\t\t%s\tbuyer%d@marketplace.amazon.com\r\n"
                % (1 + n % 12, 1 + n % 28, 1 + n % 3, oid, n))
print("feedback_us.txt rows 40")

with open("shipments.csv", "w", encoding="utf-8", newline="") as f:
    f.write("order-id,order-date,expected-ship-date,ship-confirm-date,carrier,tracking-id,tracking-valid,"
            "promised-delivery-date,delivered-date,units,category\n")
    for n in range(30):
        oid = "%03d-%07d-%07d" % (rng.randint(100, 999), rng.randint(0, 9999999), rng.randint(0, 9999999))
        carrier = ['"DHL, Express"', '"UPS ""Ground"""', '"Deutsche\nPost"', "Hermes"][n % 4]
        tracking = "" if n % 5 == 0 else "TRK%06d" % n
        f.write("%s,2026-09-%02d,2026-09-%02d,2026-09-%02d,%s,%s,%s,2026-09-%02d,2026-09-%02d,%d,%s\n" % (
            oid, 1 + n % 20, 3 + n % 20, 3 + n % 20 + (n % 3 == 0), carrier, tracking,
            "no" if n % 7 == 0 else "", 8 + n % 20, 8 + n % 20 + (n % 4 == 0), 1 + n % 2,
            "Home & Kitchen" if n % 2 else "Toys"))
print("shipments.csv rows 30")

# Japan: CP932, Japanese header, YY/M/D dates, half-width katakana in a comment.
with open("feedback_jp_cp932.txt", "wb") as f:
    lines = ["日付\t評価\tコメント\t回答\t注文番号\t評価者のEメール",
             "26/9/14\t1\t配送が遅い。ｶﾀｶﾅ\t\t503-1234567-1234567\ta@example.jp",
             "26/10/2\t2\t商品が破損していました\tご迷惑をおかけしました\t503-7654321-7654321\tb@example.jp",
             "26/11/20\t3\t普通\t\t503-1111111-2222222\tc@example.jp"]
    f.write(("\r\n".join(lines) + "\r\n").encode("cp932"))
print("feedback_jp_cp932.txt rows 3")

# France: Windows-1252, French header, D/M/YY dates with no day > 12.
with open("feedback_fr_1252.txt", "wb") as f:
    lines = ["Date\tÉvaluation\tCommentaires\tVotre réponse\tNuméro de commande\tAdresse e-mail de l'évaluateur",
             "3/4/26\t1\tColis abîmé – très déçu\t\t402-1234567-1234567\tx@example.fr",
             "5/6/26\t2\tLivraison en retard, 10 € de frais\tDésolé\t402-7654321-7654321\ty@example.fr"]
    f.write(("\n".join(lines)).encode("cp1252"))  # no final newline
print("feedback_fr_1252.txt rows 2")
