// Copies Amazon's Account Health figures into the metric list (see reported.h).
#include "core/engine/reported.h"

#include <algorithm>
#include <cstdio>

#include "core/engine/policy.h"
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

bool same_figure(const ReportedMetric& a, const ReportedMetric& b) {
    return a.id == b.id && a.scope == b.scope && a.marketplace_id == b.marketplace_id && a.from.n == b.from.n &&
           a.to.n == b.to.n && a.has_numerator == b.has_numerator && a.numerator == b.numerator &&
           a.has_denominator == b.has_denominator && a.denominator == b.denominator && a.has_rate == b.has_rate &&
           a.rate == b.rate && a.status == b.status && a.has_target == b.has_target && a.target == b.target &&
           a.condition == b.condition && a.components == b.components;
}

// The note beside Amazon's figure for a marketplace: our figure from the files, and whether
// the files' orders are that marketplace's (sales_channels), another's, or several together.
std::string beside_note(const Metric& computed, const std::string& marketplace_id,
                        const std::vector<std::string>& order_channels) {
    const std::vector<std::string>& own = sales_channels_of_marketplace(marketplace_id);
    std::string known, others;  // the files' channels of a known marketplace; those not this one's
    for (size_t i = 1; i < order_channels.size(); ++i) {
        if (!is_marketplace_sales_channel(order_channels[i])) continue;  // "Non-Amazon" and the like
        std::string channel = order_channels[i];
        for (char& ch : channel) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        known += (known.empty() ? "" : ", ") + order_channels[i];
        if (std::find(own.begin(), own.end(), channel) == own.end())
            others += (others.empty() ? "" : ", ") + order_channels[i];
    }
    MessageParams params = {{"numerator", std::to_string(int64_t(computed.numerator))},
                            {"denominator", std::to_string(int64_t(computed.denominator))},
                            {"rate", computed.rate ? percent(*computed.rate) : std::string()}};
    if (own.empty() || others.empty()) return english("computed_beside_reported", params);
    params.emplace_back("channels", known);
    return english(others == known ? "computed_other_marketplace" : "computed_marketplaces_together", params);
}

}  // namespace

void add_reported_metrics(const Facts& facts, std::vector<Metric>& metrics) {
    std::vector<const ReportedMetric*> added;
    for (const ReportedMetric* r : facts.reported) {
        // The same report loaded twice (or the same figure twice in one) is one figure.
        if (std::any_of(added.begin(), added.end(), [&](const ReportedMetric* a) { return same_figure(*a, *r); }))
            continue;
        added.push_back(r);
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
            if (c.source == "computed" && c.id == m.id && c.scope == m.scope)
                m.notes.push_back(beside_note(c, m.marketplace_id, facts.orders.marketplaces));
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
