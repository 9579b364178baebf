// Dates as report files write them: ISO 8601 and the marketplaces' short forms.
#pragma once

#include <cstdint>
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
// All Orders files (issue 9). Amazon writes ISO timestamps (2026-09-14T23:10:00-07:00), whose
// day is the date as written in the timestamp's own offset (metrics.md): one whose time and
// offset are of the usual form has the day of its first ten characters, parsed only when they
// differ from the last such date's (item rows of one order, and the day's orders, repeat it).
// Any other text is parsed in full, unless it is written exactly as the last other text.
class DateCache {
public:
    std::optional<Day> day(std::string_view text) {
        if (text.size() >= 10 && usual_time(text.data() + 10, text.size() - 10)) {
            uint64_t head;
            uint16_t tail;
            std::memcpy(&head, text.data(), 8);
            std::memcpy(&tail, text.data() + 8, 2);
            if (iso_known_ && head == iso_head_ && tail == iso_tail_) return iso_day_;
            // The year and month of the last such date ("YYYY-MM-", one word): only the day's
            // two digits are new (last-updated dates change from order to order, their month
            // seldom).
            if (month_known_ && head == month_head_) {
                const unsigned tens = static_cast<unsigned char>(text[8]) - unsigned('0');
                const unsigned ones = static_cast<unsigned char>(text[9]) - unsigned('0');
                const unsigned day = tens * 10 + ones;
                if (tens <= 9 && ones <= 9 && day >= 1 && day <= month_days_) {
                    iso_head_ = head;
                    iso_tail_ = tail;
                    iso_day_ = Day{month_start_.n + static_cast<int32_t>(day) - 1};
                    return iso_day_;
                }
            }
            if (const auto d = parse_day(text.substr(0, 10))) {
                iso_known_ = true;
                iso_head_ = head;
                iso_tail_ = tail;
                iso_day_ = *d;
                remember_month(text, head, *d);
                return d;
            }
        }
        if (kept_ && same_text(text, std::string_view(text_, size_))) return day_;
        return remember(text, parse_any_day(text));
    }

    // The `n` characters after a date: none, or THH:MM:SS followed by Z or ±HH:MM, within the
    // ranges a full parse accepts. HH:MM:SS is checked as one 8-byte word.
    static bool usual_time(const char* t, size_t n) {
        if (n == 0) return true;
        if ((n != 10 && n != 15) || t[0] != 'T') return false;
        uint64_t w;
        std::memcpy(&w, t + 1, 8);
        if (!clock_word(w, 23)) return false;
        if (n == 10) return t[9] == 'Z';
        if ((t[9] != '+' && t[9] != '-') || t[12] != ':') return false;
        const unsigned a = static_cast<unsigned char>(t[10]) - unsigned('0');
        const unsigned b = static_cast<unsigned char>(t[11]) - unsigned('0');
        const unsigned c = static_cast<unsigned char>(t[13]) - unsigned('0');
        const unsigned d = static_cast<unsigned char>(t[14]) - unsigned('0');
        return a <= 9 && b <= 9 && c <= 5 && d <= 9 && a * 10 + b <= 14;
    }

private:
    // "HH:MM:SS" as eight bytes (the first in the low byte, as memcpy reads it on a
    // little-endian host; a big-endian host swaps them first): colons in bytes 2 and 5, digits
    // elsewhere (high nibble 3, and still 3 after adding 6), hours ≤ max_hour, minutes and
    // seconds ≤ 59.
    static bool clock_word(uint64_t w, unsigned max_hour) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        constexpr uint64_t kDigits = 0xffff00ffff00ffffull, kColons = 0x00003a00003a0000ull;
        constexpr uint64_t kThrees = 0x3030303030303030ull & kDigits, kSixes = 0x0606060606060606ull & kDigits;
        const uint64_t digits = w & kDigits;
        if ((w & ~kDigits) != kColons || (digits & 0xf0f0f0f0f0f0f0f0ull) != kThrees ||
            ((digits + kSixes) & 0xf0f0f0f0f0f0f0f0ull) != kThrees)
            return false;
        const uint64_t v = digits - kThrees;  // each digit byte now 0-9
        const auto at = [v](int byte) { return static_cast<unsigned>(v >> (8 * byte)) & 0xff; };
        return at(0) * 10 + at(1) <= max_hour && at(3) <= 5 && at(6) <= 5;
    }

    // The last other text is kept in place (a std::string's assign was a call per row in wasm);
    // a longer one is not kept, and the next row parses again.
    static constexpr size_t kMaxText = 32;
    std::optional<Day> remember(std::string_view text, std::optional<Day> day) {
        day_ = day;
        kept_ = text.size() <= kMaxText;
        size_ = kept_ ? text.size() : 0;
        // Copied eight bytes at a time, inline: in wasm a memcpy of a size not known at compile
        // time is a call.
        size_t i = 0;
        for (; i < kMaxText && i + 8 <= size_; i += 8) std::memcpy(text_ + i, text.data() + i, 8);
        for (; i < kMaxText && i < size_; ++i) text_[i] = text[i];
        return day_;
    }

    // The month of a date parse_day read (its text's first eight characters, digits and dashes
    // where they belong): its first day and its length.
    void remember_month(std::string_view text, uint64_t head, Day day) {
        const auto number = [&](size_t at, size_t digits) {
            int n = 0;
            for (size_t i = 0; i < digits; ++i) n = n * 10 + (text[at + i] - '0');
            return n;
        };
        const int year = number(0, 4), month = number(5, 2);
        month_known_ = true;
        month_head_ = head;
        month_start_ = Day{day.n - (number(8, 2) - 1)};
        month_days_ = 28;
        while (month_days_ < 31 && valid_civil(year, month, static_cast<int>(month_days_) + 1)) ++month_days_;
    }

    // The last usual ISO date's ten characters (as two words) and its day.
    bool iso_known_ = false;
    uint64_t iso_head_ = 0;
    uint16_t iso_tail_ = 0;
    Day iso_day_{};
    // The month of the last date parse_day read: its "YYYY-MM-" as a word, first day, length.
    bool month_known_ = false;
    uint64_t month_head_ = 0;
    Day month_start_{};
    unsigned month_days_ = 0;
    // The last other text and its day.
    char text_[kMaxText] = {};
    size_t size_ = 0;
    bool kept_ = false;
    std::optional<Day> day_;
};

// Years a report date can have: Amazon opened its marketplace to other sellers in 2000, and
// two-digit years are 20YY. A date outside them (1970, 0001, 9999: a default or a typo) is
// "implausible": its row is skipped with a problem (README.md, "Implausible dates").
constexpr int kFirstPlausibleYear = 2000, kLastPlausibleYear = 2099;
inline bool plausible(Day day) {
    constexpr Day first = day_from_civil(kFirstPlausibleYear, 1, 1), last = day_from_civil(kLastPlausibleYear, 12, 31);
    return day >= first && day <= last;
}
// The problem text for an implausible date as written.
std::string implausible_date(std::string_view text);

// A moment: ISO 8601 or a date (taken as midnight UTC... of its day).
std::optional<Timestamp> parse_moment(std::string_view text);

}  // namespace sh::ingest
