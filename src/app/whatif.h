// What-if arithmetic (metrics.md): a metric's rate and status after extra orders and extra
// bad items, with the engine's exact status rule. Header-only and free of ImGui so the native
// tests check it (tests/test_app_whatif.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "core/engine/rate_math.h"
#include "core/result.h"

namespace sh::app {

struct WhatIfOutcome {
    double numerator = 0, denominator = 0;
    std::optional<double> rate;
    std::string status = "no_data";
};

// The rule a metric is judged by: the policy's when known, else its own target and condition
// with the default warn fraction 3/4.
inline std::optional<RateRule> rule_for(const Metric& m) {
    if (!m.target) return std::nullopt;
    RateRule rule;
    rule.target = rational_from_decimal(*m.target);
    rule.target_value = *m.target;
    if (m.condition == "lt") rule.condition = Condition::lt;
    else if (m.condition == "gt") rule.condition = Condition::gt;
    else if (m.condition == "gte") rule.condition = Condition::gte;
    else return std::nullopt;
    if (m.id == "feedback_average_365d") rule.good_value = 5, rule.bad_value = 1;  // stars
    return rule;
}

// extra_orders are further good items (orders without a problem); extra_bad further bad items.
//   lt  (numerator counts bad):  rate = (num + bad) / (den + orders + bad)
//   gt/gte (numerator counts good, or stars): rate = (num + orders*good_value + bad*bad_value)
//                                                     / (den + orders + bad)
inline WhatIfOutcome what_if(const Metric& m, const RateRule& rule, int64_t extra_orders, int64_t extra_bad) {
    WhatIfOutcome out;
    const auto num = static_cast<int64_t>(std::llround(m.numerator));
    const auto den = static_cast<int64_t>(std::llround(m.denominator));
    int64_t n = num, d = den + extra_orders + extra_bad;
    if (rule.condition == Condition::lt) n += extra_bad;
    else n += extra_orders * rule.good_value + extra_bad * rule.bad_value;
    out.numerator = double(n);
    out.denominator = double(d);
    if (d > 0) out.rate = double(n) / double(d);
    out.status = status_name(status_of(n, d, rule));
    return out;
}

// The largest count a slider offers (its value is an int).
constexpr int64_t kWhatIfMax = 1'000'000'000;

// The smallest k in 0..kWhatIfMax with stop(k), for a stop that stays true once true; nullopt
// when even kWhatIfMax does not (a target no number of good orders reaches).
template <class Stop>
std::optional<int64_t> first_count(Stop stop) {
    if (stop(0)) return 0;
    int64_t lo = 0, hi = 1;  // stop(lo) is false
    while (!stop(hi)) {
        if (hi >= kWhatIfMax) return std::nullopt;
        lo = hi;
        hi = std::min(hi * 2, kWhatIfMax);
    }
    while (hi - lo > 1) {
        const int64_t mid = lo + (hi - lo) / 2;
        (stop(mid) ? hi : lo) = mid;
    }
    return hi;
}

// Where each slider turns the status, the other slider held where it is: the fewest extra
// orders that end the failing, and the fewest extra bad items that make it fail. 0 when the
// status is already there; nullopt when no count up to kWhatIfMax does it.
struct WhatIfFlips {
    std::optional<int64_t> orders_to_pass, bad_to_fail;
};

inline WhatIfFlips whatif_flips(const Metric& m, const RateRule& rule, int64_t extra_orders, int64_t extra_bad) {
    const auto failing = [&](int64_t orders, int64_t bad) { return what_if(m, rule, orders, bad).status == "failing"; };
    WhatIfFlips flips;
    flips.orders_to_pass = first_count([&](int64_t k) { return !failing(k, extra_bad); });
    flips.bad_to_fail = first_count([&](int64_t k) { return failing(extra_orders, k); });
    return flips;
}

// Slider ranges a seller can use, and the two counts they are built around.
struct WhatIfRange {
    int max_orders = 100;                      // extra orders without a problem: 0..max_orders
    int max_bad = 20;                          // extra bad items: 0..max_bad
    std::optional<int64_t> orders_to_recover;  // failing: the fewest extra orders that end it
    std::optional<int64_t> bad_to_fail;        // not failing: the fewest extra bad items that fail it
};

// Extra orders reach twice the window's denominator and 1.2 × what recovery needs; extra bad
// items reach the first failing count and a fifth more (at least 5 more); never below 100 and
// 20, so a metric with few orders still moves in useful steps.
inline WhatIfRange whatif_range(const Metric& m, const RateRule& rule) {
    WhatIfRange range;
    const WhatIfFlips flips = whatif_flips(m, rule, 0, 0);
    if (what_if(m, rule, 0, 0).status == "failing") range.orders_to_recover = flips.orders_to_pass;
    else range.bad_to_fail = flips.bad_to_fail;
    const int64_t den = std::max<int64_t>(0, std::llround(m.denominator));
    const int64_t needed = range.orders_to_recover.value_or(0);
    const int64_t orders = std::max({int64_t(100), 2 * den, (needed * 6 + 4) / 5});
    const int64_t to_fail = range.bad_to_fail.value_or(0);
    const int64_t bad = std::max(int64_t(20), to_fail + std::max(int64_t(5), (to_fail + 4) / 5));
    range.max_orders = static_cast<int>(std::min(orders, kWhatIfMax));
    range.max_bad = static_cast<int>(std::min(bad, kWhatIfMax));
    return range;
}

// What an outcome leaves, in the overview's words (metrics.md): not failing, the headroom
// (further bad items that keep it not failing; for lt they land on orders already counted);
// failing, the further good orders needed to recover. nullopt when there is no such number.
struct WhatIfRoom {
    std::optional<int64_t> allowed, needed;
};

inline WhatIfRoom whatif_room(const WhatIfOutcome& out, const RateRule& rule) {
    WhatIfRoom room;
    const auto n = static_cast<int64_t>(std::llround(out.numerator));
    const auto d = static_cast<int64_t>(std::llround(out.denominator));
    if (d <= 0) return room;
    const bool lt = rule.condition == Condition::lt;
    if (!is_failing(n, d, rule)) {
        const auto fails = first_count([&](int64_t k) {
            return lt ? is_failing(n + k, d, rule) : is_failing(n + k * rule.bad_value, d + k, rule);
        });
        if (fails) room.allowed = *fails - 1;
    } else {
        room.needed = first_count([&](int64_t k) {
            return !is_failing(lt ? n : n + k * rule.good_value, d + k, rule);
        });
    }
    return room;
}

}  // namespace sh::app
