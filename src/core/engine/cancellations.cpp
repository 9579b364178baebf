// Cancellation rate (mfn): seller cancellations of mfn orders by order day; buyer-requested
// cancellations are left out when any input says so, else counted against the seller with a note.
#include <algorithm>

#include "core/engine/context.h"
#include "core/messages.h"

namespace sh {

namespace {

const std::vector<const char*> kKindNames = {"cancelled", "not_checked_for_buyer_request"};

const CancellationFlag* find_flag(const std::vector<CancellationFlag>& flags, OrderKey key) {
    auto it = std::lower_bound(flags.begin(), flags.end(), key,
                               [](const CancellationFlag& f, OrderKey k) { return f.order < k; });
    return it != flags.end() && it->order == key ? &*it : nullptr;
}

}  // namespace

void evaluate_cancellations(const EvalContext& ctx, const MetricPolicy& mp) {
    if (!ctx.facts.orders.loaded) return;
    const std::string scope = mp.scopes.empty() ? "mfn" : mp.scopes.front();
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    uint64_t unchecked = 0, buyer_requested = 0;
    const auto& flags = ctx.facts.cancellations;
    // The scope as a channel, once (not a string compare per order).
    const bool all_channels = scope == "all";
    const Channel only = scope == "mfn" ? Channel::mfn : scope == "afn" ? Channel::afn : Channel::unknown;
    auto in_scope = [&](Channel ch) { return all_channels || (only != Channel::unknown && ch == only); };
    // Every order in scope is in the denominator of its order day.
    const OrderDays& days = ctx.facts.order_days;
    for (size_t i = 0; i < days.counts.size(); ++i) {
        const auto& n = days.counts[i];
        const uint32_t count = all_channels ? n[0] + n[1] + n[2] : only == Channel::mfn ? n[1] : only == Channel::afn ? n[2] : 0;
        const Day day = days.first + static_cast<int>(i);
        if (count) wc.add_den(day, day, count);
    }
    for (const Order& o : ctx.facts.orders.all()) {
        if (!o.cancelled || !in_scope(o.channel)) continue;
        // The cancellation is known from the order day, or from its last update (policy).
        const Day known =
            ctx.policy.cancellation_dated_by_last_update && o.last_updated > o.day ? o.last_updated : o.day;
        const CancellationFlag* flag = find_flag(flags, o.key);
        Tri buyer = o.buyer_requested_cancel;
        if (flag) buyer = flag->impacts_account_health && buyer != Tri::yes ? Tri::no : Tri::yes;
        const bool in_window = known <= ctx.as_of && wc.in_window(o.day);
        if (buyer == Tri::yes && ctx.policy.exclude_buyer_requested) {
            if (in_window) ++buyer_requested;
            continue;
        }
        wc.add_num(o.day, known);
        if (!in_window) continue;
        uint32_t kinds = 1;
        if (buyer == Tri::unknown) {
            ++unchecked;
            kinds |= 2;
        }
        items.push_back({o.day, o.key, kinds});
    }
    // Rows of Amazon's cancellation download whose order is in no orders file: they are
    // seller-fulfilled cancellations the download says count.
    uint64_t extra = 0;
    if (scope != "afn") {
        for (const CancellationFlag& f : flags) {
            if (!f.impacts_account_health || !f.order_day.has() || ctx.facts.orders.find(f.order)) continue;
            const Day d = f.order_day.day();
            wc.add_den(d, d);
            wc.add_num(d, d);
            if (d <= ctx.as_of && wc.in_window(d)) {
                ++extra;
                items.push_back({d, f.order, 1});
            }
        }
    }
    Metric m = finish_metric(ctx, mp, scope, wc, items, ItemText{kKindNames, order_label});
    if (unchecked) m.notes.push_back(english("cancel_unchecked", {{"count", std::to_string(unchecked)}}));
    if (buyer_requested) m.notes.push_back(english("cancel_buyer_requested", {{"count", std::to_string(buyer_requested)}}));
    if (extra) m.notes.push_back(english("cancel_unknown_orders", {{"count", std::to_string(extra)}}));
    ctx.metrics.push_back(std::move(m));
}

}  // namespace sh
