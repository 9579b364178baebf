// The All Orders reader's key table (LoadedFile::order_slots): kept by the reader, kept fitting
// by a join, carried by the codec in the buffer or beside it (records_codec.h), dropped when
// ids are re-keyed, and taken over by the engine's order index (issue 9).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/file_parts.h"
#include "core/ingest/reader.h"
#include "core/records_codec.h"
#include "core/result_json.h"
#include "core/session.h"

using namespace sh;

namespace {

constexpr const char* kHeader =
    "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tquantity\n";

// `orders` orders of 1-3 item rows each, the rows of an order spread over the file; every
// fifth order id is not of Amazon's form (interned).
std::string orders_text(int orders, uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<int> rows;
    for (int i = 0; i < orders; ++i)
        for (int k = 0; k <= i % 3; ++k) rows.push_back(i);
    std::shuffle(rows.begin(), rows.end(), rng);
    std::string text = kHeader;
    for (const int i : rows) {
        const std::string id = i % 5 == 0 ? "SHOP-" + std::to_string(i) : "111-" + std::to_string(1000000 + i) + "-0000001";
        text += id + "\t2026-10-" + std::to_string(10 + i % 20) + "T10:00:00-07:00\t2026-10-" + std::to_string(10 + (i + int(rng() % 3)) % 20) +
                "T11:00:00-07:00\t" + (rng() % 4 == 0 ? "Cancelled" : "Shipped") + "\t" + (i % 2 ? "Merchant" : "Amazon") +
                "\tAmazon.com\t1\n";
    }
    return text;
}

LoadedFile read_text(const std::string& text, OrderIdPool& ids) {
    return read_file("orders.txt", reinterpret_cast<const uint8_t*>(text.data()), text.size(), ids);
}

// The table holds the file's orders, each found at its own position.
bool fits(const LoadedFile& f) {
    const auto& orders = f.records.orders;
    if (f.order_slots.size() != orders.size()) return false;
    for (size_t i = 0; i < orders.size(); ++i)
        if (f.order_slots.find(orders[i].key, hash_order_key(orders[i].key), orders.data()) != i) return false;
    return true;
}

// A raw table with one slot changed, taken back for `count` orders.
bool adopts(std::vector<uint32_t> raw, size_t count) {
    OrderSlots slots;
    const bool ok = slots.adopt(std::move(raw), count);
    CHECK(ok == !slots.empty());
    return ok;
}

}  // namespace

TEST_CASE("order key table: the reader keeps it, and a join keeps it fitting the joined orders") {
    const std::string text = orders_text(3000, 5);
    OrderIdPool ids;
    const LoadedFile whole = read_text(text, ids);
    REQUIRE(whole.records.orders.size() == 3000);
    CHECK(fits(whole));

    const PartPrefix prefix = part_prefix(text, true);
    const size_t cut = text.size() / 2 + cut_after_line_end(std::string_view(text).substr(text.size() / 2));
    OrderIdPool first_ids, later_ids;
    LoadedFile first = read_text(text.substr(0, cut), first_ids);
    LoadedFile later = read_text(text.substr(0, prefix.bytes) + text.substr(cut), later_ids);
    REQUIRE(fits(first));
    REQUIRE(first.records.orders.size() < 3000);
    SUBCASE("the first part's own table") {}
    SUBCASE("a first part without one (a buffer that carried none): built for the join") { first.order_slots.release(); }
    REQUIRE(join_part(first, later, prefix, first_ids, &later_ids));
    CHECK(first.records.orders.size() == 3000);
    CHECK(fits(first));
}

