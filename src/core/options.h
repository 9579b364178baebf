// The seller's choices that change how the result is computed (CLI flags, page setters).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/day.h"
#include "core/records.h"

namespace sh {

// Seller Central's feedback page counts every rating per window; Amazon's Feedback Manager
// export holds only the 1-3 star ones. Typed in, these totals make the positive share
// computable (metrics.md: "unless the user supplies totals").
struct FeedbackTotals {
    std::optional<uint64_t> d30, d90, d365, lifetime;

    // The total for a window length in days (0 = lifetime); none when not typed in.
    std::optional<uint64_t> for_window(int days) const;
    bool any() const { return d30 || d90 || d365 || lifetime; }
};

struct Options {
    MaybeDay as_of;                       // unset: the latest event day in all inputs
    std::string policy = "amazon";        // amazon, amazon.us, amazon.de, ...
    DateOrder date_order = DateOrder::unknown;  // for D/M/YY vs M/D/YY feedback dates
    // Amazon's Account Health Rating (0-1000) as the seller reads it off Seller Central: no
    // report file carries the number (the Account Health JSON has only its status).
    std::optional<int> account_health_rating;
    FeedbackTotals feedback_totals;
};

// Parses "30d=120,90d=410,365d=1650,lifetime=5230" (any subset, any order; "" clears all).
// On failure returns false and says why in `error`, leaving `out` unchanged.
bool parse_feedback_totals(std::string_view text, FeedbackTotals& out, std::string& error);
// "30d=120,lifetime=5230": the inverse of parse_feedback_totals ("" when none is set).
std::string format_feedback_totals(const FeedbackTotals& totals);
// Parses an Account Health Rating "0".."1000"; "" clears it. False (with `error`) otherwise.
bool parse_account_health_rating(std::string_view text, std::optional<int>& out, std::string& error);
// Parses an as_of day: exactly YYYY-MM-DD, a real date, in the years the readers take as
// plausible (2000 to 2099: a window of year 0000 is no seller's). None otherwise.
std::optional<Day> parse_as_of(std::string_view text);

}  // namespace sh
