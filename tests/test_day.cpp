// Calendar days and ISO 8601 timestamps (metrics.md "Day of an event").
#include <doctest/doctest.h>

#include <cstdio>

#include "core/day.h"

using namespace sh;

TEST_CASE("civil dates round-trip through day numbers") {
    CHECK(day_from_civil(1970, 1, 1).n == 0);
    CHECK(day_from_civil(2000, 3, 1).n == 11017);
    CHECK(format_day(day_from_civil(2024, 2, 29)) == "2024-02-29");
    for (int n = -1000; n < 40000; n += 37) CHECK(format_day(*parse_day(format_day(Day{n}))) == format_day(Day{n}));
}

TEST_CASE("parse_day takes exactly YYYY-MM-DD") {
    CHECK(parse_day("2026-11-20")->n == day_from_civil(2026, 11, 20).n);
    CHECK_FALSE(parse_day("2026-13-01"));
    CHECK_FALSE(parse_day("2026-02-29"));
    CHECK_FALSE(parse_day("2026-1-1"));
    CHECK_FALSE(parse_day(""));
}

TEST_CASE("the day of an event is its date in its own offset") {
    // 23:10 at -07:00 is 06:10 UTC the next day, but the event's day is the 14th.
    const auto ts = parse_iso_timestamp("2026-09-14T23:10:00-07:00");
    REQUIRE(ts);
    CHECK(format_day(ts->local_day()) == "2026-09-14");
    CHECK(ts->offset_minutes == -420);
    CHECK(ts->utc_seconds == int64_t(day_from_civil(2026, 9, 15).n) * 86400 + 6 * 3600 + 10 * 60);

    SUBCASE("Z and +00:00 and a missing offset are UTC") {
        CHECK(parse_iso_timestamp("2026-09-14T08:21:07Z")->utc_seconds ==
              parse_iso_timestamp("2026-09-14T08:21:07+00:00")->utc_seconds);
        CHECK(parse_iso_timestamp("2026-09-14 08:21:07")->offset_minutes == 0);
    }
    SUBCASE("compact offsets and fractions") {
        CHECK(parse_iso_timestamp("2026-09-14T08:21:07.123+0530")->offset_minutes == 330);
        CHECK(parse_iso_timestamp("2020-10-21T00:00Z")->has_time);
    }
    SUBCASE("date-only values are taken as is") {
        const auto d = parse_iso_timestamp("2026-09-14");
        REQUIRE(d);
        CHECK_FALSE(d->has_time);
        CHECK(format_day(d->local_day()) == "2026-09-14");
    }
    SUBCASE("garbage is rejected") {
        CHECK_FALSE(parse_iso_timestamp("2026-09-14T25:00:00Z"));
        CHECK_FALSE(parse_iso_timestamp("2026-09-14T08:21:07+99:00"));
        CHECK_FALSE(parse_iso_timestamp("14/09/2026"));
        CHECK_FALSE(parse_iso_timestamp("2026-09-14T08:21:07Zjunk"));
    }
}

TEST_CASE("format_day writes YYYY-MM-DD as printf's %04d-%02d-%02d would, for every day of years 0-9999 and beyond") {
    const auto reference = [](Day day) {
        int y, m, d;
        civil_from_day(day, y, m, d);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    };
    const int first = day_from_civil(0, 1, 1).n - 400, last = day_from_civil(9999, 12, 31).n + 400;
    int wrong = 0;
    for (int n = first; n <= last; ++n)
        if (format_day(Day{n}) != reference(Day{n}) && ++wrong <= 3) CHECK(format_day(Day{n}) == reference(Day{n}));
    CHECK(wrong == 0);
    CHECK(format_day(day_from_civil(10000, 1, 1)) == "10000-01-01");
}
