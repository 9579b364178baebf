// Figures the seller types in (metrics.md): feedback totals that make the positive share
// computable from the Feedback Manager export, and the Account Health Rating.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/messages.h"
#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

TEST_CASE("options: feedback totals are WINDOW=COUNT pairs") {
    FeedbackTotals t;
    std::string error;
    REQUIRE(parse_feedback_totals(" 30d=120, lifetime=5230 ", t, error));
    CHECK(t.d30 == 120u);
    CHECK_FALSE(t.d90);
    CHECK(t.lifetime == 5230u);
    CHECK(t.for_window(30) == 120u);
    CHECK(t.for_window(0) == 5230u);
    CHECK_FALSE(t.for_window(7));
    CHECK(format_feedback_totals(t) == "30d=120,lifetime=5230");

    SUBCASE("bad text leaves the totals unchanged and says why") {
        for (const char* bad : {"30d=abc", "7d=1", "30d", "30d=-1", "90d=5,30d=10"}) {
            CAPTURE(bad);
            CHECK_FALSE(parse_feedback_totals(bad, t, error));
            CHECK(t.d30 == 120u);
            CHECK_FALSE(error.empty());
        }
        CHECK(error == "feedback totals: 90d (5) cannot be below 30d (10)");
    }
    SUBCASE("empty text clears them") {
        REQUIRE(parse_feedback_totals("", t, error));
        CHECK_FALSE(t.any());
        CHECK(format_feedback_totals(t).empty());
    }
}

TEST_CASE("options: the Account Health Rating is 0 to 1000") {
    std::optional<int> r;
    std::string error;
    REQUIRE(parse_account_health_rating("250", r, error));
    CHECK(r == 250);
    for (const char* bad : {"1001", "-1", "2x", "12.5"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_account_health_rating(bad, r, error));
        CHECK(r == 250);
    }
    REQUIRE(parse_account_health_rating(" ", r, error));
    CHECK_FALSE(r);
}

// as_of 2026-11-20: 30 days = 10-22 .. 11-20, 90 days = 08-23 .. 11-20.
// Feedback Manager rows: 11-01 ★1, 11-02 ★3 (both windows), 10-01 ★2 (90 days only).
TEST_CASE("metrics: typed feedback totals give the positive share of the Feedback Manager export") {
    Fixture f;
    Records& r = f.file("amazon.feedback");
    r.feedback.push_back(feedback_entry(f.id(1), D(2026, 11, 1), 1));
    r.feedback.push_back(feedback_entry(f.id(2), D(2026, 11, 2), 3));
    r.feedback.push_back(feedback_entry(f.id(3), D(2026, 10, 1), 2));
    Options options;
    options.as_of = D(2026, 11, 20);
    std::string error;
    REQUIRE(parse_feedback_totals("30d=40,90d=100", options.feedback_totals, error));
    options.feedback_totals.lifetime = 2;  // a typo the parser would refuse (below 90d)
    const Result& res = f.run_with(options);

    // 30 days: 40 ratings, 2 of them 1-3 stars: 38/40 = 0.95, not below 0.95, but the bad share
    // 0.05 is ≥ 0.75 × 0.05: warning. Headroom floor((38 - 0.95·40) / 0.95) = 0 (38/41 fails).
    const Metric* d30 = find_metric(res, "feedback_positive_rate_30d");
    REQUIRE(d30);
    CHECK(d30->numerator == 38);
    CHECK(d30->denominator == 40);
    CHECK(d30->rate == doctest::Approx(0.95));
    CHECK(d30->status == "warning");
    CHECK(d30->headroom == 0);
    CHECK(d30->series.empty());
    CHECK(d30->item_count == 2);

    // 90 days: 100 ratings, 3 low: 97/100 good; headroom floor((97 - 95) / 0.95) = 2
    // (97/102 = 0.951 passes, 97/103 = 0.942 fails). Components: 97 positive.
    const Metric* d90 = find_metric(res, "feedback_positive_rate_90d");
    REQUIRE(d90);
    CHECK(d90->numerator == 97);
    CHECK(d90->denominator == 100);
    CHECK(d90->status == "good");
    CHECK(d90->headroom == 2);
    REQUIRE(d90->components.size() == 3);
    CHECK(d90->components[0].second == 97);

    // 365 days: no total typed: as before, no share.
    const Metric* d365 = find_metric(res, "feedback_positive_rate_365d");
    REQUIRE(d365);
    CHECK(d365->status == "no_data");

    // Lifetime: 2 typed, but the files hold 3 low entries: the total cannot be right.
    const Metric* life = find_metric(res, "feedback_positive_rate_lifetime");
    REQUIRE(life);
    CHECK(life->status == "no_data");
    CHECK_FALSE(life->rate);
    REQUIRE_FALSE(life->notes.empty());
    CHECK(life->notes.back() == "The feedback total typed in for the lifetime (2) is below the 3 1-3 star entries in the files: check it.");

    // The average still needs every rating.
    const Metric* avg = find_metric(res, "feedback_average_365d");
    REQUIRE(avg);
    CHECK(avg->status == "no_data");

    // The feedback report's shares are the metrics': the typed ones, else none.
    CHECK(res.feedback.counts.at("30d").positive_share == doctest::Approx(0.95));
    CHECK(res.feedback.counts.at("90d").positive_share == doctest::Approx(0.97));
    CHECK_FALSE(res.feedback.counts.at("365d").positive_share);
    CHECK_FALSE(res.feedback.counts.at("lifetime").positive_share);
    CHECK_FALSE(res.feedback.average_365d);
}

