// The dashboard's what-if arithmetic (src/app/whatif.h) against metrics.md, worked by hand.
#include <doctest/doctest.h>

#include "app/whatif.h"

using sh::Metric;
using sh::app::rule_for;
using sh::app::what_if;
using sh::app::whatif_flips;
using sh::app::whatif_range;
using sh::app::whatif_room;

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

TEST_CASE("what-if slider ranges reach the recovery of a failing lt metric") {
    // ODR 12 of 300 at < 1 %: recovery needs floor(12/0.01 - 300) + 1 = 901 orders
    // (12/1200 = 1.00 % still fails, 12/1201 passes). Orders: max(100, 2·300, ceil(1.2·901) = 1082).
    const Metric m = metric("odr", 12, 300, 0.01, "lt");
    const auto rule = *rule_for(m);
    const auto range = whatif_range(m, rule);
    REQUIRE(range.orders_to_recover);
    CHECK(*range.orders_to_recover == 901);
    CHECK_FALSE(range.bad_to_fail);
    CHECK(range.max_orders == 1082);
    CHECK(range.max_bad == 20);  // already failing: max(20, 0 + 5)
    CHECK(what_if(m, rule, range.max_orders, 0).status != "failing");
}

TEST_CASE("what-if slider ranges reach the first failing count of a good lt metric") {
    SUBCASE("ODR 3 of 812: the sixth new defective order fails it") {
        // (3+k)/(812+k) >= 0.01  <=>  0.99 k >= 5.12  <=>  k >= 6. Bad: max(20, 6 + 5) = 20;
        // orders: max(100, 2·812) = 1624.
        const Metric m = metric("odr", 3, 812, 0.01, "lt");
        const auto range = whatif_range(m, *rule_for(m));
        REQUIRE(range.bad_to_fail);
        CHECK(*range.bad_to_fail == 6);
        CHECK(range.max_bad == 20);
        CHECK(range.max_orders == 1624);
    }
    SUBCASE("late shipment 100 of 10000 at < 4 %: room for hundreds") {
        // (100+k)/(10000+k) >= 0.04  <=>  0.96 k >= 300  <=>  k >= 312.5 -> 313.
        // Bad: 313 + max(5, ceil(313/5) = 63) = 376, above the headroom ceil(400-100)-1 = 299.
        const Metric m = metric("late_shipment_rate_10d", 100, 10000, 0.04, "lt");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK(*range.bad_to_fail == 313);
        CHECK(range.max_bad == 376);
        CHECK(range.max_orders == 20000);
    }
}

TEST_CASE("what-if slider ranges for gte metrics and the feedback average") {
    SUBCASE("on-time delivery 80 of 100 at >= 90 % needs 100 on-time units") {
        // (80+m)/(100+m) >= 0.9  <=>  0.1 m >= 10  <=>  m >= 100. Orders: max(100, 200, 120) = 200.
        const Metric m = metric("on_time_delivery_rate", 80, 100, 0.90, "gte");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK(*range.orders_to_recover == 100);
        CHECK(range.max_orders == 200);
    }
    SUBCASE("on-time delivery 90 of 100 fails with the first late unit") {
        const Metric m = metric("on_time_delivery_rate", 90, 100, 0.90, "gte");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK(*range.bad_to_fail == 1);
        CHECK(range.max_bad == 20);
    }
    SUBCASE("feedback average 4.2 (42 stars, 10 entries) needs six 5-star entries for 4.5") {
        // (42+5m)/(10+m) >= 4.5  <=>  0.5 m >= 3  <=>  m >= 6. Orders: max(100, 20, ceil(7.2) = 8) = 100.
        const Metric m = metric("feedback_average_365d", 42, 10, 4.5, "gte");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK(*range.orders_to_recover == 6);
        CHECK(range.max_orders == 100);
    }
    SUBCASE("a 100 % target no number of good items reaches") {
        // 99 of 100 at >= 100 %: (99+m)/(100+m) < 1 for every m. Orders: max(100, 200) = 200.
        const Metric m = metric("valid_tracking_rate", 99, 100, 1.0, "gte");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK_FALSE(range.orders_to_recover);
        CHECK(range.max_orders == 200);
    }
}

TEST_CASE("what-if slider ranges with no orders, and for a huge window") {
    SUBCASE("no orders: the first bad order is 1/1 = 100 % and fails") {
        const Metric m = metric("odr", 0, 0, 0.01, "lt");
        const auto range = whatif_range(m, *rule_for(m));
        CHECK(*range.bad_to_fail == 1);
        CHECK(range.max_orders == 100);
        CHECK(range.max_bad == 20);
    }
    SUBCASE("2·den beyond an int slider is capped") {
        const Metric m = metric("odr", 0, 900'000'000, 0.01, "lt");
        CHECK(whatif_range(m, *rule_for(m)).max_orders == 1'000'000'000);
    }
}

TEST_CASE("what-if room: headroom and recovery of the outcome in the overview's words") {
    // ODR 3 of 812: headroom ceil(0.01·812 - 3) - 1 = 5 (defects on orders already counted),
    // as the overview says; with 2 new defective orders, 5/814: ceil(8.14 - 5) - 1 = 3.
    const Metric m = metric("odr", 3, 812, 0.01, "lt");
    const auto rule = *rule_for(m);
    CHECK(*whatif_room(what_if(m, rule, 0, 0), rule).allowed == 5);
    CHECK(*whatif_room(what_if(m, rule, 0, 2), rule).allowed == 3);
    // 9/818 fails; recovery needs floor(9/0.01 - 818) + 1 = 83 orders.
    const auto failing = whatif_room(what_if(m, rule, 0, 6), rule);
    CHECK_FALSE(failing.allowed);
    CHECK(*failing.needed == 83);
    SUBCASE("gte: on-time 95 of 100 at >= 90 % allows floor((95 - 90)/0.9) = 5 late units") {
        const Metric otd = metric("on_time_delivery_rate", 95, 100, 0.90, "gte");
        CHECK(*whatif_room(what_if(otd, *rule_for(otd), 0, 0), *rule_for(otd)).allowed == 5);
    }
    SUBCASE("no orders: nothing to say") {
        const Metric none = metric("odr", 0, 0, 0.01, "lt");
        const auto room = whatif_room(what_if(none, *rule_for(none), 0, 0), *rule_for(none));
        CHECK_FALSE(room.allowed);
        CHECK_FALSE(room.needed);
    }
}

TEST_CASE("what-if flips: where each slider turns the status, the other held") {
    // ODR 3 of 812 at < 1 %: the sixth new defective order fails it (9/818); nothing to recover.
    const Metric m = metric("odr", 3, 812, 0.01, "lt");
    const auto rule = *rule_for(m);
    auto flips = whatif_flips(m, rule, 0, 0);
    CHECK(*flips.orders_to_pass == 0);
    CHECK(*flips.bad_to_fail == 6);
    // With 10 new defective orders, 13/822 fails: 13/0.01 - 822 = 478 -> 479 orders end it.
    flips = whatif_flips(m, rule, 0, 10);
    CHECK(*flips.orders_to_pass == 479);
    CHECK(*flips.bad_to_fail == 6);
    // With 188 extra good orders, (3+k)/(1000+k) >= 0.01 <=> 0.99 k >= 7 <=> k >= 8 (7.07).
    CHECK(*whatif_flips(m, rule, 188, 0).bad_to_fail == 8);
}
