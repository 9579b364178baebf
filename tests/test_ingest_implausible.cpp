// Implausible dates (years before 2000 or after 2099) and Account Health JSON without a figure
// (src/core/ingest/README.md, "Implausible dates", "Account Health JSON without a figure").
#include <doctest/doctest.h>

#include "core/ingest/dates.h"
#include "test_ingest_support.h"

using namespace sh;
using sh::test::read_text;

TEST_CASE("ingest: plausible years are 2000 to 2099, both ends included") {
    CHECK(ingest::plausible(day_from_civil(2000, 1, 1)));
    CHECK(ingest::plausible(day_from_civil(2099, 12, 31)));
    CHECK_FALSE(ingest::plausible(day_from_civil(1999, 12, 31)));
    CHECK_FALSE(ingest::plausible(day_from_civil(2100, 1, 1)));
    CHECK_FALSE(ingest::plausible(day_from_civil(1970, 1, 1)));
}

TEST_CASE("ingest: an order dated before 2000 or after 2099 is skipped with 'implausible date' on its line") {
    // Line 2 fine; line 3 is 1999-12-31T23:00Z written at +02:00, so its day is 2000-01-01
    // (fine); line 4 1970 and line 5 9999 are skipped; line 6 fine.
    const std::string text =
        "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n"
        "111-0000001-0000001\t2026-10-01T10:00:00+00:00\tShipped\tMerchant\n"
        "111-0000002-0000002\t2000-01-01T01:00:00+02:00\tShipped\tMerchant\n"
        "111-0000003-0000003\t1970-01-01T00:00:00+00:00\tShipped\tMerchant\n"
        "111-0000004-0000004\t9999-12-31T23:59:59+14:00\tShipped\tMerchant\n"
        "111-0000005-0000005\t2026-10-02\tShipped\tMerchant\n";
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 3);  // 2000-01-01T01:00+02:00 is day 2000-01-01 in its own offset: plausible
    CHECK(f.info.skipped == 2);
    REQUIRE(f.info.problems.size() == 2);
    CHECK(f.info.problems[0].line == 4);
    CHECK(f.info.problems[0].column == "purchase-date");
    CHECK(f.info.problems[0].message ==
          "implausible date: '1970-01-01T00:00:00+00:00' (only years 2000 to 2099 are read)");
    CHECK(f.info.problems[1].line == 5);
}

TEST_CASE("ingest: an implausible last-updated-date is a problem; the purchase date is used") {
    const std::string text =
        "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\n"
        "111-0000001-0000001\t2026-10-01\t0001-01-01T00:00:00+00:00\tShipped\tMerchant\n";
    const LoadedFile f = read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 1);
    CHECK(f.info.skipped == 0);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 2);
    CHECK(f.info.problems[0].column == "last-updated-date");
    CHECK(f.info.problems[0].message ==
          "implausible date: '0001-01-01T00:00:00+00:00' (only years 2000 to 2099 are read); the purchase date is used");
    REQUIRE(f.records.orders.size() == 1);
    CHECK(format_day(f.records.orders[0].last_updated) == "2026-10-01");
}

TEST_CASE("ingest: implausible dates in templates and feedback skip their row") {
    SUBCASE("claims template (a day column)") {
        const LoadedFile f = read_text(
            "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"
            "111-0000001-0000001,2026-10-01,1900-01-01,a-to-z,open,no,\n"
            "111-0000002-0000002,2026-10-01,2026-10-03,a-to-z,open,no,\n");
        CHECK(f.info.rows == 1);
        CHECK(f.info.skipped == 1);
        REQUIRE_FALSE(f.info.problems.empty());
        CHECK(f.info.problems[0].line == 2);
        CHECK(f.info.problems[0].column == "claim-date");
    }
    SUBCASE("messages template (a moment column)") {
        const LoadedFile f = read_text(
            "message-id,received,responded,no-response-needed\n"
            "m1,2150-10-01T10:00:00Z,,no\n"
            "m2,2026-10-01T10:00:00Z,,no\n");
        CHECK(f.info.rows == 1);
        CHECK(f.info.skipped == 1);
        REQUIRE_FALSE(f.info.problems.empty());
        CHECK(f.info.problems[0].message == "implausible date: '2150-10-01T10:00:00Z' (only years 2000 to 2099 are read)");
    }
    SUBCASE("feedback template (ISO dates)") {
        const LoadedFile f = read_text(
            "Date,Rating,Comments,Response,Order ID,Rater Email,removed\n"
            "1999-05-01,1,late,,111-0000001-0000001,,no\n"
            "2026-05-01,2,late,,111-0000002-0000002,,no\n");
        CHECK(f.info.kind == "template.feedback");
        CHECK(f.info.rows == 1);
        CHECK(f.info.skipped == 1);
    }
}

