// What-if arithmetic (metrics.md): a metric's rate and status after extra orders and extra
// bad items, with the engine's exact status rule. Header-only and free of ImGui so the native
// tests check it (tests/test_app_whatif.cpp).
#pragma once

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

}  // namespace sh::app
