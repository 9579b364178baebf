// Language detection by script and per-language evidence lists (see language.h).
#include "core/feedback/language.h"

#include <algorithm>
#include <unordered_map>

namespace sh::feedback {

namespace {

// Where a word is listed: bit l when in language l's [detect] list, bit 8 + l when among its
// evidence words. One hash lookup per word instead of a binary search per list and language
// (issue 9: those were two fifths of a comment's reading). Built once, from the lexicons, which
// live as long as the program.
class WordLists {
public:
    WordLists() {
        std::unordered_map<std::string_view, uint16_t> bits;  // views into the lexicons' lists
        for (Lang l : kAllLangs) {
            for (const std::string& w : lexicon(l).detect) bits[w] |= uint16_t(1u << unsigned(l));
            for (const std::string& w : lexicon(l).evidence) bits[w] |= uint16_t(1u << (8 + unsigned(l)));
        }
        for (const auto& [word, b] : bits) entries_.push_back({text_hash(word), word, b});
        std::sort(entries_.begin(), entries_.end(), [](const Entry& x, const Entry& y) {
            return x.hash != y.hash ? x.hash < y.hash : x.word < y.word;
        });
    }

    uint16_t bits(std::string_view word) const {
        const uint64_t hash = text_hash(word);
        auto e = std::lower_bound(entries_.begin(), entries_.end(), hash,
                                  [](const Entry& x, uint64_t h) { return x.hash < h; });
        for (; e != entries_.end() && e->hash == hash; ++e)  // more than one only if two texts share a hash
            if (e->word == word) return e->bits;
        return 0;
    }

private:
    struct Entry {
        uint64_t hash;
        std::string_view word;
        uint16_t bits;
    };
    std::vector<Entry> entries_;  // sorted by hash
};

const WordLists& word_lists() {
    static const WordLists lists;
    return lists;
}

bool listed(uint16_t bits, Lang l) { return bits & (1u << unsigned(l)); }
bool evidence(uint16_t bits, Lang l) { return bits & (1u << (8 + unsigned(l))); }

// Letters whose accents the folding removes but which point to one language.
void accent_evidence(std::string_view original, std::array<int, kLangCount>& score) {
    size_t i = 0;
    while (i < original.size()) {
        char32_t c = decode_utf8(original, i);
        if (c >= 0xC0 && c <= 0xDE) c += 0x20;  // Latin-1 upper → lower
        switch (c) {
            case 0xE4: case 0xF6: case 0xFC: case 0xDF: score[size_t(Lang::de)] += 2; break;  // ä ö ü ß
            case 0xF1: case 0xA1: case 0xBF: case 0xE1: case 0xED: case 0xF3: case 0xFA:      // ñ ¡ ¿ á í ó ú
                score[size_t(Lang::es)] += 2; break;
            case 0xE7: case 0xEA: case 0xE2: case 0xEE: case 0xFB: case 0xEB: case 0x153:     // ç ê â î û ë œ
                score[size_t(Lang::fr)] += 2; break;
            case 0xE9: score[size_t(Lang::fr)] += 1; score[size_t(Lang::es)] += 1; break;      // é
            case 0xE8: score[size_t(Lang::fr)] += 1; score[size_t(Lang::it)] += 1; break;      // è
            case 0xE0: case 0xF9: score[size_t(Lang::it)] += 1; score[size_t(Lang::fr)] += 1; break;  // à ù
            case 0xEC: case 0xF2: score[size_t(Lang::it)] += 2; break;                         // ì ò
            default: break;
        }
    }
}

Lang best_of(const std::array<int, kLangCount>& score, std::initializer_list<Lang> candidates) {
    Lang best = *candidates.begin();
    for (Lang l : candidates)
        if (score[size_t(l)] > score[size_t(best)]) best = l;
    return best;
}

}  // namespace

Lang detect_language(std::string_view original, const TokenText& text) {
    int han = 0, kana = 0, words = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        switch (text[i].kind) {
            case TokenKind::han: ++han; break;
            case TokenKind::kana: ++kana; break;
            case TokenKind::word: ++words; break;
            default: break;
        }
    }
    std::array<int, kLangCount> score{};
    if (kana >= 2 || (kana == 1 && han <= 4)) return Lang::ja;
    if (han >= 2 || (han == 1 && words == 0)) {
        // [detect] entries of one or two characters: each Han character, and each pair of
        // neighbouring ones ("詐欺"), is looked up once per language.
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i].kind != TokenKind::han) continue;
            const std::string_view c = token_text(text.text, text[i]);
            const bool pair = i + 1 < text.size() && text[i + 1].kind == TokenKind::han;
            const std::string_view two =
                pair ? text.text.substr(text[i].begin, text[i + 1].end - text[i].begin) : std::string_view();
            const uint16_t one = word_lists().bits(c);
            const uint16_t both = pair ? word_lists().bits(two) : 0;
            for (Lang l : {Lang::zh_hans, Lang::zh_hant, Lang::ja}) {
                if (listed(one, l)) ++score[size_t(l)];
                if (listed(both, l)) score[size_t(l)] += 2;
            }
        }
        return best_of(score, {Lang::zh_hans, Lang::zh_hant, Lang::ja});
    }
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i].kind != TokenKind::word) continue;
        const uint16_t bits = word_lists().bits(token_text(text.text, text[i]));
        if (!bits) continue;
        for (Lang l : {Lang::en, Lang::de, Lang::fr, Lang::es, Lang::it})
            if (listed(bits, l)) score[size_t(l)] += 2;
            else if (evidence(bits, l)) score[size_t(l)] += 1;
    }
    accent_evidence(original, score);
    return best_of(score, {Lang::en, Lang::de, Lang::fr, Lang::es, Lang::it});
}

}  // namespace sh::feedback
