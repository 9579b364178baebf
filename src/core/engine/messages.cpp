// Late response rate (all) by message-received day: answered after 24 h, or unanswered and
// received more than 24 h before the end of as_of (23:59:59 in the message's own offset).
#include "core/engine/context.h"
#include "core/messages.h"

namespace sh {

namespace {

const std::vector<const char*> kKinds = {"late_response", "unanswered"};

std::string message_label(const EvalContext& ctx, uint64_t ref) {
    const Message* m = ctx.facts.messages[static_cast<size_t>(ref)];
    return m->id.empty() ? "line " + std::to_string(m->line) : m->id;
}

// The first day D (in the message's offset) whose end is more than `limit` seconds after receipt.
Day late_from(const Message& m, int64_t limit) {
    const int64_t x = limit + 1 + m.received.local_seconds();
    const int64_t d = x >= 0 ? x / 86400 : -((-x + 86399) / 86400);
    return Day{static_cast<int32_t>(d)};
}

}  // namespace

void evaluate_messages(const EvalContext& ctx, const MetricPolicy& mp) {
    if (!ctx.facts.messages_loaded) return;
    const int64_t limit = int64_t(ctx.policy.message_response_hours) * 3600;
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    uint64_t not_needed = 0;
    for (size_t i = 0; i < ctx.facts.messages.size(); ++i) {
        const Message& msg = *ctx.facts.messages[i];
        const Day w = msg.received.local_day();
        if (msg.no_response_needed) {
            if (w <= ctx.as_of && wc.in_window(w)) ++not_needed;
            continue;
        }
        wc.add_den(w, w);
        const bool answered_on_time = msg.has_response && msg.responded.utc_seconds - msg.received.utc_seconds <= limit;
        if (answered_on_time) continue;
        const Day known = late_from(msg, limit);
        wc.add_num(w, known);
        if (known > ctx.as_of || !wc.in_window(w)) continue;
        const bool answered = msg.has_response && msg.responded.local_day() <= ctx.as_of;
        items.push_back({w, i, answered ? 1u : 2u});
    }
    Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "all" : mp.scopes.front(), wc, items,
                             ItemText{kKinds, message_label});
    if (not_needed) m.notes.push_back(english("messages_no_response_needed", {{"count", std::to_string(not_needed)}}));
    ctx.metrics.push_back(std::move(m));
}

}  // namespace sh
