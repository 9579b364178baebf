// All Orders flat file: folding item rows into orders, header variants, bad rows, memory.
#include <doctest/doctest.h>

#include <cstdio>
#include <utility>
#include <vector>

#include "test_ingest_support.h"

using namespace sh;
using sh::test::read_text;

namespace {

const char* kHeader31 =
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t"
    "sales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\t"
    "currency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\t"
    "item-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\t"
    "promotion-ids\tis-business-order\tpurchase-order-number\n";

// One row of the 31-column variant above.
std::string row31(const std::string& id, const std::string& date, const std::string& status,
                  const std::string& channel, const std::string& quantity, const std::string& updated = "") {
    return id + "\t\t" + date + "\t" + (updated.empty() ? date : updated) + "\t" + status + "\t" + channel +
           "\tAmazon.com\t\t\tStandard\tMug 12\" white\tSKU1\tB000\tShipped\t" + quantity +
           "\tUSD\t9.99\t0\t0\t0\t0\t0\t0\t0\tSeattle\tWA\t98101\tUS\t\tfalse\t\n";
}

}  // namespace

TEST_CASE("ingest: an Order is small enough for a year of a large seller in a 32-bit heap") {
    CHECK(sizeof(Order) == 24);
}

TEST_CASE("ingest: all orders fold item rows into one order each") {
    // Order A has two item rows (2 + 1 units); B one row; C cancelled (Canceled spelling).
    const std::string text = std::string(kHeader31) +
                             row31("111-0000001-0000001", "2026-09-14T23:10:00-07:00", "Shipped", "Merchant", "2") +
                             row31("111-0000001-0000001", "2026-09-14T23:10:00-07:00", "Shipped", "Merchant", "1") +
                             row31("111-0000002-0000002", "2026-09-15T08:00:00+00:00", "Pending", "Amazon", "1") +
                             row31("111-0000003-0000003", "2026-09-16T08:00:00Z", "canceled", "MFN", "0");
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.all_orders");
    CHECK(f.info.encoding == "utf-8");
    CHECK(f.info.rows == 4);
    CHECK(f.info.skipped == 0);
    CHECK(f.info.marketplace == "Amazon.com");
    REQUIRE(f.records.orders.size() == 3);
    const Order& a = f.records.orders[0];
    CHECK(a.units == 3);
    CHECK(a.channel == Channel::mfn);
    CHECK_FALSE(a.cancelled);
    CHECK(format_day(a.day) == "2026-09-14");  // the day in its own offset, not UTC's 15th
    CHECK(f.records.orders[1].channel == Channel::afn);
    CHECK(f.records.orders[2].cancelled);
    CHECK(f.records.orders[2].channel == Channel::mfn);
    CHECK(f.records.orders[2].buyer_requested_cancel == Tri::unknown);  // column absent
    CHECK(f.records.marketplaces[a.marketplace] == "Amazon.com");
}

