// UTF-8 text prepared for matching: folded (case, full-width, accents) and cut into tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sh::feedback {

// Decodes the code point at text[i] and advances i (invalid bytes: U+FFFD, one byte).
char32_t decode_utf8(std::string_view text, size_t& i);
void append_utf8(std::string& out, char32_t c);

// The folded text and, for each of its bytes, the byte offset in the original text of the
// character it came from (plus one entry for the end), so that matches map back to the
// comment the buyer wrote.
struct FoldedText {
    std::string text;
    std::vector<uint32_t> source;  // text.size() + 1 entries
    uint32_t original_begin(uint32_t folded_byte) const { return source[folded_byte]; }
};

// Folding: ASCII and Latin letters to lower case without accents (é→e, ß→ss, œ→oe),
// full-width ASCII (ＡＢＣ！) to ASCII, half-width katakana (ｷｬﾝｾﾙ) to full-width, ideographic
// space to space, curly quotes to straight ones. Other CJK text is left as written. Reuses `out`'s buffers.
void fold_text(std::string_view original, FoldedText& out);
std::string fold(std::string_view text);

enum class TokenKind : uint8_t {
    word,   // a run of letters/digits (Latin, Greek, Cyrillic, digits)
    han,    // one Han character
    kana,   // one hiragana/katakana character
    cjk,    // one other CJK character (Hangul, ...)
    brk,    // clause punctuation: . , ; : ! ? 。 ， 、 ！ ？ newline
};
inline bool is_cjk(TokenKind k) { return k == TokenKind::han || k == TokenKind::kana || k == TokenKind::cjk; }

// A token is a byte span of the folded text.
struct Token {
    uint32_t begin = 0, end = 0;
    TokenKind kind = TokenKind::word;
};

// Cuts folded text into tokens; spaces, quotes and other symbols separate tokens.
void tokenize(std::string_view folded, std::vector<Token>& out);

inline std::string_view token_text(std::string_view folded, const Token& t) {
    return folded.substr(t.begin, t.end - t.begin);
}

}  // namespace sh::feedback
