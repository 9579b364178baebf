// Dates as report files write them: ISO 8601 and the marketplaces' short forms.
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/day.h"
#include "core/records.h"
#include "core/ingest/text.h"

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

// A column's dates, row after row, as parse_any_day(text) gives them (mdy), made cheap for
// All Orders files (issue 9). Item rows of one order repeat its dates: a date written exactly
// as on the previous row is not parsed again. Amazon writes ISO timestamps
// (2026-09-14T23:10:00-07:00), whose day is the date as written in the timestamp's own offset
// (metrics.md): one whose time and offset are of the usual form has the day of its first ten
// characters (parsed only when they differ from the last ones), without a full parse; any
// other text is parsed in full.
class DateCache {
public:
    std::optional<Day> day(std::string_view text) {
        if (kept_ && same_text(text, std::string_view(text_, size_))) return day_;
        if (text.size() >= 10 && usual_time(text.substr(10))) {
            const std::string_view date = text.substr(0, 10);
            if (iso_ && same_text(date, std::string_view(text_, 10))) return remember(text, day_, true);
            if (const auto d = parse_day(date)) return remember(text, d, true);
        }
        return remember(text, parse_any_day(text), false);
    }

    // "" (a date alone), or THH:MM:SS followed by Z or ±HH:MM, within the ranges a full parse
    // accepts.
    static bool usual_time(std::string_view t) {
        if (t.empty()) return true;
        const auto two = [&](size_t at, int max) {
            const unsigned a = static_cast<unsigned char>(t[at]) - unsigned('0');
            const unsigned b = static_cast<unsigned char>(t[at + 1]) - unsigned('0');
            return a <= 9 && b <= 9 && int(a * 10 + b) <= max;
        };
        if ((t.size() != 10 && t.size() != 15) || t[0] != 'T' || t[3] != ':' || t[6] != ':' || !two(1, 23) ||
            !two(4, 59) || !two(7, 59))
            return false;
        if (t.size() == 10) return t[9] == 'Z';
        return (t[9] == '+' || t[9] == '-') && t[12] == ':' && two(10, 14) && two(13, 59);
    }

private:
    // The last text is kept in place (a std::string's assign was a call per row in wasm); a
    // longer one is not kept, and the next row parses again.
    static constexpr size_t kMaxText = 32;
    std::optional<Day> remember(std::string_view text, std::optional<Day> day, bool iso) {
        day_ = day;
        kept_ = text.size() <= kMaxText;
        size_ = kept_ ? text.size() : 0;
        // Copied eight bytes at a time, inline: in wasm a memcpy of a size not known at compile
        // time is a call.
        size_t i = 0;
        for (; i < kMaxText && i + 8 <= size_; i += 8) std::memcpy(text_ + i, text.data() + i, 8);
        for (; i < kMaxText && i < size_; ++i) text_[i] = text[i];
        iso_ = kept_ && iso;
        return day_;
    }

    char text_[kMaxText] = {};
    size_t size_ = 0;
    bool kept_ = false;  // text_ holds the last text
    bool iso_ = false;   // ... and it starts with a valid YYYY-MM-DD whose day is day_
    std::optional<Day> day_;
};

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
