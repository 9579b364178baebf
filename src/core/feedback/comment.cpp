// Reads one comment: fold, tokenise, detect the language, find causes and removal evidence.
#include "core/feedback/comment.h"

#include "core/feedback/language.h"
#include "core/feedback/personal_info.h"

namespace sh::feedback {

namespace {

// The buyer's language, plus English (buyers everywhere mix in English words) and, for
// Chinese, the other script (Taiwanese and mainland buyers mix characters).
void lexicons_for(Lang lang, std::vector<const Lexicon*>& out) {
    out.clear();
    out.push_back(&lexicon(lang));
    if (lang == Lang::zh_hans) out.push_back(&lexicon(Lang::zh_hant));
    if (lang == Lang::zh_hant) out.push_back(&lexicon(Lang::zh_hans));
    if (lang != Lang::en) out.push_back(&lexicon(Lang::en));
}

}  // namespace

void read_comment(std::string_view comment, int rating, CommentScratch& s, CommentFindings& out) {
    fold_text(comment, s.folded);
    tokenize(s.folded.text, s.tokens);
    const TokenText text{s.folded.text, &s.tokens};

    out.language = detect_language(comment, text);
    lexicons_for(out.language, s.lexicons);

    const bool unhappy = rating <= 3;
    find_causes(text, s.lexicons, unhappy, s.causes, s.findings);
    out.causes = s.findings.causes;
    out.triggers.clear();
    for (const CueHit& h : s.findings.hits)
        out.triggers.push_back({h.cause, s.folded.source[h.begin], s.folded.source[h.end]});

    out.obscene = out.promotional = out.mentions_service = false;
    bool phone_cue = false;
    s.matches.clear();
    for (const Lexicon* lex : s.lexicons) {
        // English obscene words count in other languages' comments too, except those that are
        // ordinary words there ([not obscene]: French "en retard" is "late", German "dick" "thick").
        const bool english_in_other = lex->lang == Lang::en && out.language != Lang::en;
        out.obscene = out.obscene || contains_any(english_in_other ? lexicon(out.language).english_obscene : lex->obscene, text);
        out.promotional = out.promotional || contains_any(lex->promotional, text);
        out.mentions_service = out.mentions_service || contains_any(lex->service, text);
        phone_cue = phone_cue || contains_any(lex->phone_cues, text);
        find_all(lex->name_cues, text, s.matches);
    }
    out.promotional = out.promotional || has_link(s.folded.text);
    out.personal_info = has_email(s.folded.text) || has_phone(s.folded.text, phone_cue) ||
                        has_full_name(comment, s.folded.source, text, s.matches);
}

}  // namespace sh::feedback
