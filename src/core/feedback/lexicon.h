// The per-language word lists (src/core/data/lexicons/<lang>.txt), parsed once and cached.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/feedback/text.h"

namespace sh::feedback {

enum class Lang : uint8_t { en, zh_hans, zh_hant, de, fr, es, it, ja };
constexpr size_t kLangCount = 8;
constexpr std::array<Lang, kLangCount> kAllLangs = {Lang::en, Lang::zh_hans, Lang::zh_hant, Lang::de,
                                                    Lang::fr, Lang::es,      Lang::it,      Lang::ja};
std::string_view language_code(Lang lang);  // "en", "zh-Hans", ...
std::optional<Lang> language_from_code(std::string_view code);

// feedback.md's root causes, in the order the spec lists them.
enum class Cause : uint8_t {
    shipping_speed, packaging, tracking, communication, returns_refunds,
    customer_service, not_as_described, product_quality, price, other
};
constexpr size_t kCauseCount = 10;
std::string_view cause_name(Cause cause);
std::optional<Cause> cause_from_name(std::string_view name);

// One part of a phrase: a word (optionally with a wildcard before/after it), one CJK
// character, or a gap ("..") of up to kGapTokens words or kGapCjkTokens characters.
struct Unit {
    uint16_t begin = 0, length = 0;  // into Phrase::text
    bool any_before = false;         // "*schaden": the token may start with anything
    bool any_after = false;          // "damag*": the token may end with anything
    bool gap = false;
    bool cjk = false;
};
constexpr int kGapTokens = 3;     // words
constexpr int kGapCjkTokens = 6;  // Chinese/Japanese characters

struct Phrase {
    std::string text;                // folded
    std::vector<Unit> units;
    Cause cause = Cause::other;      // for [cause ...] sections
    bool ignore = false;             // [ignore]: swallows the cues inside it, is no cue itself
    uint32_t line = 0;               // line in the lexicon file
};

// The phrases of one section, indexed by their first word or character so that matching a
// comment looks at a handful of candidates per token instead of every phrase.
// A token's or unit's text as a 64-bit number (FNV-1a): candidates are found by comparing
// numbers, and one text compare confirms them (issue 9: binary searches over strings were most
// of a comment's reading).
inline uint64_t text_hash(std::string_view text) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
}

struct PhraseList {
    // by_first[lo, hi): the phrases whose first unit is one text, whose hash is `hash`.
    struct FirstKey {
        uint64_t hash;
        uint32_t lo, hi;
    };
    std::vector<Phrase> phrases;
    std::vector<uint32_t> by_first;  // phrases starting with an exact unit, sorted by it
    std::vector<FirstKey> first_keys;  // one per distinct first unit of by_first, sorted by hash
    std::vector<uint32_t> prefixed;  // phrases starting with "word*", sorted by that word
    std::array<std::pair<uint32_t, uint32_t>, 256> prefixed_by_byte{};  // prefixed[lo, hi) by the word's first byte
    std::vector<uint32_t> loose;     // phrases starting with "*word"

    bool empty() const { return phrases.empty(); }
    size_t size() const { return phrases.size(); }
    std::vector<Phrase>::const_iterator begin() const { return phrases.begin(); }
    std::vector<Phrase>::const_iterator end() const { return phrases.end(); }
    const Phrase& front() const { return phrases.front(); }
    const Phrase& back() const { return phrases.back(); }
    void build_index();
};

// The first unit's text of a phrase.
inline std::string_view first_unit(const Phrase& p) {
    return std::string_view(p.text).substr(p.units.front().begin, p.units.front().length);
}

struct Lexicon {
    Lang lang = Lang::en;
    PhraseList cues;                       // [cause <name>] and [ignore]
    PhraseList negators;                   // [negation]: before the cue
    PhraseList negators_after;             // [negation after]: after the cue (Japanese)
    PhraseList not_negators;               // [not negation]: look like negation, are not (不错)
    PhraseList contrasts;                  // [contrast]
    PhraseList topics;                     // [topic <cause>] ([product feature] = topic product_quality)
    PhraseList service;                    // [service]
    PhraseList obscene;                    // [obscene]
    PhraseList not_obscene;                // [not obscene]: ordinary words here, obscene in English
    // English's [obscene] without this language's [not obscene] (French "retard" is "late"):
    // what a comment in this language is checked with besides its own list (empty for English).
    PhraseList english_obscene;
    PhraseList promotional;                // [promotional]
    PhraseList name_cues;                  // [name cue]
    PhraseList phone_cues;                 // [phone cue]
    std::vector<std::string> detect;        // [detect], folded, sorted (words or CJK strings)
    std::vector<std::string> evidence;      // every plain word (3+ letters) of every phrase, sorted
    int negation_window = 3;                // tokens between a negator and its cue
    int negation_after_window = 4;
    std::vector<std::string> problems;      // "line 12: unknown cause 'late'"
};

// Compiles one phrase as written in a lexicon ("damag*", "box .. crushed", "没收到").
Phrase compile_phrase(std::string_view written);

Lexicon parse_lexicon(std::string_view text, Lang lang);

// The embedded lexicon for `lang`, parsed on first use.
const Lexicon& lexicon(Lang lang);

}  // namespace sh::feedback
