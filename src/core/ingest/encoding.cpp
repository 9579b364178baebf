// Encoding detection and the push decoders (UTF-16, Windows-1252, CP932 → UTF-8).
#include "core/ingest/encoding.h"

#include <algorithm>
#include <cstring>

#include "core/embedded.h"
#include "core/ingest/text.h"

namespace sh::ingest {

const char* encoding_name(Encoding e) {
    switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
    case Encoding::windows1252: return "windows-1252";
    case Encoding::cp932: return "cp932";
    }
    return "utf-8";
}

void append_utf8(std::string& out, uint32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Windows-1252's 0x80-0x9F; 0 where the code page leaves a hole (decoded as U+FFFD).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool cp932_lead(unsigned char c) { return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC); }
bool cp932_trail(unsigned char c) { return c >= 0x40 && c <= 0xFC && c != 0x7F; }

// The double-byte grid from data/ingest/cp932.bin (gen_cp932.py): 60 leads x 189 trails.
uint32_t cp932_pair(unsigned char lead, unsigned char trail) {
    static const std::string_view grid = embedded_file("ingest/cp932.bin");
    if (!cp932_lead(lead) || !cp932_trail(trail)) return 0;
    const size_t row = lead <= 0x9F ? size_t(lead - 0x81) : size_t(lead - 0xE0 + 31);
    const size_t cell = (row * 189 + size_t(trail - 0x40)) * 2;
    if (cell + 1 >= grid.size()) return 0;
    return uint32_t(static_cast<unsigned char>(grid[cell])) |
           uint32_t(static_cast<unsigned char>(grid[cell + 1])) << 8;
}

bool kana(uint32_t c) { return c >= 0x3040 && c <= 0x30FF; }

// Common Japanese: kana, CJK punctuation, full-width forms, and JIS level-1 kanji (lead bytes
// 0x88-0x9F). Level-2 kanji (leads 0xE0-0xEA) and half-width katakana are not counted: they
// are what Windows-1252 letters such as é, ä, ß look like when read as CP932.
bool common_japanese(uint32_t c, unsigned char lead) {
    if (kana(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E)) return true;
    return c >= 0x4E00 && c <= 0x9FFF && lead >= 0x88 && lead <= 0x9F;
}

// True when every non-ASCII byte of `head` fits CP932 and the text decodes mostly to common
// Japanese with kana among it (Japanese prose always has kana; a 1252 text whose ’ or – pair
// up into kanji has none).
bool looks_like_cp932(std::string_view head, bool complete) {
    size_t chars = 0, common = 0, kana_chars = 0;
    for (size_t i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c < 0x80) continue;
        ++chars;
        if (c >= 0xA1 && c <= 0xDF) continue;  // half-width katakana: fits, proves nothing
        if (!cp932_lead(c)) return false;
        if (i + 1 >= head.size()) {
            if (complete) return false;
            break;
        }
        const uint32_t u = cp932_pair(c, static_cast<unsigned char>(head[i + 1]));
        if (u == 0) return false;
        ++i;
        if (common_japanese(u, c)) ++common;
        if (kana(u)) ++kana_chars;
    }
    return chars > 0 && common * 10 >= chars * 6 && kana_chars * 5 >= chars;
}

}  // namespace

DetectedEncoding detect_encoding(std::string_view head, bool complete) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(head[i]); };
    if (head.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF)
        return {Encoding::utf8, 3};
    if (head.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) return {Encoding::utf16le, 2};
    if (head.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) return {Encoding::utf16be, 2};
    // UTF-16 without a BOM: ASCII text shows as every other byte zero.
    size_t zero_even = 0, zero_odd = 0;
    const size_t probe = std::min<size_t>(head.size() & ~size_t(1), 4096);
    for (size_t i = 0; i < probe; i += 2) {
        zero_even += byte(i) == 0;
        zero_odd += byte(i + 1) == 0;
    }
    if (probe >= 8 && zero_odd * 10 >= probe / 2 * 9 && zero_even == 0) return {Encoding::utf16le, 0};
    if (probe >= 8 && zero_even * 10 >= probe / 2 * 9 && zero_odd == 0) return {Encoding::utf16be, 0};
    return {detect_after_ascii(head, complete), 0};
}

