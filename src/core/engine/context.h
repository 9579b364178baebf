// What every metric family sees while evaluating: the facts, the policy and the days.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/engine/facts.h"
#include "core/engine/policy.h"
#include "core/engine/window_counter.h"
#include "core/options.h"
#include "core/order_id.h"
#include "core/result.h"

namespace sh {

struct EvalContext {
    const Facts& facts;
    const Policy& policy;
    const OrderIdPool& ids;
    Day as_of;
    Day first;                       // first day of the loaded range (series start)
    std::vector<Metric>& metrics;    // computed metrics, appended in policy order
    std::vector<std::string>& warnings;
    const Options& options;          // figures the seller typed in (feedback totals, ...)
    // Per shipment in facts.shipments: left out (afn or cancelled order), computed once.
    std::vector<uint8_t> shipment_out;

    WindowCounter counter(const MetricPolicy& m) const { return WindowCounter(m.window, first, as_of); }
    std::string order_text(OrderKey key) const { return ids.text(key); }
};

// A bad item behind a numerator, kept small until the capped list is written out.
struct PendingItem {
    Day day;                 // the day the window uses
    uint64_t ref = 0;        // an order key, or an index the family resolves to text
    uint32_t kinds = 0;      // bit i = kind_names[i]
};

// Fills a metric from its policy and counter: numbers, rate, status, window, headroom,
// needed_to_recover, recovers_on, series, and the capped item list (sorted by day, oldest
// first, so the first to drop out come first).
struct ItemText {
    const std::vector<const char*>& kind_names;
    // the id shown for an item (order id, message id)
    std::string (*label)(const EvalContext&, uint64_t ref);
};
Metric finish_metric(const EvalContext& ctx, const MetricPolicy& policy, const std::string& scope,
                     const WindowCounter& counter, std::vector<PendingItem>& items, const ItemText& text);

// The label of an item whose ref is an order key.
std::string order_label(const EvalContext& ctx, uint64_t ref);

bool contains_lower(const std::vector<std::string>& list, const std::string& value);

// Metric families (one file each).
void evaluate_order_defects(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_cancellations(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_late_shipment(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_valid_tracking(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_on_time_delivery(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_returns(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_messages(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_feedback_positive(const EvalContext& ctx, const MetricPolicy& m);
void evaluate_feedback_average(const EvalContext& ctx, const MetricPolicy& m);

}  // namespace sh
