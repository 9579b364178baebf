// Counting positive/neutral/negative feedback per window (counts.h).
#include "core/feedback/counts.h"

namespace sh::feedback {

void count_feedback(const std::vector<FeedbackItem>& items, Day as_of, FeedbackReport& report) {
    struct Window {
        const char* name;
        int days;  // 0 = lifetime
    };
    constexpr Window kWindows[] = {{"30d", 30}, {"90d", 90}, {"365d", 365}, {"lifetime", 0}};
    for (const Window& w : kWindows) report.counts[w.name] = {};
    int rating_sum = 0, rated = 0;
    for (const FeedbackItem& item : items) {
        if (item.day > as_of || item.removed || item.rating < 1 || item.rating > 5) continue;
        const int age = as_of - item.day;
        for (const Window& w : kWindows) {
            if (w.days != 0 && age >= w.days) continue;
            FeedbackCounts& c = report.counts[w.name];
            if (item.rating >= 4) ++c.positive;
            else if (item.rating == 3) ++c.neutral;
            else ++c.negative;
        }
        if (age < 365) {
            rating_sum += item.rating;
            ++rated;
        }
    }
    for (auto& [name, c] : report.counts) c.positive_share = counted_share(c);
    report.average_365d = rated ? std::optional<double>(double(rating_sum) / rated) : std::nullopt;
}

}  // namespace sh::feedback