TEST_CASE("order key table: adopt takes only a table's form") {
    const std::string text = orders_text(900, 6);
    OrderIdPool ids;
    const LoadedFile f = read_text(text, ids);
    const std::vector<uint32_t>& raw = f.order_slots.raw();
    const size_t n = f.records.orders.size();
    REQUIRE(raw.size() == 2048);
    CHECK(adopts(raw, n));
    CHECK_FALSE(adopts(raw, n - 1));                                  // one more order than said
    CHECK_FALSE(adopts(raw, n + 1));                                  // one fewer
    CHECK_FALSE(adopts(std::vector<uint32_t>(raw.begin(), raw.begin() + 1536), n));  // not a power of two
    CHECK_FALSE(adopts(std::vector<uint32_t>(512, 0), 0));            // smaller than a table
    CHECK_FALSE(adopts(std::vector<uint32_t>(1024, 1), 1024));        // full: a probe would never end
    const size_t used = static_cast<size_t>(std::find_if(raw.begin(), raw.end(), [](uint32_t s) { return s != 0; }) - raw.begin());
    for (const uint32_t bad : {uint32_t(0x800), uint32_t(0x7ff), uint32_t(n + 1), uint32_t(0xfffff800)}) {
        CAPTURE(bad);
        auto changed = raw;
        changed[used] = bad;  // position 0 with tag bits, or past the orders
        CHECK_FALSE(adopts(changed, n));
    }
}

TEST_CASE("order key table: growing places every order again, each at its own position") {
    // 20,000 orders added one by one: the table grows five times, rebuilt from the orders each time.
    std::vector<Order> orders(20000);
    for (size_t i = 0; i < orders.size(); ++i) orders[i].key = pack_amazon_order_id("111-" + std::to_string(1000000 + i) + "-0000001");
    OrderSlots slots;
    std::vector<size_t> sizes;
    for (size_t i = 0; i < orders.size(); ++i) {
        const auto at = static_cast<uint32_t>(i);
        REQUIRE(slots.find_or_add(orders[i].key, hash_order_key(orders[i].key), orders.data(), at) == at);
        if (sizes.empty() || sizes.back() != slots.raw().size()) sizes.push_back(slots.raw().size());
    }
    const auto found_at_their_positions = [&] {
        size_t found = 0;
        for (size_t i = 0; i < orders.size(); ++i) found += slots.find(orders[i].key, hash_order_key(orders[i].key), orders.data()) == i;
        return found;
    };
    CHECK(sizes == std::vector<size_t>{1024, 2048, 4096, 8192, 16384, 32768});
    CHECK(slots.size() == orders.size());
    CHECK(found_at_their_positions() == orders.size());
    // Adding an order already there finds it; growing once more (reserve) keeps them all.
    CHECK(slots.find_or_add(orders[7].key, hash_order_key(orders[7].key), orders.data(), 20000) == 7);
    slots.reserve(100000, orders.data());
    CHECK(slots.raw().size() == 262144);
    CHECK(found_at_their_positions() == orders.size());
    CHECK(std::count_if(slots.raw().begin(), slots.raw().end(), [](uint32_t s) { return s != 0; }) == 20000);
}

TEST_CASE("records codec: orders and their key table beside the buffer decode as in it") {
    const std::string text = orders_text(2500, 7);
    OrderIdPool worker_ids;
    const LoadedFile f = read_text(text, worker_ids);
    REQUIRE(fits(f));
    const auto inline_bytes = encode_loaded_file(f, worker_ids);
    std::vector<uint8_t> bytes(encoded_size(f, worker_ids, true));
    encode_loaded_file(f, worker_ids, bytes.data(), true);
    CHECK(bytes.size() + f.records.orders.size() * 27 + carried_slots(f).size() * 4 == inline_bytes.size());
    const auto parts = [&] { return BesideParts{f.records.orders, carried_slots(f)}; };

    OrderIdPool inline_ids;
    LoadedFile from_inline;
    std::string error;
    REQUIRE(decode_loaded_file(inline_bytes.data(), inline_bytes.size(), inline_ids, from_inline, error));
    CHECK(fits(from_inline));

    SUBCASE("taken, checked and re-keyed into the decoder's pool") {
        OrderIdPool ids;
        LoadedFile out;
        BesideParts beside = parts();
        REQUIRE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, error, &beside));
        CHECK(beside.orders.empty());
        CHECK(encode_loaded_file(out, ids) == inline_bytes);
        CHECK(fits(out));
    }
    const auto refused = [&](BesideParts* beside) {
        OrderIdPool ids;
        LoadedFile out;
        std::string why;
        CHECK_FALSE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, why, beside));
        CHECK(out.records.orders.empty());
        return why;
    };
    SUBCASE("missing or not matching: an error, never a crash") {
        CHECK(refused(nullptr) == "corrupt loaded-file buffer: the orders beside the buffer are missing or of another count");
        BesideParts fewer = parts();
        fewer.orders.pop_back();
        CHECK(refused(&fewer) == "corrupt loaded-file buffer: the orders beside the buffer are missing or of another count");
        BesideParts no_table = parts();
        no_table.slots.clear();
        CHECK(refused(&no_table).find("order key table beside the buffer") != std::string::npos);
        BesideParts channel = parts();
        reinterpret_cast<uint8_t&>(channel.orders[10].channel) = 3;
        CHECK(refused(&channel) == "corrupt loaded-file buffer: an enumeration is out of range");
        BesideParts buyer = parts();
        reinterpret_cast<uint8_t&>(buyer.orders[11].buyer_requested_cancel) = 7;
        CHECK(refused(&buyer) == "corrupt loaded-file buffer: an enumeration is out of range");
        BesideParts id = parts();
        id.orders[12].key = kInternedBit | 999999;
        CHECK(refused(&id) == "corrupt loaded-file buffer: an order id refers past the id table");
        BesideParts table = parts();
        for (uint32_t& slot : table.slots)
            if (slot) slot = (slot & ~uint32_t(table.slots.size() - 1)) | uint32_t(f.records.orders.size() + 1);
        CHECK(refused(&table) == "corrupt loaded-file buffer: the order key table does not fit the orders");
    }
}

