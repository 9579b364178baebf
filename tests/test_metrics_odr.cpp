// Order defect rate: de-duplication per order, scopes, window edges, unknown orders, recovery.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

Claim claim(OrderKey order, ClaimType type, ClaimStatus status, Day claim_day) {
    Claim c;
    c.order = order;
    c.type = type;
    c.status = status;
    c.claim_day = claim_day;
    return c;
}

}  // namespace

// as_of 2026-11-20: the ODR window is the 60 days ending 2026-11-06 (as_of - 14): 2026-09-08 .. 2026-11-06.
TEST_CASE("metrics: odr counts an order with several defects once, per scope, against the target") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 300; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1), Channel::mfn));
    for (int i = 2001; i <= 2100; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 2), Channel::afn));
    Records& claims = f.file("template.claims");
    claims.claims.push_back(claim(f.id(1), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 5)));
    claims.claims.push_back(claim(f.id(2), ClaimType::a_to_z, ClaimStatus::granted, D(2026, 10, 6)));
    claims.claims.push_back(claim(f.id(3), ClaimType::chargeback, ClaimStatus::open, D(2026, 10, 7)));
    claims.claims.push_back(claim(f.id(4), ClaimType::a_to_z, ClaimStatus::denied, D(2026, 10, 7)));
    Claim funded = claim(f.id(5), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 7));
    funded.amazon_funded = true;
    claims.claims.push_back(funded);
    Claim fraud = claim(f.id(6), ClaimType::chargeback, ClaimStatus::granted, D(2026, 10, 7));
    fraud.fraud = true;
    claims.claims.push_back(fraud);
    claims.claims.push_back(claim(f.id(9), ClaimType::a_to_z, ClaimStatus::withdrawn, D(2026, 10, 7)));
    claims.claims.push_back(claim(f.id(10), ClaimType::a_to_z, ClaimStatus::closed, D(2026, 10, 7)));
    // a claim on an order in no orders file, with the order date its file gives
    Claim unknown = claim(f.ids.key("114-5555555-5555555"), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 8));
    unknown.order_day = D(2026, 10, 5);
    claims.claims.push_back(unknown);
    Records& fb = f.file("template.feedback");
    fb.feedback.push_back(feedback_entry(f.id(1), D(2026, 10, 4), 1));         // same order as the open claim
    fb.feedback.push_back(feedback_entry(f.id(7), D(2026, 10, 4), 1, true));   // removed
    fb.feedback.push_back(feedback_entry(f.id(8), D(2026, 10, 4), 3));         // neutral: no defect
    fb.feedback.push_back(feedback_entry(f.id(2001), D(2026, 10, 10), 2));     // afn

    const Result& r = f.run(D(2026, 11, 20));
    const Metric* mfn = find_metric(r, "odr", "mfn");
    const Metric* afn = find_metric(r, "odr", "afn");
    const Metric* all = find_metric(r, "odr", "all");
    REQUIRE(mfn);
    REQUIRE(afn);
    REQUIRE(all);

    SUBCASE("mfn: 3 defective of 300 is exactly the target 0.01: failing") {
        CHECK(mfn->numerator == 3);
        CHECK(mfn->denominator == 300);
        CHECK(mfn->status == "failing");
        CHECK(day_text(mfn->window_from) == "2026-09-08");
        CHECK(day_text(mfn->window_to) == "2026-11-06");
        CHECK_FALSE(mfn->headroom);
        // floor(3 / 0.01 - 300) + 1 = 1: 3/301 < 0.01
        CHECK(mfn->needed_to_recover == 1);
        // No orders between 11-07 and 11-20; from 11-21 on each future day brings 300/60 = 5
        // defect-free orders: as of 12-05 the window holds 3 of 305 (< 0.01).
        CHECK(day_text(mfn->recovers_on) == "2026-12-05");
        REQUIRE(mfn->components.size() == 3);
        CHECK(mfn->components[0] == std::pair<std::string, double>{"negative_feedback", 1});
        CHECK(mfn->components[1] == std::pair<std::string, double>{"a_to_z_claims", 2});
        CHECK(mfn->components[2] == std::pair<std::string, double>{"chargebacks", 1});
        REQUIRE(mfn->items.size() == 3);
        CHECK(mfn->item_count == 3);
        CHECK(mfn->items[0].order_id == f.id_text(1));
        CHECK(mfn->items[0].kinds == std::vector<std::string>{"negative_feedback", "a_to_z_claim"});
        CHECK(format_day(mfn->items[0].day) == "2026-10-01");
        CHECK(day_text(mfn->items[0].drops_out_on) == "2026-12-14");  // 10-01 + 14 + 60
        CHECK(mfn->items[2].kinds == std::vector<std::string>{"chargeback"});
    }
    SUBCASE("afn orders are only in afn and all") {
        CHECK(afn->numerator == 1);
        CHECK(afn->denominator == 100);
        CHECK(afn->status == "failing");
        CHECK(afn->needed_to_recover == 1);
    }
    SUBCASE("all: the unknown order's claim counts in numerator and denominator, with a warning") {
        CHECK(all->numerator == 5);
        CHECK(all->denominator == 401);
        // floor(5 / 0.01 - 401) + 1 = 100
        CHECK(all->needed_to_recover == 100);
        // 10-05 (the unknown order) leaves the window as of 12-18; from then on the window
        // holds no defect. Before, 5 defects need > 500 orders: 401 * (46 + j) / 60 > 500 at j = 29.
        CHECK(day_text(all->recovers_on) == "2026-12-18");
        bool warned = false;
        for (const std::string& w : r.warnings) warned = warned || w.find("114-5555555-5555555") != std::string::npos;
        CHECK(warned);
    }
}