Encoding detect_after_ascii(std::string_view window, bool complete) {
    if (valid_utf8_prefix(window, !complete) == window.size()) return Encoding::utf8;
    if (looks_like_cp932(window, complete)) return Encoding::cp932;
    return Encoding::windows1252;
}

size_t first_non_ascii(std::string_view text) {
    // 64 bytes at a time (the compiler makes it vector code): a large ASCII file is scanned to
    // its end.
    size_t i = 0;
    for (; i + 64 <= text.size(); i += 64) {
        uint64_t w[8];
        std::memcpy(w, text.data() + i, sizeof w);
        uint64_t any = 0;
        for (uint64_t x : w) any |= x;
        if (any & 0x8080808080808080ull) break;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
    return std::string_view::npos;
}

void Decoder::decode(std::string_view in, std::string& out) {
    switch (encoding_) {
    case Encoding::utf8:
        out.append(in);
        return;
    case Encoding::utf16le:
    case Encoding::utf16be:
        decode_utf16(in, out);
        return;
    case Encoding::cp932:
        decode_cp932(in, out);
        return;
    case Encoding::windows1252:
        out.reserve(out.size() + in.size() + in.size() / 4);
        for (char ch : in) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x80) {
                out.push_back(ch);
            } else if (c < 0xA0) {
                const uint16_t u = kCp1252High[c - 0x80];
                append_utf8(out, u ? u : kReplacement);
            } else {
                append_utf8(out, c);
            }
        }
        return;
    }
}

void Decoder::decode_utf16(std::string_view in, std::string& out) {
    const bool little = encoding_ == Encoding::utf16le;
    size_t i = 0;
    while (i < in.size()) {
        unsigned char b0, b1;
        if (has_carry_) {
            b0 = carry_;
            b1 = static_cast<unsigned char>(in[i]);
            has_carry_ = false;
            i += 1;
        } else if (i + 1 < in.size()) {
            b0 = static_cast<unsigned char>(in[i]);
            b1 = static_cast<unsigned char>(in[i + 1]);
            i += 2;
        } else {
            carry_ = static_cast<unsigned char>(in[i]);
            has_carry_ = true;
            break;
        }
        const uint16_t unit = little ? uint16_t(b0 | b1 << 8) : uint16_t(b1 | b0 << 8);
        if (high_surrogate_) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((uint32_t(high_surrogate_) - 0xD800) << 10) + (unit - 0xDC00u));
                high_surrogate_ = 0;
                continue;
            }
            append_utf8(out, kReplacement);
            high_surrogate_ = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF) high_surrogate_ = unit;
        else if (unit >= 0xDC00 && unit <= 0xDFFF) append_utf8(out, kReplacement);
        else append_utf8(out, unit);
    }
}

void Decoder::decode_cp932(std::string_view in, std::string& out) {
    for (char ch : in) {
        const auto c = static_cast<unsigned char>(ch);
        if (has_carry_) {
            has_carry_ = false;
            const uint32_t u = cp932_pair(carry_, c);
            if (u) {
                append_utf8(out, u);
                continue;
            }
            append_utf8(out, kReplacement);  // a bad pair: the second byte is read afresh
        }
        if (c < 0x80) out.push_back(ch);
        else if (c >= 0xA1 && c <= 0xDF) append_utf8(out, 0xFF61u + (c - 0xA1u));
        else if (cp932_lead(c)) {
            carry_ = c;
            has_carry_ = true;
        } else append_utf8(out, kReplacement);
    }
}

void Decoder::finish(std::string& out) {
    if (has_carry_ || high_surrogate_) append_utf8(out, kReplacement);
    has_carry_ = false;
    high_surrogate_ = 0;
}

}  // namespace sh::ingest
