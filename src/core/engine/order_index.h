// The union of every loaded orders file: one entry per order id, joined by key.
#pragma once

#include <string>
#include <vector>

#include "core/input.h"
#include "core/order_slots.h"

namespace sh {

class OrderIndex {
public:
    struct Range {
        const Order* first = nullptr;
        const Order* last = nullptr;
        const Order* begin() const { return first; }
        const Order* end() const { return last; }
        size_t size() const { return static_cast<size_t>(last - first); }
    };

    std::vector<std::string> marketplaces{""};  // sales-channel values across all files
    bool loaded = false;                        // any orders file contributed orders

    // Every order once, in no particular order (callers sum or sort what they take).
    Range all() const;
    const Order* find(OrderKey key) const;

private:
    friend OrderIndex build_order_index(const std::vector<LoadedFile>& files);
    bool index_keys();  // fills slots_; false when a key occurs twice

    // One orders file (the usual case): its own vector, not a copy (4-8 bytes per order for
    // the key table instead of 24 for a copy and 12 more for sorting it). Several: a merged copy.
    const std::vector<Order>* single_ = nullptr;
    std::vector<Order> merged_;
    OrderSlots slots_;  // key → position in all()
    // Instead of slots_: the single file's own table (LoadedFile::order_slots), not a copy.
    const OrderSlots* adopted_ = nullptr;
};

// Folds the same order seen in several (overlapping) exports into one: the row with the later
// last-updated day wins for status; a fact one row leaves unknown is taken from the other.
// With a single orders file whose marketplace indices need no remapping, the index refers to
// that file's records (which must outlive it).
OrderIndex build_order_index(const std::vector<LoadedFile>& files);

// An order index kept between evaluations by a caller that knows when its files change (the
// Session): it depends on the files only, and at 1 M orders building it was a third of an
// evaluation (issue 9). `ready`: built from the files as they are now; the caller clears it
// whenever they change (the index points into them).
struct OrderIndexCache {
    OrderIndex index;
    bool ready = false;
};

}  // namespace sh
