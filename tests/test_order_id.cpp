// Order ids: Amazon's form packs into 64 bits; other ids are interned.
#include <doctest/doctest.h>

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
