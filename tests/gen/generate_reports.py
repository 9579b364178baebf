#!/usr/bin/env python3
"""Synthetic Seller Central reports with a ground truth (tests/gen/README.md).

Writes realistic report files of every kind the core reads (reports.md) for a fixed seed,
and truth.json: the value every computed metric must have (metrics.md), from an
implementation of the rules that is independent of the C++ engine.

Python 3.11 standard library only. Deterministic: one random.Random(seed), no clock.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import truth as truthlib  # noqa: E402

GENERATOR_VERSION = 1
DEFAULT_AS_OF = "2026-11-20"

KINDS = [
    "amazon.all_orders", "amazon.feedback", "amazon.returns", "amazon.fba_returns",
    "amazon.cancellations", "amazon.tracking", "template.shipments", "template.claims",
    "template.messages", "template.feedback",
]

# --------------------------------------------------------------------------------------
# Marketplaces
# --------------------------------------------------------------------------------------
MARKETS = {
    "us": dict(sales_channel="Amazon.com", currency="USD", lang="en", date_form="mdy",
               prefixes=["111", "112", "113", "114"], country="US",
               offsets=["-08:00", "-08:00", "-07:00", "-05:00", "+00:00"],
               tcm="MarketplaceFacilitator", tcr="Amazon Services, Inc.", weight=5,
               tld="com", decimals=2),
    "uk": dict(sales_channel="Amazon.co.uk", currency="GBP", lang="en", date_form="dmy",
               prefixes=["202", "203", "204", "205", "206"], country="GB",
               offsets=["+00:00"], tcm="", tcr="", weight=2, tld="co.uk", decimals=2),
    "de": dict(sales_channel="Amazon.de", currency="EUR", lang="de", date_form="dmy.",
               prefixes=["302", "303", "304", "305", "306", "028"], country="DE",
               offsets=["+01:00", "+00:00"], tcm="", tcr="", weight=3, tld="de", decimals=2),
    "fr": dict(sales_channel="Amazon.fr", currency="EUR", lang="fr", date_form="dmy",
               prefixes=["402", "403", "404", "405", "171"], country="FR",
               offsets=["+01:00", "+00:00"], tcm="", tcr="", weight=1, tld="fr", decimals=2),
    "es": dict(sales_channel="Amazon.es", currency="EUR", lang="es", date_form="dmy",
               prefixes=["403", "404", "405", "406", "171"], country="ES",
               offsets=["+01:00", "+00:00"], tcm="", tcr="", weight=1, tld="es", decimals=2),
    "it": dict(sales_channel="Amazon.it", currency="EUR", lang="it", date_form="dmy",
               prefixes=["402", "403", "405", "406", "171"], country="IT",
               offsets=["+01:00", "+00:00"], tcm="", tcr="", weight=1, tld="it", decimals=2),
    "jp": dict(sales_channel="Amazon.co.jp", currency="JPY", lang="ja", date_form="ymd",
               prefixes=["249", "250", "503"], country="JP",
               offsets=["+09:00"], tcm="", tcr="", weight=2, tld="co.jp", decimals=0),
}

FEEDBACK_HEADERS = {
    "en": ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"],
    "en2": ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"],
    "de": ["Datum", "Bewertung", "Kommentar", "Ihre Antwort", "Transaktionsnummer",
           "E-Mail des Bewertenden"],
    "es": ["Fecha", "Rating", "Comentarios", "Tu respuesta", "Número de pedido",
           "Correo electrónico del evaluador"],
    "fr": ["Date", "Évaluation", "Commentaires", "Votre réponse", "Numéro de commande",
           "Adresse e-mail de l'évaluateur"],
    "it": ["Data", "Valutazione", "Commenti", "La tua risposta", "Numero ordine",
           "E-mail del valutatore"],
    "ja": ["日付", "評価", "コメント", "返信", "注文番号", "評価者のEメールアドレス"],
    "zh": ["日期", "评分", "评论", "您的回复", "订单编号", "评价者电子邮件"],
}

# All Orders columns (reports.md order) and the header variants.
ORDERS_FULL = (
    "amazon-order-id merchant-order-id purchase-date last-updated-date order-status "
    "fulfillment-channel sales-channel order-channel url ship-service-level product-name sku asin "
    "number-of-items item-status quantity currency item-price item-tax shipping-price shipping-tax "
    "gift-wrap-price gift-wrap-tax item-promotion-discount ship-promotion-discount ship-city "
    "ship-state ship-postal-code ship-country promotion-ids cpf is-business-order "
    "purchase-order-number price-designation tax-collection-model "
    "tax-collection-responsible-party address-type").split()
_DROP_29 = {"url", "number-of-items", "cpf", "purchase-order-number", "price-designation",
            "tax-collection-model", "tax-collection-responsible-party", "address-type"}
ORDERS_VARIANTS = {
    "29": [c for c in ORDERS_FULL if c not in _DROP_29],
    "31": [c for c in ORDERS_FULL if c not in _DROP_29 - {"purchase-order-number", "price-designation"}],
    "32": [c for c in ORDERS_FULL if c not in _DROP_29 - {"purchase-order-number", "price-designation",
                                                              "tax-collection-model"}],
    "37": list(ORDERS_FULL),
}
assert [len(v) for v in ORDERS_VARIANTS.values()] == [29, 31, 32, 37]
BUYER_CANCEL_COLUMNS = ["is-buyer-requested-cancellation", "buyer-requested-cancel-reason"]

RETURNS_HEADER = [
    "Order ID", "Order date", "Return request date", "Return request status", "Amazon RMA ID",
    "Merchant RMA ID", "Label type", "Label cost", "Currency code", "Return carrier", "Tracking ID",
    "Label to be paid by", "A-to-Z Claim", "Is prime", "ASIN", "Merchant SKU", "Item Name",
    "Return quantity", "Return Reason", "In policy", "Return type", "Resolution", "Invoice number",
    "Return delivery date", "Order Amount", "Order quantity", "SafeT Action reason", "SafeT claim id",
    "SafeT claim state", "SafeT claim creation time", "SafeT claim reimbursement amount",
    "Refunded Amount"]
FBA_RETURNS_HEADER = ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity",
                      "fulfillment-center-id", "detailed-disposition", "reason", "status",
                      "license-plate-number", "customer-comments"]
CANCELLATIONS_HEADER = ["Order Date", "Order ID", "Impacts Account Health"]
TRACKING_HEADER = ["Order ID", "Carrier Name", "Tracking ID", "Origin Country",
                   "Promised Delivery Date", "Ship Method", "Ship Option", "Shipped Late",
                   "Delivered Late", "No Valid Tracking", "Unconfirmed Shipment", "Package Value",
                   "Product Category"]
SHIPMENTS_HEADER = ["order-id", "order-date", "expected-ship-date", "ship-confirm-date", "carrier",
                    "tracking-id", "tracking-valid", "promised-delivery-date", "delivered-date",
                    "units", "category"]
CLAIMS_HEADER = ["order-id", "order-date", "claim-date", "type", "status", "amazon-funded", "reason"]
MESSAGES_HEADER = ["message-id", "received", "responded", "no-response-needed"]
TEMPLATE_FEEDBACK_HEADER = FEEDBACK_HEADERS["en"] + ["removed"]

# --------------------------------------------------------------------------------------
# Text: products, comments, places
# --------------------------------------------------------------------------------------
PRODUCTS = {
    "en": [("Stainless Steel Insulated Water Bottle, 32 oz, Matte Black", 24.99),
           ('Monitor Stand Riser for 27" Screens, Bamboo', 39.99),
           ("Silicone Baking Mat Set (3 Pack) - Non-Stick", 15.49),
           ("Kids' Rain Boots, Yellow, Size 11", 21.95),
           ('12" Cast Iron Skillet Pre-Seasoned', 29.90),
           ("USB-C Charging Cable 6ft, Braided (2-Pack)", 12.99),
           ("Yoga Mat 1/4 Inch Extra Thick with Carrying Strap", 27.50),
           ("LED Desk Lamp with Wireless Charger, Dimmable", 45.00),
           ("Ceramic Coffee Mug 14 oz - \"World's Okayest Cook\"", 16.99),
           ("Wooden Puzzle Board Game for Ages 6+", 18.75),
           ("Men's Merino Wool Hiking Socks, 3 Pairs", 23.00),
           ("Replacement Vacuum Filter, Compatible with V8/V7", 11.49)],
    "de": [("Edelstahl Trinkflasche 1 L, auslaufsicher, Schwarz", 22.99),
           ("Bambus Schneidebrett-Set, 3-teilig", 19.95),
           ('Monitorständer für 27" Bildschirme, Holz', 34.90),
           ("Kinder Gummistiefel Größe 28, Gelb", 19.99),
           ("Gusseisenpfanne 28 cm, vorgewürzt", 32.50),
           ("USB-C Ladekabel 2 m, geflochten (2er-Pack)", 11.99),
           ("Yogamatte rutschfest, 6 mm, Grün", 24.90),
           ("Wärmflasche mit Strickbezug, 2 L", 14.95),
           ("Kaffeebecher aus Keramik, 400 ml, Weiß", 12.99),
           ("Holzpuzzle für Kinder ab 3 Jahren", 16.49)],
    "fr": [("Gourde isotherme inox 750 ml, noir mat", 21.99),
           ("Poêle en fonte 28 cm pré-culottée", 31.90),
           ('Support d\'écran 27" en bambou', 36.50),
           ("Bottes de pluie enfant, pointure 28, jaune", 19.99),
           ("Câble de charge USB-C 2 m tressé (lot de 2)", 12.49),
           ("Tapis de yoga antidérapant 6 mm", 25.90),
           ("Mug en céramique 400 ml « Café du matin »", 13.99),
           ("Puzzle en bois pour enfants dès 3 ans", 17.49)],
    "es": [("Botella térmica de acero inoxidable 750 ml, negra", 21.49),
           ("Sartén de hierro fundido 28 cm", 30.95),
           ('Soporte para monitor de 27" de bambú', 35.99),
           ("Botas de agua infantiles, talla 28, amarillas", 18.99),
           ("Cable de carga USB-C 2 m trenzado (pack de 2)", 11.99),
           ("Esterilla de yoga antideslizante 6 mm", 24.50),
           ("Taza de cerámica 400 ml, diseño «Buenos días»", 12.95),
           ("Puzle de madera para niños a partir de 3 años", 15.99)],
    "it": [("Borraccia termica in acciaio inox 750 ml, nera", 21.90),
           ("Padella in ghisa 28 cm pre-stagionata", 32.00),
           ('Supporto per monitor 27" in bambù', 34.99),
           ("Stivali da pioggia per bambini, taglia 28, gialli", 19.50),
           ("Cavo di ricarica USB-C 2 m intrecciato (2 pezzi)", 11.90),
           ("Tappetino yoga antiscivolo 6 mm", 23.99),
           ("Tazza in ceramica 400 ml «Buongiorno»", 12.50),
           ("Puzzle in legno per bambini dai 3 anni", 16.90)],
    "ja": [("ステンレス 真空断熱 水筒 750ml マットブラック", 2980),
           ("鉄製 スキレット 26cm シーズニング済み", 3480),
           ('モニター台 27"対応 竹製', 3980),
           ("キッズ レインブーツ 18cm イエロー", 2480),
           ("USB-C 充電ケーブル 2m 編組 2本セット", 1280),
           ("ヨガマット 6mm 滑り止め 収納ベルト付き", 2780),
           ("陶器 マグカップ 400ml 白", 1580),
           ("木製パズル 3歳以上 知育玩具", 1980)],
}

# Comments by language and by star band: neg (1-2), neutral (3), pos (4-5).
COMMENTS = {
    "en": {
        "neg": ["Item arrived two weeks late and the seller never answered my messages.",
                "Box was crushed and the mug inside was broken.",
                "Wrong size sent. Had to return it and I’m still waiting for my refund.",
                "Tracking number never updated, package never arrived.",
                "Stopped working after 3 days. Poor quality.",
                "Not as described – it was clearly used, not new.",
                'Listing said "brand new" but the box was open and the manual missing.',
                "Not damaged, but very late.",
                "Seller was rude when I asked about the delivery date.",
                "Charged me more than the listed price… not happy.",
                "Package arrived damaged. Amazon delivery left it in the rain."],
        "neutral": ["Item OK but shipping was slow.", "Product is fine, packaging could be better.",
                    "Took a while to arrive, but it works.", "Average. Does the job."],
        "pos": ["Great seller, fast shipping!", "Exactly as described, thank you.",
                "Arrived early and well packed. Would buy again.", "Excellent communication, A+++",
                "Perfect, thanks!", "Good product, quick delivery."],
        "resp": ["We are sorry about this. Please contact us through Buyer-Seller Messaging so we can fix it.",
                 "Thank you for your feedback. We have sent you a message to resolve the issue."],
    },
    "de": {
        "neg": ["Ware kam zwei Wochen zu spät an, keine Antwort auf meine Nachrichten.",
                "Verpackung war beschädigt, die Tasse war zerbrochen.",
                "Falsche Größe geliefert, Rückerstattung bis heute nicht erhalten.",
                "Sendungsverfolgung wurde nie aktualisiert.",
                "Nach drei Tagen kaputt. Schlechte Qualität.",
                "Nicht beschädigt, aber viel zu spät.",
                "Artikel entsprach nicht der Beschreibung, gebraucht statt neu."],
        "neutral": ["Artikel ok, Versand etwas langsam.", "Ware in Ordnung, Verpackung könnte besser sein."],
        "pos": ["Schnelle Lieferung, alles bestens!", "Top Verkäufer, gerne wieder.",
                "Wie beschrieben, sehr gut verpackt."],
        "resp": ["Das tut uns leid. Bitte kontaktieren Sie uns, wir finden eine Lösung."],
    },
    "fr": {
        "neg": ["Colis arrivé avec deux semaines de retard, aucune réponse du vendeur.",
                "Emballage abîmé, le produit était cassé.",
                "Mauvaise taille envoyée et toujours pas remboursé.",
                "Le suivi du colis ne s'est jamais mis à jour.",
                "Produit cassé après trois jours, qualité médiocre.",
                "Pas conforme à la description : article d'occasion vendu comme neuf."],
        "neutral": ["Produit correct mais livraison lente.", "Rien à signaler, emballage moyen."],
        "pos": ["Très bon vendeur, livraison rapide !", "Conforme à la description, merci.",
                "Parfait, je recommande."],
        "resp": ["Nous sommes désolés. Merci de nous contacter afin que nous trouvions une solution."],
    },
    "es": {
        "neg": ["El pedido llegó con dos semanas de retraso y el vendedor no responde.",
                "La caja llegó aplastada y el producto roto.",
                "Me enviaron la talla equivocada y todavía no he recibido el reembolso.",
                "El número de seguimiento nunca se actualizó.",
                "Dejó de funcionar a los tres días. Mala calidad.",
                "No es lo que se describe: usado en lugar de nuevo."],
        "neutral": ["Producto correcto pero el envío fue lento.", "Normal, el embalaje podría mejorar."],
        "pos": ["¡Excelente vendedor, envío rápido!", "Tal y como se describe, gracias.",
                "Todo perfecto, lo recomiendo."],
        "resp": ["Lamentamos lo ocurrido. Por favor, contáctenos para solucionarlo."],
    },
    "it": {
        "neg": ["Il pacco è arrivato con due settimane di ritardo, il venditore non risponde.",
                "Scatola danneggiata, prodotto rotto.",
                "Taglia sbagliata e non ho ancora ricevuto il rimborso.",
                "Il tracciamento non si è mai aggiornato.",
                "Si è rotto dopo tre giorni. Pessima qualità.",
                "Non conforme alla descrizione: usato invece che nuovo."],
        "neutral": ["Prodotto ok ma spedizione lenta.", "Nella media, imballaggio migliorabile."],
        "pos": ["Ottimo venditore, spedizione veloce!", "Come descritto, grazie.",
                "Tutto perfetto, consigliato."],
        "resp": ["Ci dispiace molto. La preghiamo di contattarci per risolvere il problema."],
    },
    "ja": {
        "neg": ["商品の到着が2週間遅れました。問い合わせにも返信がありません。",
                "箱が潰れていて、中のマグカップが割れていました。",
                "違うサイズが届きました。返金がまだありません。",
                "追跡番号が更新されず、商品が届きません。",
                "3日で壊れました。品質が悪いです。",
                "説明と違い、新品ではなく中古品でした。"],
        "neutral": ["商品は問題ないが配送が遅かった。", "普通です。梱包がもう少し丁寧だと良い。"],
        "pos": ["迅速な対応ありがとうございました。", "説明通りの商品で満足です。",
                "丁寧な梱包で早く届きました。"],
        "resp": ["ご迷惑をおかけして申し訳ございません。メッセージにてご連絡ください。"],
    },
    "zh": {
        "neg": ["包裹晚到了两个星期，卖家也不回复消息。", "盒子压坏了，杯子碎了。",
                "发错尺码，退款还没收到。", "物流信息一直不更新。",
                "用了三天就坏了，质量很差。", "没有损坏，但是太慢了。"],
        "neutral": ["东西还行，但是物流太慢。", "一般，包装可以更好。"],
        "pos": ["卖家很好，发货很快！", "和描述一致，谢谢。", "包装很好，推荐。"],
        "resp": ["非常抱歉，请通过买家消息联系我们，我们会尽快解决。"],
    },
}

PLACES = {
    "us": [("Seattle", "WA", "98109"), ("Austin", "TX", "78701"), ("Brooklyn", "NY", "11201"),
           ("Denver", "CO", "80202"), ("Miami", "FL", "33101"), ("Portland", "OR", "97205"),
           ("Chicago", "IL", "60601"), ("San Jose", "CA", "95112")],
    "uk": [("London", "", "SW1A 1AA"), ("Manchester", "", "M1 1AE"), ("Leeds", "West Yorkshire", "LS1 4DY"),
           ("Bristol", "", "BS1 4DJ")],
    "de": [("Berlin", "", "10115"), ("München", "Bayern", "80331"), ("Köln", "", "50667"),
           ("Hamburg", "", "20095"), ("Düsseldorf", "NRW", "40213")],
    "fr": [("Paris", "", "75001"), ("Lyon", "", "69002"), ("Marseille", "", "13001"),
           ("Besançon", "Doubs", "25000")],
    "es": [("Madrid", "Madrid", "28013"), ("Barcelona", "Barcelona", "08001"), ("Sevilla", "Sevilla", "41001"),
           ("A Coruña", "A Coruña", "15001")],
    "it": [("Roma", "RM", "00184"), ("Milano", "MI", "20121"), ("Napoli", "NA", "80133"),
           ("Forlì", "FC", "47121")],
    "jp": [("渋谷区", "東京都", "150-0002"), ("大阪市北区", "大阪府", "530-0001"), ("札幌市中央区", "北海道", "060-0001"),
           ("福岡市博多区", "福岡県", "812-0011")],
}
CARRIERS = {"us": ["USPS", "UPS", "FedEx"], "uk": ["Royal Mail", "DPD", "Evri"], "de": ["DHL", "Hermes", "DPD"],
            "fr": ["Colissimo", "Chronopost", "DPD"], "es": ["Correos", "SEUR", "GLS"],
            "it": ["Poste Italiane", "BRT", "GLS"], "jp": ["ヤマト運輸", "佐川急便", "日本郵便"]}
CATEGORIES = ["Home & Kitchen", "Toys & Games", "Sports & Outdoors", "Clothing, Shoes & Jewelry"]
RETURN_REASONS = ["NO_LONGER_NEEDED", "DEFECTIVE", "NOT_AS_DESCRIBED", "WRONG_ITEM", "DAMAGED_BY_CARRIER",
                  "UNWANTED_ITEM", "ORDERED_WRONG_ITEM"]
FBA_REASONS = ["DEFECTIVE", "UNWANTED_ITEM", "DAMAGED_BY_FC", "NOT_AS_DESCRIBED", "SWITCHEROO"]
FIRST = ["jane", "john", "maria", "li", "yuki", "hans", "chloe", "diego", "giulia", "omar", "anna", "kenji"]
LAST = ["smith", "miller", "garcia", "wang", "sato", "mueller", "martin", "lopez", "rossi", "khan"]

ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", "cp932"]


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------
class Days:
    """Precomputed ISO strings for day ordinals around as_of."""

    def __init__(self, as_of, back=1200, fwd=30):
        self.lo = as_of - back
        self.iso = [dt.date.fromordinal(d).isoformat() for d in range(self.lo, as_of + fwd + 1)]

    def __call__(self, d):
        return self.iso[d - self.lo]


TOD = ["%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60) for s in range(86400)]


def short_date(day, form):
    d = dt.date.fromordinal(day)
    yy = d.year % 100
    if form == "mdy":
        return f"{d.month}/{d.day}/{yy:02d}"
    if form == "dmy":
        return f"{d.day}/{d.month}/{yy:02d}"
    if form == "dmy.":
        return f"{d.day}.{d.month}.{yy:02d}"
    if form == "ymd":
        return f"{yy:02d}/{d.month}/{d.day}"
    raise ValueError(form)


def off_minutes(off):
    sign = -1 if off[0] == "-" else 1
    return sign * (int(off[1:3]) * 60 + int(off[4:6]))


def money(x, decimals):
    return f"{x:.{decimals}f}"


class Timestamp:
    """A local wall-clock time with its offset: day ordinal, second of day, offset text."""
    __slots__ = ("day", "sec", "off")

    def __init__(self, day, sec, off):
        self.day, self.sec, self.off = day, sec, off

    def plus(self, seconds):
        t = self.day * 86400 + self.sec + seconds
        return Timestamp(t // 86400, t % 86400, self.off)

    def epoch(self):
        return self.day * 86400 + self.sec - off_minutes(self.off) * 60

    def text(self, days):
        return f"{days(self.day)}T{TOD[self.sec]}{self.off}"


# --------------------------------------------------------------------------------------
# The world: facts that files are written from and the truth is computed from
# --------------------------------------------------------------------------------------
class Facts:
    def __init__(self):
        # orders (parallel lists by order index)
        self.order_ids = []
        self.order_day = []
        self.order_chan = []       # 0 mfn, 1 afn
        self.order_cancelled = []  # bool
        self.order_buyer = []      # bool: the buyer asked for the cancellation
        self.order_market = []     # market code
        self.order_file = []       # index into orders_files (which All Orders file holds it)
        self.orders_files = []     # market code per All Orders file
        self.orders_buyer_column = True
        # other records (dicts, see truth.py for fields)
        self.shipments = []
        self.claims = []
        self.returns = []
        self.fba_returns = []
        self.cancellations = []
        self.tracking = []
        self.messages = []
        self.feedback = []         # full history (template.feedback); amazon.feedback gets 1-3 stars
        self.planted = []


class Generator:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        self.as_of = dt.date.fromisoformat(args.as_of).toordinal()
        self.days = Days(self.as_of, back=max(1200, args.days + 700))
        self.F = Facts()
        self.F.orders_buyer_column = args.buyer_cancel_column == "yes"
        self.markets = args.marketplace
        self.salt = self.rng.randrange(10 ** 7)
        self.next_serial = 0
        self.products = {}
        for lang, items in PRODUCTS.items():
            plist = []
            for i, (name, price) in enumerate(items):
                asin = "B0" + "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
                sku = f"{lang.upper()}-{1000 + 37 * i}-{self.rng.choice(['BLK', 'WHT', 'GRN', 'STD'])}"
                plist.append((name, sku, asin, price))
            self.products[lang] = plist

    # ---- ids ----------------------------------------------------------------------
    def new_order_id(self, market):
        n = self.next_serial
        self.next_serial += 1
        mid = (n * 4294967 + self.salt) % 10 ** 7   # unique for 10^7 orders (multiplier coprime to 10)
        m = MARKETS[market]
        rnd = self.rng.random
        pre = m["prefixes"]
        return f"{pre[int(rnd() * len(pre))]}-{int(rnd() * 10 ** 7):07d}-{mid:07d}"

    def email(self, market):
        r = self.rng
        if r.random() < 0.6:
            local = f"{int(r.random() * 36 ** 10):x}"[:14]
            return f"{local}@marketplace.amazon.{MARKETS[market]['tld']}"
        return f"{r.choice(FIRST)}.{r.choice(LAST)}{r.randrange(10, 9999)}@example.com"

    def comment(self, lang, rating):
        band = "neg" if rating <= 2 else "neutral" if rating == 3 else "pos"
        return self.rng.choice(COMMENTS[lang][band])

    # ---- the main run ---------------------------------------------------------------
    def run(self):
        a = self.a
        n_total = a.orders
        planted = [] if a.no_edge_cases else self.planted_specs()
        n_planted = len(planted)
        if n_total < n_planted:
            raise SystemExit(f"--orders must be at least {n_planted} with the planted edge cases "
                             "(or pass --no-edge-cases)")
        weights = [MARKETS[m]["weight"] for m in self.markets]
        n_random = n_total - n_planted
        counts = [n_random * w // sum(weights) for w in weights]
        counts[0] += n_random - sum(counts)
        os.makedirs(a.out, exist_ok=True)
        self.files = []
        want = set(a.kinds)
        for mi, market in enumerate(self.markets):
            self.F.orders_files.append(market)
            path = f"all_orders_{market}.txt"
            self.gen_orders(market, counts[mi], planted if mi == 0 else [], path,
                            "amazon.all_orders" in want, len(self.F.orders_files) - 1)
        self.gen_historic_feedback(n_total)
        self.gen_messages(n_total)
        self.ensure_unambiguous_feedback_dates()
        # the other files
        for kind, writer in [("amazon.feedback", self.write_amazon_feedback),
                             ("template.feedback", self.write_template_feedback),
                             ("template.shipments", self.write_shipments),
                             ("template.claims", self.write_claims),
                             ("template.messages", self.write_messages),
                             ("amazon.returns", self.write_returns),
                             ("amazon.fba_returns", self.write_fba_returns),
                             ("amazon.cancellations", self.write_cancellations),
                             ("amazon.tracking", self.write_tracking)]:
            if kind in want:
                writer()
        loaded = {f["content"] for f in self.files}
        truth_as_of = dt.date.fromisoformat(a.truth_as_of).toordinal() if a.truth_as_of else self.as_of
        truth = truthlib.compute(self.F, truth_as_of, loaded)
        truth["generator"] = {
            "version": GENERATOR_VERSION, "seed": a.seed, "orders": a.orders, "days": a.days,
            "marketplaces": self.markets, "kinds": a.kinds, "orders_header": a.orders_header,
            "buyer_cancel_column": a.buyer_cancel_column, "afn_share": a.afn_share,
            "defect_scale": a.defect_scale, "edge_cases": not a.no_edge_cases,
            "overlap_orders": a.overlap_orders, "bad_rows": a.bad_rows, "activity_until": a.as_of,
            "csv_delimiter": a.csv_delimiter, "shuffle_template_columns": a.shuffle_template_columns}
        truth["files"] = self.files
        truth["orders"]["item_rows"] = sum(f["rows"] for f in self.files
                                           if f["content"] == "amazon.all_orders" and
                                           not f["name"].endswith("_last14.txt"))
        truth["planted"] = self.F.planted
        emails = sorted({e["email"] for e in self.F.feedback if e.get("email")})
        truth["forbidden_strings"] = emails[:200]
        ordered = {k: truth[k] for k in ["generator", "as_of", "policy", "orders", "files", "metrics",
                                         "feedback", "notes", "planted", "forbidden_strings"] if k in truth}
        with open(os.path.join(a.out, "truth.json"), "w", encoding="utf-8") as f:
            json.dump(ordered, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return ordered

    # ---- file output ------------------------------------------------------------------
    def encoding_for(self, kind, market=None):
        enc = "utf-8"
        for spec_kind, spec_market, spec_enc in self.a.encoding_rules:
            if spec_kind in (kind, "*") and (spec_market is None or spec_market == market):
                enc = spec_enc
        return enc

    def open_out(self, name, kind, market=None):
        return Out(os.path.join(self.a.out, name), name, kind, self.encoding_for(kind, market), self)

    # ---- All Orders ---------------------------------------------------------------------
    def row_formatter(self, market):
        """A compiled f-string for one item row of this market's header variant."""
        m = MARKETS[market]
        cols = list(ORDERS_VARIANTS[self.a.orders_header])
        if self.F.orders_buyer_column:
            cols += BUYER_CANCEL_COLUMNS
        const = {"sales-channel": m["sales_channel"], "order-channel": "", "url": "", "currency": m["currency"],
                 "gift-wrap-price": "", "gift-wrap-tax": "", "item-promotion-discount": "",
                 "ship-promotion-discount": "", "promotion-ids": "", "cpf": "", "purchase-order-number": "",
                 "price-designation": "", "tax-collection-model": m["tcm"],
                 "tax-collection-responsible-party": m["tcr"]}
        var = {"amazon-order-id": "oid", "merchant-order-id": "moid", "purchase-date": "pd",
               "last-updated-date": "lu", "order-status": "st", "fulfillment-channel": "fc",
               "ship-service-level": "ssl", "number-of-items": "noi", "item-status": "ist", "quantity": "q",
               "is-business-order": "biz", "address-type": "adt", "is-buyer-requested-cancellation": "brc",
               "buyer-requested-cancel-reason": "brr"}
        groups = {"product-name": ("prod", 3), "item-price": ("money", 4), "ship-city": ("addr", 4)}
        parts, i = [], 0
        while i < len(cols):
            c = cols[i]
            if c in groups:
                name, width = groups[c]
                parts.append("{" + name + "}")
                i += width
                continue
            if c in var:
                parts.append("{" + var[c] + "}")
            else:
                parts.append(const[c].replace("{", "{{").replace("}", "}}"))
            i += 1
        body = "\t".join(parts) + "\n"
        src = ("lambda oid, moid, pd, lu, st, fc, ssl, prod, noi, ist, q, money, addr, biz, adt, brc, brr: "
               f"f{body!r}")
        return cols, eval(src)  # noqa: S307 - built from our own constant column names

    def gen_orders(self, market, n, planted, path, write, file_index):
        a, r, F, days = self.a, self.rng, self.F, self.days
        m = MARKETS[market]
        lang = m["lang"]
        dec = m["decimals"]
        cols, fmt = self.row_formatter(market)
        prods = []
        for (name, sku, asin, price) in self.products[lang]:
            p3 = f"{name}\t{sku}\t{asin}"
            mon = {}
            for q in (1, 2, 3):
                ip = price * q
                tax = ip * (0.0725 if market == "us" else 0.0)
                ship = 0.0 if (ip > 25 or market == "jp") else 4.99
                mon[q] = (f"{money(ip, dec)}\t{money(tax, dec)}\t{money(ship, dec)}\t"
                          f"{money(ship * (0.0725 if market == 'us' else 0.0), dec)}")
            prods.append((p3, mon, price))
        places = [f"{c}\t{s}\t{z}\t{m['country']}" for (c, s, z) in PLACES[market]]
        offsets = m["offsets"]
        A, span = self.as_of, a.days
        first_day = A - span + 1
        # sorted purchase days for random orders, then planted ones merged in by day
        rnd = r.random
        order_days = sorted([first_day + int(rnd() * span) for _ in range(n)])
        noff = len(offsets)
        planted = sorted(planted, key=lambda p: A + p["day"])
        out = self.open_out(path, "amazon.all_orders", market) if write else None
        if out:
            out.write("\t".join(cols) + "\n")
        buf = []
        overlap = [] if (a.overlap_orders and file_index == 0) else None
        rows = 0
        pi = 0
        afn_share = a.afn_share
        ds = a.defect_scale
        ship_from = A - 80
        nprod = len(prods)
        nplaces = len(places)
        for k in range(n + len(planted)):
            spec = None
            if pi < len(planted) and (k - pi >= n or A + planted[pi]["day"] <= order_days[k - pi]):
                spec = planted[pi]
                pi += 1
                day = A + spec["day"]
            else:
                day = order_days[k - pi]
            o = self.make_order(market, day, spec, ship_from, afn_share, ds, file_index)
            # item rows
            oid, st, chan, cancelled, items = o
            off = offsets[int(rnd() * noff)]
            sec = int(rnd() * 86400)
            if spec is not None and "ts" in spec:
                sec, off = spec["ts"]  # a time whose UTC date is another day: local-day rule matters
            pd = f"{days(day)}T{TOD[sec]}{off}"
            lag = 0 if day >= A else min(A - day, int(rnd() * 4))
            sec2 = int(rnd() * 86400)
            lu = f"{days(day + lag)}T{TOD[max(sec, sec2) if lag == 0 else sec2]}{off}"
            fc = "Amazon" if chan else "Merchant"
            moid = "" if chan or r.random() < 0.7 else f"SO-{r.randrange(100000, 999999)}"
            ssl = "Expedited" if r.random() < 0.12 else "Standard"
            addr = places[int(rnd() * nplaces)]
            biz = "true" if r.random() < 0.06 else "false"
            adt = "Commercial" if biz == "true" else "Residential"
            if cancelled:
                ist = "Cancelled"
                buyer = F.order_buyer[-1]
                brc, brr = ("true", "Order Created by Mistake") if buyer else ("false", "")
            else:
                ist = "Shipped" if st == "Shipped" else "Unshipped"
                brc, brr = "false", ""
            noi = str(sum(q for _, q in items))
            first_row = len(buf)
            for (pidx, q) in items:
                p3, mon, _ = prods[pidx % nprod]
                if cancelled:
                    buf.append(fmt(oid, moid, pd, lu, st, fc, ssl, p3, "0", ist, "0", "\t\t\t", addr, biz,
                                   adt, brc, brr))
                else:
                    buf.append(fmt(oid, moid, pd, lu, st, fc, ssl, p3, noi, ist, str(q), mon[q], addr, biz,
                                   adt, brc, brr))
                rows += 1
            if overlap is not None and day >= A - 13:
                overlap.extend(buf[first_row:])
            if len(buf) >= 20000:
                if out:
                    out.write("".join(buf))
                buf.clear()
        skipped = 0
        if out and file_index == 0 and a.bad_rows:
            # rows the core must skip (reports.md: bad rows never stop a file): not orders
            p3, mon, _ = prods[0]
            bad_dates = ["2026-13-01T10:00:00+00:00", "not a date", "", "2026-02-30T10:00:00+00:00"]
            for j in range(a.bad_rows):
                bad_oid = f"{m['prefixes'][0]}-{9000000 + j:07d}-{9999999 - j:07d}"  # no draw: same facts
                pd = bad_dates[j % len(bad_dates)]
                if j % 5 == 4:
                    bad_oid, pd = "", f"{days(A - 3)}T10:00:00+00:00"  # no order id
                buf.append(fmt(bad_oid, "", pd, pd, "Shipped", "Merchant", "Standard", p3, "1", "Shipped", "1",
                               mon[1], places[0], "false", "Residential", "false", ""))
                rows += 1
                skipped += 1
        if out:
            out.write("".join(buf))
            out.close(rows, skipped)
        if out and overlap:
            # the same orders again, as a "by last update" download of the last 14 days would hold them
            o2 = self.open_out(f"all_orders_{market}_last14.txt", "amazon.all_orders", market)
            o2.write("\t".join(cols) + "\n" + "".join(overlap))
            o2.close(len(overlap))

    def make_order(self, market, day, spec, ship_from, afn_share, ds, file_index):
        """Draws one order and the facts hanging off it (shipment, feedback, claims, returns)."""
        r, F, A = self.rng, self.F, self.as_of
        oid = self.new_order_id(market)
        idx = len(F.order_ids)
        if spec is None:
            chan = 1 if r.random() < afn_share else 0
            u = r.random()
            cancelled = u < (0.008 if chan else 0.02) * ds
            buyer = cancelled and r.random() < 0.5
        else:
            chan = 1 if spec["chan"] == "afn" else 0
            cancelled = spec.get("cancelled", False)
            buyer = spec.get("buyer", False)
        nitems = spec.get("items", 1) if spec else (1 if r.random() < 0.82 else 2 if r.random() < 0.75 else 3)
        rnd = r.random
        items = [(int(rnd() * 1000), 1 if rnd() < 0.9 else 2) for _ in range(nitems)]
        F.order_ids.append(oid)
        F.order_day.append(day)
        F.order_chan.append(chan)
        F.order_cancelled.append(cancelled)
        F.order_buyer.append(buyer)
        F.order_market.append(market)
        F.order_file.append(file_index)
        units = sum(q for _, q in items)
        if cancelled:
            st = r.choice(["Cancelled", "Cancelled", "Canceled"]) if spec is None else spec.get("status", "Cancelled")
        elif chan:
            st = "Pending" if (day >= A and r.random() < 0.3) else "Shipped"
        else:
            st = None
        # ---- seller-fulfilled shipment ----
        ship = None
        if not chan and not cancelled:
            handling = 1 if rnd() < 2 / 3 else 2
            exp = day + handling
            u = r.random()
            if spec is not None and "ship" in spec:
                sp = spec["ship"]
                exp = A + sp["exp"]
                confirm = None if sp.get("confirm") is None else Timestamp(A + sp["confirm"][0], sp["confirm"][1],
                                                                             sp["confirm"][2])
            else:
                if u < 1 - 0.022 * ds:
                    cday = day + int(rnd() * (handling + 1))
                elif u < 1 - 0.004 * ds:
                    cday = exp + r.randrange(1, 4)
                else:
                    cday = None
                confirm = None
                if cday is not None and cday <= A:
                    moffs = MARKETS[market]["offsets"]
                    confirm = Timestamp(cday, 8 * 3600 + int(rnd() * 12 * 3600), moffs[int(rnd() * len(moffs))])
            st = "Shipped" if confirm is not None else ("Pending" if day >= A and r.random() < 0.3 else "Unshipped")
            if day >= ship_from or (spec is not None and spec.get("shipment")):
                ship = self.make_shipment(oid, market, day, exp, confirm, units, spec)
        elif spec is not None and spec.get("shipment"):
            # a shipment row for an afn or cancelled order: must be left out
            exp = day + 1
            confirm = Timestamp(day + 1, 15 * 3600, MARKETS[market]["offsets"][0]) if not cancelled else None
            ship = self.make_shipment(oid, market, day, exp, confirm, units, spec)
        if spec is not None and spec.get("status") and not cancelled:
            st = spec["status"]
        # ---- feedback, claims, returns ----
        if spec is None:
            if r.random() < 0.06:
                self.add_feedback(oid, market, day + r.randrange(2, 30), self.rating(ds), removable=True)
            if r.random() < 0.002 * ds:
                self.add_claim(oid, day, "a-to-z", r)
            if r.random() < 0.0006 * ds:
                self.add_claim(oid, day, "chargeback", r)
            if not chan and ship is not None and ship["confirm"] is not None and r.random() < 0.03:
                self.add_return(oid, market, day, ship["confirm"].day, units, idx)
            if chan and not cancelled and r.random() < 0.02:
                self.add_fba_return(oid, market, day, units)
        else:
            for d in spec.get("defects", []):
                self.add_planted_defect(oid, market, day, d)
            if spec.get("return"):
                self.add_return(oid, market, day, ship["confirm"].day if ship and ship["confirm"] else day + 2,
                                units, idx, forced=spec["return"])
            self.F.planted.append({"case": spec["case"], "order_id": oid, "day": self.days(day),
                                   "channel": "afn" if chan else "mfn", "expect": spec["expect"]})
        if cancelled and not chan and day >= A - 29:
            F.cancellations.append({"oid": oid, "day": day, "impacts": not buyer})
        return oid, st, chan, cancelled, items

    def rating(self, ds):
        u = self.rng.random()
        neg = 0.025 * ds
        if u < neg * 0.6:
            return 1
        if u < neg:
            return 2
        if u < neg + 0.015 * ds:
            return 3
        if u < neg + 0.12:
            return 4
        return 5

    def make_shipment(self, oid, market, day, exp, confirm, units, spec):
        r = self.rng
        ds = self.a.defect_scale
        rnd = r.random
        carriers = CARRIERS[market]
        carrier = carriers[int(rnd() * len(carriers))]
        sp = (spec or {}).get("ship", {})
        if confirm is not None:
            tid = f"{int(rnd() * 10 ** 12):012d}"
            if carrier == "USPS":
                tid = "9400" + tid + "12"
            elif carrier == "UPS":
                tid = "1Z" + tid[:6] + "X" + tid[6:]
            u = r.random()
            if "tracking_id" in sp:
                tid = sp["tracking_id"]
            elif u < 0.005 * ds:
                tid = ""
            valid = sp.get("valid")
            if valid is None:
                valid = "no" if u > 1 - 0.012 * ds else ("" if u < 0.2 else "yes")
            transit = 2 + int(rnd() * 4)
            promised = exp + transit
            u = r.random()
            if "delivered" in sp:
                dday = None if sp["delivered"] is None else self.as_of + sp["delivered"]
                promised = self.as_of + sp.get("promised", promised - self.as_of)
            elif u < 1 - 0.05 * ds:
                dday = confirm.day + 1 + int(rnd() * (max(2, promised - confirm.day + 1) - 1))
            elif u < 1 - 0.015 * ds:
                dday = promised + r.randrange(1, 4)
            else:
                dday = None
            if dday is not None and dday > self.as_of:
                dday = None
        else:
            tid, valid, promised, dday = "", "", exp + 3, None
        s = {"oid": oid, "market": market, "order_day": day, "exp": exp, "confirm": confirm,
             "carrier": carrier if confirm is not None else "", "tracking_id": tid, "valid": valid,
             "promised": promised, "delivered": dday,
             "units": None if r.random() < 0.1 else units,
             "category": sp.get("category", CATEGORIES[int(rnd() * len(CATEGORIES))])}
        self.F.shipments.append(s)
        return s

    def add_feedback(self, oid, market, day, rating, removable=False, removed=None, lang=None, iso_ts=None):
        if day > self.as_of:
            return
        r = self.rng
        lang = lang or self.feedback_lang(market)
        if removed is None:
            removed = removable and rating <= 3 and r.random() < 0.08
        resp = ""
        if rating <= 3 and r.random() < 0.35:
            resp = r.choice(COMMENTS[lang]["resp"])
        e = {"oid": oid, "market": market, "day": day, "rating": rating, "comment": self.comment(lang, rating),
             "response": resp, "email": self.email(market), "removed": removed, "lang": lang,
             "ts": iso_ts}
        if iso_ts is None and r.random() < 0.05:
            # a full ISO timestamp in the history template: the day is the date as written
            e["ts"] = (r.randrange(86400), r.choice(MARKETS[market]["offsets"]))
        self.F.feedback.append(e)

    def feedback_lang(self, market):
        if self.a.feedback_lang != "auto":
            return self.a.feedback_lang
        return MARKETS[market]["lang"]

    def add_claim(self, oid, order_day, ctype, r, status=None, funded=None, reason=None, cday=None,
                  give_order_date=None):
        if cday is None:
            cday = order_day + r.randrange(7, 46)
        if cday > self.as_of:
            return None
        if status is None:
            status = r.choice(["open", "granted", "granted", "denied", "denied", "withdrawn", "closed"])
        if funded is None:
            funded = ctype == "a-to-z" and r.random() < 0.15
        if reason is None:
            if ctype == "chargeback":
                reason = r.choice(["fraud", "unauthorized", "item not received", "not as described"])
            else:
                reason = r.choice(["item not received", "not as described", "refund not issued", "return not processed"])
        if give_order_date is None:
            give_order_date = r.random() < 0.85
        c = {"oid": oid, "order_day": order_day if give_order_date else None, "day": cday, "type": ctype,
             "status": status, "funded": funded, "reason": reason}
        self.F.claims.append(c)
        return c

    def add_return(self, oid, market, order_day, confirm_day, units, idx, forced=None):
        r = self.rng
        forced = forced or {}
        req = forced.get("day")
        req = self.as_of + req if req is not None else confirm_day + r.randrange(3, 31)
        if req > self.as_of:
            return
        u = r.random()
        status = forced.get("status") or ("Rejected" if u < 0.04 * self.a.defect_scale else
                                          r.choice(["Approved", "Approved", "Approved", "Closed", "Closed",
                                                    "Pending", "Authorized"]) if u > 0.5 else "Approved")
        if status == "Pending" and not forced and req < self.as_of - 1:
            status = "Approved"  # sellers answer within a day or two: only recent requests still pending
        in_policy = forced.get("in_policy") or ("Y" if r.random() < 0.85 else "N")
        # A-to-Z = Y only when the claims template has a counting a-to-z claim on the order
        a2z = any(c["oid"] == oid and c["type"] == "a-to-z" and c["status"] in ("open", "granted")
                  and not c["funded"] for c in self.F.claims[-3:])
        lang = MARKETS[market]["lang"]
        name, sku, asin, price = self.products[lang][r.randrange(len(self.products[lang]))]
        self.F.returns.append({
            "oid": oid, "market": market, "order_day": order_day, "day": req, "status": status,
            "in_policy": in_policy, "a2z": a2z, "sku": sku, "asin": asin, "name": name, "units": units,
            "price": price, "reason": r.choice(RETURN_REASONS), "rma": f"D{r.randrange(10 ** 9):09d}",
            "label": r.choice(["AmazonUnPaidLabel", "PrepaidLabel", "SelfShipped"])})

    def add_fba_return(self, oid, market, day, units):
        r = self.rng
        lang = MARKETS[market]["lang"]
        name, sku, asin, price = self.products[lang][r.randrange(len(self.products[lang]))]
        rday = day + r.randrange(5, 40)
        if rday > self.as_of:
            return
        self.F.fba_returns.append({
            "ts": Timestamp(rday, r.randrange(86400), "+00:00"), "oid": oid, "sku": sku, "asin": asin,
            "fnsku": "X00" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7)),
            "name": name, "units": units, "fc": r.choice(["PHX7", "BFI4", "LEJ1", "DTM2", "NRT5", "LTN1"]),
            "disp": r.choice(["SELLABLE", "CUSTOMER_DAMAGED", "DEFECTIVE", "CARRIER_DAMAGED"]),
            "reason": r.choice(FBA_REASONS), "status": r.choice(["Unit returned to inventory", "Reimbursed"]),
            "lpn": "LPN" + "".join(r.choice("0123456789ABCDEF") for _ in range(9)),
            "comment": r.choice(["", "", "Item stopped working", "Arrived with a scratch", "Not as pictured"])})

    def gen_historic_feedback(self, n_total):
        """Feedback older than the orders span (orders not in any file): 365d/lifetime counts."""
        r = self.rng
        A = self.as_of
        count = max(10, int(n_total * 0.06 * 2))
        for _ in range(count):
            market = r.choice(self.markets)
            day = A - self.a.days - r.randrange(1, 500)
            self.add_feedback(self.new_order_id(market), market, day, self.rating(self.a.defect_scale), removable=True)

    def ensure_unambiguous_feedback_dates(self):
        """A D/M/YY or M/D/YY column with no day > 12 is ambiguous (reports.md), and an empty
        Feedback Manager file is an error: add one neutral entry on an old order (rating 3: no
        defect) dated on a day > 12."""
        A = self.as_of
        for market in self.markets:
            form = MARKETS[market]["date_form"]
            rows = [e for e in self.F.feedback if e["market"] == market and e["rating"] <= 3 and not e["removed"]]
            if rows and (form not in ("mdy", "dmy") or any(dt.date.fromordinal(e["day"]).day > 12 for e in rows)):
                continue
            day = A - self.a.days - 30
            while dt.date.fromordinal(day).day <= 12:
                day -= 1
            self.add_feedback(self.new_order_id(market), market, day, 3, removed=False)
            self.F.planted.append({"case": "date_order_disambiguator", "order_id": self.F.feedback[-1]["oid"],
                                   "day": self.days(day), "channel": "unknown",
                                   "expect": "neutral feedback with a day > 12 so the marketplace's feedback "
                                             "file is not empty and its date order is decidable; no defect"})

    def gen_messages(self, n_total):
        r, A = self.rng, self.as_of
        count = max(30, int(n_total * 0.04))
        msgs = self.F.messages
        for i in range(count):
            market = r.choice(self.markets)
            off = r.choice(MARKETS[market]["offsets"])
            rec = Timestamp(A - r.randrange(0, 45), r.randrange(86400), off)
            u = r.random()
            nrn = u < 0.07
            if nrn:
                resp = None if r.random() < 0.7 else rec.plus(r.randrange(600, 40000))
            elif u < 1 - 0.07 * self.a.defect_scale:
                resp = rec.plus(r.randrange(300, 86000))
            elif u < 1 - 0.03 * self.a.defect_scale:
                resp = rec.plus(r.randrange(86401, 200000))
            else:
                resp = None
            if resp is not None and resp.day > A:
                resp = None  # not answered yet on the last day of activity
            msgs.append({"id": f"{r.randrange(16 ** 8):08x}-{r.randrange(16 ** 4):04x}-{i:06d}", "received": rec,
                         "responded": resp, "nrn": nrn})
        if not self.a.no_edge_cases:
            self.planted_messages()

    # ---- planted edge cases ---------------------------------------------------------------
    def planted_specs(self):
        """Orders with fixed facts (day = offset from as_of). ODR window: A-73 .. A-14."""
        S = []

        def add(case, expect, **kw):
            kw.update(case=case, expect=expect)
            S.append(kw)
        add("claim_and_negative_feedback", "mfn order with an open a-to-z claim and 1-star feedback: ONE defective "
            "order in odr mfn/all (components count both kinds); 3 item rows, one order",
            chan="mfn", day=-30, items=3,
            defects=[{"kind": "claim", "type": "a-to-z", "status": "open", "funded": False, "cday": -20},
                     {"kind": "feedback", "rating": 1, "fday": -22}])
        add("buyer_requested_cancellation", "cancelled mfn order, buyer asked: not in cancel_rate numerator "
            "(in its denominator)", chan="mfn", day=-2, cancelled=True, buyer=True, status="Cancelled")
        add("seller_cancellation", "cancelled mfn order (spelled Canceled), not requested: counts in cancel_rate",
            chan="mfn", day=-3, cancelled=True, buyer=False, status="Canceled")
        add("cancellation_first_day", "seller cancellation on the first day of the 7-day window, purchased "
            "00:30+01:00 (the day before in UTC): counts", chan="mfn", day=-6, cancelled=True, buyer=False,
            status="Cancelled", ts=(1800, "+01:00"))
        add("cancellation_outside", "seller cancellation one day before the 7-day window, purchased 22:00-07:00 "
            "(in the window in UTC): not counted", chan="mfn", day=-7, cancelled=True, buyer=False,
            status="Cancelled", ts=(22 * 3600, "-07:00"))
        add("afn_negative_feedback", "afn order with 2-star feedback about delivery: defect in odr afn/all",
            chan="afn", day=-40, defects=[{"kind": "feedback", "rating": 2, "fday": -33,
                                           "comment_en": "Package arrived damaged. Amazon delivery left it in the rain."}])
        add("afn_granted_claim", "afn order with a granted a-to-z claim: defect in odr afn/all",
            chan="afn", day=-50, items=2,
            defects=[{"kind": "claim", "type": "a-to-z", "status": "granted", "funded": False, "cday": -35}])
        add("odr_first_day", "mfn order on the first day of the ODR window (as_of-73, 00:15+09:00, the day "
            "before in UTC), 2-star feedback: counts", chan="mfn", day=-73, ts=(900, "+09:00"), defects=[{"kind": "feedback", "rating": 2, "fday": -60}])
        add("odr_last_day", "mfn order on the last day of the ODR window (as_of-14), granted chargeback: counts",
            chan="mfn", day=-14, defects=[{"kind": "claim", "type": "chargeback", "status": "granted",
                                           "funded": False, "cday": -3, "reason": "item not received"}])
        add("odr_before_window", "mfn order one day before the ODR window (as_of-74, 20:00-08:00: inside the "
            "window in UTC), open a-to-z: not counted", chan="mfn", day=-74, ts=(20 * 3600, "-08:00"), defects=[{"kind": "claim", "type": "a-to-z", "status": "open", "funded": False,
                                           "cday": -50}])
        add("odr_after_window", "mfn order one day after the ODR window (as_of-13, 00:30+09:00: inside the "
            "window in UTC), 1-star feedback: not counted", chan="mfn", day=-13, ts=(1800, "+09:00"), defects=[{"kind": "feedback", "rating": 1, "fday": -5}])
        add("removed_feedback", "mfn order with 1-star feedback marked removed: no defect, not in feedback counts",
            chan="mfn", day=-45, defects=[{"kind": "feedback", "rating": 1, "fday": -40, "removed": True}])
        add("claims_that_do_not_count", "mfn order with a denied, a withdrawn and a closed a-to-z claim, and a granted "
            "but Amazon-funded one: no defect", chan="mfn", day=-55,
            defects=[{"kind": "claim", "type": "a-to-z", "status": s, "funded": f, "cday": -40}
                     for s, f in (("denied", False), ("withdrawn", False), ("closed", False), ("granted", True))])
        add("fraud_chargeback", "mfn order with a granted chargeback whose reason is fraud: no defect",
            chan="mfn", day=-35, defects=[{"kind": "claim", "type": "chargeback", "status": "granted",
                                           "funded": False, "cday": -20, "reason": "fraud"}])
        add("chargeback_denied", "mfn order with a denied chargeback: no defect", chan="mfn", day=-36,
            defects=[{"kind": "claim", "type": "chargeback", "status": "denied", "funded": False, "cday": -20,
                      "reason": "unauthorized"}])
        add("chargeback_amazon_funded", "mfn order with an open chargeback flagged amazon-funded: counts (the "
            "Amazon-funded exclusion is written for A-to-z claims only)", chan="mfn", day=-37,
            defects=[{"kind": "claim", "type": "chargeback", "status": "open", "funded": True, "cday": -25,
                      "reason": "unauthorized"}])
        add("return_with_a2z", "mfn order with an open a-to-z claim that the returns report marks A-to-Z Claim=Y, "
            "and an in-policy Rejected return (invalid rejection, return_dissatisfaction_rate numerator)",
            chan="mfn", day=-25,
            defects=[{"kind": "claim", "type": "a-to-z", "status": "open", "funded": False, "cday": -12}],
            ret={"day": -15, "status": "Rejected", "in_policy": "Y"})
        add("return_pending_old", "in-policy return request still Pending, requested as_of-5: the returns report "
            "has no response time, so it is not counted as a late response (see README readings)", chan="mfn",
            day=-16, ret={"day": -5, "status": "Pending", "in_policy": "Y"})
        add("ship_local_day_on_time", "expected-ship as_of-5, confirmed as_of-5 23:30 at -08:00 (next day in UTC): "
            "on time", chan="mfn", day=-7, ship={"exp": -5, "confirm": (-5, 23 * 3600 + 1800, "-08:00")})
        add("ship_late_by_local_day", "expected-ship as_of-5, confirmed as_of-4 00:30 at +01:00 (still as_of-5 in "
            "UTC): late", chan="mfn", day=-6, ship={"exp": -5, "confirm": (-4, 1800, "+01:00")})
        add("unconfirmed_due_today", "unconfirmed shipment expected on as_of: not late yet", chan="mfn", day=-1,
            ship={"exp": 0, "confirm": None})
        add("unconfirmed_overdue", "unconfirmed shipment expected on as_of-1: late", chan="mfn", day=-2,
            ship={"exp": -1, "confirm": None})
        add("lsr_10d_edge", "late shipment with expected-ship as_of-9 (first day of the 10-day window): counts in "
            "late_shipment_rate_10d and _30d", chan="mfn", day=-11, ship={"exp": -9, "confirm": (-7, 36000, "+00:00")})
        add("lsr_10d_outside", "late shipment with expected-ship as_of-10: only in late_shipment_rate_30d", chan="mfn",
            day=-12, ship={"exp": -10, "confirm": (-8, 36000, "+00:00")})
        add("no_tracking_id", "confirmed shipment without a tracking id: not valid tracking", chan="mfn", day=-9,
            ship={"exp": -8, "confirm": (-8, 40000, "-05:00"), "tracking_id": "", "valid": ""})
        add("tracking_marked_invalid", "confirmed shipment with tracking-valid=no: not valid tracking", chan="mfn",
            day=-10, ship={"exp": -9, "confirm": (-9, 40000, "+00:00"), "valid": "no", "category": "Toys & Games"})
        add("tracking_valid_default", "tracking id with an empty tracking-valid: valid (default yes)", chan="mfn",
            day=-10, ship={"exp": -9, "confirm": (-9, 41000, "+00:00"), "valid": ""})
        add("otdr_late_delivery", "promised as_of-8 (inside the OTDR window as_of-20..as_of-7), delivered "
            "as_of-6: not on time", chan="mfn", day=-14,
            ship={"exp": -13, "confirm": (-13, 30000, "+00:00"), "valid": "yes", "promised": -8, "delivered": -6})
        add("otdr_on_promised_day", "promised as_of-20 (first OTDR day), delivered that day: on time", chan="mfn",
            day=-26, ship={"exp": -25, "confirm": (-25, 30000, "+00:00"), "valid": "yes", "promised": -20,
                           "delivered": -20})
        add("shipment_for_afn_order", "a shipments-template row for an afn order: left out of shipment metrics",
            chan="afn", day=-8, shipment=True)
        add("shipment_for_cancelled_order", "a shipments-template row for a cancelled mfn order: left out",
            chan="mfn", day=-9, cancelled=True, buyer=False, status="Cancelled", shipment=True)
        # Fix up: planted "ret" key for the return case, and 'shipment' flag for ship specs
        for s in S:
            if "ret" in s:
                s["return"] = s.pop("ret")
            if "ship" in s:
                s["shipment"] = True
        return S

    def add_planted_defect(self, oid, market, order_day, d):
        A, r = self.as_of, self.rng
        if d["kind"] == "claim":
            self.add_claim(oid, order_day, d["type"], r, status=d["status"], funded=d["funded"],
                           reason=d.get("reason", "item not received"), cday=A + d["cday"], give_order_date=True)
        else:
            lang = self.feedback_lang(market)
            self.add_feedback(oid, market, A + d["fday"], d["rating"], removed=d.get("removed", False))
            if "comment_en" in d and lang == "en":
                self.F.feedback[-1]["comment"] = d["comment_en"]

    def planted_messages(self):
        A = self.as_of
        msgs = self.F.messages
        cases = [
            ("reply_exactly_24h", Timestamp(A - 3, 36000, "+00:00"), 86400, False, "answered exactly 24 h later: on time"),
            ("reply_24h_plus_1s", Timestamp(A - 3, 37000, "+00:00"), 86401, False, "answered 24 h + 1 s later: late"),
            ("reply_other_offset", Timestamp(A - 4, 20 * 3600, "-08:00"), None, False,
             "received 20:00-08:00, answered next day 21:30+00:00 (17.5 h later): on time"),
            ("unanswered_exactly_24h", Timestamp(A - 1, 86399, "+09:00"), None, False,
             "unanswered, received as_of-1 23:59:59 (exactly 24 h before as_of 23:59:59 in its offset): not late"),
            ("unanswered_24h_plus_1s", Timestamp(A - 1, 86398, "-07:00"), None, False,
             "unanswered, received as_of-1 23:59:58: late"),
            ("unanswered_today", Timestamp(A, 3600, "+01:00"), None, False, "unanswered, received on as_of: not late"),
            ("no_response_needed", Timestamp(A - 10, 3600, "+00:00"), None, True,
             "unanswered but no-response-needed=yes: out of the denominator"),
            ("window_first_day_late", Timestamp(A - 29, 1800, "+09:00"), 100000, False,
             "received on the first day of the 30-day window at 00:30+09:00 (the day before in UTC), answered "
             "after 27.8 h: late, counted"),
            ("window_outside", Timestamp(A - 30, 20 * 3600, "-08:00"), 100000, False,
             "received one day before the window at 20:00-08:00 (in the window in UTC): not counted"),
        ]
        for i, (case, rec, delay, nrn, expect) in enumerate(cases):
            if case == "reply_other_offset":
                resp = Timestamp(A - 3, 21 * 3600 + 1800, "+00:00")
            else:
                resp = rec.plus(delay) if delay is not None else None
            mid = f"planted-{i:02d}-{case}"
            msgs.append({"id": mid, "received": rec, "responded": resp, "nrn": nrn})
            self.F.planted.append({"case": "message_" + case, "order_id": None, "message_id": mid,
                                   "day": self.days(rec.day), "channel": None, "expect": expect})
        # defects on orders that are in no orders file
        F, r = self.F, self.rng
        m0 = self.markets[0]
        oid = self.new_order_id(m0)
        self.add_claim(oid, A - 20, "a-to-z", r, status="open", funded=False, reason="item not received",
                       cday=A - 6, give_order_date=True)
        F.planted.append({"case": "unknown_order_claim_with_order_date", "order_id": oid, "day": self.days(A - 20),
                          "channel": "unknown", "expect": "open a-to-z claim on an order in no orders file, "
                          "order-date as_of-20: counts in odr all only (numerator and denominator)"})
        oid = self.new_order_id(m0)
        self.add_feedback(oid, m0, A - 25, 1, removed=False)
        F.planted.append({"case": "unknown_order_feedback_no_order_date", "order_id": oid, "day": self.days(A - 25),
                          "channel": "unknown", "expect": "1-star feedback on an order in no orders file; placed by "
                          "its own day as_of-25: counts in odr all only"})
        oid = self.new_order_id(m0)
        self.add_claim(oid, None, "chargeback", r, status="open", funded=False, reason="unauthorized",
                       cday=A - 5, give_order_date=False)
        F.planted.append({"case": "unknown_order_chargeback_no_order_date", "order_id": oid, "day": self.days(A - 5),
                          "channel": "unknown", "expect": "open chargeback on an order in no orders file, no "
                          "order-date; placed by its claim day as_of-5, after the ODR window: not counted"})
        oid = self.new_order_id(m0)
        self.add_feedback(oid, m0, A - 29, 5)
        F.planted.append({"case": "feedback_30d_first_day", "order_id": oid, "day": self.days(A - 29),
                          "channel": "unknown", "expect": "5-star feedback on as_of-29: in the 30d counts"})
        oid = self.new_order_id(m0)
        self.add_feedback(oid, m0, A - 30, 3)
        F.planted.append({"case": "feedback_30d_outside", "order_id": oid, "day": self.days(A - 30),
                          "channel": "unknown", "expect": "3-star feedback on as_of-30: not in 30d, in 90d"})
        oid = self.new_order_id(m0)
        self.add_feedback(oid, m0, A - 364, 4)
        F.planted.append({"case": "feedback_365d_first_day", "order_id": oid, "day": self.days(A - 364),
                          "channel": "unknown", "expect": "4-star feedback on as_of-364: in 365d"})
        oid = self.new_order_id(m0)
        self.add_feedback(oid, m0, A - 365, 2)
        F.planted.append({"case": "feedback_365d_outside", "order_id": oid, "day": self.days(A - 365),
                          "channel": "unknown", "expect": "2-star feedback on as_of-365: lifetime only, no defect "
                          "(placed by its own day, long before the ODR window)"})
        # a shipment whose order is in no orders file: taken as mfn
        s = self.make_shipment(self.new_order_id(m0), m0, A - 6, A - 5, Timestamp(A - 3, 50000, "+00:00"), 1,
                               {"ship": {"valid": "yes", "category": "Home & Kitchen"}})
        F.planted.append({"case": "shipment_unknown_order", "order_id": s["oid"], "day": self.days(A - 6),
                          "channel": "unknown", "expect": "shipment (late: confirmed as_of-3, expected as_of-5) of "
                          "an order in no orders file: taken as mfn, counts in late_shipment_rate_*"})

    # ---- writers ------------------------------------------------------------------------
    def write_amazon_feedback(self):
        for market in self.markets:
            lang = self.feedback_lang(market)
            hdr = FEEDBACK_HEADERS["en2" if (lang == "en" and market == "uk") else lang]
            form = MARKETS[market]["date_form"]
            rows = [e for e in self.F.feedback if e["market"] == market and e["rating"] <= 3 and not e["removed"]]
            rows.sort(key=lambda e: -e["day"])  # newest first, like the download
            out = self.open_out(f"feedback_{market}.txt", "amazon.feedback", market)
            lines = ["\t".join(hdr) + "\n"]
            for e in rows:
                lines.append(f"{short_date(e['day'], form)}\t{e['rating']}\t{e['comment']}\t{e['response']}\t"
                             f"{e['oid']}\t{e['email']}\n")
            out.write("".join(lines))
            out.close(len(rows))

    def write_template_feedback(self):
        days = self.days
        with_removed = self.a.template_feedback_removed == "yes"
        hdr = TEMPLATE_FEEDBACK_HEADER if with_removed else FEEDBACK_HEADERS["en"]
        rows = sorted(self.F.feedback, key=lambda e: (e["day"], e["oid"]))
        if not with_removed:
            rows = [e for e in rows if not e["removed"]]
        out = self.open_out("feedback_history.csv", "template.feedback")
        TEMPLATE = True
        if not with_removed:
            # without `removed` the header is exactly the six Feedback Manager columns: by reports.md's
            # detection order the core sees amazon.feedback (its content is still the full history)
            out.detected_kind = "amazon.feedback"
        w = TableWriter(self, hdr, template=TEMPLATE)
        for e in rows:
            if e["ts"]:
                date = Timestamp(e["day"], e["ts"][0], e["ts"][1]).text(days)
            else:
                date = days(e["day"])
            comment = e["comment"]
            if len(comment) > 30 and ". " in comment and hash_small(e["oid"]) % 17 == 3:
                comment = comment.replace(". ", ".\n", 1)  # a newline inside a quoted field
            row = [date, e["rating"], comment, e["response"], e["oid"], e["email"]]
            if with_removed:
                row.append("yes" if e["removed"] else "no")
            w.row(row)
        out.write(w.text())
        out.close(len(rows))

    def write_shipments(self):
        days = self.days
        out = self.open_out("shipments.csv", "template.shipments")
        TEMPLATE = True
        w = TableWriter(self, SHIPMENTS_HEADER, template=TEMPLATE)
        rows = sorted(self.F.shipments, key=lambda s: (s["order_day"], s["oid"]))
        for s in rows:
            c = s["confirm"]
            if c is None:
                confirm = ""
            elif c.sec % 7 == 0 and c.off == "+00:00":
                confirm = days(c.day)  # some rows give the date only
            else:
                confirm = c.text(days)
            w.row([s["oid"], days(s["order_day"]), days(s["exp"]), confirm, s["carrier"], s["tracking_id"],
                        s["valid"], days(s["promised"]), "" if s["delivered"] is None else days(s["delivered"]),
                        "" if s["units"] is None else s["units"], s["category"]])
        out.write(w.text())
        out.close(len(rows))

    def write_claims(self):
        days = self.days
        out = self.open_out("claims.csv", "template.claims")
        TEMPLATE = True
        w = TableWriter(self, CLAIMS_HEADER, template=TEMPLATE)
        rows = sorted(self.F.claims, key=lambda c: (c["day"], c["oid"]))
        for c in rows:
            w.row([c["oid"], "" if c["order_day"] is None else days(c["order_day"]), days(c["day"]), c["type"],
                        c["status"], "yes" if c["funded"] else "no", c["reason"]])
        out.write(w.text())
        out.close(len(rows))

    def write_messages(self):
        days = self.days
        out = self.open_out("messages.csv", "template.messages")
        TEMPLATE = True
        w = TableWriter(self, MESSAGES_HEADER, template=TEMPLATE)
        rows = sorted(self.F.messages, key=lambda m: (m["received"].epoch(), m["id"]))
        for m in rows:
            w.row([m["id"], m["received"].text(days), "" if m["responded"] is None else m["responded"].text(days),
                        "yes" if m["nrn"] else "no"])
        out.write(w.text())
        out.close(len(rows))

    def write_returns(self):
        days = self.days
        out = self.open_out("returns.txt", "amazon.returns")
        lines = ["\t".join(RETURNS_HEADER) + "\n"]
        rows = sorted(self.F.returns, key=lambda x: (x["day"], x["oid"]))
        for x in rows:
            m = MARKETS[x["market"]]
            dec = m["decimals"]
            refunded = money(x["price"], dec) if x["status"] in ("Approved", "Closed") else "0"
            lines.append("\t".join([
                x["oid"], days(x["order_day"]), days(x["day"]), x["status"], x["rma"], "", x["label"],
                money(4.5 if dec else 450, dec) if x["label"] == "AmazonUnPaidLabel" else "", m["currency"],
                "", "", "Seller" if x["label"] != "SelfShipped" else "Customer", "Y" if x["a2z"] else "N", "N",
                x["asin"], x["sku"], x["name"], str(x["units"]), x["reason"], x["in_policy"],
                "C-Returns", "StandardRefund", "", "", money(x["price"] * x["units"], dec), str(x["units"]),
                "", "", "", "", "", refunded]) + "\n")
        out.write("".join(lines))
        out.close(len(rows))

    def write_fba_returns(self):
        days = self.days
        out = self.open_out("fba_returns.txt", "amazon.fba_returns")
        lines = ["\t".join(FBA_RETURNS_HEADER) + "\n"]
        rows = sorted(self.F.fba_returns, key=lambda x: (x["ts"].epoch(), x["oid"]))
        for x in rows:
            lines.append("\t".join([x["ts"].text(days), x["oid"], x["sku"], x["asin"], x["fnsku"], x["name"],
                                    str(x["units"]), x["fc"], x["disp"], x["reason"], x["status"], x["lpn"],
                                    x["comment"]]) + "\n")
        out.write("".join(lines))
        out.close(len(rows))

    def write_cancellations(self):
        days = self.days
        out = self.open_out("cancellations.csv", "amazon.cancellations")
        TEMPLATE = False
        w = TableWriter(self, CANCELLATIONS_HEADER, template=TEMPLATE)
        # this download is written without a final newline (reports.md: that is fine)
        rows = sorted(self.F.cancellations, key=lambda c: (c["day"], c["oid"]))
        for c in rows:
            w.row([days(c["day"]), c["oid"], "Yes" if c["impacts"] else "No"])
        out.write(w.text()[:-len(self.a.csv_newline)])
        out.close(len(rows))

    def write_tracking(self):
        days, A = self.days, self.as_of
        out = self.open_out("tracking.txt", "amazon.tracking")
        lines = ["\t".join(TRACKING_HEADER) + "\n"]
        rows = [s for s in self.F.shipments if s["confirm"] is not None and s["confirm"].day >= A - 29]
        rows.sort(key=lambda s: (s["confirm"].day, s["oid"]))
        for s in rows:
            m = MARKETS[s["market"]]
            invalid = s["tracking_id"] == "" or s["valid"] == "no"
            late_ship = s["confirm"].day > s["exp"]
            late_del = s["delivered"] is not None and s["delivered"] > s["promised"]
            lines.append("\t".join([s["oid"], s["carrier"], s["tracking_id"], m["country"], days(s["promised"]),
                                    "Standard", "Std Domestic", "X" if late_ship else "", "X" if late_del else "",
                                    "X" if invalid else "", "", money(20 + (hash_small(s["oid"]) % 80), m["decimals"]),
                                    s["category"]]) + "\n")
        out.write("".join(lines))
        out.close(len(rows))


