// Reply drafts in the buyer's language (src/core/data/drafts/<lang>.txt).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/feedback/lexicon.h"

namespace sh::feedback {

// One language's sentences. A draft for an unhappy buyer is greeting, the sentence for the
// main cause (names the problem and apologises), the fix offer, closing; for a happy buyer:
// greeting, thanks, closing. Drafts never offer anything for changing or removing feedback.
struct DraftTemplates {
    bool join_with_space = true;   // false for Chinese and Japanese
    std::string greeting, fix, thanks, closing;
    std::array<std::string, kCauseCount> cause;
    std::vector<std::string> problems;   // missing keys, unknown keys
};

DraftTemplates parse_drafts(std::string_view text);

// The embedded templates for `lang`, parsed on first use.
const DraftTemplates& draft_templates(Lang lang);

// `main_cause` is the entry's first cause; `happy` for 4–5 stars.
std::string compose_draft(Lang lang, Cause main_cause, bool happy);

}  // namespace sh::feedback
