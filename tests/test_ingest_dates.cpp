// Date forms in report files: ISO 8601, YYYY-MM-DD, and the marketplaces' short forms.
#include <doctest/doctest.h>

#include "core/ingest/dates.h"

using namespace sh;
using namespace sh::ingest;

namespace {

std::string any(std::string_view text, DateOrder order = DateOrder::mdy) {
    const auto d = parse_any_day(text, order);
    return d ? format_day(*d) : "none";
}

std::string feedback(std::string_view text, bool year_first = false) {
    const auto d = parse_feedback_date(text, year_first);
    if (!d) return "none";
    if (d->needs_order)
        return std::to_string(d->short_date.a) + "?" + std::to_string(d->short_date.b) + "?" +
               std::to_string(d->short_date.year);
    return format_day(d->day.day());
}

}  // namespace

TEST_CASE("ingest: ISO 8601 dates take the day in their own offset") {
    CHECK(any("2026-09-14T08:21:07+00:00") == "2026-09-14");
    CHECK(any("2026-09-14T23:10:00-07:00") == "2026-09-14");
    CHECK(any("2026-09-14T00:30:00+09:00") == "2026-09-14");
    CHECK(any("2026-09-14T08:21:07Z") == "2026-09-14");
    CHECK(any("2026-09-14T08:21:07.123Z") == "2026-09-14");
    CHECK(any("2026-09-14 08:21:07") == "2026-09-14");
    CHECK(any("2020-10-21T00:00Z") == "2020-10-21");
    CHECK(any(" 2026-09-14 ") == "2026-09-14");
    CHECK(any("2026-13-01") == "none");
    CHECK(any("2026-02-29") == "none");
    CHECK(any("") == "none");
    CHECK(any("yesterday") == "none");
}

TEST_CASE("ingest: short forms in other columns") {
    CHECK(any("2026/9/14") == "2026-09-14");    // YYYY/M/D
    CHECK(any("14.9.26") == "2026-09-14");      // D.M.YY (DE)
    CHECK(any("14.09.2026") == "2026-09-14");   // D.M.YYYY
    CHECK(any("14/9/26") == "2026-09-14");      // a day > 12 first: D/M
    CHECK(any("9/14/26") == "2026-09-14");      // a day > 12 second: M/D
    CHECK(any("3/4/26") == "2026-03-04");       // ambiguous: the given order (US by default)
    CHECK(any("3/4/26", DateOrder::dmy) == "2026-04-03");
    CHECK(any("09/14/2026 10:02:11") == "2026-09-14");
    CHECK(any("Sep 14, 2026") == "2026-09-14");
    CHECK(any("14-Sep-2026") == "2026-09-14");
    CHECK(any("14 September 2026") == "2026-09-14");
    CHECK(any("13/13/26") == "none");
    CHECK(any("1/2/3/4") == "none");
    bool ambiguous = false;
    parse_any_day("3/4/26", DateOrder::mdy, &ambiguous);
    CHECK(ambiguous);
    parse_any_day("3/3/26", DateOrder::mdy, &ambiguous);
    CHECK_FALSE(ambiguous);  // both orders give the same day
}

TEST_CASE("ingest: feedback dates keep D/M vs M/D open unless the form tells") {
    SUBCASE("unambiguous forms are resolved") {
        CHECK(feedback("14.9.26") == "2026-09-14");      // DE
        CHECK(feedback("1.2.26") == "2026-02-01");       // DE: D.M.YY even with both ≤ 12
        CHECK(feedback("2026-09-14") == "2026-09-14");   // SE, and our template
        CHECK(feedback("2026/09/14") == "2026-09-14");   // YYYY/M/D
        CHECK(feedback("26/9/14", true) == "2026-09-14"); // JP: YY/M/D under a Japanese header
        CHECK(feedback("2026-09-14T10:00:00+02:00") == "2026-09-14");
    }
    SUBCASE("slash forms stay as written") {
        CHECK(feedback("3/4/26") == "3?4?26");  // the third field as written: which order is not known yet
        CHECK(feedback("14/9/26") == "14?9?26");
        CHECK(feedback("9/14/26") == "9?14?26");
        CHECK(feedback("09/14/2026") == "9?14?2026");    // four-digit years too
    }
    SUBCASE("not dates") {
        CHECK(feedback("13/13/26") == "none");
        CHECK(feedback("31.2.26") == "none");
        CHECK(feedback("") == "none");
        CHECK(feedback("n/a") == "none");
    }
}

TEST_CASE("ingest: two-digit years are 20YY") {
    CHECK(full_year(26, 2) == 2026);
    CHECK(full_year(5, 1) == 2005);
    CHECK(full_year(1999, 4) == 1999);
}

