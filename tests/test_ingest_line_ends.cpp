// Line ends: LF, CRLF and a lone CR (old Mac files, mixed endings) each end a line, in TSV and
// CSV, however the bytes are chunked (src/core/ingest/README.md, "Line ends").
#include <doctest/doctest.h>

#include "test_ingest_support.h"

using namespace sh;
using sh::test::read_text;

namespace {

const std::string kOrdersHeader = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel";

std::string order_row(int n, const std::string& date = "2026-10-01") {
    return "111-000000" + std::to_string(n) + "-000000" + std::to_string(n) + "\t" + date + "\tShipped\tMerchant";
}

std::vector<std::string> ids_of(const LoadedFile& f, const OrderIdPool& ids) {
    std::vector<std::string> out;
    for (const Order& o : f.records.orders) out.push_back(ids.text(o.key));
    return out;
}

// Every split of `bytes` into two pushes (also between a CR and its LF) gives `expected`
// orders and the same problems.
void check_every_split(const std::string& bytes, const std::vector<std::string>& expected) {
    OrderIdPool whole_ids;
    const LoadedFile whole = read_text(bytes, whole_ids);
    REQUIRE(ids_of(whole, whole_ids) == expected);
    for (size_t at = 0; at <= bytes.size(); ++at) {
        CAPTURE(at);
        OrderIdPool ids;
        FileReader reader("split.txt", ids);
        reader.feed(reinterpret_cast<const uint8_t*>(bytes.data()), at);
        reader.feed(reinterpret_cast<const uint8_t*>(bytes.data()) + at, bytes.size() - at);
        const LoadedFile f = reader.finish();
        CHECK(ids_of(f, ids) == expected);
        CHECK(f.info.rows == whole.info.rows);
        REQUIRE(f.info.problems.size() == whole.info.problems.size());
        for (size_t i = 0; i < f.info.problems.size(); ++i) CHECK(f.info.problems[i].line == whole.info.problems[i].line);
    }
}

}  // namespace

TEST_CASE("ingest: a lone CR ends a line in an All Orders file with mixed line ends") {
    // Header CRLF; row 1 LF; row 2 CRLF; row 3 lone CR; row 4 LF; row 5 CRLF: five orders
    // (before, rows 3 and 4 merged into one row).
    const std::string text = kOrdersHeader + "\r\n" + order_row(1) + "\n" + order_row(2) + "\r\n" + order_row(3) +
                             "\r" + order_row(4) + "\n" + order_row(5) + "\r\n";
    OrderIdPool ids;
    const LoadedFile f = read_text(text, ids);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 5);
    CHECK(f.info.skipped == 0);
    CHECK(f.info.problems.empty());
    CHECK(ids_of(f, ids) == std::vector<std::string>{"111-0000001-0000001", "111-0000002-0000002", "111-0000003-0000003",
                                                     "111-0000004-0000004", "111-0000005-0000005"});
}

TEST_CASE("ingest: an old Mac file (CR only) reads every row, with physical line numbers") {
    // Line 1 header, lines 2-3 orders, line 4 a bad date, line 5 blank, line 6 an order.
    const std::string text = kOrdersHeader + "\r" + order_row(1) + "\r" + order_row(2) + "\r" +
                             order_row(3, "2026-13-40") + "\r\r" + order_row(4) + "\r";
    OrderIdPool ids;
    const LoadedFile f = read_text(text, ids);
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.all_orders");
    CHECK(f.info.rows == 3);
    CHECK(f.info.skipped == 1);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 4);
    CHECK(f.info.problems[0].column == "purchase-date");
    CHECK(ids_of(f, ids) == std::vector<std::string>{"111-0000001-0000001", "111-0000002-0000002", "111-0000004-0000004"});
}

TEST_CASE("ingest: CR CR LF is a line and a blank line") {
    // Some converters double the CR: each row is followed by a blank line, rows are intact, and
    // a bad row is reported on its physical line (row 2 is line 4: lines 2 and 3 are row 1 and its blank).
    const std::string text = kOrdersHeader + "\r\r\n" + order_row(1) + "\r\r\n" + order_row(2, "x") + "\r\r\n";
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 1);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 5);
}

TEST_CASE("ingest: in CSV a lone CR ends a line outside quotes and is kept inside them") {
    // Claims template: row 1 ends with a lone CR; row 2's reason holds a quoted lone CR and ends with CRLF.
    const std::string text = "order-id,order-date,claim-date,type,status,amazon-funded,reason\r"
                             "111-0000001-0000001,2026-10-01,2026-10-03,a-to-z,open,no,late\r"
                             "111-0000002-0000002,2026-10-02,2026-10-04,a-to-z,open,no,\"never\rarrived\"\r\n"
                             "111-0000003-0000003,2026-10-02,2026-10-05,a-to-z,open,no,x";
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.claims");
    CHECK(f.info.rows == 3);
    REQUIRE(f.records.claims.size() == 3);
    CHECK(f.records.claims[0].line == 2);
    CHECK(f.records.claims[1].line == 3);
    CHECK(f.records.claims[2].line == 4);  // a CR inside quotes is text, not a line end
}

TEST_CASE("ingest: line ends give the same rows at every split, also between CR and LF") {
    SUBCASE("TSV, mixed line ends, CR-only header") {
        const std::string text = kOrdersHeader + "\r" + order_row(1) + "\n" + order_row(2) + "\r\n" + order_row(3) +
                                 "\r" + order_row(4, "bad") + "\r\r\n" + order_row(5) + "\r";
        check_every_split(text, {"111-0000001-0000001", "111-0000002-0000002", "111-0000003-0000003", "111-0000005-0000005"});
    }
    SUBCASE("TSV, CRLF header then lone CRs") {
        const std::string text = kOrdersHeader + "\r\n" + order_row(1) + "\r" + order_row(2) + "\r\r" + order_row(3);
        check_every_split(text, {"111-0000001-0000001", "111-0000002-0000002", "111-0000003-0000003"});
    }
    SUBCASE("CSV, lone CRs outside and inside quotes") {
        const std::string text = "order-id,order-date,claim-date,type,status,amazon-funded,reason\r"
                                 "111-0000001-0000001,2026-10-01,2026-10-03,a-to-z,open,no,\"a\rb\"\r"
                                 "111-0000002-0000002,2026-10-02,2026-10-04,a-to-z,open,no,c\r\n"
                                 "111-0000003-0000003,2026-10-02,2026-10-05,a-to-z,open,no,\"d\r\"\r";
        OrderIdPool ids;
        const LoadedFile whole = read_text(text, ids);
        REQUIRE(whole.records.claims.size() == 3);
        for (size_t at = 0; at <= text.size(); ++at) {
            CAPTURE(at);
            OrderIdPool ids2;
            FileReader reader("split.csv", ids2);
            reader.feed(reinterpret_cast<const uint8_t*>(text.data()), at);
            reader.feed(reinterpret_cast<const uint8_t*>(text.data()) + at, text.size() - at);
            const LoadedFile f = reader.finish();
            REQUIRE(f.records.claims.size() == 3);
            for (size_t i = 0; i < 3; ++i) CHECK(f.records.claims[i].line == whole.records.claims[i].line);
        }
    }
}
