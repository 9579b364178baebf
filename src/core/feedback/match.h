// Finds lexicon phrases in tokenised text.
#pragma once

#include <string_view>
#include <vector>

#include "core/feedback/lexicon.h"
#include "core/feedback/text.h"

namespace sh::feedback {

// The folded text of one comment and its tokens.
struct TokenText {
    std::string_view text;
    const std::vector<Token>* tokens = nullptr;
    size_t size() const { return tokens->size(); }
    const Token& operator[](size_t i) const { return (*tokens)[i]; }
};

// A phrase found at tokens [first, last).
struct Match {
    const Phrase* phrase = nullptr;
    uint32_t first = 0, last = 0;
    uint32_t gap_mask = 0;  // bit i: token first+i was skipped by a ".." gap
};

// If `phrase` starts at token `at`, the index one past its last token; else 0.
// Phrases never cross clause punctuation. `gap_mask` (optional) receives the skipped tokens.
size_t match_at(const Phrase& phrase, const TokenText& text, size_t at, uint32_t* gap_mask = nullptr);

// Appends every occurrence of every phrase in `phrases`.
void find_all(const PhraseList& phrases, const TokenText& text, std::vector<Match>& out);

// Whether any phrase of `phrases` occurs.
bool contains_any(const PhraseList& phrases, const TokenText& text);

}  // namespace sh::feedback
