// Civil-date arithmetic (Howard Hinnant's algorithms) and ISO 8601 parsing.
#include "core/day.h"

#include <cstdio>

namespace sh {

void civil_from_day(Day day, int& y, int& m, int& d) {
    const int z = day.n + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

bool valid_civil(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int limit = (m == 2 && leap) ? 29 : days_in[m - 1];
    return d <= limit;
}

std::string format_day(Day day) {
    int y, m, d;
    civil_from_day(day, y, m, d);
    if (y < 0 || y > 9999) {  // not a report's date; the general form
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    // YYYY-MM-DD by hand: the result writes a date for every defect and feedback entry, and
    // snprintf was a twentieth of a 100 k evaluation and its JSON (issue 9).
    char buf[10] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                    char('0' + m / 10),   char('0' + m % 10),       '-',                    char('0' + d / 10),
                    char('0' + d % 10)};
    return std::string(buf, sizeof buf);
}

namespace {

// Reads exactly `count` digits at text[pos]; advances pos. Inlined: ISO timestamps call it
// eight times each, and All Orders files hold two per row (issue 9).
inline __attribute__((always_inline)) bool read_digits(std::string_view text, size_t& pos, int count, int& out) {
    if (pos + static_cast<size_t>(count) > text.size()) return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + static_cast<size_t>(i)];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    pos += static_cast<size_t>(count);
    out = v;
    return true;
}

}  // namespace

std::optional<Day> parse_day(std::string_view text) {
    size_t pos = 0;
    int y, m, d;
    if (text.size() != 10) return std::nullopt;
    if (!read_digits(text, pos, 4, y) || text[pos++] != '-' || !read_digits(text, pos, 2, m) ||
        text[pos++] != '-' || !read_digits(text, pos, 2, d) || !valid_civil(y, m, d))
        return std::nullopt;
    return day_from_civil(y, m, d);
}

Day Timestamp::local_day() const {
    const int64_t local = local_seconds();
    // floor division: negative instants belong to the previous day
    const int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return Day{static_cast<int32_t>(days)};
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    size_t pos = 0;
    int y, mo, d;
    if (!read_digits(text, pos, 4, y) || pos >= text.size() || text[pos++] != '-' ||
        !read_digits(text, pos, 2, mo) || pos >= text.size() || text[pos++] != '-' ||
        !read_digits(text, pos, 2, d) || !valid_civil(y, mo, d))
        return std::nullopt;
    Timestamp ts;
    const int64_t day_seconds = int64_t(day_from_civil(y, mo, d).n) * 86400;
    if (pos == text.size()) {
        ts.utc_seconds = day_seconds;
        return ts;
    }
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    ++pos;
    int h = 0, mi = 0, s = 0;
    if (!read_digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' ||
        !read_digits(text, pos, 2, mi))
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        if (!read_digits(text, pos, 2, s)) return std::nullopt;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            const size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
            if (pos == start) return std::nullopt;
        }
    }
    if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi != 0 || s != 0))) return std::nullopt;
    int offset = 0;
    if (pos < text.size()) {
        const char c = text[pos];
        if ((c == 'Z' || c == 'z') && pos + 1 == text.size()) {
            ++pos;
        } else if (c == '+' || c == '-') {
            ++pos;
            int oh = 0, om = 0;
            if (!read_digits(text, pos, 2, oh)) return std::nullopt;
            if (pos < text.size() && text[pos] == ':') ++pos;
            if (pos < text.size() && !read_digits(text, pos, 2, om)) return std::nullopt;
            if (oh > 14 || om > 59) return std::nullopt;
            offset = (c == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
    }
    if (pos != text.size()) return std::nullopt;
    ts.has_time = true;
    ts.offset_minutes = static_cast<int16_t>(offset);
    ts.utc_seconds = day_seconds + h * 3600 + mi * 60 + s - int64_t(offset) * 60;
    return ts;
}

}  // namespace sh
