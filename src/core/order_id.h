// Order identity: Amazon order ids packed into 64 bits, anything else interned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sh {

// An order's identity. Ids of Amazon's form `DDD-DDDDDDD-DDDDDDD` are packed losslessly
// into the low 57 bits (17 decimal digits < 2^57); any other id text is interned in an
// OrderIdPool and the key is its index with the top bit set. Key 0 means "no order id".
using OrderKey = uint64_t;
constexpr OrderKey kNoOrder = 0;
constexpr OrderKey kInternedBit = OrderKey(1) << 63;

// A well-mixed hash of a key (splitmix64's finaliser) for the open-addressing tables over orders.
inline size_t hash_order_key(OrderKey key) {
    uint64_t z = key + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<size_t>(z ^ (z >> 31));
}

// Packs `DDD-DDDDDDD-DDDDDDD`; returns kNoOrder when the text is not of that form.
OrderKey pack_amazon_order_id(std::string_view text);
// True when the text has Amazon's order id form (feedback-file detection uses this).
bool looks_like_amazon_order_id(std::string_view text);

// Interns order ids that are not of Amazon's form. One pool per Session, shared by every
// file, so equal ids in different files get equal keys and joins are integer compares.
class OrderIdPool {
public:
    // Returns the key for `text` (trimmed by the caller); kNoOrder for empty text.
    OrderKey key(std::string_view text);
    // The order id as text, for output and for joining across files.
    std::string text(OrderKey key) const;
    size_t size() const { return strings_.size(); }

private:
    std::vector<std::string> strings_;
    std::unordered_map<std::string, uint32_t> index_;
};

}  // namespace sh
