// Ranking feedback entries by what the seller should do first (priority.h).
#include "core/feedback/priority.h"

#include <algorithm>

namespace sh::feedback {

namespace {

int group(const FeedbackEntryResult& e) {
    if (e.removed) return 6;
    if (e.removal_eligible) return 1;
    if (e.rating >= 4) return 5;
    if (e.answered) return 4;
    return e.rating == 3 ? 3 : 2;
}

}  // namespace

void prioritise(std::vector<FeedbackEntryResult>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const FeedbackEntryResult& a, const FeedbackEntryResult& b) {
        const int ga = group(a), gb = group(b);
        if (ga != gb) return ga < gb;
        if (a.day != b.day) return a.day > b.day;
        return a.rating < b.rating;
    });
    int rank = 0;
    for (FeedbackEntryResult& e : entries) e.priority = ++rank;
}

}  // namespace sh::feedback
