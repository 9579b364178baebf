// Calendar days and timestamps: the only date types the core uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sh {

// A civil date as a count of days since 1970-01-01 (proleptic Gregorian).
struct Day {
    int32_t n = 0;

    friend bool operator==(Day a, Day b) { return a.n == b.n; }
    friend bool operator!=(Day a, Day b) { return a.n != b.n; }
    friend bool operator<(Day a, Day b) { return a.n < b.n; }
    friend bool operator<=(Day a, Day b) { return a.n <= b.n; }
    friend bool operator>(Day a, Day b) { return a.n > b.n; }
    friend bool operator>=(Day a, Day b) { return a.n >= b.n; }
    friend Day operator+(Day a, int days) { return Day{a.n + days}; }
    friend Day operator-(Day a, int days) { return Day{a.n - days}; }
    friend int operator-(Day a, Day b) { return a.n - b.n; }
};

// An optional day that fits in four bytes (records keep many of them).
constexpr int32_t kNoDay = INT32_MIN;
struct MaybeDay {
    int32_t n = kNoDay;
    MaybeDay() = default;
    MaybeDay(Day d) : n(d.n) {}  // NOLINT: implicit on purpose
    bool has() const { return n != kNoDay; }
    Day day() const { return Day{n}; }
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr Day day_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day{era * 146097 + static_cast<int>(doe) - 719468};
}
void civil_from_day(Day d, int& year, int& month, int& day);
bool valid_civil(int year, int month, int day);

// "YYYY-MM-DD".
std::string format_day(Day d);
// Parses exactly "YYYY-MM-DD" (the CLI's --as-of and the page's setAsOf).
std::optional<Day> parse_day(std::string_view text);

// A moment as written in a report: the UTC instant plus the offset it was written in, so
// that "the day of an event" is the calendar date in its own offset (metrics.md).
struct Timestamp {
    int64_t utc_seconds = 0;     // seconds since 1970-01-01T00:00:00Z
    int16_t offset_minutes = 0;  // the offset the timestamp was written in
    bool has_time = false;       // false for date-only values (taken as local midnight)

    Day local_day() const;
    // Seconds since the epoch of the local wall clock (utc + offset).
    int64_t local_seconds() const { return utc_seconds + int64_t(offset_minutes) * 60; }
};

// Parses ISO 8601: "2026-09-14", "2026-09-14T08:21:07+00:00", "...Z", "...-0700",
// "2026-09-14 08:21:07", fractional seconds, "T08:21Z". A missing offset means UTC.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);

}  // namespace sh
