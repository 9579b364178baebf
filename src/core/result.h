// The health-check result (output.md): one object that every face shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/day.h"
#include "core/feedback/report.h"
#include "core/input.h"
#include "core/messages.h"

namespace sh {

// An order (or shipment, message, return) behind a metric's numerator.
struct MetricItem {
    std::string order_id;            // or message id / return's order id
    Day day;                         // the day the metric's window uses for it
    std::vector<std::string> kinds;  // e.g. negative_feedback, a_to_z_claim, late_shipment
    MaybeDay drops_out_on;
};

// The metric evaluated as of one day (for trend charts).
struct DailyPoint {
    Day day;
    double numerator = 0, denominator = 0;
};

struct Metric {
    std::string id;                  // odr, cancel_rate, late_shipment_rate_10d, ...
    std::string scope;               // mfn | afn | all
    std::string source = "computed"; // computed | amazon_report
    std::string category;            // per-category valid tracking; "" otherwise
    std::string marketplace_id;      // amazon_report figures: the marketplace they are for
    double numerator = 0, denominator = 0;
    std::optional<double> rate;      // fraction; none when denominator is 0 (or not reported)
    std::optional<double> target;
    std::string condition;           // lt | gt | gte | lte | eq
    std::string status = "no_data";  // good | warning | failing | no_data
    MaybeDay window_from, window_to;
    std::vector<std::pair<std::string, double>> components;
    std::optional<int64_t> headroom;
    std::optional<int64_t> needed_to_recover;
    MaybeDay recovers_on;
    std::vector<MetricItem> items;   // capped at kMaxItems
    uint64_t item_count = 0;         // all bad items, even past the cap
    std::vector<DailyPoint> series;  // daily trend, oldest first
    bool rule_of_thumb = false;      // target is a rule of thumb, not Amazon policy
    std::vector<std::string> notes;  // e.g. "3 cancellations could not be checked ..."
};

constexpr size_t kMaxItems = 1000;

struct Action {
    int priority = 0;                // 1 = do first
    std::string text;                // English, from the template of `code` (data/messages.json)
    std::string metric;              // the metric id it helps, if any
    std::string order_id;            // the order it is about, if any
    std::string code = {};           // e.g. remove_feedback (core/messages.h); "" when not coded
    MessageParams params = {};       // e.g. order_id, rating, reason (initialised: older brace lists stay valid)
};

struct Result {
    std::string tool = "seller-health";
    std::string version;
    MaybeDay as_of;
    std::string policy;
    std::vector<InputInfo> inputs;
    std::vector<Metric> metrics;
    FeedbackReport feedback;
    std::vector<Action> actions;
    std::vector<std::string> warnings;  // e.g. defects placed by their own day
};

// The feedback report's positive share per window and its 365-day average, as the computed
// feedback metrics of `metrics` give them, so one result never says two things: none from
// Amazon's 1-3 star export alone, the typed total's share when the seller gave one (metrics.md).
// A window whose metric the policy lacks keeps its counted share.
void feedback_figures_from_metrics(FeedbackReport& feedback, const std::vector<Metric>& metrics);

// What a metric's numerator and denominator count (metrics.md): "orders", "shipments", "units"
// (on-time delivery), "returns" (return requests), "messages" or "feedback"; "items" when unknown.
const char* counted_noun(std::string_view metric_id);
// What a failing metric needs more of to pass again (words.good_item/good_items in
// data/messages.json): "five_star" for the average rating, else its counted_noun.
const char* recovery_items(std::string_view metric_id);

}  // namespace sh
