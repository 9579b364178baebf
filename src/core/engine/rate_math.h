// Exact status, headroom and recovery arithmetic for a metric's target (metrics.md "Status").
// Targets like 0.01 are decimals, so they are held as exact fractions p/q and every
// comparison is done in integers: 3/300 against 0.01 is failing, never "almost".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sh {

// A non-negative decimal as an exact fraction p/q (q a power of ten, reduced).
struct Rational {
    int64_t p = 0, q = 1;
    double value() const { return double(p) / double(q); }
};
// Exact for decimals with up to 6 places (0.025, 0.95, 4.5); others are rounded to 6 places.
Rational rational_from_decimal(double v);

int64_t floor_div(int64_t a, int64_t b);  // b > 0
int64_t ceil_div(int64_t a, int64_t b);   // b > 0

enum class Condition : uint8_t { lt, gt, gte };
const char* condition_name(Condition c);

// A window "length days ending as_of - delay"; length 0 means lifetime (all days).
struct WindowSpec {
    int length = 0;
    int delay = 0;
    bool lifetime() const { return length == 0; }
};

// A target and how items move the numerator (policy data).
struct RateRule {
    Rational target;
    double target_value = 0;
    Condition condition = Condition::lt;
    Rational warn_fraction{3, 4};
    // What one item adds to the numerator, for metrics whose numerator counts good things
    // (gt/gte): a rate's good item adds 1 and a bad one 0; an average's 5 and 1 stars.
    int64_t good_value = 1;
    int64_t bad_value = 0;
};

enum class Status : uint8_t { no_data, good, warning, failing };
const char* status_name(Status s);

// num and den are counts (or a sum of item values and a count, for averages).
Status status_of(int64_t num, int64_t den, const RateRule& rule);
bool is_failing(int64_t num, int64_t den, const RateRule& rule);

// Not failing: the largest k of further bad items that keeps the metric not failing.
//   lt:  k = ceil(t*den - num) - 1 (a bad item turns an item already counted bad; den unchanged)
//   gte: k = floor((num - t*den) / (t - bad_value))   (a bad item adds bad_value / 1)
//   gt:  k = ceil((num - t*den) / (t - bad_value)) - 1
// never below 0.
int64_t headroom(int64_t num, int64_t den, const RateRule& rule);

// Failing: the smallest m of further good items that ends the failing.
//   lt:  m = floor(num/t - den) + 1                 (a good item adds 0 / 1)
//   gte: m = ceil((t*den - num) / (good_value - t)) (a good item adds good_value / 1)
//   gt:  m = floor((t*den - num) / (good_value - t)) + 1
int64_t needed_to_recover(int64_t num, int64_t den, const RateRule& rule);

}  // namespace sh
