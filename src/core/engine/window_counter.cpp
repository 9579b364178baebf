// Sliding-window counts over per-day difference arrays (see window_counter.h).
#include "core/engine/window_counter.h"

#include <algorithm>

namespace sh {

WindowCounter::WindowCounter(WindowSpec spec, Day first, Day as_of)
    : spec_(spec), first_(std::min(first, as_of)), as_of_(as_of) {
    const size_t days = static_cast<size_t>(as_of_ - first_) + 2;
    num_diff_.assign(days, 0);
    den_diff_.assign(days, 0);
    if (!spec_.lifetime()) {
        const size_t span = static_cast<size_t>(spec_.length + spec_.delay);
        num_by_day_.assign(span, 0);
        den_by_day_.assign(span, 0);
    }
}

Day WindowCounter::window_from() const {
    return spec_.lifetime() ? std::min(first_, window_to()) : as_of_ - spec_.delay - spec_.length + 1;
}

MaybeDay WindowCounter::drops_out_on(Day window_day) const {
    if (spec_.lifetime()) return {};
    return window_day + spec_.delay + spec_.length;
}

void WindowCounter::add(std::vector<int64_t>& diff, std::vector<int64_t>& by_day, int64_t& total, Day window_day,
                        Day known_day, int64_t weight) {
    if (known_day > as_of_ || window_day > as_of_) return;  // facts after as_of are ignored
    // Evaluation days D that see the item: window_day + delay <= D <= window_day + delay + length - 1.
    Day start = std::max(window_day + spec_.delay, known_day);
    start = std::max(start, first_);
    Day end = spec_.lifetime() ? as_of_ : std::min(window_day + spec_.delay + spec_.length - 1, as_of_);
    if (start <= end) {
        diff[static_cast<size_t>(start - first_)] += weight;
        diff[static_cast<size_t>(end - first_) + 1] -= weight;
    }
    if (in_window(window_day)) total += weight;
    if (!spec_.lifetime() && window_day >= window_from()) by_day[static_cast<size_t>(window_day - window_from())] += weight;
}

void WindowCounter::add_den(Day window_day, Day known_day, int64_t weight) {
    if (known_day <= as_of_ && in_window(window_day)) any_den_ = true;
    add(den_diff_, den_by_day_, den_, window_day, known_day, weight);
}

void WindowCounter::add_num(Day window_day, Day known_day, int64_t weight) {
    add(num_diff_, num_by_day_, num_, window_day, known_day, weight);
}

std::vector<DailyPoint> WindowCounter::series() const {
    std::vector<DailyPoint> out;
    const size_t days = static_cast<size_t>(as_of_ - first_) + 1;
    out.reserve(days);
    int64_t num = 0, den = 0;
    for (size_t i = 0; i < days; ++i) {
        num += num_diff_[i];
        den += den_diff_[i];
        out.push_back({first_ + static_cast<int>(i), double(num), double(den)});
    }
    return out;
}

MaybeDay WindowCounter::recovers_on(const RateRule& rule) const {
    if (spec_.lifetime() || !is_failing(num_, den_, rule)) return {};
    const int64_t n = spec_.length;
    const size_t span = num_by_day_.size();
    // prefix sums over window days window_from .. as_of
    std::vector<int64_t> pnum(span + 1, 0), pden(span + 1, 0);
    for (size_t i = 0; i < span; ++i) {
        pnum[i + 1] = pnum[i] + num_by_day_[i];
        pden[i + 1] = pden[i] + den_by_day_[i];
    }
    const bool lt = rule.condition == Condition::lt;
    for (int j = 1; j <= spec_.length; ++j) {
        // window of as_of + j, as indices into the by-day arrays: [j, length - 1 + j]
        const size_t lo = static_cast<size_t>(j);
        const size_t hi_known = std::min(span, static_cast<size_t>(spec_.length + j));  // exclusive
        const int64_t known_num = lo < hi_known ? pnum[hi_known] - pnum[lo] : 0;
        const int64_t known_den = lo < hi_known ? pden[hi_known] - pden[lo] : 0;
        const int64_t future_days = std::max(0, j - spec_.delay);
        // scaled by the window length n so the average daily count den_/n stays exact
        const int64_t den_s = known_den * n + future_days * den_;
        const int64_t num_s = known_num * n + (lt ? 0 : future_days * den_ * rule.good_value);
        if (!is_failing(num_s, den_s, rule)) return as_of_ + j;
    }
    return {};
}

}  // namespace sh
