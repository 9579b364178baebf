// Late shipment rate (10 and 30 days) and the shipping helpers (see shipping.h).
#include "core/engine/shipping.h"

#include <algorithm>

namespace sh {

bool shipment_left_out(const EvalContext& ctx, OrderKey key) {
    // listed in Amazon's cancellation download: a cancelled order
    const auto& flags = ctx.facts.cancellations;
    const auto flag = std::lower_bound(flags.begin(), flags.end(), key,
                                       [](const CancellationFlag& f, OrderKey k) { return f.order < k; });
    if (flag != flags.end() && flag->order == key) return true;
    const Order* o = ctx.facts.orders.find(key);
    if (!o) return false;
    if (o->channel == Channel::afn) return true;
    const bool dated = ctx.policy.cancellation_dated_by_last_update && o->last_updated > o->day;
    return o->cancelled && (!dated || o->last_updated <= ctx.as_of);
}

const TrackingRow* tracking_row(const EvalContext& ctx, OrderKey key) {
    if (key == kNoOrder) return nullptr;
    const auto& rows = ctx.facts.tracking;
    auto it = std::lower_bound(rows.begin(), rows.end(), key,
                               [](const TrackingRow& r, OrderKey k) { return r.order < k; });
    return it != rows.end() && it->order == key ? &*it : nullptr;
}

TrackingVerdict tracking_of(const EvalContext& ctx, size_t i) {
    const Shipment& s = ctx.facts.shipments[i];
    TrackingVerdict v{s.has_tracking, s.has_tracking && s.tracking_valid, ctx.facts.shipments.category(i)};
    if (const TrackingRow* row = tracking_row(ctx, s.order)) {
        v.has_tracking = row->has_tracking;
        v.valid = row->has_tracking && row->valid;
        if (v.category == 0) v.category = row->category;
    }
    return v;
}

namespace {
const std::vector<const char*> kLateKinds = {"late_shipment", "not_confirmed"};
}  // namespace

void evaluate_late_shipment(const EvalContext& ctx, const MetricPolicy& mp) {
    bool fed = false;
    for (const Shipment& s : ctx.facts.shipments) fed = fed || s.expected_ship.has();
    if (!fed) return;
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    for (size_t i = 0; i < ctx.facts.shipments.size(); ++i) {
        const Shipment& s = ctx.facts.shipments[i];
        if (!s.expected_ship.has() || ctx.shipment_out[i]) continue;
        const Day e = s.expected_ship.day();
        wc.add_den(e, e);
        const bool confirmed_on_time = s.ship_confirm.has() && s.ship_confirm.day() <= e;
        if (confirmed_on_time) continue;
        // Late from the day after the expected-ship day: confirmed late, or still unconfirmed.
        wc.add_num(e, e + 1);
        if (e + 1 > ctx.as_of || !wc.in_window(e)) continue;
        const bool confirmed = s.ship_confirm.has() && s.ship_confirm.day() <= ctx.as_of;
        items.push_back({e, s.order, confirmed ? 1u : 2u});
    }
    Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "mfn" : mp.scopes.front(), wc, items,
                             ItemText{kLateKinds, order_label});
    ctx.metrics.push_back(std::move(m));
}

}  // namespace sh
