// UTF-8 helpers for the UI: decoding code points and finding the CJK ones (which need the
// lazily loaded CJK font).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sh::app {

// Decodes the code point at s[i] and advances i (invalid bytes yield U+FFFD, one byte each).
inline char32_t next_code_point(std::string_view s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return c;
}

// Code points the Latin UI font lacks and the CJK font has: CJK punctuation, kana, ideographs,
// compatibility ideographs, full-width forms.
inline bool is_cjk_point(char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

inline bool has_cjk(std::string_view s) {
    for (size_t i = 0; i < s.size();)
        if (is_cjk_point(next_code_point(s, i))) return true;
    return false;
}

inline void append_cjk_points(std::string_view s, std::u32string& out) {
    for (size_t i = 0; i < s.size();) {
        const char32_t c = next_code_point(s, i);
        if (is_cjk_point(c)) out += c;
    }
}

}  // namespace sh::app
