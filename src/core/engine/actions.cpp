// Builds the action list: concrete steps on claims, feedback, shipments, messages and returns,
// valued by how much they protect a metric, with failing and warning metrics first. Each action
// is a code with named parameters; its English text comes from data/messages.json.
#include "core/engine/actions.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>

#include "core/engine/shipping.h"
#include "core/messages.h"

namespace sh {

namespace {

struct Candidate {
    int64_t value = 0;
    Day deadline;              // earlier first among equal values
    Action action;
    bool more = false;         // "... and N more like this": after the kind's lines it stands for
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

    // `kind`: the action_kind word of data/messages.json that groups it (capped per kind).
    // `boost`: the action moves its metric (so a failing or warning metric raises its value).
    void add(const std::string& kind, int64_t value, Day deadline, std::string code, MessageParams params,
             const std::string& metric, const std::string& order_id = {}, bool boost = true) {
        const auto it = severity_.find(metric);
        const int severity = it == severity_.end() || !boost ? 0 : it->second;
        value += severity == 2 ? 1000 : severity == 1 ? 400 : 0;
        Candidate c{value, deadline, {}};
        c.action.code = std::move(code);  // the text is written in finish(), for the kept ones
        c.action.params = std::move(params);
        c.action.metric = metric;
        c.action.order_id = order_id;
        per_kind_[kind].push_back(std::move(c));
    }

