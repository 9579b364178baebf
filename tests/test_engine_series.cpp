// The engine as a whole: daily series equal the metric evaluated as of each day, Amazon's own
// figures beside ours, policies as data, and speed at a million orders.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "core/engine/policy.h"
#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

// A seller's half year with every kind of fact, drawn from a fixed seed.
void fill_random(Fixture& f, int orders_count, uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Day start = D(2026, 6, 1);
    Records& orders = f.file("amazon.all_orders");
    Records& feedback = f.file("template.feedback");
    Records& claims = f.file("template.claims");
    Records& shipments = f.file("template.shipments");
    Records& messages = f.file("template.messages");
    Records& returns = f.file("amazon.returns");
    Records& cancellations = f.file("amazon.cancellations");
    for (int i = 1; i <= orders_count; ++i) {
        Order o = f.order(i, start + pick(0, 172), pick(0, 3) == 0 ? Channel::afn : Channel::mfn);
        if (pick(0, 19) == 0) {
            o.cancelled = true;
            o.last_updated = o.day + pick(0, 3);
            o.buyer_requested_cancel = Tri(pick(0, 2));
            if (pick(0, 2) == 0) cancellations.cancellations.push_back({o.key, o.day, pick(0, 1) == 0});
        }
        orders.orders.push_back(o);
        if (pick(0, 9) == 0) {
            FeedbackEntry e;
            e.order = o.key;
            e.day = o.day + pick(1, 20);
            e.rating = uint8_t(pick(1, 5));
            e.removed = pick(0, 9) == 0;
            feedback.feedback.push_back(e);
        }
        if (pick(0, 49) == 0) {
            Claim c;
            c.order = pick(0, 9) == 0 ? f.ids.key("CLAIM-" + std::to_string(i)) : o.key;
            c.order_day = o.day;
            c.claim_day = o.day + pick(1, 30);
            c.type = pick(0, 2) == 0 ? ClaimType::chargeback : ClaimType::a_to_z;
            c.status = ClaimStatus(pick(0, 4));
            c.amazon_funded = pick(0, 5) == 0;
            claims.claims.push_back(c);
        }
        if (o.channel == Channel::mfn && !o.cancelled) {
            Shipment s;
            s.order = o.key;
            s.order_day = o.day;
            s.expected_ship = o.day + pick(1, 2);
            if (pick(0, 9)) s.ship_confirm = s.expected_ship.day() + pick(-1, 2);
            s.has_tracking = pick(0, 19) != 0;
            s.tracking_valid = s.has_tracking && pick(0, 19) != 0;
            s.promised_delivery = s.expected_ship.day() + pick(3, 5);
            if (pick(0, 9)) s.delivered = s.promised_delivery.day() + pick(-2, 2);
            s.units = uint32_t(pick(0, 3));
            shipments.shipments.push_back(s);
        }
        if (pick(0, 14) == 0) {
            Message m;
            m.id = "msg-" + std::to_string(i);
            m.received.utc_seconds = int64_t(o.day.n) * 86400 + pick(0, 86399);
            m.received.offset_minutes = int16_t(pick(-8, 2) * 60);
            m.received.has_time = true;
            if (pick(0, 4)) {
                m.has_response = true;
                m.responded = m.received;
                m.responded.utc_seconds += pick(0, 48 * 3600);
            }
            m.no_response_needed = pick(0, 9) == 0;
            messages.messages.push_back(m);
        }
        if (o.channel == Channel::mfn && pick(0, 29) == 0) {
            ReturnRequest r;
            r.order = o.key;
            r.order_day = o.day;
            r.request_day = o.day + pick(3, 20);
            static const char* statuses[] = {"Approved", "Rejected", "Pending", "Closed"};
            r.status = statuses[pick(0, 3)];
            r.in_policy = Tri(pick(0, 2));
            r.a_to_z_claim = pick(0, 19) == 0;
            returns.returns.push_back(r);
        }
    }
}

std::string key_of(const Metric& m) { return m.id + "/" + m.scope + "/" + m.category; }

}  // namespace

