// The dashboard's what-if arithmetic (src/app/whatif.h) against metrics.md, worked by hand.
#include <doctest/doctest.h>

#include "app/whatif.h"

using sh::Metric;
using sh::app::rule_for;
using sh::app::what_if;

namespace {

Metric metric(const char* id, double num, double den, double target, const char* condition) {
    Metric m;
    m.id = id;
    m.numerator = num;
    m.denominator = den;
    m.target = target;
    m.condition = condition;
    return m;
}

}  // namespace

TEST_CASE("what-if on an lt metric adds bad items to numerator and denominator") {
    // ODR 3 of 812, target < 1 %: 5 more defects -> 8 / 817 = 0.98 % (bad share 0.98 ≥ 0.75 → warning).
    const Metric m = metric("odr", 3, 812, 0.01, "lt");
    const auto rule = rule_for(m);
    REQUIRE(rule);
    const auto out = what_if(m, *rule, 0, 5);
    CHECK(out.numerator == 8);
    CHECK(out.denominator == 817);
    CHECK(*out.rate == doctest::Approx(8.0 / 817.0));
    CHECK(out.status == "warning");
    SUBCASE("one more defect fails it: 9 / 818 = 1.10 %") { CHECK(what_if(m, *rule, 0, 6).status == "failing"); }
    SUBCASE("extra good orders only dilute: 3 / 1012") {
        const auto diluted = what_if(m, *rule, 200, 0);
        CHECK(diluted.numerator == 3);
        CHECK(diluted.denominator == 1012);
        CHECK(diluted.status == "good");
    }
    SUBCASE("nothing added keeps the engine's status") { CHECK(what_if(m, *rule, 0, 0).status == "good"); }
}

TEST_CASE("what-if recovers a failing lt metric with the orders metrics.md says it needs") {
    // 12 of 1000 at < 1 %: needed_to_recover = floor(12/0.01 - 1000) + 1 = 201.
    const Metric m = metric("odr", 12, 1000, 0.01, "lt");
    const auto rule = *rule_for(m);
    CHECK(what_if(m, rule, 200, 0).status == "failing");   // 12/1200 = 1.00 % is still failing
    CHECK(what_if(m, rule, 201, 0).status != "failing");   // 12/1201 < 1 %
}

TEST_CASE("what-if on a gte metric counts good items in the numerator") {
    // On-time delivery 90 of 100 at ≥ 90 %: one late unit -> 90/101 = 89.1 % failing;
    // ten on-time units -> 100/110 = 90.9 %.
    const Metric m = metric("on_time_delivery_rate", 90, 100, 0.90, "gte");
    const auto rule = *rule_for(m);
    CHECK(what_if(m, rule, 0, 1).status == "failing");
    const auto better = what_if(m, rule, 10, 0);
    CHECK(better.numerator == 100);
    CHECK(better.denominator == 110);
}

TEST_CASE("what-if on the feedback average adds five stars per good and one per bad entry") {
    // 46 stars over 10 entries = 4.6; one 1-star entry -> 47/11 = 4.27 failing against 4.5.
    const Metric m = metric("feedback_average_365d", 46, 10, 4.5, "gte");
    const auto rule = *rule_for(m);
    const auto out = what_if(m, rule, 0, 1);
    CHECK(out.numerator == 47);
    CHECK(*out.rate == doctest::Approx(47.0 / 11.0));
    CHECK(out.status == "failing");
}

TEST_CASE("what-if without a target or with no orders") {
    Metric m = metric("odr", 0, 0, 0.01, "lt");
    CHECK(what_if(m, *rule_for(m), 0, 0).status == "no_data");
    m.target.reset();
    CHECK_FALSE(rule_for(m));
}
