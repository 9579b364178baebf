// The result's figures that one part takes from another (result.h).
#include "core/result.h"

#include <string_view>

namespace sh {

void feedback_figures_from_metrics(FeedbackReport& feedback, const std::vector<Metric>& metrics) {
    for (const Metric& m : metrics) {
        if (m.source != "computed" || !m.category.empty()) continue;
        if (m.id == "feedback_average_365d") {
            feedback.average_365d = m.rate;
            continue;
        }
        constexpr std::string_view kPositive = "feedback_positive_rate_";
        if (m.id.compare(0, kPositive.size(), kPositive) != 0) continue;
        const auto window = feedback.counts.find(m.id.substr(kPositive.size()));
        if (window != feedback.counts.end()) window->second.positive_share = m.rate;
    }
}

const char* counted_noun(std::string_view id) {
    if (id == "odr" || id == "cancel_rate" || id == "invoice_defect_rate") return "orders";
    if (id == "late_shipment_rate_10d" || id == "late_shipment_rate_30d" || id == "valid_tracking_rate") return "shipments";
    if (id == "on_time_delivery_rate" || id == "unit_on_time_delivery_rate") return "units";
    if (id == "return_dissatisfaction_rate") return "returns";
    if (id == "late_response_rate") return "messages";
    if (id.rfind("feedback_", 0) == 0) return "feedback";
    return "items";
}

const char* recovery_items(std::string_view id) { return id == "feedback_average_365d" ? "five_star" : counted_noun(id); }

}  // namespace sh
