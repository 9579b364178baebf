// Amazon's Account Health JSON: the real example document, schema slips, wrong types.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "test_ingest_support.h"

using namespace sh;

namespace {

const ReportedMetric* find(const LoadedFile& f, const std::string& id, const std::string& scope = "") {
    for (const auto& m : f.records.reported)
        if (m.id == id && (scope.empty() || m.scope == scope)) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("ingest: Amazon's own Account Health example, slips included") {
    const std::string text = test::slurp(std::string(SH_SHARED_DIR) + "/data/amazon/account-health-v2-example.json");
    REQUIRE(!text.empty());
    const LoadedFile f = test::read_text(text, "account-health.json");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.account_health");
    CHECK(f.info.encoding == "utf-8");
    CHECK(f.info.problems.empty());

    REQUIRE(f.records.account_statuses.size() == 3);
    CHECK(f.records.account_statuses[0].marketplace_id == "ATVPDKIKX0DER");
    CHECK(f.records.account_statuses[0].status == "AT_RISK");
    CHECK(f.records.account_statuses[2].status == "SUSPENDED");

    SUBCASE("odr mfn and afn (the afn block says fulfillmentType mfn: the key wins)") {
        const ReportedMetric* mfn = find(f, "odr", "mfn");
        const ReportedMetric* afn = find(f, "odr", "afn");
        REQUIRE(mfn);
        REQUIRE(afn);
        CHECK(mfn->marketplace_id == "ATVPDKIKX0DER");
        CHECK(mfn->numerator == 1078);
        CHECK(mfn->denominator == 539000);
        CHECK(mfn->rate == doctest::Approx(0.009));
        CHECK(mfn->target == doctest::Approx(0.01));
        CHECK(mfn->condition == "lt");
        CHECK(mfn->status == "good");
        CHECK(format_day(mfn->from.day()) == "2020-09-06");
        CHECK(format_day(mfn->to.day()) == "2020-11-04");
        REQUIRE(mfn->components.size() == 3);
        CHECK(mfn->components[0] == std::make_pair(std::string("a_to_z_claims"), 442.0));
        CHECK(mfn->components[1] == std::make_pair(std::string("chargebacks"), 15.0));
        CHECK(mfn->components[2] == std::make_pair(std::string("negative_feedback"), 628.0));
    }
    SUBCASE("prefulfillmentCancelRate is the cancel rate") {
        const ReportedMetric* m = find(f, "cancel_rate", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 551);
        CHECK(m->denominator == 17197);
        CHECK(m->rate == doctest::Approx(0.005));
        CHECK(m->target == doctest::Approx(0.01));
    }
    SUBCASE("late shipment over 30 days") {
        const ReportedMetric* m = find(f, "late_shipment_rate_30d", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 27896);
        CHECK(m->denominator == 870669);
        CHECK_FALSE(find(f, "late_shipment_rate_10d"));
    }
    SUBCASE("tracking and delivery rates (counts larger than their totals are kept as given)") {
        const ReportedMetric* vtr = find(f, "valid_tracking_rate", "mfn");
        REQUIRE(vtr);
        CHECK(vtr->numerator == 896462);
        CHECK(vtr->denominator == 878443);
        CHECK(vtr->condition == "gt");
        const ReportedMetric* otd = find(f, "on_time_delivery_rate", "mfn");
        REQUIRE(otd);
        CHECK(otd->numerator == 847987);
        CHECK(otd->denominator == 808046);
        const ReportedMetric* unit = find(f, "unit_on_time_delivery_rate", "mfn");
        REQUIRE(unit);
        CHECK(unit->numerator == 146);
        CHECK(unit->denominator == 165);
    }
    SUBCASE("invoice defects") {
        const ReportedMetric* m = find(f, "invoice_defect_rate");
        REQUIRE(m);
        CHECK(m->numerator == 315);
        CHECK(m->denominator == 9001);
        CHECK(m->target == doctest::Approx(0.05));
    }
    SUBCASE("account health rating: status only, from ahrStatus") {
        const ReportedMetric* m = find(f, "account_health_rating");
        REQUIRE(m);
        CHECK(m->status == "warning");  // WARNED
        CHECK_FALSE(m->has_rate);
        CHECK_FALSE(m->has_numerator);
    }
    SUBCASE("policy counters in snake_case, numerator = defectsCount") {
        const ReportedMetric* m = find(f, "listing_policy_violations");
        REQUIRE(m);
        CHECK(m->numerator == 86);
        CHECK(m->has_target);
        CHECK(m->target == 0);
        CHECK(m->condition == "eq");
        CHECK(m->status == "failing");
        CHECK(find(f, "product_authenticity_customer_complaints"));
        CHECK(find(f, "received_intellectual_property_complaints"));
        CHECK(find(f, "document_request"));  // not in the schema's list, read all the same
    }
    SUBCASE("warningState (not warningStates) becomes a note") {
        bool found = false;
        for (const auto& n : f.info.notes) found = found || n.find("spamming_seller_messaging") != std::string::npos;
        CHECK(found);
    }
    CHECK(f.info.rows == f.records.reported.size());
}

TEST_CASE("ingest: Account Health slips and wrong types give problems, never exceptions") {
    const std::string doc = R"({
      "accountStatuses": {"oops": true},
      "performanceMetrics": [
        {"marketplaceId": 42,
         "lateShipmentRate": {"reportingDateRange": {"reportingDateFrom": "2026-09-01T00:00Z",
                                                     "reportingDateTo": "2026-09-10T23:59Z"},
                              "orderCount": "120", "lateShipmentCount": {"count": "x"}, "rate": 0.05,
                              "targetValue": 0.04, "targetCondition": "LESS_THAN", "status": "AT_RISK"},
         "preFulfillmentCancellationRate": {"orderCount": 10, "cancellationCount": 1, "status": "MYSTERY",
                                            "targetCondition": "ABOUT"},
         "accountHealthRating": {"accountHealthRatingStatus": "GREAT"},
         "orderDefectRate": [1, 2],
         "validTrackingRate": "n/a",
         "warningStates": [{"warningType": "x"}, 5],
         "somethingNew": {"defectsCount": 3, "status": "NONE"}},
        "not an object"
      ]
    })";
    const LoadedFile f = test::read_text(doc);
    REQUIRE(f.info.ok());
    const ReportedMetric* late = find(f, "late_shipment_rate_10d", "mfn");  // a 10-day range
    REQUIRE(late);
    CHECK(late->denominator == 120);  // a number written as text is read
    CHECK_FALSE(late->has_numerator);
    CHECK(late->status == "warning");
    const ReportedMetric* cancel = find(f, "cancel_rate");
    REQUIRE(cancel);
    CHECK(cancel->status.empty());  // not Amazon's word: the engine judges rate against target
    CHECK(cancel->condition.empty());
    CHECK(find(f, "account_health_rating")->status == "good");
    CHECK(find(f, "something_new")->numerator == 3);
    CHECK_FALSE(find(f, "odr"));
    CHECK(f.info.problems.size() >= 6);
    // Each problem on the line of its value (found by its path in the document); a path the
    // text does not spell (".status" for "accountHealthRatingStatus") takes its block's line.
    std::map<std::string, uint32_t> lines;
    for (const auto& p : f.info.problems) {
        CHECK(p.line > 0);
        lines[p.column] = p.line;
    }
    CHECK(lines["accountStatuses"] == 2);
    CHECK(lines["performanceMetrics[0].marketplaceId"] == 4);
    CHECK(lines["performanceMetrics[0].lateShipmentRate.lateShipmentCount.count"] == 7);
    CHECK(lines["performanceMetrics[0].preFulfillmentCancellationRate.status"] == 9);
    CHECK(lines["performanceMetrics[0].preFulfillmentCancellationRate.targetCondition"] == 10);
    CHECK(lines["performanceMetrics[0].orderDefectRate"] == 12);
    CHECK(lines["performanceMetrics[1]"] == 16);
}

