// The engine on real file text read by the readers: local-day rule, window edges, claims template,
// and a Feedback Manager date resolved by the orders' marketplace.
#include <doctest/doctest.h>

#include <string>

#include "core/engine/evaluate.h"
#include "core/ingest/reader.h"

using namespace sh;

namespace {

LoadedFile read_text(const std::string& name, const std::string& text, OrderIdPool& ids) {
    return read_file(name, reinterpret_cast<const uint8_t*>(text.data()), text.size(), ids);
}

const Metric* find(const Result& r, const std::string& id, const std::string& scope) {
    for (const Metric& m : r.metrics)
        if (m.id == id && m.scope == scope && m.source == "computed") return &m;
    return nullptr;
}

}  // namespace

// as_of 2026-11-20: ODR window 2026-09-08 .. 2026-11-06.
TEST_CASE("metrics: odr from report files, by the purchase day in its own offset") {
    std::string orders =
        "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\n"
        "113-0000000-0000001\t2026-09-07T10:00:00-07:00\t2026-09-08T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n"
        // 23:30 at -07:00 is 09-09 in UTC; its day is 09-08: inside
        "113-0000000-0000002\t2026-09-08T23:30:00-07:00\t2026-09-09T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n"
        // 23:30 at -08:00 is 11-07 in UTC; its day is 11-06: inside
        "113-0000000-0000003\t2026-11-06T23:30:00-08:00\t2026-11-07T10:00:00-08:00\tShipped\tMerchant\tAmazon.com\n"
        "113-0000000-0000004\t2026-11-07T01:00:00+00:00\t2026-11-07T10:00:00+00:00\tShipped\tMerchant\tAmazon.com\n";
    for (int i = 5; i <= 100; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "113-0000000-%07d", i);
        orders += std::string(id) + "\t2026-10-01T12:00:00-07:00\t2026-10-02T12:00:00-07:00\tShipped\tMerchant\tAmazon.com\n";
    }
    const std::string claims =
        "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"
        "113-0000000-0000001,2026-09-07,2026-11-10,a-to-z,open,no,\n"
        "113-0000000-0000002,2026-09-08,2026-11-10,a-to-z,open,no,\n"
        "113-0000000-0000003,2026-11-06,2026-11-10,a-to-z,granted,no,\n"
        "113-0000000-0000004,2026-11-07,2026-11-10,a-to-z,open,no,\n"
        "113-0000000-0000006,2026-10-01,2026-11-10,chargeback,open,no,fraud\n";
    // Feedback Manager (US): 11/12/26 is 12 November (M/D/YY, from the orders' Amazon.com);
    // read as D/M/YY it would be 11 December, after as_of.
    const std::string feedback =
        "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n"
        "11/12/26\t1\tArrived late and the box was crushed\t\t113-0000000-0000005\tbuyer@example.com\n";
    OrderIdPool ids;
    std::vector<LoadedFile> files;
    files.push_back(read_text("orders.txt", orders, ids));
    files.push_back(read_text("claims.csv", claims, ids));
    files.push_back(read_text("feedback.txt", feedback, ids));
    REQUIRE(files[0].info.kind == "amazon.all_orders");
    REQUIRE(files[1].info.kind == "template.claims");
    REQUIRE(files[2].info.kind == "amazon.feedback");
    Options options;
    options.as_of = day_from_civil(2026, 11, 20);
    const Result r = evaluate(files, ids, options);
    const Metric* mfn = find(r, "odr", "mfn");
    REQUIRE(mfn);
    CHECK(mfn->denominator == 98);  // orders 2, 3 and 5..100
    CHECK(mfn->numerator == 3);     // 2 and 3 (claims), 5 (feedback); 6 is a fraud chargeback
    CHECK(mfn->status == "failing");  // 3/98 >= 0.01
    REQUIRE(mfn->items.size() == 3);
    CHECK(mfn->items[0].order_id == "113-0000000-0000002");
    CHECK(format_day(mfn->items[0].day) == "2026-09-08");
    CHECK(mfn->items[1].order_id == "113-0000000-0000005");
    CHECK(mfn->items[1].kinds == std::vector<std::string>{"negative_feedback"});
    CHECK(mfn->items[2].order_id == "113-0000000-0000003");
    CHECK(format_day(mfn->items[2].day) == "2026-11-06");

    SUBCASE("--date-order dmy reads 11/12/26 as 11 December: not known on 2026-11-20") {
        options.date_order = DateOrder::dmy;
        const Result dmy = evaluate(files, ids, options);
        const Metric* m = find(dmy, "odr", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 2);
    }
}