TEST_CASE("metrics: each day of the series equals the metric evaluated as of that day") {
    Fixture f;
    fill_random(f, 3000, 7);
    const Result& main_result = f.run(D(2026, 11, 20));
    std::map<std::string, Metric> as_of_last;
    for (const Metric& m : main_result.metrics) as_of_last[key_of(m)] = m;
    REQUIRE(as_of_last.count("odr/mfn/"));
    REQUIRE(as_of_last.count("late_response_rate/all/"));
    REQUIRE(as_of_last.count("return_dissatisfaction_rate/mfn/"));
    int compared = 0;
    for (Day d = D(2026, 8, 1); d <= D(2026, 11, 20); d = d + 9) {
        Fixture g;
        g.ids = f.ids;
        g.files = f.files;
        const Result& day_result = g.run(d);
        for (const Metric& m : day_result.metrics) {
            if (m.source != "computed") continue;
            const Metric& last = as_of_last[key_of(m)];
            const auto point = std::find_if(last.series.begin(), last.series.end(),
                                            [&](const DailyPoint& p) { return p.day == d; });
            REQUIRE(point != last.series.end());
            INFO(key_of(m), " as of ", format_day(d));
            CHECK(point->numerator == m.numerator);
            CHECK(point->denominator == m.denominator);
            ++compared;
        }
    }
    CHECK(compared > 100);
}

TEST_CASE("metrics: Amazon's reported figures sit beside the computed ones") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    for (int i = 1; i <= 100; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& ah = f.file("amazon.account_health");
    ReportedMetric odr;
    odr.id = "odr";
    odr.scope = "mfn";
    odr.has_numerator = odr.has_denominator = odr.has_rate = odr.has_target = true;
    odr.numerator = 1;
    odr.denominator = 120;
    odr.rate = 1.0 / 120;
    odr.target = 0.01;
    odr.condition = "lt";
    odr.status = "good";
    odr.from = D(2026, 9, 1);
    odr.to = D(2026, 10, 31);
    odr.components = {{"claims", 1}};
    ah.reported.push_back(odr);
    ReportedMetric ahr;
    ahr.id = "account_health_rating";
    ahr.scope = "all";
    ahr.status = "good";
    ah.reported.push_back(ahr);
    const Result& r = f.run(D(2026, 11, 20));
    size_t computed = r.metrics.size(), reported = r.metrics.size();
    for (size_t i = 0; i < r.metrics.size(); ++i) {
        if (r.metrics[i].id == "odr" && r.metrics[i].scope == "mfn")
            (r.metrics[i].source == "computed" ? computed : reported) = i;
    }
    REQUIRE(computed < r.metrics.size());
    CHECK(reported == computed + 1);
    const Metric& rep = r.metrics[reported];
    CHECK(rep.numerator == 1);
    CHECK(rep.denominator == 120);
    CHECK(day_text(rep.window_from) == "2026-09-01");
    CHECK_FALSE(rep.notes.empty());
    CHECK(r.metrics.back().id == "account_health_rating");
    CHECK(r.metrics.back().source == "amazon_report");
}

// An Account Health report of undated figures only (the rating and policy counters carry no
// reportingDateRange) has no as_of, and still shows Amazon's figures and statuses: a BAD counter
// fails the run however the report is dated.
TEST_CASE("metrics: Amazon's undated figures show without an as_of, each once") {
    Fixture f;
    Records& ah = f.file("amazon.account_health");
    ReportedMetric counter;
    counter.id = "listing_policy_violations";
    counter.scope = "all";
    counter.marketplace_id = "ATVPDKIKX0DER";
    counter.has_numerator = true;
    counter.numerator = 1;
    counter.status = "failing";
    ah.reported.push_back(counter);
    ah.account_statuses.push_back({"ATVPDKIKX0DER", "AT_RISK"});
    f.files.push_back(f.files[0]);  // the same report loaded twice
    const Result& r = f.run();
    CHECK_FALSE(r.as_of.has());
    REQUIRE(r.metrics.size() == 1);
    CHECK(r.metrics[0].id == "listing_policy_violations");
    CHECK(r.metrics[0].status == "failing");
    CHECK(r.warnings == std::vector<std::string>{
        "Amazon reports the account status AT_RISK for marketplace ATVPDKIKX0DER (Account Health report)."});
}

