// UTF-8 helpers for the UI: decoding code points and finding the CJK ones (which need the
// lazily loaded CJK font).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// Code points the Latin UI font lacks and the CJK font has: CJK punctuation, kana, enclosed CJK
// and compatibility forms (㈱ ㎝), ideographs, compatibility ideographs, full-width forms. (The
// circled digits ① … ⑳ of Japanese comments are in the Latin UI font.)
inline bool is_cjk_point(char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3200 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// The CJK code points of some texts, each once (all of them are in the BMP: a bit each). A
// year's feedback is megabytes of comments and drafts, scanned again after every load, and
// mostly ASCII: that is skipped eight bytes at a time (issue 9: 11 ms of the page's thread
// at 1 M orders, decoded a code point at a time).
class CjkPoints {
public:
    void add(std::string_view s) {
        const size_t n = s.size();
        for (size_t i = 0; i < n;) {
            if (i + 8 <= n) {
                uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                if (!(w & 0x8080808080808080ull)) {
                    i += 8;
                    continue;
                }
            }
            if (static_cast<unsigned char>(s[i]) < 0x80) {
                ++i;
                continue;
            }
            const char32_t c = next_code_point(s, i);
            if (is_cjk_point(c)) seen_[c >> 6] |= uint64_t(1) << (c & 63);
        }
    }

    // The points added, ascending.
    std::u32string sorted() const {
        std::u32string out;
        for (size_t word = 0; word < kWords; ++word)
            for (uint64_t bits = seen_[word]; bits; bits &= bits - 1)
                out += static_cast<char32_t>(word * 64 + static_cast<size_t>(__builtin_ctzll(bits)));
        return out;
    }

private:
    static constexpr size_t kWords = 0x10000 / 64;
    uint64_t seen_[kWords] = {};
};

}  // namespace sh::app
