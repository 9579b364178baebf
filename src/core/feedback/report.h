// The feedback part of the result (output.md "feedback", feedback.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/day.h"

namespace sh {

struct FeedbackCounts {
    uint32_t positive = 0, neutral = 0, negative = 0;
    // The window's positive share: its feedback_positive_rate metric's rate once evaluated
    // (feedback_figures_from_metrics, result.h: none from the 1–3 star export alone), else
    // counted_share.
    std::optional<double> positive_share;
};

// 4–5 stars over all counted entries; nullopt when there are none.
inline std::optional<double> counted_share(const FeedbackCounts& c) {
    const uint32_t total = c.positive + c.neutral + c.negative;
    if (total == 0) return std::nullopt;
    return double(c.positive) / double(total);
}

// A span of the comment (byte offsets into its UTF-8 text) that triggered a cause.
struct Trigger {
    std::string cause;
    uint32_t begin = 0, end = 0;
};

struct FeedbackEntryResult {
    Day day;
    int rating = 0;
    std::string order_id;
    std::string comment;
    std::vector<std::string> causes;
    std::vector<Trigger> triggers;
    bool removal_eligible = false;
    std::vector<std::string> removal_reasons;
    std::string language;            // en, zh-Hans, zh-Hant, de, fr, es, it, ja
    bool answered = false;
    bool removed = false;            // removed or struck through already: listed, not counted
    int priority = 0;                // 1 = act first (entries are sorted by it)
    std::string draft;               // reply draft in the buyer's language
};

struct FeedbackReport {
    bool present = false;            // any feedback input loaded
    std::map<std::string, FeedbackCounts> counts;  // "30d", "90d", "365d", "lifetime"
    // Causes of unhappy (1–3 star), not removed entries of the last 365 days, most frequent first.
    std::vector<std::pair<std::string, uint32_t>> root_causes;
    std::vector<FeedbackEntryResult> entries;
    std::optional<double> average_365d;  // as positive_share: the feedback_average_365d metric's
};

}  // namespace sh