class TableWriter:
    """A CSV table in memory: the chosen delimiter, CRLF, RFC 4180 quoting; for templates,
    optionally columns in a shuffled order plus an extra column the core must ignore."""

    def __init__(self, gen, header, template):
        self.sio = io.StringIO()
        self.w = csv.writer(self.sio, delimiter=gen.a.csv_delimiter, lineterminator=gen.a.csv_newline)
        self.order = list(range(len(header)))
        self.extra = template and gen.a.shuffle_template_columns
        if self.extra:
            random.Random(gen.a.seed * 7919 + len(header)).shuffle(self.order)
        self.w.writerow([header[i] for i in self.order] + (["notes"] if self.extra else []))

    def row(self, r):
        self.w.writerow([r[i] for i in self.order] + (["ignore me, please"] if self.extra else []))

    def text(self):
        return self.sio.getvalue()


def hash_small(text):
    h = 0
    for ch in text[-7:]:
        h = (h * 31 + ord(ch)) & 0xFFFF
    return h


class Out:
    """One output file: encodes text chunks to the chosen encoding, records what the core should see."""

    def __init__(self, path, name, kind, encoding, gen):
        self.path, self.name, self.kind, self.encoding, self.gen = path, name, kind, encoding, gen
        self.f = open(path, "wb")
        self.ascii = True
        self.bytes = 0
        self.codec = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
                      "windows-1252": "cp1252", "cp932": "cp932"}[encoding]
        bom = {"utf-8-bom": b"\xef\xbb\xbf", "utf-16le": b"\xff\xfe", "utf-16be": b"\xfe\xff"}.get(encoding, b"")
        if bom:
            self.f.write(bom)
            self.bytes += len(bom)
        self.crlf = gen.a.crlf
        self.detected_kind = kind

    def write(self, text):
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        try:
            data = text.encode(self.codec)
        except UnicodeEncodeError as e:
            raise SystemExit(f"{self.name}: cannot write as {self.encoding}: {e}")
        if self.ascii and not text.isascii():
            self.ascii = False
        self.f.write(data)
        self.bytes += len(data)

    def close(self, rows, skipped=0):
        self.f.close()
        if rows == 0:
            # a file with no usable row is an error for the core (reports.md): do not write one
            os.remove(self.path)
            if not self.gen.a.quiet:
                print(f"note: {self.name} would hold no rows; not written", file=sys.stderr)
            return
        detected = self.encoding
        if self.encoding == "utf-8-bom":
            detected = "utf-8"
        elif self.encoding in ("windows-1252", "cp932") and self.ascii:
            detected = "utf-8"  # nothing outside ASCII: indistinguishable from UTF-8
        self.gen.files.append({"name": self.name, "kind": self.detected_kind, "content": self.kind,
                               "encoding": detected,
                               "written_as": self.encoding, "rows": rows - skipped, "skipped": skipped,
                               "bytes": self.bytes})


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------
def parse_encoding_rules(values):
    rules = []
    for v in values or []:
        if v == "realistic":
            rules += [("amazon.feedback", m, "windows-1252") for m in ("us", "uk", "de", "fr", "es", "it")]
            rules += [("amazon.feedback", "jp", "cp932"), ("amazon.returns", None, "utf-8-bom"),
                      ("template.feedback", None, "utf-16le")]
            continue
        if "=" not in v:
            raise SystemExit(f"--encoding takes KIND[:MARKET]=ENCODING or 'realistic', not {v!r}")
        target, enc = v.split("=", 1)
        if enc not in ENCODINGS:
            raise SystemExit(f"--encoding: unknown encoding {enc!r} (one of {', '.join(ENCODINGS)})")
        kind, _, market = target.partition(":")
        if kind != "*" and kind not in KINDS:
            raise SystemExit(f"--encoding: unknown kind {kind!r}")
        rules.append((kind, market or None, enc))
    return rules


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Write synthetic Seller Central reports and truth.json.")
    p.add_argument("--orders", type=int, default=2000, help="number of orders (item rows are more)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed -> same bytes)")
    p.add_argument("--out", default="build/gen", help="output directory")
    p.add_argument("--as-of", default=DEFAULT_AS_OF, help="last day of generated activity, YYYY-MM-DD")
    p.add_argument("--truth-as-of", metavar="YYYY-MM-DD",
                   help="compute truth.json for this earlier day (facts dated after it must be ignored)")
    p.add_argument("--days", type=int, default=120, help="orders span this many days ending as_of")
    p.add_argument("--marketplace", default="us", help="comma list of us,uk,de,fr,es,it,jp")
    p.add_argument("--kinds", default="all", help="comma list of kinds to write (default all)")
    p.add_argument("--orders-header", default="37", choices=sorted(ORDERS_VARIANTS),
                   help="All Orders header variant: 29, 31, 32 or 37 (full) columns")
    p.add_argument("--buyer-cancel-column", default="yes", choices=["yes", "no"],
                   help="add is-buyer-requested-cancellation / buyer-requested-cancel-reason")
    p.add_argument("--template-feedback-removed", default="yes", choices=["yes", "no"],
                   help="write the optional 'removed' column in the feedback template")
    p.add_argument("--feedback-lang", default="auto", choices=["auto", "en", "de", "es", "fr", "it", "ja", "zh"],
                   help="language of feedback headers and comments (auto: the marketplace's)")
    p.add_argument("--encoding", action="append", metavar="KIND[:MKT]=ENC",
                   help="file encoding, e.g. amazon.feedback:jp=cp932, *=utf-8-bom, or 'realistic'; "
                        "encodings: " + ", ".join(ENCODINGS))
    p.add_argument("--crlf", action="store_true", help="CRLF line ends in every file")
    p.add_argument("--csv-delimiter", default=",", choices=[",", ";"],
                   help="delimiter of the CSV files (templates and the cancellation download)")
    p.add_argument("--shuffle-template-columns", action="store_true",
                   help="templates: columns in a shuffled order plus an extra 'notes' column")
    p.add_argument("--afn-share", type=float, default=0.5, help="share of FBA (afn) orders")
    p.add_argument("--defect-scale", type=float, default=1.0, help="multiply defect/late/cancel rates")
    p.add_argument("--no-edge-cases", action="store_true", help="do not plant the edge cases")
    p.add_argument("--overlap-orders", action="store_true",
                   help="also write the first marketplace's orders of the last 14 days again in a second "
                        "All Orders file (order identity across files)")
    p.add_argument("--bad-rows", type=int, default=0, metavar="N",
                   help="append N rows the core must skip (bad dates, no order id) to the first All Orders file")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args(argv)
    dt.date.fromisoformat(a.as_of)
    if a.truth_as_of and dt.date.fromisoformat(a.truth_as_of) > dt.date.fromisoformat(a.as_of):
        p.error("--truth-as-of must not be after --as-of")
    a.marketplace = [m.strip() for m in a.marketplace.split(",") if m.strip()]
    for m in a.marketplace:
        if m not in MARKETS:
            p.error(f"unknown marketplace {m!r}")
    if len(set(a.marketplace)) != len(a.marketplace):
        p.error("a marketplace is listed twice")
    a.kinds = KINDS if a.kinds == "all" else [k.strip() for k in a.kinds.split(",") if k.strip()]
    for k in a.kinds:
        if k not in KINDS:
            p.error(f"unknown kind {k!r} (one of {', '.join(KINDS)})")
    a.encoding_rules = parse_encoding_rules(a.encoding)
    a.csv_newline = "\r\n"
    if a.orders < 0 or a.days < 1:
        p.error("--orders must be >= 0 and --days >= 1")
    return a


def main(argv=None):
    a = parse_args(argv)
    g = Generator(a)
    truth = g.run()
    if not a.quiet:
        total = sum(f["bytes"] for f in truth["files"])
        print(f"wrote {len(truth['files'])} files ({total / 1e6:.1f} MB) and truth.json to {a.out}: "
              f"{truth['orders']['count']} orders, {len(truth['metrics'])} metrics, as_of {truth['as_of']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
