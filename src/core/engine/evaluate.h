// The one function that turns everything loaded into the result object.
#pragma once

#include <vector>

#include "core/feedback/analyse.h"
#include "core/input.h"
#include "core/options.h"
#include "core/order_id.h"
#include "core/result.h"

namespace sh {

// `memo` (optional) keeps what reading each feedback comment found for the next evaluation.
Result evaluate(const std::vector<LoadedFile>& files, const OrderIdPool& ids, const Options& options,
                CommentMemo* memo = nullptr);

}  // namespace sh
