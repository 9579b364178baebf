// Date parsing for report files (reports.md "Dates"; metrics.md "Day of an event").
#include "core/ingest/dates.h"

#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

bool read_number(std::string_view s, size_t& pos, int& value, int& digits) {
    value = 0;
    digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && digits < 5) {
        value = value * 10 + (s[pos] - '0');
        ++digits;
        ++pos;
    }
    return digits > 0 && digits <= 4;
}

// What may follow a date after a space (or after a 'T'): a clock time H:MM[:SS[.fff]] within
// its ranges, then a UTC offset (Z, ±HH, ±HHMM, ±HH:MM) or words such as AM, PM, UTC, PST. A
// time out of range ("T25:00", "+25:00") or text after it makes the whole value not a date.
bool valid_time_suffix(std::string_view t) {
    size_t pos = 0;
    int h = 0, mi = 0, s = 0, digits = 0;
    if (!read_number(t, pos, h, digits) || digits > 2 || pos >= t.size() || t[pos++] != ':') return false;
    if (!read_number(t, pos, mi, digits) || digits != 2) return false;
    if (pos < t.size() && t[pos] == ':') {
        ++pos;
        if (!read_number(t, pos, s, digits) || digits != 2) return false;
        if (pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
            const size_t start = ++pos;
            while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
            if (pos == start) return false;
        }
    }
    if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi != 0 || s != 0))) return false;
    if (pos + 1 < t.size() && t[pos] == ' ' && (t[pos + 1] == '+' || t[pos + 1] == '-')) ++pos;  // "10:02 +0000"
    if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
        ++pos;
    } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
        ++pos;
        int oh = 0, om = 0;
        if (!read_number(t, pos, oh, digits) || (digits != 2 && digits != 4)) return false;
        if (digits == 4) {
            om = oh % 100;
            oh /= 100;
        } else if (pos < t.size() && t[pos] == ':') {
            ++pos;
            if (!read_number(t, pos, om, digits) || digits != 2) return false;
        }
        if (oh > 14 || om > 59) return false;
    }
    while (pos < t.size()) {  // " PM", " UTC", " PST": letters after a space
        if (t[pos++] != ' ') return false;
        const size_t start = pos;
        while (pos < t.size() && ((t[pos] | 0x20) >= 'a' && (t[pos] | 0x20) <= 'z')) ++pos;
        if (pos == start) return false;
    }
    return true;
}

std::optional<Day> make_day(int y, int m, int d) {
    if (!valid_civil(y, m, d)) return std::nullopt;
    return day_from_civil(y, m, d);
}

// "Sep 14, 2026", "14-Sep-2026", "14 Sep 2026" (English month abbreviations or names).
std::optional<Day> parse_month_name(std::string_view s) {
    static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t pos = 0;
    int numbers[2] = {0, 0}, digits[2] = {0, 0}, count = 0, month = 0;
    while (pos < s.size()) {
        const char c = s[pos];
        if (c >= '0' && c <= '9') {
            if (count == 2) return std::nullopt;
            if (!read_number(s, pos, numbers[count], digits[count])) return std::nullopt;
            ++count;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            const size_t start = pos;
            while (pos < s.size() && ((s[pos] >= 'a' && s[pos] <= 'z') || (s[pos] >= 'A' && s[pos] <= 'Z'))) ++pos;
            if (month || pos - start < 3) return std::nullopt;
            const std::string word = lower_ascii(s.substr(start, 3));
            for (int m = 0; m < 12; ++m)
                if (word == kMonths[m]) month = m + 1;
            if (!month) return std::nullopt;
        } else if (c == ' ' || c == ',' || c == '-' || c == '.' || c == '/') {
            ++pos;
        } else {
            return std::nullopt;
        }
    }
    if (!month || count != 2) return std::nullopt;
    if (digits[0] == 4) return make_day(numbers[0], month, numbers[1]);
    return make_day(full_year(numbers[1], digits[1]), month, numbers[0]);
}

}  // namespace

std::string implausible_date(std::string_view text) {
    return "implausible date: " + quote_value(text) + " (only years " + std::to_string(kFirstPlausibleYear) + " to " +
           std::to_string(kLastPlausibleYear) + " are read)";
}