TEST_CASE("ingest: channels and statuses in many spellings, alternating row by row") {
    // The reader remembers the last few texts of each column with what they meant (issue 9):
    // more spellings than it keeps, in a pseudo-random order, must each still mean their own.
    struct Spelling {
        const char* text;
        Channel channel;
    };
    const Spelling channels[] = {{"Merchant", Channel::mfn}, {"Amazon", Channel::afn}, {"MFN", Channel::mfn},
                                 {"AFN", Channel::afn},      {"Seller", Channel::mfn}, {"amazon", Channel::afn},
                                 {"Other", Channel::unknown}, {" Merchant ", Channel::mfn}};
    struct Status {
        const char* text;
        bool cancelled;
    };
    const Status statuses[] = {{"Shipped", false}, {"Cancelled", true}, {"Pending", false}, {"Canceled", true},
                               {"Unshipped", false}, {"cancelled", true}, {"Shipping", false}};
    std::string text = kHeader31;
    std::vector<std::pair<Channel, bool>> expected;
    uint32_t state = 12345, not_a_channel = 0;
    for (int i = 0; i < 400; ++i) {
        state = state * 1103515245u + 12345u;
        const Spelling& c = channels[(state >> 16) % 8];
        const Status& st = statuses[(state >> 8) % 7];
        char id[32];
        std::snprintf(id, sizeof id, "111-%07d-0000001", i);
        text += row31(id, "2026-09-14T10:00:00Z", st.text, c.text, "1");
        if (c.channel == Channel::unknown) ++not_a_channel;  // a bad row (a required column)
        else expected.emplace_back(c.channel, st.cancelled);
    }
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(not_a_channel > 0);
    CHECK(f.info.skipped == not_a_channel);
    REQUIRE_FALSE(f.info.problems.empty());
    CHECK(f.info.problems[0].column == "fulfillment-channel");
    CHECK(f.info.problems[0].message == "not a fulfillment channel: 'Other' (Amazon/AFN or Merchant/MFN expected)");
    REQUIRE(f.records.orders.size() == expected.size());
    int wrong = 0;
    for (size_t i = 0; i < expected.size(); ++i)
        wrong += f.records.orders[i].channel != expected[i].first || f.records.orders[i].cancelled != expected[i].second;
    CHECK(wrong == 0);
}

TEST_CASE("ingest: an all orders row without a fulfillment channel is a bad row") {
    const LoadedFile f = read_text(std::string(kHeader31) +
                                   row31("111-0000001-0000001", "2026-09-14T10:00:00Z", "Shipped", "", "1") +
                                   row31("111-0000001-0000002", "2026-09-14T10:00:00Z", "Shipped", "Merchant", "1") +
                                   "111-0000001-0000003\t2026-09-14T10:00:00Z\n");  // a row of two fields
    REQUIRE(f.info.ok());
    CHECK(f.records.orders.size() == 1);
    CHECK(f.info.skipped == 2);
    REQUIRE(f.info.problems.size() == 2);
    CHECK(f.info.problems[0].line == 2);
    CHECK(f.info.problems[0].message == "no fulfillment channel (Amazon/AFN or Merchant/MFN expected)");
    CHECK(f.info.problems[1].line == 4);
}

TEST_CASE("ingest: all orders header variants") {
    SUBCASE("29 columns, no optional columns beyond the required ones") {
        const LoadedFile f = read_text(
            "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n"
            "111-0000001-0000001\t2026-09-14T08:21:07+00:00\tShipped\tAFN\n");
        REQUIRE(f.info.ok());
        REQUIRE(f.records.orders.size() == 1);
        CHECK(f.records.orders[0].units == 0);
        CHECK(f.records.orders[0].channel == Channel::afn);
        CHECK(f.info.marketplace.empty());
    }
    SUBCASE("upper case and spaces in header names, unknown columns ignored") {
        const LoadedFile f = read_text(
            "Amazon Order ID\tPurchase Date\tsomething-new\tOrder Status\tFulfillment Channel\tQuantity\n"
            "111-0000001-0000001\t2026-09-14T08:21:07+00:00\tx\tCancelled\tMerchant\t4\n");
        REQUIRE(f.info.ok());
        CHECK(f.records.orders[0].units == 4);
        CHECK(f.records.orders[0].cancelled);
    }
    SUBCASE("buyer-cancel columns of newer order reports") {
        const LoadedFile f = read_text(
            "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tis-buyer-requested-cancellation\t"
            "buyer-requested-cancel-reason\n"
            "111-0000001-0000001\t2026-09-14\tCancelled\tMerchant\ttrue\tNo longer needed\n"
            "111-0000002-0000002\t2026-09-14\tCancelled\tMerchant\tfalse\t\n"
            "111-0000003-0000003\t2026-09-14\tShipped\tMerchant\t\t\n");
        REQUIRE(f.records.orders.size() == 3);
        CHECK(f.records.orders[0].buyer_requested_cancel == Tri::yes);
        CHECK(f.records.orders[1].buyer_requested_cancel == Tri::no);
        CHECK(f.records.orders[2].buyer_requested_cancel == Tri::unknown);
    }
}