TEST_CASE("order key table: re-keyed ids drop it; the session's index takes it over or builds its own") {
    const std::string text = orders_text(1200, 8);  // interned ids: SHOP-…
    Options options;
    options.as_of = *parse_day("2026-11-05");
    Session here;
    here.set_options(options);
    here.begin_file("orders.txt", text.size());
    here.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    here.finish_file();
    CHECK(fits(here.files().back()));
    const std::string expected = json_text(here.result());

    // Another file's interned ids first: this file's are re-keyed.
    const auto make_busy = [](Session& session) {
        const std::string other = std::string(kHeader) + "OTHER-1\t2026-10-01\t2026-10-01\tShipped\tMerchant\tAmazon.com\t1\n";
        session.begin_file("other.txt", other.size());
        session.feed(reinterpret_cast<const uint8_t*>(other.data()), other.size());
        session.finish_file();
        session.remove_file(0);
    };
    OrderIdPool worker_ids;
    const LoadedFile f = read_text(text, worker_ids);
    for (const bool beside_parts : {false, true}) {
        CAPTURE(beside_parts);
        std::vector<uint8_t> bytes(encoded_size(f, worker_ids, beside_parts));
        encode_loaded_file(f, worker_ids, bytes.data(), beside_parts);
        for (const bool busy : {false, true}) {
            CAPTURE(busy);
            Session page;
            page.set_options(options);
            if (busy) make_busy(page);
            BesideParts parts{f.records.orders, carried_slots(f)};
            REQUIRE(page.add_loaded_file(bytes.data(), bytes.size(), "orders.txt", text.size(), beside_parts ? &parts : nullptr).ok());
            const LoadedFile& added = page.files().back();
            REQUIRE(added.records.orders.size() == f.records.orders.size());
            bool same_ids = true;
            for (size_t i = 0; i < f.records.orders.size(); ++i)
                same_ids = same_ids && page.ids().text(added.records.orders[i].key) == worker_ids.text(f.records.orders[i].key);
            CHECK(same_ids);
            CHECK(added.order_slots.empty() == busy);
            CHECK(fits(added) == !busy);
            CHECK(json_text(page.result()) == expected);
        }
    }
    // The CLI's path: a file read with a pool of its own, its ids interned again when added.
    for (const bool busy : {false, true}) {
        CAPTURE(busy);
        Session cli;
        cli.set_options(options);
        if (busy) make_busy(cli);
        OrderIdPool own;
        REQUIRE(cli.add_read_file(read_text(text, own), own).ok());
        CHECK(cli.files().back().order_slots.empty() == busy);
        CHECK(fits(cli.files().back()) == !busy);
        CHECK(json_text(cli.result()) == expected);
    }
}
