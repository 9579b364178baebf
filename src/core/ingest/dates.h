// Dates as report files write them: ISO 8601 and the marketplaces' short forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/day.h"
#include "core/records.h"

namespace sh::ingest {

// A date split into its three numbers, as written ("14.9.26" → 14, 9, 26 with '.').
struct DateParts {
    int first = 0, second = 0, third = 0;
    int first_digits = 0, third_digits = 0;
    char separator = 0;  // '/', '.' or '-'
};
// Three 1-4 digit numbers with one separator, optionally followed by a time ("14.9.26 10:02").
std::optional<DateParts> split_date(std::string_view text);

// 20YY for two-digit years.
int full_year(int year, int digits);

// A feedback date: resolved when its form tells (ISO, YYYY-MM-DD, D.M.YY, YYYY/M/D, and
// YY/M/D when `year_first` — a Japanese header), else the two numbers as written with
// needs_order set (D/M/YY or M/D/YY). nullopt when not a date at all.
struct FeedbackDate {
    MaybeDay day;
    ShortDate short_date;
    bool needs_order = false;
};
std::optional<FeedbackDate> parse_feedback_date(std::string_view text, bool year_first);

// A date in any other column: ISO 8601 (the day in its own offset), YYYY/M/D, D.M.YY(YY),
// "Sep 14, 2026", "14-Sep-2026", and slash dates: D/M when the first number is > 12, M/D
// when the second is, else `slash_order` (mdy unless told). `ambiguous` is set when the
// order had to be assumed.
std::optional<Day> parse_any_day(std::string_view text, DateOrder slash_order = DateOrder::mdy,
                                 bool* ambiguous = nullptr);

// Years a report date can have: Amazon opened its marketplace to other sellers in 2000, and
// two-digit years are 20YY. A date outside them (1970, 0001, 9999: a default or a typo) is
// "implausible": its row is skipped with a problem (README.md, "Implausible dates").
constexpr int kFirstPlausibleYear = 2000, kLastPlausibleYear = 2099;
bool plausible(Day day);
// The problem text for an implausible date as written.
std::string implausible_date(std::string_view text);

// A moment: ISO 8601 or a date (taken as midnight UTC... of its day).
std::optional<Timestamp> parse_moment(std::string_view text);

}  // namespace sh::ingest
