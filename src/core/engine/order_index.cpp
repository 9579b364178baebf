// Builds the cross-file order index (see order_index.h).
#include "core/engine/order_index.h"

#include <algorithm>

namespace sh {

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

// True when the file's orders can serve as the index as they are: marketplace indices equal
// the global ones and no order lacks a key (keys are unique per file: the reader folds them;
// index_keys checks).
bool usable_as_is(const LoadedFile& f, const OrderIndex& index) {
    if (index.marketplaces.size() != f.records.marketplaces.size() && !f.records.marketplaces.empty()) return false;
    for (const Order& o : f.records.orders)
        if (o.key == kNoOrder || o.marketplace >= std::max<size_t>(index.marketplaces.size(), 1)) return false;
    return true;
}

}  // namespace

OrderIndex::Range OrderIndex::all() const {
    const std::vector<Order>& v = single_ ? *single_ : merged_;
    return {v.data(), v.data() + v.size()};
}

const Order* OrderIndex::find(OrderKey key) const {
    if (key == kNoOrder) return nullptr;
    const Order* orders = all().first;
    const uint32_t at = (adopted_ ? *adopted_ : slots_).find(key, hash_order_key(key), orders);
    return at == OrderSlots::kMissing ? nullptr : &orders[at];
}

bool OrderIndex::index_keys() {
    const Range orders = all();
    return slots_.index(orders.first, orders.size());
}

OrderIndex build_order_index(const std::vector<LoadedFile>& files) {
    OrderIndex index;
    const LoadedFile* only = nullptr;
    size_t with_orders = 0, total = 0;
    for (const LoadedFile& f : files) {
        if (f.records.orders.empty()) continue;
        ++with_orders;
        total += f.records.orders.size();
        only = &f;
    }
    if (with_orders == 0) return index;
    index.loaded = true;
    if (with_orders == 1) {
        for (size_t i = 1; i < only->records.marketplaces.size(); ++i) global_marketplace(index, only->records.marketplaces[i]);
        if (usable_as_is(*only, index)) {
            index.single_ = &only->records.orders;
            // The reader's own table over these orders, when it came with them (input.h).
            if (only->order_slots.size() == only->records.orders.size()) {
                index.adopted_ = &only->order_slots;
                return index;
            }
            if (index.index_keys()) return index;
            index.single_ = nullptr;  // a key twice (records not from the reader): merge them
        }
        index.marketplaces = {""};
    }
    index.merged_.reserve(total);
    for (const LoadedFile& f : files) {
        if (f.records.orders.empty()) continue;
        std::vector<uint8_t> remap(f.records.marketplaces.size(), 0);
        for (size_t i = 1; i < f.records.marketplaces.size(); ++i)
            remap[i] = global_marketplace(index, f.records.marketplaces[i]);
        for (Order o : f.records.orders) {
            if (o.key == kNoOrder) continue;
            o.marketplace = o.marketplace < remap.size() ? remap[o.marketplace] : 0;
            index.merged_.push_back(o);
        }
    }
    auto& orders = index.merged_;
    // stable: among equal keys and days, the file loaded later counts as later
    std::stable_sort(orders.begin(), orders.end(), [](const Order& a, const Order& b) {
        return a.key != b.key ? a.key < b.key : a.last_updated < b.last_updated;
    });
    size_t out = 0;
    for (size_t i = 0; i < orders.size(); ++i) {
        if (out > 0 && orders[out - 1].key == orders[i].key)
            orders[out - 1] = merge(orders[out - 1], orders[i]);
        else
            orders[out++] = orders[i];
    }
    orders.resize(out);
    index.index_keys();
    return index;
}

}  // namespace sh