// 30 days: 10 ratings, 2 low: 8/10 = 0.8 fails; it passes again after
// ceil((0.95·10 - 8) / (1 - 0.95)) = 30 more positive entries: 38/40 = 0.95 (37/39 fails).
TEST_CASE("metrics: a failing typed feedback share says how many positive entries it needs") {
    Fixture f;
    Records& r = f.file("amazon.feedback");
    r.feedback.push_back(feedback_entry(f.id(1), D(2026, 11, 1), 1));
    r.feedback.push_back(feedback_entry(f.id(2), D(2026, 11, 2), 3));
    Options options;
    options.as_of = D(2026, 11, 20);
    options.feedback_totals.d30 = 10;
    const Metric* d30 = find_metric(f.run_with(options), "feedback_positive_rate_30d");
    REQUIRE(d30);
    CHECK(d30->status == "failing");
    CHECK_FALSE(d30->headroom);
    CHECK(std::find(d30->notes.begin(), d30->notes.end(), "passes again after 30 more positive ratings and no bad one") !=
          d30->notes.end());
}

TEST_CASE("metrics: the Account Health Rating typed in is judged 200 / 100") {
    auto status_for = [](int rating) {
        Fixture f;
        Options options;
        options.account_health_rating = rating;
        const Metric* m = find_metric(f.run_with(options), "account_health_rating", "all", "amazon_report");
        REQUIRE(m);
        CHECK(m->rate == rating);
        CHECK(m->target == 200);
        return m->status;
    };
    CHECK(status_for(1000) == "good");
    CHECK(status_for(200) == "good");
    CHECK(status_for(199) == "warning");
    CHECK(status_for(100) == "warning");
    CHECK(status_for(99) == "failing");
    CHECK(status_for(0) == "failing");
}

TEST_CASE("metrics: the notes of typed figures carry codes the dashboard translates") {
    Fixture f;
    Records& r = f.file("amazon.feedback");
    r.feedback.push_back(feedback_entry(f.id(1), D(2026, 11, 1), 1));
    Options options;
    options.as_of = D(2026, 11, 20);
    options.feedback_totals.d30 = 40;
    options.feedback_totals.lifetime = 0;  // below the 1 entry loaded
    options.account_health_rating = 250;
    const Result& res = f.run_with(options);
    const Metric* d30 = find_metric(res, "feedback_positive_rate_30d");
    const Metric* life = find_metric(res, "feedback_positive_rate_lifetime");
    const Metric* ahr = find_metric(res, "account_health_rating", "all", "amazon_report");
    REQUIRE((d30 && life && ahr));
    REQUIRE((!d30->notes.empty() && !life->notes.empty() && !ahr->notes.empty()));

    const CodedText typed = recognise(d30->notes.back());
    CHECK(typed.code == "feedback_total_typed");
    REQUIRE(typed.param("days"));
    CHECK(*typed.param("days") == "30");
    CHECK(d30->notes.back().rfind("denominator typed in: Seller Central's count of ratings for the last 30 days;", 0) == 0);

    const CodedText below = recognise(life->notes.back());
    CHECK(below.code == "feedback_total_below_entries");
    CHECK(life->notes.back() == "The feedback total typed in for the lifetime (0) is below the 1 1-3 star entry in the files: check it.");

    CHECK(recognise(ahr->notes.back()).code == "account_health_rating_typed");
    CHECK(ahr->notes.back() == "typed in from Seller Central: 200 or more is healthy, 100-199 at risk, below 100 unhealthy");
}
