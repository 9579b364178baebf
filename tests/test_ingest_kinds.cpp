// Every other kind: returns, FBA returns, cancellations, tracking, our templates, and files
// that are not reports at all.
#include <doctest/doctest.h>

#include "test_ingest_support.h"

using namespace sh;
using sh::test::read_text;

TEST_CASE("ingest: seller-fulfilled returns report") {
    const LoadedFile f = read_text(
        "Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\t"
        "Label type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\t"
        "Is prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\t"
        "Resolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\t"
        "SafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\t"
        "Refunded Amount\n"
        "111-0000001-0000001\t2026-09-01\t2026-09-10\tRejected\tD1\t\tPrepaid\t5\tUSD\tUPS\t1Z\tSeller\tY\tN\t"
        "B0\tSKU\tMug 12\" white\t1\tDEFECTIVE\tY\tC\tRefund\t\t\t10\t1\t\t\t\t\t\t\n"
        "111-0000001-0000002\t2026-09-02\t2026-09-11\tApproved\tD2\t\tPrepaid\t5\tUSD\tUPS\t1Z\tSeller\tN\tN\t"
        "B0\tSKU\tMug\t2\tNO_LONGER_NEEDED\tN\tC\tRefund\t\t\t10\t2\t\t\t\t\t\t\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.returns");
    REQUIRE(f.records.returns.size() == 2);
    const ReturnRequest& r = f.records.returns[0];
    CHECK(r.status == "Rejected");
    CHECK(r.in_policy == Tri::yes);
    CHECK(r.a_to_z_claim);
    CHECK(r.reason == "DEFECTIVE");
    CHECK(r.quantity == 1);
    CHECK(format_day(r.request_day.day()) == "2026-09-10");
    CHECK(format_day(r.order_day.day()) == "2026-09-01");
    CHECK(r.line == 2);
    CHECK(f.records.returns[1].in_policy == Tri::no);
    CHECK_FALSE(f.records.returns[1].a_to_z_claim);
}

TEST_CASE("ingest: FBA customer returns") {
    const LoadedFile f = read_text(
        "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\t"
        "detailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments\n"
        "2026-09-14T10:00:00+00:00\t111-0000001-0000001\tSKU1\tB0\tX0\tMug\t1\tFC1\tCUSTOMER_DAMAGED\t"
        "DEFECTIVE\tUnit returned to inventory\tLPN\tHandle broke off\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.fba_returns");
    REQUIRE(f.records.fba_returns.size() == 1);
    CHECK(f.records.fba_returns[0].customer_comments == "Handle broke off");
    CHECK(f.records.fba_returns[0].reason == "DEFECTIVE");
    CHECK(f.records.fba_returns[0].sku == "SKU1");
    CHECK(f.records.fba_returns[0].quantity == 1);
}

TEST_CASE("ingest: cancellation-rate download (CSV or tab)") {
    SUBCASE("CSV") {
        const LoadedFile f = read_text(
            "Order Date,Order ID,Impacts Account Health\n"
            "09/14/2026,111-0000001-0000001,Yes\n"
            "09/15/2026,111-0000001-0000002,No\n");
        REQUIRE(f.info.ok());
        CHECK(f.info.kind == "amazon.cancellations");
        REQUIRE(f.records.cancellations.size() == 2);
        CHECK(f.records.cancellations[0].impacts_account_health);
        CHECK_FALSE(f.records.cancellations[1].impacts_account_health);
        CHECK(format_day(f.records.cancellations[0].order_day.day()) == "2026-09-14");
    }
    SUBCASE("tab") {
        const LoadedFile f = read_text("Order Date\tOrder ID\tImpacts Account Health\n2026-09-14\t111-0000001-0000001\tYes\n");
        CHECK(f.records.cancellations.size() == 1);
    }
}

TEST_CASE("ingest: valid-tracking download") {
    const LoadedFile f = read_text(
        "Order ID,Carrier Name,Tracking ID,Origin Country,Promised Delivery Date,Ship Method,Ship Option,"
        "Carrier Not Integrated,Invalid Tracking ID,No Scan,No Valid Tracking,Package Value,Product Category\n"
        "111-0000001-0000001,UPS,1Z999,US,2026-09-20,Std,Std,,,,X,12.00,Kitchen\n"
        "111-0000001-0000002,USPS,9400,US,2026-09-21,Std,Std,,,,,8.00,Kitchen\n"
        "111-0000001-0000003,Other,,US,2026-09-21,Std,Std,,,,X,8.00,Toys\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.tracking");
    REQUIRE(f.records.tracking.size() == 3);
    CHECK_FALSE(f.records.tracking[0].valid);
    CHECK(f.records.tracking[0].has_tracking);
    CHECK(f.records.tracking[1].valid);
    CHECK_FALSE(f.records.tracking[2].has_tracking);
    CHECK(f.records.categories[f.records.tracking[0].category] == "Kitchen");
    CHECK(f.records.tracking[0].category == f.records.tracking[1].category);
    CHECK(f.records.categories[f.records.tracking[2].category] == "Toys");
}

