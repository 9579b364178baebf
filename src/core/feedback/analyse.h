// Feedback intelligence (feedback.md): root causes, removal eligibility, priorities, drafts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/day.h"
#include "core/feedback/comment.h"
#include "core/feedback/report.h"
#include "core/input.h"
#include "core/records.h"

namespace sh {

// One feedback entry as the engine hands it over: day resolved, order joined.
struct FeedbackItem {
    Day day;
    int rating = 0;                    // 1..5
    std::string order_id;              // "" when unknown
    std::string comment;
    bool answered = false;             // the seller has responded
    bool removed = false;              // removed or struck through: not counted
    Channel channel = Channel::unknown;  // from the orders file, when loaded
};

// What reading a comment found, kept between evaluations: a comment's language, causes and
// removal grounds depend only on its text and rating, not on as_of or the policy, and reading
// them is most of an evaluation's feedback work (the Session keeps one; issue 9).
class CommentMemo {
public:
    CommentMemo();
    ~CommentMemo();
    CommentMemo(const CommentMemo&) = delete;
    CommentMemo& operator=(const CommentMemo&) = delete;
    void clear();
    // Takes what was found elsewhere (a LoadedFile's comment_findings) for (comment, rating).
    void remember(std::string_view comment, int rating, feedback::CommentFindings findings);

private:
    friend FeedbackReport analyse_feedback(const std::vector<FeedbackItem>&, Day, CommentMemo*);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reads every entry's comment into file.comment_findings (the ingest worker does, so the page's
// first evaluation does not).
void read_feedback_comments(LoadedFile& file);

// Analyses every entry as of `as_of` (entries dated after as_of are ignored): counts,
// root causes, and per entry causes, triggers, removal eligibility, language, priority and a
// reply draft. Entries come back sorted by priority (1 = act first). With a memo, comments
// read before are not read again.
FeedbackReport analyse_feedback(const std::vector<FeedbackItem>& items, Day as_of, CommentMemo* memo = nullptr);

// What the UI shows while a comment is typed or highlighted: language ("en", "zh-Hans", ...),
// causes, and the words (byte spans of `comment`) that triggered each cause.
// `rating` 1–5, or 0 when unknown (then a comment with no recognised cue gets `other`).
struct CommentAnalysis {
    std::string language;
    std::vector<std::string> causes;
    std::vector<Trigger> triggers;
};
CommentAnalysis analyse_comment(std::string_view comment, int rating = 0);

}  // namespace sh
