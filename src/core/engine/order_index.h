// The union of every loaded orders file: one entry per order id, joined by key.
#pragma once

#include <string>
#include <vector>

#include "core/input.h"

namespace sh {

struct OrderIndex {
    std::vector<Order> orders;              // sorted by key, one per order; marketplace -> `marketplaces`
    std::vector<std::string> marketplaces{""};  // sales-channel values across all files
    bool loaded = false;                    // any orders file contributed orders

    const Order* find(OrderKey key) const;
};

// Folds the same order seen in several (overlapping) exports into one: the row with the later
// last-updated day wins for status; a fact one row leaves unknown is taken from the other.
OrderIndex build_order_index(const std::vector<LoadedFile>& files);

}  // namespace sh
