// Copies Amazon's Account Health figures into the metric list (see reported.h).
#include "core/engine/reported.h"

#include <cstdio>

#include "core/engine/rate_math.h"
#include "core/messages.h"

namespace sh {

namespace {

std::string percent(double rate) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f %%", rate * 100.0);
    return buf;
}

Metric from_report(const ReportedMetric& r) {
    Metric m;
    m.id = r.id;
    m.scope = r.scope.empty() ? "all" : r.scope;
    m.source = "amazon_report";
    m.marketplace_id = r.marketplace_id;
    if (r.has_numerator) m.numerator = r.numerator;
    if (r.has_denominator) m.denominator = r.denominator;
    if (r.has_rate) m.rate = r.rate;
    else if (r.has_numerator && r.has_denominator && r.denominator > 0) m.rate = r.numerator / r.denominator;
    if (r.has_target) m.target = r.target;
    m.condition = r.condition;
    m.window_from = r.from;
    m.window_to = r.to;
    m.components = r.components;
    if (!r.status.empty()) {
        m.status = r.status;
    } else if (r.has_denominator && r.denominator == 0) {
        m.status = "no_data";
    } else if (m.rate && m.target && (m.condition == "lt" || m.condition == "gt" || m.condition == "gte")) {
        // No status from Amazon (or one we do not know): judge its rate against its target like
        // ours (metrics.md "Status"; rate as 6 decimals).
        RateRule rule;
        rule.target = rational_from_decimal(*m.target);
        rule.condition = m.condition == "lt" ? Condition::lt : m.condition == "gt" ? Condition::gt : Condition::gte;
        const Rational rate = rational_from_decimal(*m.rate);
        m.status = status_name(status_of(rate.p, rate.q, rule));
    } else {
        m.status = "no_data";
    }
    return m;
}

}  // namespace

void add_reported_metrics(const Facts& facts, std::vector<Metric>& metrics) {
    for (const ReportedMetric* r : facts.reported) {
        Metric m = from_report(*r);
        size_t at = metrics.size();
        bool exact = false;
        for (size_t i = 0; i < metrics.size(); ++i) {
            if (metrics[i].id != m.id) continue;
            if (metrics[i].scope == m.scope && metrics[i].category.empty()) {
                at = i + 1;
                exact = true;
            } else if (!exact) {
                at = i + 1;
            }
        }
        if (exact) {
            // the computed metric sits before the reported ones of its id/scope
            size_t computed = at - 1;
            while (computed > 0 && metrics[computed].source != "computed") --computed;
            const Metric& c = metrics[computed];
            if (c.source == "computed" && c.id == m.id && c.scope == m.scope) {
                std::string note = "Computed from your files: " + std::to_string(int64_t(c.numerator)) + " of " +
                                   std::to_string(int64_t(c.denominator)) +
                                   (c.rate ? " (" + percent(*c.rate) + ")" : std::string()) +
                                   ". Amazon's figure can differ: its window dates, orders or defects not in the "
                                   "loaded files, and defects Amazon removed.";
                m.notes.push_back(note);
            }
        }
        metrics.insert(metrics.begin() + static_cast<std::ptrdiff_t>(at), std::move(m));
    }
}

Metric typed_account_health_rating(int rating, const Policy& policy) {
    Metric m;
    m.id = "account_health_rating";
    m.scope = "all";
    m.source = "amazon_report";
    m.rate = rating;  // no numerator or denominator, as in Amazon's own report
    m.target = policy.ahr_healthy_from;
    m.condition = "gte";
    m.status = rating >= policy.ahr_healthy_from ? "good" : rating >= policy.ahr_at_risk_from ? "warning" : "failing";
    m.notes.push_back(english("account_health_rating_typed", {{"healthy_from", std::to_string(policy.ahr_healthy_from)},
                                                              {"at_risk_from", std::to_string(policy.ahr_at_risk_from)},
                                                              {"at_risk_to", std::to_string(policy.ahr_healthy_from - 1)}}));
    return m;
}

}  // namespace sh