TEST_CASE("ingest: conflicting rows of one order: the later last-updated-date wins") {
    // First row: updated on the 20th, cancelled. Second: updated on the 16th, shipped (older).
    // Third (another order): shipped on the 15th, then cancelled on the 18th.
    const std::string text = std::string(kHeader31) +
                             row31("111-0000001-0000001", "2026-09-14", "Cancelled", "Merchant", "1", "2026-09-20") +
                             row31("111-0000001-0000001", "2026-09-14", "Shipped", "Merchant", "1", "2026-09-16") +
                             row31("111-0000002-0000002", "2026-09-14", "Shipped", "Merchant", "1", "2026-09-15") +
                             row31("111-0000002-0000002", "2026-09-14", "Cancelled", "Merchant", "1", "2026-09-18");
    const LoadedFile f = read_text(text);
    REQUIRE(f.records.orders.size() == 2);
    CHECK(f.records.orders[0].cancelled);
    CHECK(format_day(f.records.orders[0].last_updated) == "2026-09-20");
    CHECK(f.records.orders[1].cancelled);
    CHECK(format_day(f.records.orders[1].last_updated) == "2026-09-18");
    CHECK(f.info.notes.size() == 1);
}

TEST_CASE("ingest: all orders bad rows are skipped with line, column and reason") {
    // Line 1 header; line 2 good; line 3 bad date; line 4 blank (counted, not a row);
    // line 5 no order id; line 6 bad quantity; line 7 good.
    const std::string text = std::string(kHeader31) +
                             row31("111-0000001-0000001", "2026-09-14", "Shipped", "Merchant", "1") +
                             row31("111-0000002-0000002", "2026-13-01", "Shipped", "Merchant", "1") + "\n" +
                             row31("", "2026-09-14", "Shipped", "Merchant", "1") +
                             row31("111-0000004-0000004", "2026-09-14", "Shipped", "Merchant", "two") +
                             row31("111-0000005-0000005", "2026-09-14", "Shipped", "Merchant", "1");
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 2);
    CHECK(f.info.skipped == 3);
    REQUIRE(f.info.problems.size() == 3);
    CHECK(f.info.problems[0].line == 3);
    CHECK(f.info.problems[0].column == "purchase-date");
    CHECK(f.info.problems[0].message == "not a date: '2026-13-01'");
    CHECK(f.info.problems[1].line == 5);
    CHECK(f.info.problems[1].column == "amazon-order-id");
    CHECK(f.info.problems[2].line == 6);
    CHECK(f.info.problems[2].column == "quantity");
    CHECK(f.records.orders.size() == 2);
}

TEST_CASE("ingest: only the first problems are listed, every skipped row is counted") {
    std::string text = kHeader31;
    for (int i = 0; i < 50; ++i) text += row31("111-0000001-0000001", "not a date", "Shipped", "Merchant", "1");
    text += row31("111-0000001-0000001", "2026-09-14", "Shipped", "Merchant", "1");
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.skipped == 50);
    CHECK(f.info.problems.size() == kMaxProblems);
    CHECK(f.info.problems.back().line == kMaxProblems + 1);
}

TEST_CASE("ingest: all orders without a required column is an error naming it") {
    const LoadedFile f = read_text(
        "amazon-order-id\tpurchase-date\tfulfillment-channel\n111-0000001-0000001\t2026-09-14\tAFN\n");
    CHECK_FALSE(f.info.ok());
    CHECK(f.info.kind == "amazon.all_orders");
    CHECK(f.info.error.find("'order-status'") != std::string::npos);
    CHECK(f.info.error.find("amazon.all_orders") != std::string::npos);
    CHECK(f.records.orders.empty());
}