// A time after a date must be a time: out of range, or followed by other text, the value is
// not a date (the row is a bad row), and a 'T' follows only an ISO date.
TEST_CASE("ingest: a date with an invalid time is not a date") {
    CHECK(any("2026-09-14T25:00:00+00:00") == "none");
    CHECK(any("2026-09-14T10:00:00+25:00") == "none");
    CHECK(any("2026-09-14T10:61:00+00:00") == "none");
    CHECK(any("2026-09-14T10:00:00+00:00junk") == "none");
    CHECK(any("26-09-14T10:00:00+00:00") == "none");  // was D-M-YY: 26 Sep 2014
    CHECK(any("09/14/2026 25:02") == "none");
    CHECK(any("14.9.26 10:02 x1") == "none");
    CHECK_FALSE(parse_moment("2026-09-14T25:00:00Z"));
    CHECK_FALSE(parse_moment("2026-09-14T10:99"));
    // still dates: the usual forms, with or without zone words
    CHECK(any("14.9.26 10:02") == "2026-09-14");
    CHECK(any("09/14/2026 10:02:11 PM") == "2026-09-14");
    CHECK(any("2026-09-14 08:21:07 PST") == "2026-09-14");
    CHECK(any("2026-09-14 08:21:07 +0000") == "2026-09-14");
    CHECK(any("2026-09-14T24:00:00Z") == "2026-09-15");  // ISO 8601: the end of the 14th
}

TEST_CASE("ingest: moments for the messages template") {
    const auto t = parse_moment("2026-09-14T23:10:00-07:00");
    REQUIRE(t);
    CHECK(t->has_time);
    CHECK(t->offset_minutes == -420);
    const auto d = parse_moment("2026-09-14");
    REQUIRE(d);
    CHECK_FALSE(d->has_time);
    CHECK_FALSE(parse_moment("later"));
}

// The All Orders reader's DateCache (issue 9) must give parse_any_day's answer for every text,
// in every sequence: random texts near the usual ISO form (dates repeated, dates and times
// changed one character at a time, invalid days, offsets, spaces, other forms, long texts).
TEST_CASE("ingest: DateCache gives parse_any_day's day for every text in any order") {
    const std::vector<std::string> bases = {
        "2026-09-14T23:10:00-07:00", "2026-09-14T00:30:00+09:00", "2026-09-15T08:21:07+00:00",
        "2026-09-14T08:21:07Z",      "2026-09-14",                "2026-02-29T10:00:00+00:00",
        "2024-02-29T10:00:00+00:00", "2026-09-14T24:00:00+00:00", "2026-09-14T23:59:60+14:00",
        "2026-09-14 10:00:00",       "14.09.2026",                "09/14/2026",
        "Sep 14, 2026",              " 2026-09-14T23:10:00-07:00", "2026-09-14T23:10:00-07:00 ",
        "2026-09-14T23:10:00.123-07:00", "2026-09-14T23:10:00-15:00", "",
        "2026-13-14T23:10:00-07:00", "2026-09-14T23:10:00+0700",  "2026-09-14T23:10:00-07:00-extra-text-past-32",
        // month ends and starts, one after another (the cache's month: only the day changes)
        "2026-02-28T10:00:00+00:00", "2026-02-01T10:00:00+00:00", "2024-02-28T10:00:00+00:00",
        "2026-04-30T10:00:00+00:00", "2026-04-01", "2026-12-31T10:00:00+00:00", "2026-09-30T10:00:00Z",
        "2026-09-01T10:00:00Z", "2026-09-00T10:00:00Z", "2026-09-31T10:00:00Z", "1999-09-14T10:00:00Z",
    };
    const std::string alphabet = "0123456789-:TZ+ /;\xc3";  // '/' and ';' border the digits and ':'
    uint64_t state = 0x9e3779b97f4a7c15ull;
    const auto next = [&]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    DateCache cache;
    std::string last;
    size_t checked = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        const uint64_t pick = next() % 8;
        if (pick < 2 && !last.empty()) {
            text = last;  // a repeated text
        } else {
            text = bases[next() % bases.size()];
            for (uint64_t edits = next() % 3; edits && !text.empty(); --edits)
                text[next() % text.size()] = alphabet[next() % alphabet.size()];
        }
        const auto want = parse_any_day(text);
        const auto got = cache.day(text);
        REQUIRE_MESSAGE(want.has_value() == got.has_value(), text);
        if (want) REQUIRE_MESSAGE(want->n == got->n, text);
        last = text;
        ++checked;
    }
    CHECK(checked == 200000);
}