// A report for two marketplaces beside orders of one: the other marketplace's card does not
// claim the computed figure as its own.
TEST_CASE("metrics: the computed figure beside Amazon's says whose orders it counts") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.marketplaces = {"", "Amazon.com"};
    for (int i = 1; i <= 100; ++i) {
        Order o = f.order(i, D(2026, 10, 1));
        o.marketplace = 1;
        orders.orders.push_back(o);
    }
    Records& ah = f.file("amazon.account_health");
    for (const char* marketplace : {"ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"}) {  // Amazon.com, Amazon.ca
        ReportedMetric odr;
        odr.id = "odr";
        odr.scope = "mfn";
        odr.marketplace_id = marketplace;
        odr.has_numerator = odr.has_denominator = true;
        odr.numerator = 1;
        odr.denominator = 50;
        odr.status = "failing";
        ah.reported.push_back(odr);
    }
    auto note_of = [](const Result& r, const char* marketplace) -> std::string {
        for (const Metric& m : r.metrics)
            if (m.id == "odr" && m.marketplace_id == marketplace) return m.notes.empty() ? "" : m.notes[0];
        return "missing";
    };
    const Result& r = f.run(D(2026, 11, 20));
    CHECK(note_of(r, "ATVPDKIKX0DER").rfind("Computed from your files: 0 of 100 (0.00 %). Amazon's figure can differ", 0) == 0);
    CHECK(note_of(r, "A2EUQ1WTGCTBG2") == "Your files hold no orders of this marketplace (their orders are of Amazon.com): "
                                          "the figure computed from them (0 of 100) is not this marketplace's.");
    f.files[0].records.marketplaces = {"", "Amazon.com", "Amazon.ca", "Non-Amazon"};
    f.files[0].records.orders[0].marketplace = 2;
    f.files[0].records.orders[1].marketplace = 3;
    const Result& both = f.run(D(2026, 11, 20));
    CHECK(note_of(both, "A2EUQ1WTGCTBG2") == "Computed from your files: 0 of 100 (0.00 %), from the orders of Amazon.com, "
                                             "Amazon.ca together; Amazon's figure is for this marketplace alone.");
}

// reports.md: "Status comes from Amazon's status where given"; where it is not (or is a word we
// do not know), metrics.md's status rule judges Amazon's own rate against Amazon's own target.
TEST_CASE("metrics: Amazon's figure without a status is judged from its rate and target") {
    Fixture f;
    Records& ah = f.file("amazon.account_health");
    auto block = [&](const char* id, double num, double den, double target, const char* condition) {
        ReportedMetric m;
        m.id = id;
        m.scope = "mfn";
        m.has_numerator = m.has_denominator = m.has_rate = m.has_target = true;
        m.numerator = num;
        m.denominator = den;
        m.rate = den > 0 ? num / den : 0;
        m.target = target;
        m.condition = condition;
        ah.reported.push_back(m);
    };
    block("late_shipment_rate_30d", 30, 300, 0.04, "lt");  // 10 % against < 4 %: failing
    block("valid_tracking_rate", 150, 200, 0.95, "gt");    // 75 % against > 95 %: failing
    block("odr", 1, 100, 0.01, "lt");                      // exactly the target: failing
    block("cancel_rate", 1, 100, 0.025, "lt");             // 1 % against 2.5 % (warns from 1.875 %): good
    block("on_time_delivery_rate", 0, 0, 0.9, "gte");      // no orders: no_data
    ReportedMetric bare;                                   // no figures at all: no_data
    bare.id = "invoice_defect_rate";
    ah.reported.push_back(bare);
    const Result& r = f.run(D(2026, 11, 20));
    std::map<std::string, std::string> status;
    for (const Metric& m : r.metrics) status[m.id] = m.status;
    CHECK(status == std::map<std::string, std::string>{{"late_shipment_rate_30d", "failing"},
                                                       {"valid_tracking_rate", "failing"},
                                                       {"odr", "failing"},
                                                       {"cancel_rate", "good"},
                                                       {"on_time_delivery_rate", "no_data"},
                                                       {"invoice_defect_rate", "no_data"}});
}

