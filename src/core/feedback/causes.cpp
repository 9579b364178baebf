// Cue matching with negation scope and contrast (feedback.md "Root causes").
//
// 1. Contrast words ("but", "但是", "けど") and clause punctuation bound every scope.
// 2. Every cue phrase of every lexicon is found; a cue inside (or overlapping) a longer cue is
//    dropped ("not received" inside "refund not received .." is not shipping_speed).
// 3. A negator ("not", "没有", "nicht") up to negation_window tokens before a cue, in the
//    same clause, cancels it, unless the negator is itself part of a cue ("never arrived")
//    or of a [not negation] phrase ("不错"). Japanese negates after: 壊れていない.
// 4. With no cue at all, an unhappy comment's [topic] words decide ("refund took 6 weeks").
// 5. An [ignore] phrase ("nothing missing") swallows the cues inside it and counts for nothing.
// So "arrived on time but the box was crushed" keeps only packaging, and in
// "没有损坏但是太慢了" 损坏 is negated while 太慢 after 但是 stands.
#include "core/feedback/causes.h"

#include <algorithm>
#include <array>

namespace sh::feedback {

namespace {

constexpr uint8_t kContrast = 1, kCovered = 2, kNegEnd = 4, kNegStart = 8, kNotNegation = 16;

// `inner` is inside `outer`, or overlaps it and is shorter: the longer cue owns the words
// ("回消息太慢" is communication; the "慢了" sharing its 慢 is not shipping).
bool contains(const Match& outer, const Match& inner) {
    const bool overlap = outer.first < inner.last && inner.first < outer.last;
    return overlap && (outer.last - outer.first) > (inner.last - inner.first);
}

bool is_scope_end(const TokenText& text, const std::vector<uint8_t>& flags, size_t t) {
    return text[t].kind == TokenKind::brk || (flags[t] & kContrast);
}

bool negated(const Match& cue, const TokenText& text, const std::vector<uint8_t>& flags, const Lexicon& lex) {
    // Inside a gap: "box .. damaged" over "box wasn't damaged".
    for (uint32_t t = cue.first; t < cue.last && t - cue.first < 32; ++t)
        if (((cue.gap_mask >> (t - cue.first)) & 1u) && (flags[t] & kNegEnd)) return true;
    // Before: a negator ending at most negation_window tokens before the cue.
    int between = 0;
    for (size_t t = cue.first; t-- > 0 && between <= lex.negation_window; ++between) {
        if (is_scope_end(text, flags, t)) break;
        if (flags[t] & kNegEnd) return true;
    }
    between = 0;
    for (size_t t = cue.last; t < text.size() && between <= lex.negation_after_window; ++t, ++between) {
        if (is_scope_end(text, flags, t)) break;
        if (flags[t] & kNegStart) return true;
    }
    return false;
}

bool starts_with_negator(const Match& cue, const TokenText& text, const std::vector<const Lexicon*>& lexicons) {
    for (const Lexicon* lex : lexicons)
        for (const Phrase& neg : lex->negators)
            if (size_t end = match_at(neg, text, cue.first); end && end < cue.last) return true;
    return false;
}

}  // namespace

void find_causes(const TokenText& text, const std::vector<const Lexicon*>& lexicons, bool unhappy,
                 CauseScratch& s, CauseFindings& out) {
    out.causes.clear();
    out.hits.clear();
    s.flags.assign(text.size(), 0);
    s.cues.clear();

    s.others.clear();
    for (const Lexicon* lex : lexicons) find_all(lex->contrasts, text, s.others);
    for (const Match& m : s.others)
        for (uint32_t t = m.first; t < m.last; ++t) s.flags[t] |= kContrast;

    for (const Lexicon* lex : lexicons) find_all(lex->cues, text, s.cues);
    // A ".." gap never reaches across a contrast word (lexicon format: "phrases never reach
    // across ... a contrast word"): "tracking was fine but wrong colour" is no "tracking .. wrong",
    // "respondieron rápido pero llegó tarde" no "respond* .. tarde".
    s.cues.erase(std::remove_if(s.cues.begin(), s.cues.end(),
                                [&](const Match& m) {
                                    for (uint32_t t = m.first; t < m.last && t - m.first < 32; ++t)
                                        if (((m.gap_mask >> (t - m.first)) & 1u) && (s.flags[t] & kContrast))
                                            return true;
                                    return false;
                                }),
                 s.cues.end());
    // A cue inside a longer cue does not count on its own.
    s.drop.assign(s.cues.size(), 0);
    for (size_t i = 0; i < s.cues.size(); ++i)
        for (const Match& other : s.cues)
            if (contains(other, s.cues[i])) s.drop[i] = 1;
    size_t kept = 0;
    for (size_t i = 0; i < s.cues.size(); ++i)
        if (!s.drop[i]) s.cues[kept++] = s.cues[i];
    s.cues.resize(kept);
    // Words a ".." gap skipped are not part of the cue: "box wasn't damaged" keeps its negator.
    auto in_gap = [](const Match& m, uint32_t t) { return t - m.first < 32 && (m.gap_mask >> (t - m.first)) & 1u; };
    // "didn't arrive late", "no llegó tarde": a negated cue ("didn't arrive") overlapping a
    // longer predicate ("llegó tarde"), or followed by a one-word cue ("late"), is the negator
    // of that predicate, not a cue of its own.
    s.drop.assign(s.cues.size(), 0);
    for (size_t a = 0; a < s.cues.size(); ++a) {
        const Match& A = s.cues[a];
        if (!starts_with_negator(A, text, lexicons)) continue;
        for (size_t b = 0; b < s.cues.size(); ++b) {
            const Match& B = s.cues[b];
            const bool overlapping = A.first < B.first && B.first < A.last && A.last < B.last;
            // "didn't arrive late": a one-word cue right after it is what is negated.
            const bool modifier = B.first == A.last && B.last == B.first + 1 && text[B.first].kind == TokenKind::word;
            if (overlapping || modifier) {
                s.drop[a] = 1;   // A goes
                s.drop[b] |= 2;  // B is negated
            }
        }
    }
    kept = 0;
    for (size_t i = 0; i < s.cues.size(); ++i) {
        if (s.drop[i] & 1) continue;
        s.drop[kept] = s.drop[i];
        s.cues[kept++] = s.cues[i];
    }
    s.cues.resize(kept);
    s.drop.resize(kept);

    for (const Match& m : s.cues)
        for (uint32_t t = m.first; t < m.last; ++t)
            if (!in_gap(m, t)) s.flags[t] |= kCovered;

    s.others.clear();
    for (const Lexicon* lex : lexicons) find_all(lex->not_negators, text, s.others);
    for (const Match& m : s.others)
        for (uint32_t t = m.first; t < m.last; ++t) s.flags[t] |= kNotNegation;

    auto mark_negators = [&](bool after) {
        s.negators.clear();
        for (const Lexicon* lex : lexicons) find_all(after ? lex->negators_after : lex->negators, text, s.negators);
        for (const Match& m : s.negators) {
            bool free = true;
            for (uint32_t t = m.first; t < m.last; ++t)
                if (s.flags[t] & (kCovered | kNotNegation)) free = false;  // a contrast may share a token: なかったが
            if (free) s.flags[after ? m.first : m.last - 1] |= after ? kNegStart : kNegEnd;
        }
    };
    mark_negators(false);
    mark_negators(true);

    auto add_hit = [&](const Match& m) {
        const Cause c = m.phrase->cause;
        out.hits.push_back({c, text[m.first].begin, text[m.last - 1].end});
    };
    // Which lexicon a cue came from decides its negation windows.
    auto lexicon_of = [&](const Phrase* p) -> const Lexicon& {
        for (const Lexicon* lex : lexicons)
            if (!lex->cues.empty() && p >= &lex->cues.front() && p <= &lex->cues.back()) return *lex;
            else if (!lex->topics.empty() && p >= &lex->topics.front() && p <= &lex->topics.back())
                return *lex;
        return *lexicons.front();
    };
    for (size_t i = 0; i < s.cues.size(); ++i) {
        const Match& m = s.cues[i];
        if (!m.phrase->ignore && !(s.drop[i] & 2) && !negated(m, text, s.flags, lexicon_of(m.phrase))) add_hit(m);
    }

    // No cue in an unhappy comment: fall back to what it is about ([topic ...] words: "refund",
    // "box", "tracking"). The cause(s) with the most topic words win.
    // A cue that was negated ("the box wasn't damaged") means the topic was named and denied.
    const bool any_cue = std::any_of(s.cues.begin(), s.cues.end(), [](const Match& m) { return !m.phrase->ignore; });
    if (out.hits.empty() && unhappy && !any_cue) {
        s.others.clear();
        for (const Lexicon* lex : lexicons) find_all(lex->topics, text, s.others);
        std::array<int, kCauseCount> votes{};
        for (const Match& m : s.others)
            if (!negated(m, text, s.flags, lexicon_of(m.phrase))) ++votes[size_t(m.phrase->cause)];
        const int best = *std::max_element(votes.begin(), votes.end());
        for (const Match& m : s.others)
            if (best > 0 && votes[size_t(m.phrase->cause)] == best && !negated(m, text, s.flags, lexicon_of(m.phrase)))
                out.hits.push_back({m.phrase->cause, text[m.first].begin, text[m.last - 1].end});
    }

    std::sort(out.hits.begin(), out.hits.end(),
              [](const CueHit& a, const CueHit& b) {
                  if (a.begin != b.begin) return a.begin < b.begin;
                  if (a.end != b.end) return a.end > b.end;
                  return a.cause < b.cause;
              });
    // Identical or overlapping spans of one cause become one ("太慢" + "慢了" → "太慢了").
    size_t merged = 0;
    for (size_t i = 0; i < out.hits.size(); ++i) {
        bool absorbed = false;
        for (size_t k = 0; k < merged && !absorbed; ++k) {
            CueHit& prev = out.hits[k];
            if (prev.cause == out.hits[i].cause && out.hits[i].begin < prev.end) {
                prev.end = std::max(prev.end, out.hits[i].end);
                absorbed = true;
            }
        }
        if (!absorbed) out.hits[merged++] = out.hits[i];
    }
    out.hits.resize(merged);
    for (const CueHit& h : out.hits)
        if (std::find(out.causes.begin(), out.causes.end(), h.cause) == out.causes.end()) out.causes.push_back(h.cause);
    if (out.causes.empty() && unhappy) out.causes.push_back(Cause::other);
}

}  // namespace sh::feedback
