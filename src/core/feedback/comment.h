// Everything the core reads from one comment: language, causes and their words, and the
// text-based removal evidence (obscene, personal information, promotion).
#pragma once

#include <string_view>
#include <vector>

#include "core/feedback/causes.h"
#include "core/feedback/lexicon.h"

namespace sh::feedback {

struct CommentFindings {
    Lang language = Lang::en;
    std::vector<Cause> causes;
    std::vector<CueHit> triggers;    // byte spans of the ORIGINAL comment
    bool obscene = false;
    bool personal_info = false;      // e-mail, phone number or cued full name
    bool promotional = false;        // link or promotion of another seller / shop
    bool mentions_service = false;   // words about the seller's service ([service])
};

// Reusable buffers: analysing many comments with one scratch allocates nothing per comment
// once the buffers have grown.
struct CommentScratch {
    FoldedText folded;
    std::vector<Token> tokens;
    CauseScratch causes;
    CauseFindings findings;
    std::vector<Match> matches;
    std::vector<const Lexicon*> lexicons;
};

// `rating` 1–5, or 0 when unknown (treated as unhappy: `other` when nothing is found).
void read_comment(std::string_view comment, int rating, CommentScratch& scratch, CommentFindings& out);

}  // namespace sh::feedback
