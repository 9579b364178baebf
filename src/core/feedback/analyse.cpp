// The feedback analyser the engine calls: reads every comment, then counts and ranks.
#include "core/feedback/analyse.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/feedback/comment.h"
#include "core/feedback/counts.h"
#include "core/feedback/drafts.h"
#include "core/feedback/priority.h"
#include "core/feedback/removal.h"

namespace sh {

namespace {

using feedback::Cause;

void fill_from_comment(const feedback::CommentFindings& f, std::vector<std::string>& causes,
                       std::vector<Trigger>& triggers) {
    causes.clear();
    for (Cause c : f.causes) causes.emplace_back(feedback::cause_name(c));
    triggers.clear();
    for (const feedback::CueHit& h : f.triggers) triggers.push_back({std::string(feedback::cause_name(h.cause)), h.begin, h.end});
}

}  // namespace

CommentAnalysis analyse_comment(std::string_view comment, int rating) {
    feedback::CommentScratch scratch;
    feedback::CommentFindings findings;
    feedback::read_comment(comment, rating, scratch, findings);
    CommentAnalysis out;
    out.language = std::string(feedback::language_code(findings.language));
    fill_from_comment(findings, out.causes, out.triggers);
    return out;
}

struct CommentMemo::Impl {
    // Keyed by the rating, a line end and the comment text.
    std::unordered_map<std::string, feedback::CommentFindings> findings;
};

CommentMemo::CommentMemo() : impl_(std::make_unique<Impl>()) {}
CommentMemo::~CommentMemo() = default;
void CommentMemo::clear() { impl_->findings.clear(); }

namespace {
std::string memo_key(std::string_view comment, int rating) {
    std::string key = std::to_string(rating);
    key += '\n';
    key += comment;
    return key;
}
}  // namespace

void CommentMemo::remember(std::string_view comment, int rating, feedback::CommentFindings findings) {
    impl_->findings.insert_or_assign(memo_key(comment, rating), std::move(findings));
}

void read_feedback_comments(LoadedFile& file) {
    const auto& entries = file.records.feedback;
    file.comment_findings.assign(entries.size(), {});
    feedback::CommentScratch scratch;
    for (size_t i = 0; i < entries.size(); ++i)
        feedback::read_comment(entries[i].comment, entries[i].rating, scratch, file.comment_findings[i]);
}

FeedbackReport analyse_feedback(const std::vector<FeedbackItem>& items, Day as_of, CommentMemo* memo) {
    // A memo that grew past this many comments starts again (memory stays bounded).
    constexpr size_t kMaxRemembered = 200000;
    if (memo && memo->impl_->findings.size() > kMaxRemembered) memo->clear();
    FeedbackReport report;
    report.present = true;
    feedback::count_feedback(items, as_of, report);

    feedback::CommentScratch scratch;
    feedback::CommentFindings findings;
    std::array<uint32_t, feedback::kCauseCount> cause_counts{};
    report.entries.reserve(items.size());
    for (const FeedbackItem& item : items) {
        if (item.day > as_of) continue;
        const feedback::CommentFindings* read = &findings;
        if (memo) {
            auto [at, inserted] = memo->impl_->findings.try_emplace(memo_key(item.comment, item.rating));
            if (inserted) feedback::read_comment(item.comment, item.rating, scratch, at->second);
            read = &at->second;
        } else {
            feedback::read_comment(item.comment, item.rating, scratch, findings);
        }
        const feedback::CommentFindings& found = *read;
        FeedbackEntryResult e;
        e.day = item.day;
        e.rating = item.rating;
        e.order_id = item.order_id;
        e.comment = item.comment;
        fill_from_comment(found, e.causes, e.triggers);
        e.removal_reasons = feedback::removal_reasons(found, item.rating, item.channel);
        e.removal_eligible = !e.removal_reasons.empty() && !item.removed;
        e.language = std::string(feedback::language_code(found.language));
        e.answered = item.answered;
        e.removed = item.removed;
        const bool happy = item.rating >= 4;
        e.draft = feedback::compose_draft(found.language,
                                          found.causes.empty() ? Cause::other : found.causes.front(), happy);
        if (!item.removed && !happy && as_of - item.day < 365)
            for (Cause c : found.causes) ++cause_counts[size_t(c)];
        report.entries.push_back(std::move(e));
    }

    for (size_t c = 0; c < feedback::kCauseCount; ++c)
        if (cause_counts[c]) report.root_causes.emplace_back(std::string(feedback::cause_name(Cause(c))), cause_counts[c]);
    std::stable_sort(report.root_causes.begin(), report.root_causes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    feedback::prioritise(report.entries);
    return report;
}

}  // namespace sh