int full_year(int year, int digits) { return digits <= 2 ? 2000 + year : year; }

std::optional<DateParts> split_date(std::string_view text) {
    const std::string_view s = trim(text);
    DateParts p;
    size_t pos = 0;
    int digits = 0;
    if (!read_number(s, pos, p.first, p.first_digits) || pos >= s.size()) return std::nullopt;
    p.separator = s[pos];
    if (p.separator != '/' && p.separator != '.' && p.separator != '-') return std::nullopt;
    ++pos;
    if (!read_number(s, pos, p.second, digits) || digits > 2 || pos >= s.size() || s[pos] != p.separator)
        return std::nullopt;
    ++pos;
    if (!read_number(s, pos, p.third, p.third_digits)) return std::nullopt;
    if (pos < s.size()) {  // a time may follow: after a 'T' only in ISO order (YYYY-MM-DDTHH:MM)
        if (s[pos] == 'T' ? p.first_digits != 4 : s[pos] != ' ') return std::nullopt;
        if (!valid_time_suffix(s.substr(pos + 1))) return std::nullopt;
    }
    if (p.first_digits == 3 || p.third_digits == 3) return std::nullopt;
    if (p.first_digits == 4 && p.third_digits > 2) return std::nullopt;
    return p;
}

std::optional<FeedbackDate> parse_feedback_date(std::string_view text, bool year_first) {
    const std::string_view s = trim(text);
    FeedbackDate out;
    const auto parts = split_date(s);
    if (!parts) {
        const auto ts = parse_iso_timestamp(s);
        if (!ts) return std::nullopt;
        out.day = ts->local_day();
        return out;
    }
    const DateParts& p = *parts;
    if (p.first_digits == 4 || (year_first && p.separator == '/')) {  // YYYY-MM-DD, YYYY/M/D, YY/M/D
        const auto day = make_day(full_year(p.first, p.first_digits), p.second, p.third);
        if (!day) return std::nullopt;
        out.day = *day;
        return out;
    }
    const int year = full_year(p.third, p.third_digits);
    if (p.separator == '.' || p.separator == '-') {  // D.M.YY (DE), D-M-YYYY
        const auto day = make_day(year, p.second, p.first);
        if (!day) return std::nullopt;
        out.day = *day;
        return out;
    }
    // D/M/YY or M/D/YY: valid in at least one order, kept as written.
    if (!valid_civil(year, p.second, p.first) && !valid_civil(year, p.first, p.second)) return std::nullopt;
    out.short_date.year = static_cast<int16_t>(p.third);  // as written: the order is not known yet
    out.short_date.a = static_cast<uint8_t>(p.first);
    out.short_date.b = static_cast<uint8_t>(p.second);
    out.needs_order = true;
    return out;
}

std::optional<Day> parse_any_day(std::string_view text, DateOrder slash_order, bool* ambiguous) {
    const std::string_view s = trim(text);
    if (ambiguous) *ambiguous = false;
    if (s.empty()) return std::nullopt;
    if (s.size() >= 10 && s[4] == '-') {
        if (const auto ts = parse_iso_timestamp(s)) return ts->local_day();
    }
    if (const auto parts = split_date(s)) {
        const DateParts& p = *parts;
        if (p.first_digits == 4) return make_day(p.first, p.second, p.third);
        const int year = full_year(p.third, p.third_digits);
        if (p.separator != '/') return make_day(year, p.second, p.first);
        if (p.first > 12) return make_day(year, p.second, p.first);
        if (p.second > 12) return make_day(year, p.first, p.second);
        if (ambiguous && p.first != p.second) *ambiguous = true;
        if (slash_order == DateOrder::dmy) return make_day(year, p.second, p.first);
        return make_day(year, p.first, p.second);
    }
    if (const auto ts = parse_iso_timestamp(s)) return ts->local_day();
    return parse_month_name(s);
}

std::optional<Timestamp> parse_moment(std::string_view text) {
    const std::string_view s = trim(text);
    if (const auto ts = parse_iso_timestamp(s)) return ts;
    if (const auto day = parse_any_day(s)) {
        Timestamp ts;
        ts.utc_seconds = int64_t(day->n) * 86400;
        return ts;
    }
    return std::nullopt;
}

}  // namespace sh::ingest
