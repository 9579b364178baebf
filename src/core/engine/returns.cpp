// Return dissatisfaction rate (mfn) by return-request day. The returns report holds no response
// times and no return feedback, so only what it shows is counted: invalid rejections (in policy,
// rejected) and requests still unanswered (pending) more than 48 hours after their request day.
#include "core/engine/context.h"
#include "core/messages.h"

namespace sh {

namespace {
const std::vector<const char*> kKinds = {"invalid_rejection", "late_response"};
}  // namespace

void evaluate_returns(const EvalContext& ctx, const MetricPolicy& mp) {
    if (!ctx.facts.returns_loaded) return;
    const Policy& p = ctx.policy;
    // A request made at any time of day d is unanswered for more than `hours` by the end of
    // day d + hours/24 + 1 at the latest (48 h: by the end of d + 3).
    const int late_after_days = p.return_response_hours / 24 + 1;
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    uint64_t pending_late = 0;
    for (const ReturnRequest* r : ctx.facts.returns) {
        if (!r->request_day.has()) continue;
        const Order* o = ctx.facts.orders.find(r->order);
        if (o && o->channel == Channel::afn) continue;
        const Day d = r->request_day.day();
        wc.add_den(d, d);
        uint32_t kinds = 0;
        Day known = d;
        if (r->in_policy == Tri::yes && contains_lower(p.invalid_rejection_statuses, r->status)) kinds |= 1;
        if (contains_lower(p.unanswered_return_statuses, r->status)) {
            if (p.count_pending_returns_as_late) {
                kinds |= 2;
                known = d + late_after_days;
            } else if (d + late_after_days <= ctx.as_of && wc.in_window(d)) {
                ++pending_late;
            }
        }
        if (!kinds) continue;
        if (kinds & 1) known = d;
        wc.add_num(d, known);
        if (known <= ctx.as_of && wc.in_window(d)) items.push_back({d, r->order, kinds});
    }
    Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "mfn" : mp.scopes.front(), wc, items,
                             ItemText{kKinds, order_label});
    const std::string hours = std::to_string(p.return_response_hours);
    if (p.count_pending_returns_as_late)
        m.notes.push_back(english("returns_invalid_rejections_and_pending", {{"hours", hours}}));
    else
        m.notes.push_back(english("returns_invalid_rejections_only", {}));
    if (pending_late)
        m.notes.push_back(english("returns_pending_late", {{"count", std::to_string(pending_late)}, {"hours", hours}}));
    ctx.metrics.push_back(std::move(m));
}

}  // namespace sh
