// The per-language word lists (src/core/data/lexicons/<lang>.txt), parsed once and cached.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

struct Lexicon {
    Lang lang = Lang::en;
    std::vector<Phrase> cues;               // [cause <name>] and [ignore]
    std::vector<Phrase> negators;           // [negation]: before the cue
    std::vector<Phrase> negators_after;     // [negation after]: after the cue (Japanese)
    std::vector<Phrase> not_negators;       // [not negation]: look like negation, are not (不错)
    std::vector<Phrase> contrasts;          // [contrast]
    std::vector<Phrase> product_features;   // [product feature]
    std::vector<Phrase> service;            // [service]
    std::vector<Phrase> obscene;            // [obscene]
    std::vector<Phrase> promotional;        // [promotional]
    std::vector<Phrase> name_cues;          // [name cue]
    std::vector<Phrase> phone_cues;         // [phone cue]
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
