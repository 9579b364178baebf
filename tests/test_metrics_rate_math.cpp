// Status, headroom and needed-to-recover arithmetic at exact boundaries (metrics.md "Status").
#include <doctest/doctest.h>

#include "core/engine/rate_math.h"

using namespace sh;

namespace {

RateRule rule(double target, Condition c, int64_t good = 1, int64_t bad = 0) {
    RateRule r;
    r.target = rational_from_decimal(target);
    r.target_value = target;
    r.condition = c;
    r.good_value = good;
    r.bad_value = bad;
    return r;
}

}  // namespace

TEST_CASE("metrics: decimal targets are exact fractions") {
    CHECK(rational_from_decimal(0.01).p == 1);
    CHECK(rational_from_decimal(0.01).q == 100);
    CHECK(rational_from_decimal(0.025).q == 40);
    CHECK(rational_from_decimal(0.95).p == 19);
    CHECK(rational_from_decimal(4.5).p == 9);
    CHECK(rational_from_decimal(4.5).q == 2);
}

TEST_CASE("metrics: lt (must stay below): rate exactly at the target is failing") {
    const RateRule odr = rule(0.01, Condition::lt);
    CHECK(status_of(3, 300, odr) == Status::failing);  // 3/300 = 0.01
    CHECK(status_of(3, 301, odr) == Status::warning);  // 0.00997 >= 0.0075
    CHECK(status_of(3, 400, odr) == Status::warning);  // 0.0075 = 0.75 * 0.01: warning
    CHECK(status_of(2, 400, odr) == Status::good);
    CHECK(status_of(0, 0, odr) == Status::no_data);
    // headroom = ceil(0.01 * den - num) - 1, floor 0
    CHECK(headroom(2, 300, odr) == 0);   // 3 - 2 = 1 -> 0: one more defect makes 3/300
    CHECK(headroom(0, 300, odr) == 2);
    CHECK(headroom(3, 812, odr) == 5);   // ceil(8.12 - 3) - 1 = 5 (output.md's example)
    CHECK(headroom(3, 301, odr) == 0);   // ceil(0.01) - 1 = 0
    // needed = floor(num / 0.01 - den) + 1
    CHECK(needed_to_recover(3, 300, odr) == 1);   // 3/301 < 0.01
    CHECK(needed_to_recover(5, 401, odr) == 100); // 5/501 < 0.01, 5/500 is not
    CHECK(needed_to_recover(4, 350, odr) == 51);  // floor(400 - 350) + 1
    const RateRule cancel = rule(0.025, Condition::lt);
    CHECK(status_of(3, 120, cancel) == Status::failing);
    CHECK(needed_to_recover(3, 120, cancel) == 1);
    CHECK(headroom(1, 120, cancel) == 1);  // ceil(3 - 1) - 1
}

TEST_CASE("metrics: gt and gte: headroom counts further bad items added to the denominator only") {
    const RateRule vtr = rule(0.95, Condition::gt);
    CHECK(status_of(95, 100, vtr) == Status::failing);  // 0.95 is not above 0.95
    CHECK(status_of(96, 100, vtr) == Status::warning);  // bad share 0.04 >= 0.75 * 0.05
    CHECK(status_of(99, 100, vtr) == Status::good);
    // k < num/t - den: 96/0.95 - 100 = 1.05 -> k = 1 (96/101 = 0.9505; 96/102 = 0.941)
    CHECK(headroom(96, 100, vtr) == 1);
    CHECK(headroom(57, 60, vtr) == 0);  // 57/60 = 0.95: failing anyway; 60 - 60 = 0
    // m > (t*den - num)/(1 - t): (47.5 - 47)/0.05 = 10 -> 11 (58/61 = 0.9508; 57/60 = 0.95)
    CHECK(needed_to_recover(47, 50, vtr) == 11);
    CHECK(needed_to_recover(95, 100, vtr) == 1);

    const RateRule otd = rule(0.90, Condition::gte);
    CHECK(status_of(90, 100, otd) == Status::warning);  // exactly 0.90 passes; bad 0.10 >= 0.075
    CHECK(status_of(89, 100, otd) == Status::failing);
    CHECK(status_of(92, 100, otd) == Status::warning);  // bad share 0.08 >= 0.075
    CHECK(status_of(93, 100, otd) == Status::good);
    CHECK(headroom(90, 100, otd) == 0);
    CHECK(headroom(95, 100, otd) == 5);  // 95/105 = 0.905; 95/106 = 0.896
    CHECK(needed_to_recover(89, 100, otd) == 10);  // 99/110 = 0.90
    CHECK(needed_to_recover(7, 10, otd) == 20);    // 27/30 = 0.90
}

TEST_CASE("metrics: averages: bad items are 1 star, good items 5 stars") {
    const RateRule avg = rule(4.5, Condition::gte, 5, 1);
    CHECK(status_of(45, 10, avg) == Status::warning);  // 4.5 passes; 5 - 4.5 >= 0.75 * 0.5
    CHECK(status_of(47, 10, avg) == Status::good);     // 4.7: 0.3 < 0.375
    CHECK(status_of(44, 10, avg) == Status::failing);
    CHECK(headroom(46, 10, avg) == 0);                 // 47/11 = 4.27
    CHECK(headroom(494, 100, avg) == 12);              // 506/112 = 4.518; 507/113 = 4.487
    CHECK(needed_to_recover(44, 10, avg) == 2);        // 54/12 = 4.5
}