TEST_CASE("ingest: a file with no usable row is an error") {
    SUBCASE("every row bad") {
        const LoadedFile f = read_text(std::string(kHeader31) + row31("1", "bad", "Shipped", "AFN", "1"));
        CHECK_FALSE(f.info.ok());
        CHECK(f.info.skipped == 1);
        CHECK(f.info.problems.size() == 1);  // the reason stays visible
    }
    SUBCASE("header only") {
        const LoadedFile f = read_text(kHeader31);
        CHECK_FALSE(f.info.ok());
        CHECK(f.info.error == "the file has a header but no data rows");
    }
}

TEST_CASE("ingest: the sample All Orders file (32 columns, CRLF, stray quotes, scattered item rows)") {
    // Counts printed by tests/data/ingest/make_samples.py.
    const LoadedFile f = read_text(test::ingest_data("all_orders_32.txt"));
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 193);
    CHECK(f.info.skipped == 0);
    CHECK(f.records.orders.size() == 120);
    uint64_t units = 0, cancelled = 0, afn = 0;
    for (const Order& o : f.records.orders) {
        units += o.units;
        cancelled += o.cancelled;
        afn += o.channel == Channel::afn;
    }
    CHECK(units == 385);
    CHECK(cancelled == 43);
    CHECK(afn == 61);
    CHECK(f.info.marketplace == "Amazon.de");  // 76 of 120 orders
}

TEST_CASE("ingest: order ids are shared through the session's pool") {
    OrderIdPool ids;
    const LoadedFile f = read_text(
        "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n"
        "111-0000001-0000001\t2026-09-14\tShipped\tAFN\nWEB-77\t2026-09-14\tShipped\tMFN\n",
        ids);
    REQUIRE(f.records.orders.size() == 2);
    CHECK(f.records.orders[0].key == pack_amazon_order_id("111-0000001-0000001"));
    CHECK(ids.text(f.records.orders[1].key) == "WEB-77");
}

TEST_CASE("ingest: many orders fold through the index (not only adjacent rows)") {
    // 20,000 orders, each with two item rows: the second pass repeats every order after all
    // the first rows, so every second row is found through the index (across its growth from
    // 1,024 slots, whose slots also keep hash bits). Units = 2 per order.
    // Amazon's id form packs into the key; other ids are interned (small keys).
    for (const bool amazon_form : {true, false}) {
        CAPTURE(amazon_form);
        std::string text = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tquantity\n";
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < 20000; ++i) {
                char id[32];
                if (amazon_form) std::snprintf(id, sizeof id, "%03d-%07d-%07d", 100 + i % 900, i, i * 7);
                else std::snprintf(id, sizeof id, "shop-%d", i);
                text += std::string(id) + "\t2026-09-14\tShipped\tMFN\t1\n";
            }
        const LoadedFile f = read_text(text);
        REQUIRE(f.records.orders.size() == 20000);
        bool all_two = true;
        for (const Order& o : f.records.orders) all_two = all_two && o.units == 2;
        CHECK(all_two);
        CHECK(f.records.orders.capacity() == 20000);  // shrunk: 24 bytes per order remain
    }
}

TEST_CASE("ingest: with the file size known, orders are reserved once (same records)") {
    // 40,000 orders of one row each: the estimate after 16,384 orders is 40,000 × 1.05 + 1024.
    std::string text = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tquantity\n";
    for (int i = 0; i < 40000; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "%03d-%07d-%07d", 100 + i % 900, i, i * 3);
        text += std::string(id) + "\t2026-09-14\tShipped\tMFN\t1\n";
    }
    OrderIdPool ids;
    FileReader hinted("hinted.txt", ids);
    hinted.set_size_hint(text.size());
    hinted.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    const LoadedFile a = hinted.finish();
    const LoadedFile b = read_text(text);
    REQUIRE(a.records.orders.size() == 40000);
    CHECK(a.records.orders.capacity() == 40000);  // small enough to be shrunk at the end
    CHECK(b.records.orders.size() == 40000);
    bool same = true;
    for (size_t i = 0; i < 40000; ++i) same = same && a.records.orders[i].key == b.records.orders[i].key;
    CHECK(same);
}