    std::vector<Action> finish() {
        std::vector<Candidate> all;
        const size_t cap = size_t(std::max(1, ctx_.policy.max_actions_per_kind));
        for (auto& kind_list : per_kind_) {
            const std::string& kind = kind_list.first;
            std::vector<Candidate>& list = kind_list.second;  // a name the lambda below can capture (C++17)
            // Only a kind's first `cap` are kept: their places are found by ordering positions,
            // not the candidates themselves (a year of feedback makes thousands of them, each
            // with its strings; issue 9), with the position deciding ties as a stable sort would.
            std::vector<uint32_t> order(list.size());
            std::iota(order.begin(), order.end(), 0u);
            const size_t kept = std::min(list.size(), cap);
            std::partial_sort(order.begin(), order.begin() + kept, order.end(), [&](uint32_t a, uint32_t b) {
                if (before(list[a], list[b])) return true;
                return !before(list[b], list[a]) && a < b;
            });
            if (list.size() > cap) {
                Candidate& more = list[order[cap - 1]];
                more.action.code = "more_actions";
                more.action.params = {{"count", std::to_string(list.size() - cap + 1)}, {"kind", kind}};
                more.action.order_id.clear();
                more.more = true;
            }
            for (size_t i = 0; i < kept; ++i) all.push_back(std::move(list[order[i]]));
        }
        std::stable_sort(all.begin(), all.end(), before);
        std::vector<Action> out;
        for (Candidate& c : all) {
            c.action.priority = int(out.size()) + 1;
            c.action.text = english(c.action.code, c.action.params);
            out.push_back(std::move(c.action));
        }
        return out;
    }

private:
    static bool before(const Candidate& a, const Candidate& b) {
        if (a.value != b.value) return a.value > b.value;
        if (a.deadline != b.deadline) return a.deadline < b.deadline;
        if (a.more != b.more) return b.more;
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
        std::string code = chargeback ? "respond_chargeback" : "respond_claim";
        if (due < ctx.as_of) code += "_late";
        MessageParams params;
        if (!id.empty()) params.emplace_back("order_id", id);  // else the text says "(no order id)"
        params.emplace_back("due", format_day(due));
        plan.add(chargeback ? "chargebacks" : "claims", chargeback ? 950 : 1000, due, code, std::move(params), "odr", id);
    }
}

// The removal reasons as one parameter: codes joined by ',' (words.removal_reason.<code>).
std::string joined(const std::vector<std::string>& reasons) {
    std::string out;
    for (const std::string& r : reasons) out += (out.empty() ? "" : ",") + r;
    return out;
}

// Where a feedback entry is: its order, or the day it was left when it has no order id.
MessageParams feedback_params(const FeedbackEntryResult& e) {
    MessageParams params = {{"rating", std::to_string(e.rating)}};
    if (e.order_id.empty()) params.emplace_back("day", format_day(e.day));
    else params.emplace_back("order_id", e.order_id);
    return params;
}

void plan_feedback(const EvalContext& ctx, const FeedbackReport& report, Planner& plan) {
    const MetricPolicy* odr = ctx.policy.metric("odr");
    for (const FeedbackEntryResult& e : report.entries) {
        if (e.day > ctx.as_of || e.removed) continue;  // removed feedback is no longer shown: nothing to do
        const bool negative = std::find(ctx.policy.negative_feedback_ratings.begin(),
                                        ctx.policy.negative_feedback_ratings.end(),
                                        e.rating) != ctx.policy.negative_feedback_ratings.end();
        // newer entries first: they stay in the windows longest
        const int64_t recency = std::max(0, 365 - (ctx.as_of - e.day));
        if (e.removal_eligible && negative) {
            // feedback left within the ODR's reach (window plus delay) is most likely a counted defect
            const bool in_odr_window = odr && e.day > ctx.as_of - (odr->window.length + odr->window.delay);
            MessageParams params = feedback_params(e);
            params.emplace_back("reason", joined(e.removal_reasons));
            plan.add("feedback_removals", 900 + (in_odr_window ? 50 : 0), ctx.as_of - int(recency), "remove_feedback",
                     std::move(params), "odr", e.order_id);
        } else if (e.removal_eligible && e.rating <= 3) {
            // A neutral entry is no defect, but it lowers the positive share: removing it beats
            // replying to it (feedback.md: removal-eligible entries first).
            MessageParams params = feedback_params(e);
            params.emplace_back("reason", joined(e.removal_reasons));
            plan.add("feedback_removals", 350, ctx.as_of - int(recency), "remove_feedback", std::move(params),
                     "feedback_positive_rate_90d", e.order_id);
        } else if (!e.answered && e.rating <= 3) {
            plan.add("feedback_replies", negative ? 300 : 200, ctx.as_of - int(recency), "reply_feedback",
                     feedback_params(e), negative ? "odr" : "feedback_positive_rate_90d", e.order_id, false);
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
        plan.add("shipments", 800, ctx.as_of, "ship_due_today",
                 {{"count", std::to_string(due_today)}, {"day", format_day(ctx.as_of)}}, "late_shipment_rate_10d");
    if (overdue)
        plan.add("shipments", 750, oldest, "confirm_overdue",
                 {{"count", std::to_string(overdue)}, {"since", format_day(oldest)}}, "late_shipment_rate_10d");
}

void plan_messages(const EvalContext& ctx, Planner& plan) {
    const int64_t limit = int64_t(ctx.policy.message_response_hours) * 3600;
    uint64_t due = 0, late = 0;
    int64_t first_due = INT64_MAX;
    const Message* first = nullptr;
    for (const Message* m : ctx.facts.messages) {
        // A reply written after as_of was not known on that day (metrics.md: facts after as_of
        // are ignored), as the late response rate reads it.
        if (m->no_response_needed || (m->has_response && m->responded.local_day() <= ctx.as_of)) continue;
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
        MessageParams params = {{"count", std::to_string(due)}};
        if (first) {
            Timestamp t = first->received;
            t.utc_seconds += limit;
            const int64_t secs = ((t.local_seconds() % 86400) + 86400) % 86400;
            // In the message's own offset, named: a file may mix offsets.
            char zone[16] = "UTC";
            if (t.offset_minutes != 0) {
                const int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
                std::snprintf(zone, sizeof zone, "%c%02d:%02d", t.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
            }
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s %02d:%02d %s", format_day(t.local_day()).c_str(), int(secs / 3600),
                          int(secs / 60 % 60), zone);
            params.emplace_back("first_due", buf);
        }
        plan.add("messages", 700, ctx.as_of, "answer_messages", std::move(params), "late_response_rate",
                 first ? first->id : std::string());
    }
    if (late)
        plan.add("messages", 450, ctx.as_of, "answer_late_messages", {{"count", std::to_string(late)}},
                 "late_response_rate");
}

void plan_returns(const EvalContext& ctx, Planner& plan) {
    uint64_t pending = 0;
    Day oldest = ctx.as_of;
    for (const ReturnRequest* r : ctx.facts.returns) {
        if (!r->request_day.has() || r->request_day.day() > ctx.as_of) continue;
        if (!contains_lower(ctx.policy.unanswered_return_statuses, r->status)) continue;
        // Amazon answers the returns of the orders it fulfils (the metric leaves them out too).
        const Order* o = ctx.facts.orders.find(r->order);
        if (o && o->channel == Channel::afn) continue;
        ++pending;
        oldest = std::min(oldest, r->request_day.day());
    }
    if (pending)
        plan.add("returns", 600, oldest, "answer_returns",
                 {{"count", std::to_string(pending)}, {"since", format_day(oldest)}}, "return_dissatisfaction_rate");
}

void plan_failing_metrics(const EvalContext& ctx, Planner& plan) {
    for (const Metric& m : ctx.metrics) {
        if (m.source != "computed" || m.status != "failing" || !m.rate) continue;
        const bool average = m.target && *m.target > 1.0;
        MessageParams params = {{"metric", m.id}};
        if (!m.category.empty()) params.emplace_back("category", m.category);
        params.emplace_back("scope", m.scope);
        params.emplace_back("rate", average ? std::to_string(*m.rate).substr(0, 4) : percent(*m.rate));
        if (m.needed_to_recover) {
            params.emplace_back("needed", std::to_string(*m.needed_to_recover));
            params.emplace_back("items", recovery_items(m.id));
        }
        if (m.recovers_on.has()) params.emplace_back("recovers_on", format_day(m.recovers_on.day()));
        plan.add("metrics", 100, ctx.as_of, "metric_failing", std::move(params), m.id, {}, false);
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
