// Reading one large file in parts (file_parts.h): the joined parts equal the whole file, byte
// for byte in the records codec, at every cut; files that cannot be cut are refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/file_parts.h"
#include "core/ingest/reader.h"
#include "core/records_codec.h"
#include "core/session.h"

using namespace sh;

namespace {

const char* kHeader =
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t"
    "sales-channel\tquantity\tis-buyer-requested-cancellation\n";

// An All Orders text with what a join must get right: orders whose item rows are far apart
// (so they fall in both parts), rows that disagree on the status, non-Amazon ids (interned),
// several marketplaces, bad rows (problems with line numbers), blank lines and CRLF.
std::string orders_text(uint32_t seed, int rows, const char* line_end = "\n") {
    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::string text = std::string(kHeader);
    if (std::string(line_end) != "\n") text.replace(text.size() - 1, 1, line_end);
    const char* markets[] = {"Amazon.com", "Amazon.ca", "", "Amazon.com.mx"};
    for (int i = 0; i < rows; ++i) {
        const int order = pick(rows / 3 + 1);
        const bool amazon_id = order % 7 != 0;
        const std::string id = amazon_id ? "111-" + std::to_string(1000000 + order) + "-0000001"
                                         : "SHOP-" + std::to_string(order);
        std::string purchase = "2026-0" + std::to_string(1 + order % 9) + "-1" + std::to_string(order % 10);
        std::string updated = "2026-10-" + std::to_string(10 + pick(20));
        if (pick(40) == 0) purchase = "2026-13-01";  // a bad row: skipped with a problem
        if (pick(50) == 0) updated = "1899-01-01";   // implausible: a problem, the row kept
        const char* status = pick(4) == 0 ? "Cancelled" : "Shipped";
        // The buyer flag is the order's own (so the parts always join); unknown for some.
        const char* buyer = order % 5 == 0 ? "" : (order % 3 == 0 ? "true" : "false");
        text += id + "\t\t" + purchase + "\t" + updated + "\t" + status + "\t" + (order % 2 ? "Merchant" : "Amazon") +
                "\t" + markets[(order / 2) % 4] + "\t" + std::to_string(pick(3)) + "\t" + buyer + line_end;
        if (pick(60) == 0) text += line_end;  // a blank line: counted, not a row
    }
    return text;
}

LoadedFile read_with(const std::string& name, std::string_view text, OrderIdPool& ids) {
    return read_file(name, reinterpret_cast<const uint8_t*>(text.data()), text.size(), ids);
}

// Reads `text` cut at `cuts` (each moved just past a line end), every part with a pool of its
// own, and joins them; false when a join refused. A part with no usable row (a short one of
// bad rows) is an error of its own, and the join must refuse it: `unusable` says so.
bool read_in_parts(const std::string& text, std::vector<size_t> cuts, OrderIdPool& ids, LoadedFile& out,
                   bool& unusable) {
    const PartPrefix prefix = part_prefix(text, true);
    REQUIRE(prefix.bytes > 0);
    std::vector<size_t> starts{0};
    for (size_t cut : cuts) {
        const size_t at = cut_after_line_end(std::string_view(text).substr(cut));
        if (at == std::string_view::npos || cut + at <= starts.back() || cut + at <= prefix.bytes) continue;
        starts.push_back(cut + at);
    }
    starts.push_back(text.size());
    out = read_with("orders.txt", std::string_view(text).substr(0, starts[1]), ids);
    unusable = !out.info.ok();
    for (size_t i = 1; i + 1 < starts.size(); ++i) {
        if (starts[i] == starts[i + 1]) continue;
        OrderIdPool own;
        const std::string part = text.substr(0, prefix.bytes) + text.substr(starts[i], starts[i + 1] - starts[i]);
        LoadedFile later = read_with("orders.txt", part, own);
        unusable = unusable || !later.info.ok();
        if (!join_part(out, later, prefix, ids, &own)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("file parts: which files can be read in parts") {
    const std::string rows = "111-0000001-0000001\t\t2026-09-14\t2026-09-14\tShipped\tMerchant\tAmazon.com\t1\tfalse\n";
    SUBCASE("UTF-8 All Orders with tabs: the prefix is the header line") {
        const PartPrefix p = part_prefix(std::string(kHeader) + rows, true);
        CHECK(p.bytes == std::string(kHeader).size());
        CHECK(p.lines == 1);
    }
    SUBCASE("a BOM and blank lines before the header belong to the prefix") {
        const std::string head = "\xEF\xBB\xBF\n \r\n" + std::string(kHeader);
        const PartPrefix p = part_prefix(head + rows, true);
        CHECK(p.bytes == head.size());
        CHECK(p.lines == 3);
    }
    SUBCASE("files that are read whole") {
        std::string csv = kHeader;
        for (char& c : csv)
            if (c == '\t') c = ',';
        CHECK(part_prefix(csv + "111-0000001-0000001,,2026-09-14,2026-09-14,Shipped,Merchant,Amazon.com,1,\n", true).bytes == 0);
        CHECK(part_prefix(std::string(kHeader) + "111-0000001-0000001\t\t2026-09-14\t\t\t\tAmaz\xF3n\t1\t\n", true).bytes == 0);
        CHECK(part_prefix("date\trating\tcomments\tresponse\torder id\trater email\n", true).bytes == 0);
        CHECK(part_prefix("sep=\t\n" + std::string(kHeader) + rows, true).bytes == 0);
        CHECK(part_prefix("\r" + std::string(kHeader) + rows, true).bytes == 0);
        CHECK(part_prefix(std::string(kHeader, 40), true).bytes == 0);  // no line end yet
        CHECK(part_prefix("", true).bytes == 0);
    }
    CHECK(cut_after_line_end("abc\ndef") == 4);
    CHECK(cut_after_line_end("abc") == std::string_view::npos);
}

TEST_CASE("file parts: joined parts equal the whole file at every cut") {
    for (const char* line_end : {"\n", "\r\n"}) {
        const std::string text = orders_text(7, 400, line_end);
        OrderIdPool whole_ids;
        const LoadedFile whole = read_with("orders.txt", text, whole_ids);
        REQUIRE(whole.info.ok());
        REQUIRE(whole.info.problems.size() == kMaxProblems);  // problems in both parts, capped
        REQUIRE_FALSE(whole.info.notes.empty());               // orders whose rows disagree
        const std::vector<uint8_t> expected = encode_loaded_file(whole, whole_ids);
        size_t joins = 0;
        for (size_t cut = 0; cut < text.size(); cut += 97) {
            CAPTURE(cut);
            OrderIdPool ids;
            LoadedFile joined;
            bool unusable = false;
            if (!read_in_parts(text, {cut}, ids, joined, unusable)) {
                CHECK(unusable);
                continue;
            }
            CHECK(encode_loaded_file(joined, ids) == expected);
            ++joins;
        }
        CHECK(joins > 100);
        // Three and five parts, at random cuts.
        std::mt19937 rng(3);
        for (int round = 0; round < 40; ++round) {
            std::vector<size_t> cuts;
            for (int i = 0; i < 2 + round % 4; ++i) cuts.push_back(rng() % text.size());
            std::sort(cuts.begin(), cuts.end());
            OrderIdPool ids;
            LoadedFile joined;
            bool unusable = false;
            if (!read_in_parts(text, cuts, ids, joined, unusable)) {
                CHECK(unusable);
                continue;
            }
            CHECK(encode_loaded_file(joined, ids) == expected);
        }
    }
}

TEST_CASE("file parts: a join that only the rows' order could decide is refused") {
    // The order's rows state different buyer flags, one in each part: which one wins depends
    // on the last-updated dates of rows the joined order no longer has.
    const std::string text = std::string(kHeader) +
                             "111-0000001-0000001\t\t2026-09-14\t2026-09-20\tCancelled\tMerchant\tAmazon.com\t1\tfalse\n" +
                             "111-0000002-0000002\t\t2026-09-14\t2026-09-14\tShipped\tMerchant\tAmazon.com\t1\tfalse\n" +
                             "111-0000001-0000001\t\t2026-09-14\t2026-09-15\tCancelled\tMerchant\tAmazon.com\t1\ttrue\n" +
                             "111-0000001-0000001\t\t2026-09-14\t2026-09-22\tCancelled\tMerchant\tAmazon.com\t1\t\n";
    OrderIdPool ids;
    const PartPrefix prefix = part_prefix(text, true);
    const size_t cut = text.find("111-0000002");
    LoadedFile first = read_with("orders.txt", std::string_view(text).substr(0, cut), ids);
    const std::vector<uint8_t> before = encode_loaded_file(first, ids);
    LoadedFile later = read_with("orders.txt", text.substr(0, prefix.bytes) + text.substr(cut), ids);
    CHECK_FALSE(join_part(first, later, prefix, ids));
    CHECK(encode_loaded_file(first, ids) == before);  // unchanged: the caller reads the file whole
    // Read whole, the flag stays "no": the "yes" row was not the latest update when it came.
    const LoadedFile whole = read_with("orders.txt", text, ids);
    CHECK(whole.records.orders[0].buyer_requested_cancel == Tri::no);
}

TEST_CASE("file parts: parts that disagree on kind or encoding, or are unusable, are refused") {
    const std::string text = orders_text(11, 60);
    const PartPrefix prefix = part_prefix(text, true);
    OrderIdPool ids;
    const size_t cut = text.size() / 2 + cut_after_line_end(std::string_view(text).substr(text.size() / 2));
    LoadedFile first = read_with("orders.txt", std::string_view(text).substr(0, cut), ids);
    SUBCASE("a later part in another encoding") {
        LoadedFile later = read_with("orders.txt", text.substr(0, prefix.bytes) + "\xFF\xFE" + text.substr(cut), ids);
        CHECK_FALSE(join_part(first, later, prefix, ids));
    }
    SUBCASE("a later part with no usable row") {
        LoadedFile later = read_with("orders.txt", text.substr(0, prefix.bytes) + "\tno id\n", ids);
        CHECK_FALSE(later.info.ok());
        CHECK_FALSE(join_part(first, later, prefix, ids));
    }
    SUBCASE("no prefix") {
        LoadedFile later = read_with("orders.txt", text.substr(0, prefix.bytes) + text.substr(cut), ids);
        CHECK_FALSE(join_part(first, later, PartPrefix{}, ids));
        CHECK(join_part(first, later, prefix, ids));
    }
}

TEST_CASE("file parts: the session joins the page's part buffers, or removes the file for a whole read") {
    const std::string text = orders_text(5, 300);
    const PartPrefix prefix = part_prefix(text, true);
    const size_t cut = text.size() / 3 + cut_after_line_end(std::string_view(text).substr(text.size() / 3));
    const auto encoded = [&](std::string_view bytes) {
        OrderIdPool own;  // each worker has its own pool
        return encode_loaded_file(read_with("orders.txt", bytes, own), own);
    };
    const std::vector<uint8_t> one = encoded(std::string_view(text).substr(0, cut));
    const std::vector<uint8_t> two = encoded(text.substr(0, prefix.bytes) + text.substr(cut));

    Session whole;
    whole.begin_file("orders.txt");
    whole.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    whole.finish_file();

    Session parts;
    parts.add_loaded_file(one.data(), one.size(), "orders.txt", cut);
    REQUIRE(parts.join_loaded_part(two.data(), two.size(), prefix));
    REQUIRE(parts.files().size() == 1);
    CHECK(encode_loaded_file(parts.files()[0], parts.ids()) == encode_loaded_file(whole.files()[0], whole.ids()));

    CHECK_FALSE(parts.join_loaded_part(two.data(), two.size() - 1, prefix));  // a corrupt buffer
    CHECK(parts.files().empty());
}
