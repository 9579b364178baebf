// The one function that turns everything loaded into the result object.
#pragma once

#include <vector>

#include "core/engine/order_index.h"
#include "core/feedback/analyse.h"
#include "core/input.h"
#include "core/options.h"
#include "core/order_id.h"
#include "core/result.h"

namespace sh {

// `memo` (optional) keeps what reading each feedback comment found for the next evaluation;
// `index` (optional) the files' order index: used when ready, else built, and left there ready.
Result evaluate(const std::vector<LoadedFile>& files, const OrderIdPool& ids, const Options& options,
                CommentMemo* memo = nullptr, OrderIndexCache* index = nullptr);

}  // namespace sh
