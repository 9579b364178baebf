// UTF-8 decoding, folding for matching, and tokenisation (see text.h).
#include "core/feedback/text.h"

namespace sh::feedback {

char32_t decode_utf8(std::string_view text, size_t& i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) { ++i; return b0; }
    int extra = 0;
    char32_t c = 0;
    if ((b0 & 0xE0) == 0xC0) { extra = 1; c = b0 & 0x1Fu; }
    else if ((b0 & 0xF0) == 0xE0) { extra = 2; c = b0 & 0x0Fu; }
    else if ((b0 & 0xF8) == 0xF0) { extra = 3; c = b0 & 0x07u; }
    else { ++i; return 0xFFFD; }
    if (i + size_t(extra) >= text.size()) { ++i; return 0xFFFD; }
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(text[i + size_t(k)]);
        if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        c = (c << 6) | (b & 0x3Fu);
    }
    i += size_t(extra) + 1;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

namespace {

// Latin-1 supplement U+00C0..U+00FF without accents, lower case ("" = keep as is).
const char* const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

// The folded form of c, or nullptr when c is copied unchanged.
const char* fold_char(char32_t c, char (&buf)[2]) {
    if (c >= 'A' && c <= 'Z') { buf[0] = char(c - 'A' + 'a'); buf[1] = 0; return buf; }
    if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width ASCII
        char32_t a = c - 0xFEE0;
        if (a >= 'A' && a <= 'Z') a = a - 'A' + 'a';
        buf[0] = char(a); buf[1] = 0; return buf;
    }
    if (c >= 0xC0 && c <= 0xFF) { const char* s = kLatin1[c - 0xC0]; return *s ? s : nullptr; }
    switch (c) {
        case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009: return " ";
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x00B4: return "'";
        case 0x201C: case 0x201D: case 0x201E: return "\"";
        case 0x0152: case 0x0153: return "oe";
        case 0x0160: case 0x0161: return "s";
        case 0x017D: case 0x017E: return "z";
        case 0x0141: case 0x0142: return "l";
        case 0x010C: case 0x010D: case 0x0106: case 0x0107: return "c";
        case 0x011A: case 0x011B: case 0x0118: case 0x0119: return "e";
        case 0xFF61: return ".";   // half-width ideographic full stop
        case 0xFF64: return ",";   // half-width ideographic comma
        default: return nullptr;
    }
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F);
}

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3005 /* 々 */;
}

bool is_kana(char32_t c) {
    return (c >= 0x3041 && c <= 0x30FF && c != 0x30FB) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F);
}

bool is_other_cjk(char32_t c) { return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF); }

bool is_clause_break(char32_t c) {
    switch (c) {
        case '.': case ',': case ';': case ':': case '!': case '?': case '\n': case '\r':
        case 0x3002: case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
        case 0x2026: case 0xFF0E: case 0x00A1: case 0x00BF:
            return true;
        default:
            return false;
    }
}

// Half-width katakana (U+FF66..U+FF9D) as full-width katakana; 0 when c is not one.
char32_t full_width_katakana(char32_t c) {
    static constexpr char16_t kSmall[] = u"ヲァィゥェォャュョッ";  // U+FF66..U+FF6F
    static constexpr char16_t kMain[] = u"ーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";  // U+FF70..
    if (c >= 0xFF66 && c <= 0xFF6F) return kSmall[c - 0xFF66];
    if (c >= 0xFF70 && c <= 0xFF9D) return kMain[c - 0xFF70];
    return 0;
}

// ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ: the voiced form of a katakana followed by a half-width (semi-)voiced mark.
char32_t voiced(char32_t kana, char32_t mark) {
    static constexpr char16_t kVoiceable[] = u"カキクケコサシスセソタチツテトハヒフヘホ";  // voiced form = +1
    static constexpr char16_t kSemiVoiceable[] = u"ハヒフヘホ";                          // semi-voiced = +2
    if (mark == 0xFF9E) {
        if (kana == U'ウ') return U'ヴ';
        for (char16_t k : kVoiceable)
            if (k && kana == k) return kana + 1;
    }
    if (mark == 0xFF9F)
        for (char16_t k : kSemiVoiceable)
            if (k && kana == k) return kana + 2;
    return 0;
}

}  // namespace

void fold_text(std::string_view original, FoldedText& out) {
    out.text.clear();
    out.source.clear();
    out.text.reserve(original.size() + 8);
    out.source.reserve(original.size() + 9);
    size_t i = 0;
    while (i < original.size()) {
        const auto start = static_cast<uint32_t>(i);
        const char32_t c = decode_utf8(original, i);
        char buf[2];
        const size_t before = out.text.size();
        if (char32_t k = full_width_katakana(c)) {
            // Half-width katakana (common in Japanese exports) read as full-width.
            size_t peek = i;
            if (peek < original.size()) {
                if (char32_t v = voiced(k, decode_utf8(original, peek))) {
                    k = v;
                    i = peek;
                }
            }
            append_utf8(out.text, k);
        } else if (const char* f = fold_char(c, buf)) out.text += f;
        else if (c == 0xFFFD) out.text += '?';
        else out.text.append(original.substr(start, i - start));
        out.source.insert(out.source.end(), out.text.size() - before, start);
    }
    out.source.push_back(static_cast<uint32_t>(original.size()));
}

std::string fold(std::string_view text) {
    FoldedText f;
    fold_text(text, f);
    return std::move(f.text);
}

void tokenize(std::string_view folded, std::vector<Token>& out) {
    out.clear();
    size_t i = 0;
    bool in_word = false;
    while (i < folded.size()) {
        const auto start = static_cast<uint32_t>(i);
        const char32_t c = decode_utf8(folded, i);
        const auto end = static_cast<uint32_t>(i);
        if (is_word_char(c)) {
            if (in_word) out.back().end = end;
            else out.push_back({start, end, TokenKind::word});
            in_word = true;
            continue;
        }
        // A '.' or ',' between digits belongs to the number (3.5, 1,299).
        if ((c == '.' || c == ',') && in_word && i < folded.size() && folded[i] >= '0' && folded[i] <= '9' &&
            folded[start - 1] >= '0' && folded[start - 1] <= '9') {
            out.back().end = end;
            continue;
        }
        in_word = false;
        if (is_han(c)) out.push_back({start, end, TokenKind::han});
        else if (is_kana(c)) out.push_back({start, end, TokenKind::kana});
        else if (is_other_cjk(c)) out.push_back({start, end, TokenKind::cjk});
        else if (is_clause_break(c)) {
            if (!out.empty() && out.back().kind == TokenKind::brk) out.back().end = end;
            else out.push_back({start, end, TokenKind::brk});
        }
    }
}

}  // namespace sh::feedback
