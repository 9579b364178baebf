// Builds the cross-file order index (see order_index.h).
#include "core/engine/order_index.h"

#include <algorithm>

namespace sh {

const Order* OrderIndex::find(OrderKey key) const {
    if (key == kNoOrder) return nullptr;
    auto it = std::lower_bound(orders.begin(), orders.end(), key,
                               [](const Order& o, OrderKey k) { return o.key < k; });
    return it != orders.end() && it->key == key ? &*it : nullptr;
}

namespace {

uint8_t global_marketplace(OrderIndex& index, const std::string& name) {
    for (size_t i = 0; i < index.marketplaces.size(); ++i)
        if (index.marketplaces[i] == name) return static_cast<uint8_t>(i);
    if (index.marketplaces.size() >= 255) return 0;
    index.marketplaces.push_back(name);
    return static_cast<uint8_t>(index.marketplaces.size() - 1);
}

// `later` was updated after `earlier` (or at the same time): keep its state, fill gaps.
Order merge(const Order& earlier, const Order& later) {
    Order o = later;
    if (earlier.day < o.day) o.day = earlier.day;  // one purchase date; keep the first seen
    if (o.channel == Channel::unknown) o.channel = earlier.channel;
    if (o.buyer_requested_cancel == Tri::unknown) o.buyer_requested_cancel = earlier.buyer_requested_cancel;
    if (o.marketplace == 0) o.marketplace = earlier.marketplace;
    if (o.units == 0) o.units = earlier.units;
    return o;
}

}  // namespace

OrderIndex build_order_index(const std::vector<LoadedFile>& files) {
    OrderIndex index;
    size_t total = 0;
    for (const LoadedFile& f : files) total += f.records.orders.size();
    index.orders.reserve(total);
    for (const LoadedFile& f : files) {
        if (f.records.orders.empty()) continue;
        index.loaded = true;
        std::vector<uint8_t> remap(f.records.marketplaces.size(), 0);
        for (size_t i = 1; i < f.records.marketplaces.size(); ++i)
            remap[i] = global_marketplace(index, f.records.marketplaces[i]);
        for (Order o : f.records.orders) {
            if (o.key == kNoOrder) continue;
            o.marketplace = o.marketplace < remap.size() ? remap[o.marketplace] : 0;
            index.orders.push_back(o);
        }
    }
    // stable: among equal keys and days, the file loaded later counts as later
    std::stable_sort(index.orders.begin(), index.orders.end(), [](const Order& a, const Order& b) {
        return a.key != b.key ? a.key < b.key : a.last_updated < b.last_updated;
    });
    size_t out = 0;
    for (size_t i = 0; i < index.orders.size(); ++i) {
        if (out > 0 && index.orders[out - 1].key == index.orders[i].key)
            index.orders[out - 1] = merge(index.orders[out - 1], index.orders[i]);
        else
            index.orders[out++] = index.orders[i];
    }
    index.orders.resize(out);
    return index;
}

}  // namespace sh