// The returns report's A-to-Z Claim = Y is a claim of unknown status (treated as open) unless a
// claims file lists an A-to-z claim on the order by as_of: then that claim's status decides.
TEST_CASE("metrics: odr takes a returns A-to-Z flag as an open claim unless a claims file decides it") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 200; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1), Channel::mfn));
    Records& returns = f.file("amazon.returns");
    for (int i = 1; i <= 5; ++i) {
        ReturnRequest r;
        r.order = f.id(i);
        r.order_day = D(2026, 10, 1);
        r.request_day = D(2026, 10, 10);
        r.status = "Approved";
        r.in_policy = Tri::yes;
        r.a_to_z_claim = true;
        returns.returns.push_back(r);
    }
    Records& claims = f.file("template.claims");
    claims.claims.push_back(claim(f.id(1), ClaimType::a_to_z, ClaimStatus::denied, D(2026, 10, 10)));     // decided: none
    claims.claims.push_back(claim(f.id(2), ClaimType::a_to_z, ClaimStatus::withdrawn, D(2026, 11, 25)));  // after as_of: the flag
    claims.claims.push_back(claim(f.id(3), ClaimType::chargeback, ClaimStatus::denied, D(2026, 10, 12)));  // no A-to-z: the flag
    claims.claims.push_back(claim(f.id(4), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 12)));       // the claim, once
    // order 5: no claim listed: the flag

    const Metric* mfn = find_metric(f.run(D(2026, 11, 20)), "odr", "mfn");
    REQUIRE(mfn);
    CHECK(mfn->numerator == 4);
    CHECK(mfn->denominator == 200);
    REQUIRE(mfn->components.size() == 3);
    CHECK(mfn->components[1] == std::pair<std::string, double>{"a_to_z_claims", 4});
    std::vector<std::string> ids;
    for (const MetricItem& item : mfn->items) ids.push_back(item.order_id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{f.id_text(2), f.id_text(3), f.id_text(4), f.id_text(5)});
}