// Warning types come as Amazon's enumeration words or camelCase, in objects or (a slip) as
// plain strings: each becomes a readable note.
TEST_CASE("ingest: Account Health warnings in UPPER_CASE, camelCase or plain strings") {
    const std::string doc = R"({"performanceMetrics": [{"marketplaceId": "A1PA6795UKMFR9",
        "warningStates": [{"warningType": "LATE_SHIPMENT_WARNING", "status": "ACTIVE"},
                          {"warningType": "spamWarningAHRStatus"}, "SOME_WARNING"]}]})";
    const LoadedFile f = test::read_text(doc);
    std::vector<std::string> notes(f.info.notes.begin(), f.info.notes.end());
    CHECK(notes == std::vector<std::string>{
                       "Amazon reports a warning for A1PA6795UKMFR9: late_shipment_warning (ACTIVE)",
                       "Amazon reports a warning for A1PA6795UKMFR9: spam_warning_ahr_status",
                       "Amazon reports a warning for A1PA6795UKMFR9: some_warning"});
}

TEST_CASE("ingest: Account Health in chunks and with a BOM") {
    const std::string text =
        "\xEF\xBB\xBF" + test::slurp(std::string(SH_SHARED_DIR) + "/data/amazon/account-health-v2-example.json");
    OrderIdPool ids;
    const LoadedFile whole = test::read_text(text, ids);
    const LoadedFile bytes = test::read_chunked(text, 1, ids);
    REQUIRE(bytes.info.ok());
    CHECK(bytes.records.reported.size() == whole.records.reported.size());
    CHECK(bytes.info.rows == whole.info.rows);
}
