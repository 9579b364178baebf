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

OrderKey pack_amazon_order_id(std::string_view t) {
    if (!looks_like_amazon_order_id(t)) return kNoOrder;
    OrderKey v = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i == 3 || i == 11) continue;
        v = v * 10 + OrderKey(t[i] - '0');
    }
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
