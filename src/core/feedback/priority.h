// The order a seller should work through feedback in (feedback.md "Priority and actions").
#pragma once

#include <vector>

#include "core/feedback/report.h"

namespace sh::feedback {

// Sets `priority` (1 = act first, each entry its own rank) and sorts entries by it:
// 1. removal-eligible, not yet removed (each removal is one defect less), newest first;
// 2. unanswered negative (1–2 stars), newest first (a reply within 24 hours is the norm);
// 3. unanswered neutral (3 stars), newest first;
// 4. answered negative and neutral, newest first;
// 5. positive, newest first;
// 6. already removed.
void prioritise(std::vector<FeedbackEntryResult>& entries);

}  // namespace sh::feedback
