// Feedback intelligence (feedback.md): root causes, removal eligibility, priorities, drafts.
#pragma once

#include <string>
#include <vector>

#include "core/day.h"
#include "core/feedback/report.h"
#include "core/records.h"

namespace sh {

// One feedback entry as the engine hands it over: day resolved, order joined.
struct FeedbackItem {
    Day day;
    int rating = 0;                    // 1..5
    std::string order_id;              // "" when unknown
    std::string comment;
    bool answered = false;             // the seller has responded
    bool removed = false;              // removed or struck through: not counted
    Channel channel = Channel::unknown;  // from the orders file, when loaded
};

// Analyses every entry as of `as_of` (entries dated after as_of are ignored).
FeedbackReport analyse_feedback(const std::vector<FeedbackItem>& items, Day as_of);

}  // namespace sh
