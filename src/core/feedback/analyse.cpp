// Placeholder until the feedback analyser lands: counts only.
#include "core/feedback/analyse.h"

namespace sh {

FeedbackReport analyse_feedback(const std::vector<FeedbackItem>& items, Day as_of) {
    FeedbackReport report;
    report.present = true;
    for (const char* w : {"30d", "90d", "365d", "lifetime"}) report.counts[w] = {};
    for (const FeedbackItem& item : items) {
        if (item.day > as_of || item.removed) continue;
        const int age = as_of - item.day;
        auto add = [&](FeedbackCounts& c) {
            if (item.rating >= 4) ++c.positive;
            else if (item.rating == 3) ++c.neutral;
            else ++c.negative;
        };
        if (age < 30) add(report.counts["30d"]);
        if (age < 90) add(report.counts["90d"]);
        if (age < 365) add(report.counts["365d"]);
        add(report.counts["lifetime"]);
    }
    return report;
}

}  // namespace sh
