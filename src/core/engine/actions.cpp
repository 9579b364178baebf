// Builds the action list: concrete steps on claims, feedback, shipments, messages and returns,
// valued by how much they protect a metric, with failing and warning metrics first.
#include "core/engine/actions.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/engine/shipping.h"

namespace sh {

namespace {

struct Candidate {
    int64_t value = 0;
    Day deadline;              // earlier first among equal values
    Action action;
};

std::string percent(double r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f %%", r * 100.0);
    return buf;
}

class Planner {
public:
    explicit Planner(const EvalContext& ctx) : ctx_(ctx) {
        for (const Metric& m : ctx.metrics) {
            if (m.source != "computed") continue;
            int& s = severity_[m.id];
            s = std::max(s, m.status == "failing" ? 2 : m.status == "warning" ? 1 : 0);
        }
    }

    // `boost`: the action moves its metric (so a failing or warning metric raises its value).
    void add(const std::string& kind, int64_t value, Day deadline, std::string text, const std::string& metric,
             const std::string& order_id = {}, bool boost = true) {
        const auto it = severity_.find(metric);
        const int severity = it == severity_.end() || !boost ? 0 : it->second;
        value += severity == 2 ? 1000 : severity == 1 ? 400 : 0;
        Candidate c{value, deadline, {0, std::move(text), metric, order_id}};
        per_kind_[kind].push_back(std::move(c));
    }