TEST_CASE("metrics: odr window edges, one day before and after") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 96; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    const Day edges[] = {D(2026, 9, 7), D(2026, 9, 8), D(2026, 11, 6), D(2026, 11, 7)};
    Records& fb = f.file("amazon.feedback");
    for (int i = 0; i < 4; ++i) {
        orders.orders.push_back(f.order(1000 + i, edges[i]));
        fb.feedback.push_back(feedback_entry(f.id(1000 + i), D(2026, 11, 8), 1));
    }
    fb.feedback.push_back(feedback_entry(f.id(1), D(2026, 11, 8), 5));  // a positive row (full history not needed here)

    SUBCASE("as of 11-20: 09-08 and 11-06 are the window's ends") {
        const Metric* m = find_metric(f.run(D(2026, 11, 20)), "odr", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 2);
        CHECK(m->denominator == 98);
        REQUIRE(m->items.size() == 2);
        CHECK(format_day(m->items[0].day) == "2026-09-08");
        CHECK(day_text(m->items[0].drops_out_on) == "2026-11-21");
        CHECK(format_day(m->items[1].day) == "2026-11-06");
        CHECK(day_text(m->items[1].drops_out_on) == "2027-01-19");
    }
    SUBCASE("as of 11-21: 09-08 has dropped out, 11-07 came in") {
        const Metric* m = find_metric(f.run(D(2026, 11, 21)), "odr", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 2);
        CHECK(m->denominator == 98);
        CHECK(format_day(m->items[0].day) == "2026-11-06");
        CHECK(format_day(m->items[1].day) == "2026-11-07");
    }
    SUBCASE("as of 11-19: 09-07 is in, 11-06 not yet; the feedback of 11-08 is known") {
        const Metric* m = find_metric(f.run(D(2026, 11, 19)), "odr", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 2);
        CHECK(m->denominator == 98);
        CHECK(format_day(m->items[0].day) == "2026-09-07");
        CHECK(format_day(m->items[1].day) == "2026-09-08");
    }
    SUBCASE("as of 11-07: the feedback of 11-08 is not known yet") {
        const Metric* m = find_metric(f.run(D(2026, 11, 7)), "odr", "mfn");
        REQUIRE(m);
        CHECK(m->numerator == 0);
        CHECK(m->status == "good");
        // ceil(0.01 * 97 - 0) - 1 = 0 (window 08-26 .. 10-24 holds 09-07, 09-08 and the 96 orders: 98)
        CHECK(m->denominator == 98);
        CHECK(m->headroom == 0);
    }
}

TEST_CASE("metrics: odr defects whose order is unknown and undated are placed by their own day") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 200; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& fb = f.file("amazon.feedback");
    fb.feedback.push_back(feedback_entry(kNoOrder, D(2026, 10, 20), 1));
    fb.feedback.push_back(feedback_entry(f.id(5), D(2026, 10, 20), 5));
    const Result& r = f.run(D(2026, 11, 20));
    const Metric* all = find_metric(r, "odr", "all");
    const Metric* mfn = find_metric(r, "odr", "mfn");
    REQUIRE(all);
    REQUIRE(mfn);
    CHECK(all->numerator == 1);
    CHECK(all->denominator == 201);
    CHECK(format_day(all->items[0].day) == "2026-10-20");
    CHECK(mfn->numerator == 0);
    CHECK(mfn->denominator == 200);
    // good: ceil(0.01 * 200 - 0) - 1 = 1
    CHECK(mfn->headroom == 1);
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings[0].find("feedback of 2026-10-20 without an order id") != std::string::npos);
}

// metrics.md: a defect placed by its own day "carries a warning naming it". A claim filed within
// the 14-day delay is on an order placed that day or earlier, possibly inside the window: it is
// named. One placed before the window cannot count and is not.
TEST_CASE("metrics: an unknown order's defect after the window is named, one before it is not") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 200; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& claims = f.file("template.claims");
    claims.claims.push_back(claim(f.ids.key("114-9999999-0000003"), ClaimType::a_to_z, ClaimStatus::open, D(2026, 11, 16)));
    claims.claims.push_back(claim(f.ids.key("114-9999999-0000004"), ClaimType::a_to_z, ClaimStatus::open, D(2026, 9, 1)));
    const Result& r = f.run(D(2026, 11, 20));  // window 2026-09-08 .. 2026-11-06
    CHECK(find_metric(r, "odr", "all")->numerator == 0);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rfind("1 order defect is on an order in no loaded orders file (114-9999999-0000003)", 0) == 0);
}

