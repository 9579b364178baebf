// Order key → position in a vector of orders: open addressing over 4-byte slots, shared by the
// All Orders reader (folding item rows) and the engine's cross-file index (looking orders up).
// A slot holds position + 1 (0 = empty) in its low bits and, above them, the hash bits its
// place in the table did not use: a probe that passes another order's slot tells them apart by
// those bits almost always, instead of reading that order's key (a cache miss each on a large
// file; issue 9). The key itself is read back from the orders, so the table costs 5-11 bytes
// per order (load ≤ 0.75). Orders are added at positions 0, 1, 2, ... in turn: a table of n
// orders holds the positions [0, n), and grows from the orders alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/order_id.h"
#include "core/records.h"

namespace sh {

class OrderSlots {
public:
    static constexpr uint32_t kMissing = ~uint32_t(0);

    OrderSlots() = default;
    OrderSlots(const OrderSlots&) = default;
    OrderSlots& operator=(const OrderSlots&) = default;
    // A moved-from table is empty (not one that still counts its orders).
    OrderSlots(OrderSlots&& other) noexcept { *this = std::move(other); }
    OrderSlots& operator=(OrderSlots&& other) noexcept {
        slots_ = std::move(other.slots_);
        position_mask_ = std::exchange(other.position_mask_, 0);
        used_ = std::exchange(other.used_, 0);
        other.slots_.clear();
        return *this;
    }

    // The slots a table for `count` orders needs (load ≤ 0.75).
    static uint64_t slots_for(uint64_t count) {
        uint64_t want = 1024;
        while (want * 3 < count * 4) want *= 2;
        return want;
    }

    // The position of `key` (whose hash_order_key is `hash`) among `orders`, or kMissing.
    uint32_t find(OrderKey key, size_t hash, const Order* orders) const {
        if (slots_.empty()) return kMissing;
        const size_t mask = slots_.size() - 1;
        const uint32_t tag = tag_of(hash);
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const uint32_t slot = slots_[i];
            if (slot == 0) return kMissing;
            if ((slot & ~position_mask_) == tag && orders[(slot & position_mask_) - 1].key == key)
                return (slot & position_mask_) - 1;
        }
    }

