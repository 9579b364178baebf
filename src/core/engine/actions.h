// What the seller should do today, most valuable first (result "actions").
#pragma once

#include <vector>

#include "core/engine/context.h"
#include "core/feedback/report.h"

namespace sh {

std::vector<Action> plan_actions(const EvalContext& ctx, const FeedbackReport& feedback);

}  // namespace sh
