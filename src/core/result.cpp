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

}  // namespace sh
