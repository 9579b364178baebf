// Order ids: Amazon's form packs into 64 bits; other ids are interned.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/order_id.h"

using namespace sh;

TEST_CASE("Amazon order ids pack losslessly") {
    OrderIdPool pool;
    for (const char* id : {"113-1234567-1234567", "000-0000000-0000000", "999-9999999-9999999", "302-0000001-0000000"}) {
        const OrderKey k = pool.key(id);
        CHECK(k != kNoOrder);
        CHECK((k & kInternedBit) == 0);
        CHECK(pool.text(k) == id);
    }
    CHECK(pool.size() == 0);
}

TEST_CASE("other ids are interned once") {
    OrderIdPool pool;
    const OrderKey a = pool.key("ORDER-17");
    CHECK((a & kInternedBit) != 0);
    CHECK(pool.key("ORDER-17") == a);
    CHECK(pool.key("113-123456-1234567") != a);  // one digit short: not Amazon's form
    CHECK(pool.text(a) == "ORDER-17");
    CHECK(pool.size() == 2);
    CHECK(pool.key("") == kNoOrder);
}

// Issue 9: the packing reads seven digits as one word; it must give what a byte-at-a-time
// reading of the form gives, for every text near an id (each byte changed to its neighbours,
// other bytes, dashes moved, lengths changed).
TEST_CASE("Amazon order ids pack as a byte-at-a-time reading does, on random texts near the form") {
    const auto reference = [](const std::string& t) -> OrderKey {
        if (t.size() != 19 || t[3] != '-' || t[11] != '-') return kNoOrder;
        OrderKey v = 0;
        for (size_t i = 0; i < t.size(); ++i) {
            if (i == 3 || i == 11) continue;
            if (t[i] < '0' || t[i] > '9') return kNoOrder;
            v = v * 10 + OrderKey(t[i] - '0');
        }
        return v + 1;
    };
    const std::string alphabet = "0123456789-/:;+ a\xc3\x7f";
    std::mt19937_64 next(20261122);
    size_t packed = 0;
    for (int i = 0; i < 300000; ++i) {
        std::string t(19, '0');
        for (char& c : t) c = char('0' + next() % 10);
        t[3] = t[11] = '-';
        for (uint64_t edits = next() % 3; edits; --edits) t[next() % t.size()] = alphabet[next() % alphabet.size()];
        if (next() % 16 == 0) t.erase(next() % t.size(), 1);
        const OrderKey want = reference(t);
        REQUIRE_MESSAGE(pack_amazon_order_id(t) == want, t);
        packed += want != kNoOrder;
    }
    CHECK(packed > 100000);
}
