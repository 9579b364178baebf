// Valid tracking rate (mfn, and per product category when categories are given), by
// ship-confirm day. Rows of Amazon's valid-tracking download with no shipment row are placed
// by their order's day (the download has no confirm date).
#include <algorithm>
#include <map>

#include "core/engine/shipping.h"
#include "core/messages.h"

namespace sh {

namespace {

const std::vector<const char*> kKinds = {"no_tracking", "invalid_tracking"};

struct Confirmed {
    OrderKey order;
    Day day;
    bool has_tracking, valid;
    uint16_t category;
};

}  // namespace

void evaluate_valid_tracking(const EvalContext& ctx, const MetricPolicy& mp) {
    std::vector<Confirmed> rows;
    std::vector<OrderKey> with_shipment;
    bool fed = !ctx.facts.tracking.empty();
    for (size_t i = 0; i < ctx.facts.shipments.size(); ++i) {
        const Shipment& s = ctx.facts.shipments[i];
        if (!s.ship_confirm.has()) continue;
        fed = true;
        with_shipment.push_back(s.order);
        if (ctx.shipment_out[i]) continue;
        const TrackingVerdict t = tracking_of(ctx, i);
        rows.push_back({s.order, s.ship_confirm.day(), t.has_tracking, t.valid, t.category});
    }
    if (!fed) return;
    std::sort(with_shipment.begin(), with_shipment.end());
    uint64_t unplaced = 0;
    for (const TrackingRow& t : ctx.facts.tracking) {
        if (std::binary_search(with_shipment.begin(), with_shipment.end(), t.order)) continue;
        const Order* o = ctx.facts.orders.find(t.order);
        if (!o) {
            ++unplaced;
            continue;
        }
        if (shipment_left_out(ctx, t.order)) continue;
        rows.push_back({t.order, o->day, t.has_tracking, t.has_tracking && t.valid, t.category});
    }

    auto evaluate_rows = [&](const std::string& category, uint16_t only) {
        WindowCounter wc = ctx.counter(mp);
        std::vector<PendingItem> items;
        for (const Confirmed& r : rows) {
            if (only && r.category != only) continue;
            wc.add_den(r.day, r.day);
            if (r.valid) {
                wc.add_num(r.day, r.day);
            } else if (r.day <= ctx.as_of && wc.in_window(r.day)) {
                items.push_back({r.day, r.order, r.has_tracking ? 2u : 1u});
            }
        }
        Metric m = finish_metric(ctx, mp, mp.scopes.empty() ? "mfn" : mp.scopes.front(), wc, items,
                                 ItemText{kKinds, order_label});
        m.category = category;
        if (unplaced && !only)
            m.notes.push_back(english("tracking_rows_unplaced", {{"count", std::to_string(unplaced)}}));
        ctx.metrics.push_back(std::move(m));
    };
    evaluate_rows("", 0);
    if (!mp.per_category) return;
    std::vector<uint16_t> used;
    for (const Confirmed& r : rows)
        if (r.category) used.push_back(r.category);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    // alphabetical by category name
    std::sort(used.begin(), used.end(),
              [&](uint16_t a, uint16_t b) { return ctx.facts.categories[a] < ctx.facts.categories[b]; });
    for (uint16_t c : used) evaluate_rows(ctx.facts.categories[c], c);
}

}  // namespace sh
