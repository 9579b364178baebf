// Sliding-window counts of one metric: its value as of as_of, the daily series for the trend
// chart, and the recovery day. O(days + items): each item adds two entries to difference
// arrays over evaluation days instead of being re-scanned for every day.
#pragma once

#include <cstdint>
#include <vector>

#include "core/day.h"
#include "core/engine/rate_math.h"
#include "core/result.h"

namespace sh {

class WindowCounter {
public:
    // Evaluation days run from `first` to `as_of` (the loaded range).
    WindowCounter(WindowSpec spec, Day first, Day as_of);

    // An item counts on evaluation day D when its window day lies in D's window
    // ("length days ending D - delay") and it was known by D (known_day <= D).
    // Items known after as_of are ignored altogether.
    void add_den(Day window_day, Day known_day, int64_t weight = 1);
    void add_num(Day window_day, Day known_day, int64_t weight = 1);

    // The window as of as_of, both ends included.
    Day window_from() const;
    Day window_to() const { return as_of_ - spec_.delay; }
    bool in_window(Day window_day) const { return window_day >= window_from() && window_day <= window_to(); }
    // The first as_of at which an item of this window day has left the window.
    MaybeDay drops_out_on(Day window_day) const;

    int64_t numerator() const { return num_; }
    int64_t denominator() const { return den_; }
    // Days with at least one item in the denominator.
    bool any_den_item() const { return any_den_; }

    // The metric as of each day from `first` to as_of.
    std::vector<DailyPoint> series() const;

    // metrics.md "Recovers on": the first day after as_of on which the metric stops failing,
    // when each future day brings the current window's average daily count of items, none bad.
    // Days already past (inside the delay) bring what is known of them. Unset when the metric
    // is not failing, is a lifetime metric, or does not recover within one window length.
    MaybeDay recovers_on(const RateRule& rule) const;

private:
    void add(std::vector<int64_t>& diff, std::vector<int64_t>& by_day, int64_t& total, Day window_day,
             Day known_day, int64_t weight);

    WindowSpec spec_;
    Day first_, as_of_;
    std::vector<int64_t> num_diff_, den_diff_;      // by evaluation day, first .. as_of + 1
    std::vector<int64_t> num_by_day_, den_by_day_;  // known at as_of, by window day, window_from .. as_of
    int64_t num_ = 0, den_ = 0;
    bool any_den_ = false;
};

}  // namespace sh
