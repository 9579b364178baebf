// Packing and interning of order ids.
#include "core/order_id.h"

#include <cstdio>
#include <cstring>

namespace sh {

bool looks_like_amazon_order_id(std::string_view t) {
    if (t.size() != 19 || t[3] != '-' || t[11] != '-') return false;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i == 3 || i == 11) continue;
        if (t[i] < '0' || t[i] > '9') return false;
    }
    return true;
}

// Seven digits at t[at, at + 7) as a number, or -1: the eight bytes from at - 1 (a dash) are
// read as one little-endian word, the dash made a '0', every byte checked to be a digit (high
// nibble 3, and still 3 after adding 6), then the digits combined pairwise by multiplies
// (every row's id goes through here: issue 9; a byte loop cost 170 instructions an id).
static inline int64_t seven_digits(const char* at) {
    uint64_t w;
    std::memcpy(&w, at - 1, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    w = (w & ~uint64_t(0xff)) | uint64_t('0');
    constexpr uint64_t kHigh = 0xf0f0f0f0f0f0f0f0ull, kThrees = 0x3030303030303030ull;
    if ((w & kHigh) != kThrees || ((w + 0x0606060606060606ull) & kHigh) != kThrees) return -1;
    w -= kThrees;                                             // eight digits 0-9, first in the low byte
    w = w * 10 + (w >> 8);                                    // pairs: 16-bit lanes' low bytes
    w = (((w & 0x000000ff000000ffull) * (100 + (1000000ull << 32))) +
         (((w >> 16) & 0x000000ff000000ffull) * (1 + (10000ull << 32)))) >> 32;
    return static_cast<int64_t>(w);
}

OrderKey pack_amazon_order_id(std::string_view t) {
    if (t.size() != 19 || t[3] != '-' || t[11] != '-') return kNoOrder;
    const unsigned a = static_cast<unsigned char>(t[0]) - unsigned('0');
    const unsigned b = static_cast<unsigned char>(t[1]) - unsigned('0');
    const unsigned c = static_cast<unsigned char>(t[2]) - unsigned('0');
    if (a > 9 || b > 9 || c > 9) return kNoOrder;
    const int64_t middle = seven_digits(t.data() + 4), last = seven_digits(t.data() + 12);
    if (middle < 0 || last < 0) return kNoOrder;
    // The 17 digits as one number. 000-0000000-0000000 would pack to 0 (= no order); shift
    // every value by one.
    return (OrderKey(a * 100 + b * 10 + c) * 10000000 + OrderKey(middle)) * 10000000 + OrderKey(last) + 1;
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