TEST_CASE("ingest: shipments template (column order free, semicolons, any case)") {
    const LoadedFile f = read_text(
        "Tracking-ID;ORDER-ID;expected-ship-date;ship-confirm-date;tracking-valid;units;category;extra\n"
        "TRK1;111-0000001-0000001;2026-09-03;2026-09-04;;2;Toys;x\n"
        "TRK2;111-0000001-0000002;2026-09-03;;No;;;x\n"
        ";111-0000001-0000003;2026-09-03;2026-09-03;yes;1;;x\n"
        "TRK4;111-0000001-0000004;2026-09-03;2026-09-33;;1;;x\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.shipments");
    REQUIRE(f.records.shipments.size() == 3);
    const Shipment& a = f.records.shipments[0];
    CHECK(a.has_tracking);
    CHECK(a.tracking_valid);  // default yes with a tracking id
    CHECK(a.units == 2);
    CHECK(format_day(a.ship_confirm.day()) == "2026-09-04");
    CHECK(f.records.categories[a.category] == "Toys");
    CHECK_FALSE(f.records.shipments[1].tracking_valid);
    CHECK_FALSE(f.records.shipments[1].ship_confirm.has());
    CHECK_FALSE(f.records.shipments[2].has_tracking);
    CHECK_FALSE(f.records.shipments[2].tracking_valid);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 5);
    CHECK(f.info.problems[0].column == "ship-confirm-date");
    CHECK(f.info.problems[0].message == "not a date: '2026-09-33'");
}

TEST_CASE("ingest: claims template") {
    const LoadedFile f = read_text(
        "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"
        "111-0000001-0000001,2026-09-01,2026-09-10,a-to-z,granted,no,\n"
        "111-0000001-0000002,2026-09-01,2026-09-11,chargeback,open,,fraud\n"
        "111-0000001-0000003,2026-09-01,2026-09-12,A-to-Z,denied,YES,\n"
        "111-0000001-0000004,2026-09-01,2026-09-12,refund,open,,\n"
        "111-0000001-0000005,2026-09-01,2026-09-12,chargeback,lost?,,\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.claims");
    REQUIRE(f.records.claims.size() == 3);
    CHECK(f.records.claims[0].type == ClaimType::a_to_z);
    CHECK(f.records.claims[0].status == ClaimStatus::granted);
    CHECK(f.records.claims[1].type == ClaimType::chargeback);
    CHECK(f.records.claims[1].fraud);
    CHECK(f.records.claims[2].amazon_funded);
    CHECK(f.records.claims[2].status == ClaimStatus::denied);
    REQUIRE(f.info.problems.size() == 2);
    CHECK(f.info.problems[0].line == 5);
    CHECK(f.info.problems[0].column == "type");
    CHECK(f.info.problems[1].line == 6);
    CHECK(f.info.problems[1].column == "status");
}

TEST_CASE("ingest: messages template") {
    const LoadedFile f = read_text(
        "message-id,received,responded,no-response-needed\n"
        "M1,2026-09-14T10:00:00-07:00,2026-09-15T09:00:00-07:00,no\n"
        "M2,2026-09-14T10:00:00Z,,yes\n"
        "M3,2026-09-14T10:00:00Z,,\n"
        "M4,,,\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.messages");
    REQUIRE(f.records.messages.size() == 3);
    CHECK(f.records.messages[0].has_response);
    CHECK(f.records.messages[0].responded.utc_seconds - f.records.messages[0].received.utc_seconds == 23 * 3600);
    CHECK(f.records.messages[0].received.offset_minutes == -420);
    CHECK_FALSE(f.records.messages[1].has_response);
    CHECK(f.records.messages[1].no_response_needed);
    CHECK_FALSE(f.records.messages[2].no_response_needed);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 5);
    CHECK(f.info.problems[0].column == "received");
}

TEST_CASE("ingest: template booleans accept yes/no/y/n/true/false/1/0/x") {
    std::string text = "order-id,expected-ship-date,tracking-id,tracking-valid\n";
    for (const char* v : {"yes", "Y", "TRUE", "1", "x", "No", "n", "false", "0"})
        text += std::string("111-0000001-0000001,2026-09-03,T,") + v + "\n";
    const LoadedFile f = read_text(text);
    REQUIRE(f.records.shipments.size() == 9);
    for (size_t i = 0; i < 9; ++i) CHECK(f.records.shipments[i].tracking_valid == (i < 5));
}

