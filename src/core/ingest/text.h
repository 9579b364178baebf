// Small text helpers shared by the ingest readers: trimming, header-name keys, numbers, booleans.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/records.h"

namespace sh::ingest {

std::string_view trim_padded(std::string_view s);
// Spaces, tabs, CR and no-break spaces off both ends. Most fields have none: that is checked
// inline (the readers trim every field they read; issue 9).
inline std::string_view trim(std::string_view s) {
    if (s.empty()) return s;
    const char f = s.front(), b = s.back();
    if (f != ' ' && f != '\t' && f != '\r' && f != '\xC2' && b != ' ' && b != '\t' && b != '\r' && b != '\xA0') return s;
    return trim_padded(s);
}
inline char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lower_ascii(std::string_view s);
bool iequals_same_size(std::string_view a, std::string_view b);
// ASCII case-insensitive a == b. The sizes are compared inline: readers try several spellings
// for every row's fields, and in wasm each try was a call (issue 9).
inline bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && iequals_same_size(a, b); }

// a == b, inline and eight bytes at a time, for the compares made on every row: in wasm,
// memcmp is a call and a byte loop (issue 9).
inline bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    size_t n = a.size();
    for (; n >= 8; n -= 8, p += 8, q += 8) {
        uint64_t x, y;
        std::memcpy(&x, p, 8);
        std::memcpy(&y, q, 8);
        if (x != y) return false;
    }
    for (; n; --n)
        if (*p++ != *q++) return false;
    return true;
}

// The key a header name is matched by: ASCII lower-cased, with spaces, '-', '_' and '.'
// removed ("Order ID", "order-id" and "order_id" all give "orderid"). Non-ASCII kept as is.
std::string header_key(std::string_view name);

// A non-negative integer ("3", " 12 ", "2.0"); nullopt when not one.
std::optional<uint32_t> parse_count(std::string_view s);
// A decimal number with a dot separator.
std::optional<double> parse_number(std::string_view s);
// yes/no/y/n/true/false/1/0/x (any case); nullopt for empty or anything else.
std::optional<bool> parse_yes_no(std::string_view s);
Tri to_tri(std::optional<bool> b);

// Valid UTF-8 copy of `s` (invalid bytes become U+FFFD), for strings the records keep.
std::string clean_utf8(std::string_view s);
// Length of the longest prefix of `s` that is valid UTF-8 (a sequence cut at the end counts
// as valid when `allow_cut_end`).
size_t valid_utf8_prefix(std::string_view s, bool allow_cut_end);

// "'value'" shortened for a problem message.
std::string quote_value(std::string_view value);

}  // namespace sh::ingest
