// Packing and interning of order ids.
#include "core/order_id.h"

#include <cstdio>

namespace sh {

bool looks_like_amazon_order_id(std::string_view t) {
    if (t.size() != 19 || t[3] != '-' || t[11] != '-') return false;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i == 3 || i == 11) continue;
        if (t[i] < '0' || t[i] > '9') return false;
    }
    return true;
}

// The digits t[from, to) appended to v; false at a byte that is not a digit. One pass that
// checks and packs (every row's id goes through here: issue 9).
static inline bool add_digits(std::string_view t, size_t from, size_t to, OrderKey& v) {
    for (size_t i = from; i < to; ++i) {
        const unsigned d = static_cast<unsigned char>(t[i]) - unsigned('0');
        if (d > 9) return false;
        v = v * 10 + d;
    }
    return true;
}

OrderKey pack_amazon_order_id(std::string_view t) {
    if (t.size() != 19 || t[3] != '-' || t[11] != '-') return kNoOrder;
    OrderKey v = 0;
    if (!add_digits(t, 0, 3, v) || !add_digits(t, 4, 11, v) || !add_digits(t, 12, 19, v)) return kNoOrder;
    // 000-0000000-0000000 would pack to 0 (= no order); shift every value by one.
    return v + 1;
}

OrderKey OrderIdPool::key(std::string_view text) {
    if (text.empty()) return kNoOrder;
    if (const OrderKey packed = pack_amazon_order_id(text)) return packed;
    auto [it, inserted] = index_.emplace(std::string(text), static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.emplace_back(text);
    return kInternedBit | it->second;
}

std::string OrderIdPool::text(OrderKey key) const {
    if (key == kNoOrder) return {};
    if (key & kInternedBit) {
        const uint64_t i = key & ~kInternedBit;
        return i < strings_.size() ? strings_[static_cast<size_t>(i)] : std::string();
    }
    uint64_t v = key - 1;
    char digits[17];
    for (int i = 16; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    std::string out;
    out.reserve(19);
    out.append(digits, 3).push_back('-');
    out.append(digits + 3, 7).push_back('-');
    out.append(digits + 10, 7);
    return out;
}

}  // namespace sh
