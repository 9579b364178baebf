// Phrase matching over tokens: words with wildcards, CJK characters, gaps (see match.h).
#include "core/feedback/match.h"

#include <algorithm>

namespace sh::feedback {

namespace {

bool unit_matches(const Phrase& phrase, const Unit& unit, const TokenText& text, const Token& token) {
    if (token.kind == TokenKind::brk) return false;
    if (unit.cjk != is_cjk(token.kind)) return false;
    const std::string_view want = std::string_view(phrase.text).substr(unit.begin, unit.length);
    const std::string_view have = token_text(text.text, token);
    if (unit.any_before && unit.any_after) return have.find(want) != std::string_view::npos;
    if (unit.any_after) return have.substr(0, want.size()) == want;
    if (unit.any_before) return have.size() >= want.size() && have.substr(have.size() - want.size()) == want;
    return have == want;
}

size_t match_from(const Phrase& phrase, size_t unit, const TokenText& text, size_t start, size_t at,
                  uint32_t& gaps) {
    if (unit == phrase.units.size()) return at;
    const Unit& u = phrase.units[unit];
    if (u.gap) {
        const size_t max_skip = size_t(u.cjk ? kGapCjkTokens : kGapTokens);
        for (size_t skip = 0; skip <= max_skip && at + skip <= text.size(); ++skip) {
            if (skip > 0 && text[at + skip - 1].kind == TokenKind::brk) break;
            uint32_t inner = gaps;
            for (size_t k = 0; k < skip; ++k)
                if (at + k - start < 32) inner |= uint32_t(1) << (at + k - start);
            if (size_t end = match_from(phrase, unit + 1, text, start, at + skip, inner)) {
                gaps = inner;
                return end;
            }
        }
        return 0;
    }
    if (at >= text.size() || !unit_matches(phrase, u, text, text[at])) return 0;
    return match_from(phrase, unit + 1, text, start, at + 1, gaps);
}

}  // namespace

size_t match_at(const Phrase& phrase, const TokenText& text, size_t at, uint32_t* gap_mask) {
    if (phrase.units.empty()) return 0;
    uint32_t gaps = 0;
    const size_t end = match_from(phrase, 0, text, at, at, gaps);
    if (gap_mask) *gap_mask = end ? gaps : 0;
    return end;
}

namespace {

// Calls f(phrase) for every phrase that may start at token `at`: those whose first unit is
// exactly the token's text, and those starting with a wildcard.
template <typename F>
bool for_candidates(const PhraseList& list, const TokenText& text, size_t at, F&& f) {
    const std::string_view word = token_text(text.text, text[at]);
    if (!list.first_keys.empty()) {
        const uint64_t hash = text_hash(word);
        auto key = std::lower_bound(list.first_keys.begin(), list.first_keys.end(), hash,
                                    [](const PhraseList::FirstKey& k, uint64_t h) { return k.hash < h; });
        for (; key != list.first_keys.end() && key->hash == hash; ++key) {
            if (first_unit(list.phrases[list.by_first[key->lo]]) != word) continue;  // another text, same hash
            for (uint32_t i = key->lo; i < key->hi; ++i)
                if (f(list.phrases[list.by_first[i]])) return true;
        }
    }
    // "word*" phrases: only those whose word starts with the token's first byte can match.
    if (!word.empty()) {
        const auto [lo, hi] = list.prefixed_by_byte[static_cast<unsigned char>(word[0])];
        for (uint32_t i = lo; i < hi; ++i)
            if (f(list.phrases[list.prefixed[i]])) return true;
    }
    for (uint32_t i : list.loose)
        if (f(list.phrases[i])) return true;
    return false;
}

}  // namespace

void find_all(const PhraseList& phrases, const TokenText& text, std::vector<Match>& out) {
    for (size_t at = 0; at < text.size(); ++at) {
        if (text[at].kind == TokenKind::brk) continue;
        for_candidates(phrases, text, at, [&](const Phrase& p) {
            uint32_t gaps = 0;
            if (size_t end = match_at(p, text, at, &gaps))
                out.push_back({&p, static_cast<uint32_t>(at), static_cast<uint32_t>(end), gaps});
            return false;
        });
    }
}

bool contains_any(const PhraseList& phrases, const TokenText& text) {
    for (size_t at = 0; at < text.size(); ++at) {
        if (text[at].kind == TokenKind::brk) continue;
        if (for_candidates(phrases, text, at, [&](const Phrase& p) { return match_at(p, text, at) != 0; })) return true;
    }
    return false;
}

}  // namespace sh::feedback
