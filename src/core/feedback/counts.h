// Feedback counts per window and the 365-day average (feedback.md "Scores").
#pragma once

#include <vector>

#include "core/feedback/analyse.h"
#include "core/feedback/report.h"

namespace sh::feedback {

// Fills report.counts ("30d", "90d", "365d", "lifetime") and report.average_365d. Windows end
// on as_of and include both ends (30d = as_of−29 … as_of); later entries and removed ones are
// not counted.
void count_feedback(const std::vector<FeedbackItem>& items, Day as_of, FeedbackReport& report);

}  // namespace sh::feedback