    // The position of `key`, or `next` (= size()) after adding it there (the table grows as
    // needed; `orders` holds the positions added so far).
    uint32_t find_or_add(OrderKey key, size_t hash, const Order* orders, uint32_t next) {
        if ((size_t(used_) + 1) * 4 > slots_.size() * 3) rehash(orders, slots_.empty() ? 1024 : slots_.size() * 2);
        const size_t mask = slots_.size() - 1;
        const uint32_t tag = tag_of(hash);
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const uint32_t slot = slots_[i];
            if (slot == 0) {
                slots_[i] = tag | (next + 1);
                ++used_;
                return next;
            }
            if ((slot & ~position_mask_) == tag && orders[(slot & position_mask_) - 1].key == key)
                return (slot & position_mask_) - 1;
        }
    }

    // Reads the slot each of these hashes is looked at first, before a batch of lookups:
    // independent loads the CPU overlaps, so the lookups find them cached (wasm has no
    // prefetch instruction; one miss at a time cost more than the rest of a row).
    void touch(const size_t* hashes, size_t count) const {
        if (slots_.empty()) return;
        const size_t mask = slots_.size() - 1;
        uint32_t any = 0;
        for (size_t i = 0; i < count; ++i) any |= slots_[hashes[i] & mask];
        touched_ = any;  // kept, so the loads are not dropped
    }

    // Sizes the table for `count` orders at once (no rehash on the way there).
    void reserve(size_t count, const Order* orders) {
        const auto want = static_cast<size_t>(slots_for(count));
        if (want > slots_.size()) rehash(orders, want);
    }
    // Fills an empty table with `count` orders at their positions; false (and the table
    // released) when a key occurs twice.
    bool index(const Order* orders, size_t count) {
        reserve(count, orders);
        return add(orders, 0, count);
    }
    // Adds the orders at positions [from = size(), to), a batch at a time (their first slots
    // read before they are added: touch); false (and the table released) when a key is there
    // already.
    bool add(const Order* orders, size_t from, size_t to) {
        constexpr size_t kBatch = 32;
        size_t hashes[kBatch];
        for (size_t begin = from; begin < to; begin += kBatch) {
            const size_t n = to - begin < kBatch ? to - begin : kBatch;
            for (size_t k = 0; k < n; ++k) hashes[k] = hash_order_key(orders[begin + k].key);
            touch(hashes, n);
            for (size_t k = 0; k < n; ++k) {
                const auto at = static_cast<uint32_t>(begin + k);
                if (find_or_add(orders[at].key, hashes[k], orders, at) != at) {
                    release();
                    return false;
                }
            }
        }
        return true;
    }

    // The slots as they are (records_codec carries a reader's table to the page with them).
    const std::vector<uint32_t>& raw() const { return slots_; }
    // Takes slots written by raw() back as a table of `count` orders: false (and the table
    // left empty) unless they have its form: a power-of-two size of at least 1024, at most
    // three quarters used (so a probe always meets an empty slot), exactly `count` used, each
    // naming a position below `count`. A table of that form never sends find() out of bounds
    // nor round forever; whether its keys sit where their hashes lead is its writer's word.
    bool adopt(std::vector<uint32_t> slots, size_t count) {
        release();
        const size_t size = slots.size();
        if (size < 1024 || (size & (size - 1)) != 0 || count * 4 > size * 3) return false;
        const auto mask = static_cast<uint32_t>(size - 1);
        size_t used = 0;
        uint32_t bad = 0;  // no branch per slot: 2 M of them at the end of a 1 M load
        for (const uint32_t slot : slots) {
            const uint32_t position = slot & mask;  // position + 1, or 0
            bad |= uint32_t(slot != 0) & uint32_t(position - 1 >= count);  // 0 wraps: bad too
            used += slot != 0;
        }
        if (bad || used != count) return false;
        slots_ = std::move(slots);
        position_mask_ = mask;
        used_ = static_cast<uint32_t>(count);
        return true;
    }
    // Orders in the table.
    size_t size() const { return used_; }

    void release() {
        std::vector<uint32_t>().swap(slots_);
        position_mask_ = 0;
        used_ = 0;
    }
    bool empty() const { return slots_.empty(); }

private:
    // A table of 2^k slots holds fewer than 2^k orders: position + 1 fits in k bits, and the
    // hash bits above k fill the rest.
    uint32_t tag_of(size_t hash) const { return static_cast<uint32_t>(hash) & ~position_mask_; }

    // The table holds the positions [0, size()) of `orders` (every caller adds them in that
    // order), so a rehash places them again from the orders themselves, read front to back:
    // the old slots, read in table order, sent each key's read to a random order (a cache miss
    // each on a large file; issue 9), and the old table is freed before the new one is made.
    void rehash(const Order* orders, size_t size) {
        const uint32_t count = used_;
        std::vector<uint32_t>().swap(slots_);
        slots_.assign(size, 0);
        position_mask_ = static_cast<uint32_t>(size - 1);
        const size_t mask = size - 1;
        // A batch at a time, its first slots read before it is placed (see touch()).
        constexpr uint32_t kBatch = 32;
        size_t hashes[kBatch];
        for (uint32_t begin = 0; begin < count; begin += kBatch) {
            const uint32_t n = count - begin < kBatch ? count - begin : kBatch;
            for (uint32_t k = 0; k < n; ++k) hashes[k] = hash_order_key(orders[begin + k].key);
            touch(hashes, n);
            for (uint32_t k = 0; k < n; ++k) {
                size_t i = hashes[k] & mask;
                while (slots_[i]) i = (i + 1) & mask;
                slots_[i] = tag_of(hashes[k]) | (begin + k + 1);
            }
        }
    }

    std::vector<uint32_t> slots_;
    uint32_t position_mask_ = 0;
    uint32_t used_ = 0;
    mutable uint32_t touched_ = 0;
};

}  // namespace sh
