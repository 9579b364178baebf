// Text helpers for the panels.
#include "app/format.h"

#include <cstdio>

namespace sh::app {

std::string percent(std::optional<double> rate, int decimals) {
    if (!rate) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, *rate * 100.0);
    return buf;
}

std::string metric_title(const Metric& m) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"odr", "Order Defect Rate"},
        {"cancel_rate", "Pre-fulfillment cancel rate"},
        {"late_shipment_rate_10d", "Late shipment rate (10 days)"},
        {"late_shipment_rate_30d", "Late shipment rate (30 days)"},
        {"valid_tracking_rate", "Valid tracking rate"},
        {"on_time_delivery_rate", "On-time delivery rate"},
        {"unit_on_time_delivery_rate", "Unit on-time delivery rate"},
        {"return_dissatisfaction_rate", "Return dissatisfaction rate"},
        {"late_response_rate", "Late response rate"},
        {"feedback_positive_rate_30d", "Positive feedback (30 days)"},
        {"feedback_positive_rate_90d", "Positive feedback (90 days)"},
        {"feedback_positive_rate_365d", "Positive feedback (365 days)"},
        {"feedback_positive_rate_lifetime", "Positive feedback (lifetime)"},
        {"feedback_average_365d", "Average feedback rating (365 days)"},
        {"invoice_defect_rate", "Invoice defect rate"},
        {"account_health_rating", "Account Health Rating"},
    };
    std::string title = m.id;
    for (const auto& [id, name] : kNames)
        if (m.id == id) title = name;
    title += " · " + m.scope;
    if (!m.category.empty()) title += " · " + m.category;
    return title;
}

ImU32 status_color(const std::string& status) {
    if (status == "good") return IM_COL32(46, 170, 96, 255);
    if (status == "warning") return IM_COL32(232, 166, 35, 255);
    if (status == "failing") return IM_COL32(222, 64, 64, 255);
    return IM_COL32(128, 128, 140, 255);
}

std::string target_text(const Metric& m) {
    if (!m.target) return "no target";
    const std::string t = percent(m.target);
    if (m.condition == "lt") return "below " + t;
    if (m.condition == "lte") return "at most " + t;
    if (m.condition == "gt") return "above " + t;
    if (m.condition == "gte") return "at least " + t;
    if (m.condition == "eq") return "exactly " + std::to_string(static_cast<long long>(*m.target));
    return t;
}

std::string human_bytes(uint64_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

}  // namespace sh::app