    std::vector<Action> finish() {
        std::vector<Candidate> all;
        const size_t cap = size_t(std::max(1, ctx_.policy.max_actions_per_kind));
        for (auto& [kind, list] : per_kind_) {
            std::stable_sort(list.begin(), list.end(), before);
            if (list.size() > cap) {
                Candidate more = list[cap - 1];
                more.action.text = "... and " + std::to_string(list.size() - cap + 1) + " more like this (" + kind + ")";
                more.action.order_id.clear();
                list.resize(cap - 1);
                list.push_back(std::move(more));
            }
            for (Candidate& c : list) all.push_back(std::move(c));
        }
        std::stable_sort(all.begin(), all.end(), before);
        std::vector<Action> out;
        for (Candidate& c : all) {
            c.action.priority = int(out.size()) + 1;
            out.push_back(std::move(c.action));
        }
        return out;
    }

private:
    static bool before(const Candidate& a, const Candidate& b) {
        if (a.value != b.value) return a.value > b.value;
        if (a.deadline != b.deadline) return a.deadline < b.deadline;
        return a.action.order_id < b.action.order_id;
    }
    const EvalContext& ctx_;
    std::map<std::string, int> severity_;
    std::map<std::string, std::vector<Candidate>> per_kind_;
};

void plan_claims(const EvalContext& ctx, Planner& plan) {
    const Policy& p = ctx.policy;
    for (const Claim& c : ctx.facts.claims) {
        if (c.status != ClaimStatus::open || !c.claim_day.has() || c.claim_day.day() > ctx.as_of) continue;
        const bool chargeback = c.type == ClaimType::chargeback;
        if (!chargeback && c.amazon_funded && p.exclude_amazon_funded_claims) continue;
        if (chargeback && c.fraud && p.exclude_fraud_chargebacks) continue;
        const Day due = c.claim_day.day() + (chargeback ? p.chargeback_response_days : p.a_to_z_response_days);
        const std::string id = ctx.order_text(c.order);
        const std::string what = chargeback ? "chargeback" : "A-to-z claim";
        std::string text = "Respond to the " + what + " on order " + (id.empty() ? "(no order id)" : id);
        text += due >= ctx.as_of ? " before " + format_day(due) : " now (the response time ended " + format_day(due) + ")";
        text += ": an open or granted " + what + " is an order defect.";
        plan.add(chargeback ? "chargebacks" : "claims", chargeback ? 950 : 1000, due, text, "odr", id);
    }
}

std::string removal_reason_words(const std::vector<std::string>& reasons) {
    static const std::map<std::string, std::string> words = {
        {"product_review", "it is a product review, not about your service"},
        {"fba_fulfillment", "FBA delivery complaint: Amazon strikes these through"},
        {"obscene", "obscene or abusive language"},
        {"personal_info", "it contains personal information"},
        {"promotional", "promotional content or links"}};
    std::string out;
    for (const std::string& r : reasons) {
        const auto it = words.find(r);
        out += (out.empty() ? "" : "; ") + (it == words.end() ? r : it->second);
    }
    return out;
}

void plan_feedback(const EvalContext& ctx, const FeedbackReport& report, Planner& plan) {
    const MetricPolicy* odr = ctx.policy.metric("odr");
    for (const FeedbackEntryResult& e : report.entries) {
        if (e.day > ctx.as_of) continue;
        const bool negative = std::find(ctx.policy.negative_feedback_ratings.begin(),
                                        ctx.policy.negative_feedback_ratings.end(),
                                        e.rating) != ctx.policy.negative_feedback_ratings.end();
        const std::string order = e.order_id.empty() ? "left on " + format_day(e.day) : "on order " + e.order_id;
        // newer entries first: they stay in the windows longest
        const int64_t recency = std::max(0, 365 - (ctx.as_of - e.day));
        if (e.removal_eligible && negative) {
            // feedback left within the ODR's reach (window plus delay) is most likely a counted defect
            const bool in_odr_window = odr && e.day > ctx.as_of - (odr->window.length + odr->window.delay);
            plan.add("feedback removals", 900 + (in_odr_window ? 50 : 0), ctx.as_of - int(recency),
                     "Request removal of the " + std::to_string(e.rating) + "-star feedback " + order + " (" +
                         removal_reason_words(e.removal_reasons) + ").",
                     "odr", e.order_id);
        } else if (!e.answered && e.rating <= 3) {
            plan.add("feedback replies", negative ? 300 : 200, ctx.as_of - int(recency),
                     "Reply to the " + std::to_string(e.rating) + "-star feedback " + order +
                         ": apologise, name the problem and offer to fix it (never offer anything for changing it).",
                     negative ? "odr" : "feedback_positive_rate_90d", e.order_id, false);
        }
    }
}

void plan_shipments(const EvalContext& ctx, Planner& plan) {
    uint64_t due_today = 0, overdue = 0;
    Day oldest = ctx.as_of;
    for (size_t i = 0; i < ctx.facts.shipments.size(); ++i) {
        const Shipment& s = ctx.facts.shipments[i];
        if (!s.expected_ship.has() || ctx.shipment_out[i]) continue;
        if (s.ship_confirm.has() && s.ship_confirm.day() <= ctx.as_of) continue;
        const Day e = s.expected_ship.day();
        if (e == ctx.as_of) ++due_today;
        else if (e < ctx.as_of && e > ctx.as_of - 30) {
            ++overdue;
            oldest = std::min(oldest, e);
        }
    }
    if (due_today)
        plan.add("shipments", 800, ctx.as_of,
                 "Ship or cancel " + std::to_string(due_today) + " orders due today (" + format_day(ctx.as_of) +
                     ") and confirm them: an order confirmed after its expected-ship date is a late shipment.",
                 "late_shipment_rate_10d");
    if (overdue)
        plan.add("shipments", 750, oldest,
                 "Confirm shipment of " + std::to_string(overdue) + " overdue orders (expected to ship since " +
                     format_day(oldest) + "); each counts as late until it is confirmed.",
                 "late_shipment_rate_10d");
}

void plan_messages(const EvalContext& ctx, Planner& plan) {
    const int64_t limit = int64_t(ctx.policy.message_response_hours) * 3600;
    uint64_t due = 0, late = 0;
    int64_t first_due = INT64_MAX;
    const Message* first = nullptr;
    for (const Message* m : ctx.facts.messages) {
        if (m->no_response_needed || m->has_response) continue;
        const Day d = m->received.local_day();
        if (d > ctx.as_of || d < ctx.as_of - 29) continue;
        const int64_t end_of_as_of = int64_t(ctx.as_of.n + 1) * 86400 - 1;  // local seconds
        if (end_of_as_of - m->received.local_seconds() > limit) {
            ++late;
        } else {
            ++due;
            if (m->received.utc_seconds < first_due) {
                first_due = m->received.utc_seconds;
                first = m;
            }
        }
    }
    if (due) {
        std::string when;
        if (first) {
            Timestamp t = first->received;
            t.utc_seconds += limit;
            const int64_t secs = ((t.local_seconds() % 86400) + 86400) % 86400;
            char buf[64];
            std::snprintf(buf, sizeof buf, " (the first by %s %02d:%02d)", format_day(t.local_day()).c_str(),
                          int(secs / 3600), int(secs / 60 % 60));
            when = buf;
        }
        plan.add("messages", 700, ctx.as_of,
                 "Answer " + std::to_string(due) + " buyer messages within 24 hours of receipt" + when + ".",
                 "late_response_rate", first ? first->id : std::string());
    }
    if (late)
        plan.add("messages", 450, ctx.as_of,
                 "Answer " + std::to_string(late) + " buyer messages already past 24 hours: they count as late "
                 "responses, but buyers still wait.",
                 "late_response_rate");
}

void plan_returns(const EvalContext& ctx, Planner& plan) {
    uint64_t pending = 0;
    Day oldest = ctx.as_of;
    for (const ReturnRequest* r : ctx.facts.returns) {
        if (!r->request_day.has() || r->request_day.day() > ctx.as_of) continue;
        if (!contains_lower(ctx.policy.unanswered_return_statuses, r->status)) continue;
        ++pending;
        oldest = std::min(oldest, r->request_day.day());
    }
    if (pending)
        plan.add("returns", 600, oldest,
                 "Answer " + std::to_string(pending) + " pending return requests (the oldest from " + format_day(oldest) +
                     "): authorise in-policy returns within 48 hours; rejecting an in-policy request is a defect.",
                 "return_dissatisfaction_rate");
}

void plan_failing_metrics(const EvalContext& ctx, Planner& plan) {
    for (const Metric& m : ctx.metrics) {
        if (m.source != "computed" || m.status != "failing" || !m.rate) continue;
        static const std::map<std::string, std::string> names = {
            {"odr", "Order defect rate"},
            {"cancel_rate", "Cancellation rate"},
            {"late_shipment_rate_10d", "Late shipment rate (10 days)"},
            {"late_shipment_rate_30d", "Late shipment rate (30 days)"},
            {"valid_tracking_rate", "Valid tracking rate"},
            {"on_time_delivery_rate", "On-time delivery rate"},
            {"return_dissatisfaction_rate", "Return dissatisfaction rate"},
            {"late_response_rate", "Late response rate"},
            {"feedback_positive_rate_30d", "Positive feedback (30 days)"},
            {"feedback_positive_rate_90d", "Positive feedback (90 days)"},
            {"feedback_positive_rate_365d", "Positive feedback (365 days)"},
            {"feedback_positive_rate_lifetime", "Positive feedback (lifetime)"},
            {"feedback_average_365d", "Average feedback rating (365 days)"}};
        const auto name = names.find(m.id);
        const bool average = m.target && *m.target > 1.0;
        std::string text = (name == names.end() ? m.id : name->second) +
                           (m.category.empty() ? "" : " for " + m.category) + " (" + m.scope + ") is failing at " +
                           (average ? std::to_string(*m.rate).substr(0, 4) : percent(*m.rate)) + ".";
        if (m.needed_to_recover)
            text += " It passes again after " + std::to_string(*m.needed_to_recover) +
                    " more items without a problem and none bad.";
        if (m.recovers_on.has())
            text += " At your usual volume, with no new problem, it recovers on " + format_day(m.recovers_on.day()) + ".";
        plan.add("metrics", 100, ctx.as_of, text, m.id, {}, false);
    }
}

}  // namespace

std::vector<Action> plan_actions(const EvalContext& ctx, const FeedbackReport& feedback) {
    Planner plan(ctx);
    plan_claims(ctx, plan);
    plan_feedback(ctx, feedback, plan);
    plan_shipments(ctx, plan);
    plan_messages(ctx, plan);
    plan_returns(ctx, plan);
    plan_failing_metrics(ctx, plan);
    return plan.finish();
}

}  // namespace sh