TEST_CASE("metrics: the same order and claim in overlapping exports count once") {
    Fixture f;
    Records& a = f.file("amazon.all_orders", "orders-oct.txt");
    Records& b = f.file("amazon.all_orders", "orders-oct-nov.txt");
    for (int i = 1; i <= 150; ++i) a.orders.push_back(f.order(i, D(2026, 10, 1)));
    for (int i = 101; i <= 250; ++i) b.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& c1 = f.file("template.claims", "claims1.csv");
    Records& c2 = f.file("template.claims", "claims2.csv");
    c1.claims.push_back(claim(f.id(120), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 9)));
    c2.claims.push_back(claim(f.id(120), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 9)));
    const Metric* m = find_metric(f.run(D(2026, 11, 20)), "odr", "mfn");
    REQUIRE(m);
    CHECK(m->denominator == 250);
    CHECK(m->numerator == 1);
    CHECK(m->components[1].second == 1);
    // 1/250 = 0.004 < 0.0075: good; ceil(2.5 - 1) - 1 = 1
    CHECK(m->status == "good");
    CHECK(m->headroom == 1);

    SUBCASE("a decided status in one export beats open in another") {
        Claim denied = claim(f.id(120), ClaimType::a_to_z, ClaimStatus::denied, D(2026, 10, 9));
        f.files.back().records.claims[0] = denied;
        const Metric* again = find_metric(f.run(D(2026, 11, 20)), "odr", "mfn");
        REQUIRE(again);
        CHECK(again->numerator == 0);
    }
}

TEST_CASE("metrics: one file's order twice, among thousands, still counts once") {
    // Records not folded by the reader: order 1,234 appears twice in one file of 3,000 orders, so
    // the engine's key table (filled 32 orders at a time) finds the repeat and merges instead.
    // Claims on orders 7 and 2,999 are found through that table: 2 defective of 3,000.
    Fixture f;
    Records& a = f.file("amazon.all_orders", "orders.txt");
    for (int i = 1; i <= 3000; ++i) a.orders.push_back(f.order(i, D(2026, 10, 1)));
    a.orders.push_back(f.order(1234, D(2026, 10, 1)));
    Records& c = f.file("template.claims", "claims.csv");
    c.claims.push_back(claim(f.id(7), ClaimType::a_to_z, ClaimStatus::open, D(2026, 10, 9)));
    c.claims.push_back(claim(f.id(2999), ClaimType::chargeback, ClaimStatus::granted, D(2026, 10, 9)));
    const Metric* m = find_metric(f.run(D(2026, 11, 20)), "odr", "mfn");
    REQUIRE(m);
    CHECK(m->denominator == 3000);
    CHECK(m->numerator == 2);
    const Metric* all = find_metric(f.result, "odr", "all");
    REQUIRE(all);
    CHECK(all->denominator == 3000);  // neither claim's order is taken for an unknown one
}

TEST_CASE("metrics: no_data when the window holds nothing, left out when nothing can feed it") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.orders.push_back(f.order(1, D(2026, 1, 1)));
    const Result& r = f.run(D(2026, 11, 20));
    const Metric* m = find_metric(r, "odr", "mfn");
    REQUIRE(m);
    CHECK(m->status == "no_data");
    CHECK(m->denominator == 0);
    CHECK_FALSE(m->rate);
    CHECK_FALSE(m->headroom);
    CHECK_FALSE(find_metric(r, "late_shipment_rate_10d"));
    CHECK_FALSE(find_metric(r, "valid_tracking_rate"));
    CHECK_FALSE(find_metric(r, "on_time_delivery_rate"));
    CHECK_FALSE(find_metric(r, "return_dissatisfaction_rate"));
    CHECK_FALSE(find_metric(r, "late_response_rate"));
    CHECK_FALSE(find_metric(r, "feedback_positive_rate_30d"));
    CHECK(find_metric(r, "cancel_rate", "mfn"));

    SUBCASE("without an orders file the ODR is left out") {
        Fixture g;
        Records& fb = g.file("template.feedback");
        fb.feedback.push_back(feedback_entry(g.id(1), D(2026, 11, 1), 1));
        const Result& only_feedback = g.run();
        CHECK(day_text(only_feedback.as_of) == "2026-11-01");
        CHECK_FALSE(find_metric(only_feedback, "odr"));
        CHECK(find_metric(only_feedback, "feedback_positive_rate_30d"));
    }
}
