// Feedback positive rate (30/90/365 days, lifetime) and feedback average (365 days), by
// feedback day, from entries not removed. Targets are rules of thumb, not Amazon policy.
#include <algorithm>

#include "core/engine/context.h"
#include "core/messages.h"

namespace sh {

namespace {

const std::vector<const char*> kKinds = {"negative_feedback", "neutral_feedback"};

bool is_positive(const EvalContext& ctx, int rating) {
    const auto& pos = ctx.policy.positive_ratings;
    return std::find(pos.begin(), pos.end(), rating) != pos.end();
}

// Amazon's Feedback Manager export holds only 1-3 star rows: without a full-history template
// or any 4-5 star row, shares and averages would be meaningless.
bool only_low_ratings(const EvalContext& ctx) {
    if (ctx.facts.feedback_full_history) return false;
    for (const FeedbackFact& f : ctx.facts.feedback)
        if (f.rating >= 4 && f.day <= ctx.as_of) return false;
    return true;
}

// The numerator and denominator stay as counted (metrics.md: the entries in the window and the
// 4-5 star ones among them, none); only the rate and what follows from it are unknown.
void mark_no_positive_rows(Metric& m) {
    m.rate.reset();
    m.status = "no_data";
    m.headroom.reset();
    m.needed_to_recover.reset();
    m.recovers_on = MaybeDay();
    m.series.clear();
    m.notes.push_back("The Feedback Manager export holds only 1-3 star feedback: without 4-5 star rows (or the "
                      "feedback template with every rating) no share or average can be computed. Counts are "
                      "in components.");
}

// The seller typed the window's total count of ratings (Seller Central's feedback page): the
// positive ones are that total minus the 1-3 star entries the files hold. Only the window's
// figure is known, not its days, so there is no daily series or recovery date.
void use_typed_total(const MetricPolicy& mp, Metric& m, uint64_t total, uint64_t low) {
    const std::string days = mp.window.lifetime() ? "" : std::to_string(mp.window.length);
    if (total < low) {
        mark_no_positive_rows(m);
        m.notes.push_back(english("feedback_total_below_entries",
                                  {{"days", days}, {"total", std::to_string(total)}, {"count", std::to_string(low)}}));
        return;
    }
    const auto num = static_cast<int64_t>(total - low), den = static_cast<int64_t>(total);
    m.numerator = double(num);
    m.denominator = double(den);
    m.rate.reset();
    if (den > 0) m.rate = double(num) / double(den);
    const Status status = status_of(num, den, mp.rule);
    m.status = status_name(status);
    m.headroom.reset();
    m.needed_to_recover.reset();
    m.recovers_on = MaybeDay();
    m.series.clear();
    if (status == Status::good || status == Status::warning) m.headroom = headroom(num, den, mp.rule);
    if (status == Status::failing)
        m.notes.push_back(english("passes_after_good_items", {{"count", std::to_string(needed_to_recover(num, den, mp.rule))},
                                                              {"items", recovery_items(m.id)}}));
    for (auto& [name, count] : m.components)
        if (name == "positive") count = double(num);
    m.notes.push_back(english("feedback_total_typed", {{"days", days}}));
}

void evaluate_feedback(const EvalContext& ctx, const MetricPolicy& mp, bool average) {
    if (!ctx.facts.feedback_loaded) return;
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    uint64_t positive = 0, neutral = 0, negative = 0;
    for (size_t i = 0; i < ctx.facts.feedback.size(); ++i) {
        const FeedbackFact& f = ctx.facts.feedback[i];
        if (f.removed) continue;
        wc.add_den(f.day, f.day);
        const bool pos = is_positive(ctx, f.rating);
        if (average) wc.add_num(f.day, f.day, f.rating);
        else if (pos) wc.add_num(f.day, f.day);
        if (f.day > ctx.as_of || !wc.in_window(f.day)) continue;
        if (pos) {
            ++positive;
            continue;
        }
        const bool neutral_rating = f.rating == 3;
        (neutral_rating ? neutral : negative) += 1;
        items.push_back({f.day, i, neutral_rating ? 2u : 1u});
    }
    const ItemText text{kKinds, [](const EvalContext& c, uint64_t ref) {
                            return c.order_text(c.facts.feedback[static_cast<size_t>(ref)].order);
                        }};
    Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "all" : mp.scopes.front(), wc, items, text);
    m.components = {{"positive", double(positive)}, {"neutral", double(neutral)}, {"negative", double(negative)}};
    if (only_low_ratings(ctx)) {
        const auto total = average ? std::nullopt : ctx.options.feedback_totals.for_window(mp.window.length);
        m.notes.clear();  // finish_metric's notes judged the 1-3 star rows alone
        if (total) use_typed_total(mp, m, *total, neutral + negative);
        else mark_no_positive_rows(m);
    }
    if (average && m.rate) m.notes.push_back("numerator is the sum of star ratings, denominator the number of entries");
    m.rule_of_thumb = mp.rule_of_thumb;
    ctx.metrics.push_back(std::move(m));
}

}  // namespace

void evaluate_feedback_positive(const EvalContext& ctx, const MetricPolicy& mp) { evaluate_feedback(ctx, mp, false); }
void evaluate_feedback_average(const EvalContext& ctx, const MetricPolicy& mp) { evaluate_feedback(ctx, mp, true); }

}  // namespace sh