TEST_CASE("metrics: policies are embedded data; marketplaces inherit and set date order") {
    const std::vector<std::string> names = policy_names();
    CHECK(std::find(names.begin(), names.end(), "amazon") != names.end());
    CHECK(std::find(names.begin(), names.end(), "amazon.us") != names.end());
    std::string error;
    const auto us = load_policy("amazon.us", error);
    REQUIRE(us);
    CHECK(us->feedback_date_order == DateOrder::mdy);
    const MetricPolicy* odr = us->metric("odr");
    REQUIRE(odr);
    CHECK(odr->window.length == 60);
    CHECK(odr->window.delay == 14);
    CHECK(odr->rule.target.p == 1);
    CHECK(odr->rule.target.q == 100);
    CHECK(date_order_for_sales_channel("Amazon.co.uk") == DateOrder::dmy);
    CHECK(date_order_for_sales_channel("amazon.com") == DateOrder::mdy);
    CHECK_FALSE(load_policy("ebay.nowhere", error));
    CHECK(error.find("unknown policy") != std::string::npos);

    Fixture f;
    f.file("amazon.all_orders").orders.push_back(f.order(1, D(2026, 10, 1)));
    const Result& r = f.run(D(2026, 11, 20), "no-such-policy");
    CHECK(r.policy == "amazon");
    CHECK_FALSE(r.warnings.empty());
}

TEST_CASE("metrics: each marketplace policy names its Amazon marketplace id, and each id one marketplace") {
    std::string error;
    const auto generic = load_policy("amazon", error);
    REQUIRE(generic);
    CHECK(generic->marketplace_ids.empty());
    const auto de = load_policy("amazon.de", error);
    REQUIRE(de);
    CHECK(de->marketplace_ids == std::vector<std::string>{"A1PA6795UKMFR9"});
    CHECK(marketplace_name("ATVPDKIKX0DER") == "Amazon.com (United States)");
    CHECK(marketplace_name("A1VC38T7YXB528") == "Amazon.co.jp (Japan)");
    CHECK(marketplace_name("NOT-AN-ID").empty());
    std::map<std::string, std::string> owner;
    for (const std::string& name : policy_names()) {
        const auto p = load_policy(name, error);
        REQUIRE(p);
        CAPTURE(name);
        CHECK(p->marketplace_ids.size() == (name == "amazon" ? 0u : 1u));
        for (const std::string& id : p->marketplace_ids) CHECK(owner.emplace(id, name).second);
    }
}

TEST_CASE("metrics: a million orders evaluate in well under a few seconds") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    Records& claims = f.file("template.claims");
    Records& shipments = f.file("template.shipments");
    orders.orders.reserve(1000000);
    std::mt19937 rng(3);
    for (int i = 1; i <= 1000000; ++i) {
        Order o = f.order(i, D(2025, 11, 20) + int(rng() % 366), rng() % 3 ? Channel::mfn : Channel::afn);
        o.cancelled = rng() % 50 == 0;
        orders.orders.push_back(o);
        if (rng() % 100 == 0) {
            Claim c;
            c.order = o.key;
            c.claim_day = o.day + 5;
            claims.claims.push_back(c);
        }
        if (o.channel == Channel::mfn && rng() % 4 == 0) {
            Shipment s;
            s.order = o.key;
            s.expected_ship = o.day + 1;
            s.ship_confirm = o.day + int(rng() % 3);
            s.has_tracking = s.tracking_valid = true;
            s.promised_delivery = o.day + 5;
            s.delivered = o.day + int(rng() % 7);
            shipments.shipments.push_back(s);
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const Result& r = f.run(D(2026, 11, 20));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("evaluate(1,000,000 orders) took ", seconds, " s");
    CHECK(find_metric(r, "odr", "mfn"));
    // Under ASan + UBSan (Debug, the sanitize preset) everything runs ~5-10x slower.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
    CHECK(seconds < 60.0);
#else
    CHECK(seconds < 5.0);
#endif
}