TEST_CASE("ingest: an Account Health report without a single figure says so") {
    const std::string expected = "Amazon's Account Health report has no metrics for any marketplace";
    SUBCASE("an empty performanceMetrics list") {
        const LoadedFile f = read_text("{\"performanceMetrics\": []}", "ah.json");
        CHECK(f.info.kind == "amazon.account_health");
        CHECK(f.info.error.find(expected) == 0);
        CHECK(f.info.problems.empty());
    }
    SUBCASE("an empty object, with account statuses (statuses alone are no figures)") {
        const LoadedFile f =
            read_text("{\"performanceMetrics\":[{}],\"accountStatuses\":[{\"marketplaceId\":\"X\",\"status\":\"NORMAL\"}]}", "ah.json");
        CHECK(f.info.error.find(expected) == 0);
        CHECK(f.records.account_statuses.empty());  // an errored file keeps no records
    }
    SUBCASE("every field of the wrong type: the error, and the fields as problems") {
        const LoadedFile f = read_text(
            "{\"performanceMetrics\":[{\"orderDefectRate\":{\"mfn\":\"x\"},\"lateShipmentRate\":[],"
            "\"validTrackingRate\":true}, 7]}", "ah.json");
        CHECK(f.info.error.find(expected) == 0);
        CHECK_FALSE(f.info.problems.empty());
        for (const Problem& p : f.info.problems) CHECK(p.line == 1);  // the document is one line
    }
    SUBCASE("a reporting range end that is no date is a problem, the figure stays") {
        const LoadedFile f = read_text(
            "{\"performanceMetrics\":[{\"marketplaceId\":\"X\",\"lateShipmentRate\":{\"rate\":0.01,\n"
            "\"reportingDateRange\":{\"reportingDateFrom\":\"2026-09-01T00:00:00Z\",\n\"reportingDateTo\":\"garbage\"}}}]}",
            "ah.json");
        REQUIRE(f.info.ok());
        REQUIRE(f.records.reported.size() == 1);
        CHECK_FALSE(f.records.reported[0].to.has());
        REQUIRE(f.info.problems.size() == 1);
        CHECK(f.info.problems[0].line == 3);
        CHECK(f.info.problems[0].column == "performanceMetrics[0].lateShipmentRate.reportingDateRange.reportingDateTo");
        CHECK(f.info.problems[0].message == "not a date: 'garbage'");
    }
    SUBCASE("a document that is not JSON says where") {
        const LoadedFile f = read_text("{\n \"performanceMetrics\": [\n  {\"a\": 1,}\n ]\n}", "ah.json");
        const std::string prefix = "this looks like a JSON file but it is not valid JSON (cut short or damaged?). ";
        CHECK(f.info.error == prefix + "At line 3, column 11: expected a string (a member name), found '}'");
        CHECK(read_text("{\"performanceMetrics\": [\n  {\"a\": 1}", "ah.json").info.error ==
              prefix + "At line 2, column 11: expected ',' or ']', found the end of the file (cut short?)");
        CHECK(read_text("{\"performanceMetrics\": [\n  {\"a\": tru}]}", "ah.json").info.error ==
              prefix + "At line 2, column 9: expected a value (a string, number, object, list, true, false or null), "
                       "found 't'");
        CHECK(read_text("{\"performanceMetrics\": []}\n}", "ah.json").info.error ==
              prefix + "At line 2, column 1: unexpected text after the document");
    }
    SUBCASE("a reporting range in 1970 is a problem, the figure stays") {
        const LoadedFile f = read_text(
            "{\"performanceMetrics\":[{\"marketplaceId\":\"X\",\"lateShipmentRate\":{\"rate\":0.01,"
            "\"reportingDateRange\":{\"reportingDateFrom\":\"1970-01-01T00:00:00Z\",\"reportingDateTo\":\"2026-10-01T00:00:00Z\"}}}]}",
            "ah.json");
        REQUIRE(f.info.ok());
        REQUIRE(f.records.reported.size() == 1);
        CHECK_FALSE(f.records.reported[0].from.has());
        CHECK(format_day(f.records.reported[0].to.day()) == "2026-10-01");
        REQUIRE(f.info.problems.size() == 1);
        CHECK(f.info.problems[0].column == "performanceMetrics[0].lateShipmentRate.reportingDateRange.reportingDateFrom");
    }
}