namespace {

// 70,000 one-row orders (over the 65,536 below which every file is shrunk at the end).
std::string many_orders(int count) {
    std::string text = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tquantity\n";
    for (int i = 0; i < count; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "%03d-%07d-%07d", 100 + i % 900, i, i * 3);
        text += std::string(id) + "\t2026-09-14\tShipped\tMFN\t1\n";
    }
    return text;
}

LoadedFile read_hinted(const std::string& text, uint64_t hint, FileReader::MemoryProbe probe, OrderIdPool& ids) {
    FileReader reader("hinted.txt", ids);
    reader.set_size_hint(hint);
    if (probe) reader.set_memory_probe(probe);
    for (size_t at = 0; at < text.size(); at += 65536)
        reader.feed(reinterpret_cast<const uint8_t*>(text.data()) + at, std::min<size_t>(65536, text.size() - at));
    return reader.finish();
}

uint64_t g_largest_probe = 0;
int g_probes = 0;
bool refuse_and_record(size_t bytes) {
    ++g_probes;
    if (bytes > g_largest_probe) g_largest_probe = bytes;
    return false;
}
bool accept_and_record(size_t bytes) {
    ++g_probes;
    if (bytes > g_largest_probe) g_largest_probe = bytes;
    return true;
}

bool same_orders(const LoadedFile& a, const LoadedFile& b) {
    if (a.records.orders.size() != b.records.orders.size()) return false;
    for (size_t i = 0; i < a.records.orders.size(); ++i)
        if (a.records.orders[i].key != b.records.orders[i].key || a.records.orders[i].units != b.records.orders[i].units)
            return false;
    return true;
}

}  // namespace

TEST_CASE("ingest: a huge size hint is capped and asked of the memory probe, never an abort") {
    // A 2^62-byte hint: the estimate is capped at 2^24 orders; the probe is asked for the
    // vector (2^24 - 16,384 orders x 24 bytes) + the index (2^25 slots x 4 bytes) + 64 MB, and
    // says no: the reader grows as without a hint, with the same records.
    const std::string text = many_orders(70000);
    OrderIdPool ids, plain_ids;
    g_largest_probe = 0;
    g_probes = 0;
    const LoadedFile hinted = read_hinted(text, uint64_t(1) << 62, refuse_and_record, ids);
    const LoadedFile plain = read_hinted(text, 0, nullptr, plain_ids);
    REQUIRE(hinted.info.ok());
    CHECK(g_largest_probe == ((uint64_t(1) << 24) - 16384) * 24 + (uint64_t(1) << 25) * 4 + (uint64_t(64) << 20));
    CHECK(same_orders(hinted, plain));
    CHECK(hinted.records.orders.capacity() == plain.records.orders.capacity());  // no reservation was made
}

TEST_CASE("ingest: a size hint larger than the file: the unused reservation is given back at finish") {
    // The file is 3.15 MB (45-byte rows); a hint of 10x reserves ~736,000 orders; 70,000 are read, and the
    // vector is shrunk to them at finish.
    const std::string text = many_orders(70000);
    OrderIdPool ids, plain_ids;
    g_probes = 0;
    const LoadedFile hinted = read_hinted(text, text.size() * 10, accept_and_record, ids);
    const LoadedFile plain = read_hinted(text, 0, nullptr, plain_ids);
    REQUIRE(hinted.info.ok());
    CHECK(g_probes == 2);  // the reservation, then the shrink
    CHECK(same_orders(hinted, plain));
    CHECK(hinted.records.orders.capacity() == 70000);
}
