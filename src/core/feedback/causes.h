// Root causes of one comment: cue phrases, with negation and contrast handled.
#pragma once

#include <cstdint>
#include <vector>

#include "core/feedback/lexicon.h"
#include "core/feedback/match.h"

namespace sh::feedback {

// A cue that counted, as a byte span of the folded text.
struct CueHit {
    Cause cause = Cause::other;
    uint32_t begin = 0, end = 0;
};

// Buffers reused from one comment to the next (no allocation per comment once warm).
struct CauseScratch {
    std::vector<Match> cues, negators, others;
    std::vector<uint8_t> flags;  // per token
    std::vector<uint8_t> drop;   // per cue
};

struct CauseFindings {
    std::vector<Cause> causes;   // in order of first appearance; `other` only when nothing else
    std::vector<CueHit> hits;
};

// Finds the causes using every lexicon in `lexicons`. `unhappy` (rating 1–3 or unknown):
// with no cue, [topic] words give their cause (most votes win), else the cause is `other`;
// a happy comment with no cue has no cause.
void find_causes(const TokenText& text, const std::vector<const Lexicon*>& lexicons, bool unhappy,
                 CauseScratch& scratch, CauseFindings& out);

}  // namespace sh::feedback
