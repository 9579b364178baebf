// Small text helpers shared by the ingest readers.
#include "core/ingest/text.h"

#include <cmath>
#include <cstdlib>

namespace sh::ingest {

std::string_view trim_padded(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    // A no-break space (U+00A0) pads some localized exports.
    while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
    while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

bool iequals_same_size(std::string_view a, std::string_view b) {
    for (size_t i = 0; i < a.size(); ++i)
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    return true;
}

std::string header_key(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : trim(name)) {
        if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t' || c == '"') continue;
        out.push_back(lower_char(c));
    }
    return out;
}

std::optional<uint32_t> parse_count(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    uint64_t v = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        v = v * 10 + uint64_t(s[i] - '0');
        if (v > 0xFFFFFFFFu) return std::nullopt;
    }
    if (i == 0) return std::nullopt;
    if (i < s.size()) {  // "2.0" / "2.00" are whole numbers written as decimals
        if (s[i] != '.') return std::nullopt;
        for (++i; i < s.size(); ++i)
            if (s[i] != '0') return std::nullopt;
    }
    return static_cast<uint32_t>(v);
}

std::optional<double> parse_number(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.size() > 64) return std::nullopt;
    char buf[65];
    s.copy(buf, s.size());
    buf[s.size()] = '\0';
    char* end = nullptr;
    const double v = std::strtod(buf, &end);
    if (end != buf + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> parse_yes_no(std::string_view s) {
    s = trim(s);
    if (iequals(s, "yes") || iequals(s, "y") || iequals(s, "true") || s == "1" || iequals(s, "x"))
        return true;
    if (iequals(s, "no") || iequals(s, "n") || iequals(s, "false") || s == "0") return false;
    return std::nullopt;
}

Tri to_tri(std::optional<bool> b) { return !b ? Tri::unknown : (*b ? Tri::yes : Tri::no); }

// Length of the valid UTF-8 sequence at s[i], 0 when invalid, -1 when cut by the end.
static int utf8_sequence(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (int k = 1; k < len; ++k) {
        if (i + static_cast<size_t>(k) >= s.size()) return -1;
        const auto t = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
        if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return 0;
    }
    return len;
}

size_t valid_utf8_prefix(std::string_view s, bool allow_cut_end) {
    size_t i = 0;
    while (i < s.size()) {
        const int n = utf8_sequence(s, i);
        if (n == -1) return allow_cut_end ? s.size() : i;
        if (n == 0) return i;
        i += static_cast<size_t>(n);
    }
    return i;
}

std::string clean_utf8(std::string_view s) {
    if (valid_utf8_prefix(s, false) == s.size()) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    size_t i = 0;
    while (i < s.size()) {
        const int n = utf8_sequence(s, i);
        if (n > 0) {
            out.append(s.substr(i, static_cast<size_t>(n)));
            i += static_cast<size_t>(n);
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

std::string quote_value(std::string_view value) {
    value = trim(value);
    std::string out = "'";
    if (value.size() > 40) {
        size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
        out.append(clean_utf8(value.substr(0, cut))).append("...");
    } else {
        out.append(clean_utf8(value));
    }
    return out + "'";
}

}  // namespace sh::ingest
