// Exact status, headroom and recovery arithmetic (see rate_math.h).
#include "core/engine/rate_math.h"

#include <cmath>

namespace sh {

namespace {

int64_t gcd64(int64_t a, int64_t b) {
    while (b) {
        const int64_t t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

}  // namespace

Rational rational_from_decimal(double v) {
    int64_t q = 1;
    for (int places = 0; places <= 6; ++places, q *= 10) {
        const double scaled = v * double(q);
        const double rounded = std::round(scaled);
        if (std::fabs(scaled - rounded) <= 1e-9 * std::fmax(1.0, std::fabs(scaled)) || places == 6) {
            int64_t p = static_cast<int64_t>(rounded);
            const int64_t g = gcd64(p, q);
            return g > 1 ? Rational{p / g, q / g} : Rational{p, q};
        }
    }
    return {};
}

int64_t floor_div(int64_t a, int64_t b) {
    int64_t d = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --d;
    return d;
}

int64_t ceil_div(int64_t a, int64_t b) {
    int64_t d = a / b;
    if ((a % b != 0) && ((a < 0) == (b < 0))) ++d;
    return d;
}

const char* condition_name(Condition c) {
    switch (c) {
        case Condition::lt: return "lt";
        case Condition::gt: return "gt";
        case Condition::gte: return "gte";
    }
    return "lt";
}

const char* status_name(Status s) {
    switch (s) {
        case Status::no_data: return "no_data";
        case Status::good: return "good";
        case Status::warning: return "warning";
        case Status::failing: return "failing";
    }
    return "no_data";
}

bool is_failing(int64_t num, int64_t den, const RateRule& r) {
    if (den <= 0) return false;
    const int64_t P = r.target.p, Q = r.target.q;
    switch (r.condition) {
        case Condition::lt: return num * Q >= P * den;   // rate >= t
        case Condition::gt: return num * Q <= P * den;   // rate <= t
        case Condition::gte: return num * Q < P * den;   // rate < t
    }
    return false;
}

Status status_of(int64_t num, int64_t den, const RateRule& r) {
    if (den <= 0) return Status::no_data;
    if (is_failing(num, den, r)) return Status::failing;
    const int64_t P = r.target.p, Q = r.target.q;
    const int64_t Wp = r.warn_fraction.p, Wq = r.warn_fraction.q;
    bool warn = false;
    if (r.condition == Condition::lt) {
        // bad share num/den >= w * t
        warn = num * Q * Wq >= Wp * P * den;
    } else {
        // bad share (g - rate) >= w * (g - t), with g the good item's value (1 for rates)
        const int64_t g = r.good_value;
        warn = (g * den - num) * Q * Wq >= Wp * (g * Q - P) * den;
    }
    return warn ? Status::warning : Status::good;
}

int64_t headroom(int64_t num, int64_t den, const RateRule& r) {
    const int64_t P = r.target.p, Q = r.target.q;
    int64_t k = 0;
    switch (r.condition) {
        case Condition::lt: k = ceil_div(P * den - Q * num, Q) - 1; break;
        case Condition::gte: k = floor_div(Q * num - P * den, P - Q * r.bad_value); break;
        case Condition::gt: k = ceil_div(Q * num - P * den, P - Q * r.bad_value) - 1; break;
    }
    return k < 0 ? 0 : k;
}

int64_t needed_to_recover(int64_t num, int64_t den, const RateRule& r) {
    const int64_t P = r.target.p, Q = r.target.q;
    int64_t m = 0;
    switch (r.condition) {
        case Condition::lt: m = floor_div(Q * num - P * den, P) + 1; break;
        case Condition::gte: m = ceil_div(P * den - Q * num, Q * r.good_value - P); break;
        case Condition::gt: m = floor_div(P * den - Q * num, Q * r.good_value - P) + 1; break;
    }
    return m < 0 ? 0 : m;
}

}  // namespace sh
