// The seller's choices that change how the result is computed (CLI flags, page setters).
#pragma once

#include <string>

#include "core/day.h"
#include "core/records.h"

namespace sh {

struct Options {
    MaybeDay as_of;                       // unset: the latest event day in all inputs
    std::string policy = "amazon";        // amazon, amazon.us, amazon.de, ...
    DateOrder date_order = DateOrder::unknown;  // for D/M/YY vs M/D/YY feedback dates
};

}  // namespace sh
