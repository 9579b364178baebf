// On-time delivery rate (mfn), unit based: units of shipments with valid tracking whose
// promised-delivery day is in the window (14 days, shifted back 7), delivered on or before it.
#include "core/engine/shipping.h"

namespace sh {

namespace {
const std::vector<const char*> kKinds = {"late_delivery", "no_delivery_scan"};
}  // namespace

void evaluate_on_time_delivery(const EvalContext& ctx, const MetricPolicy& mp) {
    bool fed = false;
    for (const Shipment& s : ctx.facts.shipments) fed = fed || s.promised_delivery.has();
    if (!fed) return;
    WindowCounter wc = ctx.counter(mp);
    std::vector<PendingItem> items;
    for (size_t i = 0; i < ctx.facts.shipments.size(); ++i) {
        const Shipment& s = ctx.facts.shipments[i];
        if (!s.promised_delivery.has() || ctx.shipment_out[i]) continue;
        const TrackingVerdict t = tracking_of(ctx, i);
        if (!t.valid) continue;
        const Day p = s.promised_delivery.day();
        // a shipment confirmed after as_of had not shipped yet on as_of
        const Day known = s.ship_confirm.has() && s.ship_confirm.day() > p ? s.ship_confirm.day() : p;
        if (s.ship_confirm.has() && s.ship_confirm.day() > ctx.as_of) continue;
        const int64_t units = s.units ? int64_t(s.units) : 1;
        wc.add_den(p, known, units);
        const bool on_time = s.delivered.has() && s.delivered.day() <= p;
        if (on_time) {
            wc.add_num(p, known, units);
        } else if (known <= ctx.as_of && wc.in_window(p)) {
            const bool delivered = s.delivered.has() && s.delivered.day() <= ctx.as_of;
            items.push_back({p, s.order, delivered ? 1u : 2u});
        }
    }
    Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "mfn" : mp.scopes.front(), wc, items,
                             ItemText{kKinds, order_label});
    m.notes.push_back("Counted in units (1 per shipment when units are not given); items list shipments.");
    ctx.metrics.push_back(std::move(m));
}

}  // namespace sh
