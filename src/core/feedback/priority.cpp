// Ranking feedback entries by what the seller should do first (priority.h).
#include "core/feedback/priority.h"

#include <algorithm>
#include <cstdint>
#include <vector>

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
    // Ordered by small keys (group, newest first, lower rating first, then as they were), then
    // each entry, with its comment, causes and draft, moved once into its place: a year's
    // feedback is thousands of entries (issue 9).
    struct Key {
        int group;
        int32_t day;
        int rating;
        uint32_t at;
    };
    std::vector<Key> keys;
    keys.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i)
        keys.push_back({group(entries[i]), entries[i].day.n, entries[i].rating, static_cast<uint32_t>(i)});
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.group != b.group) return a.group < b.group;
        if (a.day != b.day) return a.day > b.day;
        if (a.rating != b.rating) return a.rating < b.rating;
        return a.at < b.at;
    });
    std::vector<FeedbackEntryResult> sorted;
    sorted.reserve(entries.size());
    for (const Key& k : keys) {
        sorted.push_back(std::move(entries[k.at]));
        sorted.back().priority = static_cast<int>(sorted.size());
    }
    entries = std::move(sorted);
}

}  // namespace sh::feedback