TEST_CASE("ingest: files that are not reports say what they are and what can be read") {
    const std::string kinds = "amazon.all_orders";
    struct Case {
        const char* what;
        std::string bytes;
        const char* says;
    };
    const Case cases[] = {
        {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF"},
        {"PNG", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "image"},
        {"JPEG", "\xFF\xD8\xFF\xE0\0\x10JFIF", "image"},
        {"XLSX", std::string("PK\x03\x04\x14\0\x06\0", 8) + "[Content_Types].xml", "Excel workbook"},
        {"ZIP", std::string("PK\x03\x04\x14\0\0\0", 8) + "report.txt", "ZIP archive"},
        {"XLS", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "Excel workbook"},
        {"gzip", std::string("\x1F\x8B\x08\0\0\0", 6), "gzip"},
        {"random CSV", "name,age\nAnn,33\n", "not a report this app can read"},
        {"empty", "", "empty"},
        {"JSON that is not Account Health", "{\"hello\": 1}", "not Amazon's Account Health report"},
        {"broken JSON", "{\"performanceMetrics\": [", "not valid JSON"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const LoadedFile f = read_text(c.bytes);
        CHECK_FALSE(f.info.ok());
        CHECK(f.info.error.find(c.says) != std::string::npos);
        if (std::string(c.what) != "empty" && std::string(c.what).find("JSON") == std::string::npos)
            CHECK(f.info.error.find(kinds) != std::string::npos);
        CHECK(f.info.rows == 0);
    }
    SUBCASE("the Excel hint") {
        const LoadedFile f = read_text(std::string("PK\x03\x04\x14\0\x06\0", 8) + "xl/workbook.xml");
        CHECK(f.info.error.rfind("this is an Excel workbook; export the report as tab-delimited text", 0) == 0);
    }
}

TEST_CASE("ingest: kind() is known once the header has been seen") {
    OrderIdPool ids;
    FileReader reader("orders.txt", ids);
    CHECK(reader.kind().empty());
    std::string text = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n";
    while (text.size() < 70000) text += "111-0000001-0000001\t2026-09-14\tShipped\tAFN\n";
    reader.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    CHECK(reader.kind() == "amazon.all_orders");
    CHECK(reader.bytes_fed() == text.size());
    const LoadedFile f = reader.finish();
    CHECK(f.info.bytes == text.size());
    CHECK(f.records.orders.size() == 1);
}

TEST_CASE("ingest: a line longer than 16 MB is an error, not an out-of-memory") {
    OrderIdPool ids;
    FileReader reader("big.txt", ids);
    const std::string header = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n";
    reader.feed(reinterpret_cast<const uint8_t*>(header.data()), header.size());
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 20; ++i) reader.feed(reinterpret_cast<const uint8_t*>(chunk.data()), chunk.size());
    const LoadedFile f = reader.finish();
    CHECK_FALSE(f.info.ok());
    CHECK(f.info.error.find("longer than 16 MB") != std::string::npos);
}

TEST_CASE("ingest: Excel's sep= line and UTF-16 without a byte-order mark") {
    SUBCASE("sep=; names the delimiter; lines still count from the top") {
        const LoadedFile f = read_text("sep=;\norder-id;claim-date;type\n111-0000001-0000001;2026-09-10;chargeback\n"
                                       "111-0000001-0000002;bad;chargeback\n");
        REQUIRE(f.info.ok());
        CHECK(f.info.kind == "template.claims");
        CHECK(f.records.claims.size() == 1);
        REQUIRE(f.info.problems.size() == 1);
        CHECK(f.info.problems[0].line == 4);
    }
    SUBCASE("UTF-16 LE text without a BOM is text, not a binary file") {
        const std::string utf8 = "Order Date\tOrder ID\tImpacts Account Health\n2026-09-14\t111-0000001-0000001\tYes\n";
        std::string le;
        for (char c : utf8) {
            le += c;
            le += '\0';
        }
        const LoadedFile f = read_text(le);
        REQUIRE(f.info.ok());
        CHECK(f.info.encoding == "utf-16le");
        CHECK(f.records.cancellations.size() == 1);
    }
}

TEST_CASE("ingest: fuzz findings stay fixed") {
    SUBCASE("a short file starting with RIFF") {
        const LoadedFile f = read_text("RIFF0r6");
        CHECK_FALSE(f.info.ok());
    }
    SUBCASE("JSON or not is told from the sniff window alone, however the bytes are chunked") {
        const std::string text = std::string(40, '\t') + "[1]\n";
        OrderIdPool ids;
        FileReader whole("w", ids), bytes("b", ids);
        whole.set_sniff_window(32);
        bytes.set_sniff_window(32);
        whole.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        for (char c : text) bytes.feed(reinterpret_cast<const uint8_t*>(&c), 1);
        CHECK(whole.finish().info.error == bytes.finish().info.error);
    }
}
