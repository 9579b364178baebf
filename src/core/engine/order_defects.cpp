// Order defect rate (odr) for scopes mfn, afn and all: defects de-duplicated per order and
// attributed to the order day; defects on orders in no orders file count in `all` only.
#include <algorithm>
#include <array>

#include "core/engine/context.h"
#include "core/messages.h"

namespace sh {

namespace {

enum DefectKind : uint32_t { kNegativeFeedback = 1, kAtoZ = 2, kChargeback = 4 };
const std::vector<const char*> kKindNames = {"negative_feedback", "a_to_z_claim", "chargeback"};

struct Defect {
    OrderKey order = kNoOrder;
    Day placed;       // order day from the defect's own file, else the defect's day
    Day known;        // the day the defect happened (claim filed, feedback left)
    uint32_t kind = 0;
};

const char* claim_status_word(ClaimStatus s) {
    switch (s) {
        case ClaimStatus::open: return "open";
        case ClaimStatus::granted: return "granted";
        case ClaimStatus::denied: return "denied";
        case ClaimStatus::withdrawn: return "withdrawn";
        case ClaimStatus::closed: return "closed";
    }
    return "open";
}

std::vector<Defect> collect_defects(const EvalContext& ctx) {
    const Policy& p = ctx.policy;
    std::vector<Defect> out;
    for (const FeedbackFact& fb : ctx.facts.feedback) {
        if (fb.removed || fb.day > ctx.as_of) continue;
        if (std::find(p.negative_feedback_ratings.begin(), p.negative_feedback_ratings.end(), int(fb.rating)) ==
            p.negative_feedback_ratings.end())
            continue;
        out.push_back({fb.order, fb.day, fb.day, kNegativeFeedback});
    }
    std::vector<OrderKey> a_to_z_listed;  // orders a claims file gives an A-to-z claim on, by as_of
    for (const Claim& c : ctx.facts.claims) {
        const MaybeDay known = c.claim_day.has() ? c.claim_day : c.order_day;
        const MaybeDay placed = c.order_day.has() ? c.order_day : c.claim_day;
        if (!known.has() || known.day() > ctx.as_of) continue;
        const bool chargeback = c.type == ClaimType::chargeback;
        if (!chargeback && c.order != kNoOrder) a_to_z_listed.push_back(c.order);
        const auto& counted = chargeback ? p.chargeback_statuses : p.a_to_z_statuses;
        if (std::find(counted.begin(), counted.end(), claim_status_word(c.status)) == counted.end()) continue;
        if (!chargeback && c.amazon_funded && p.exclude_amazon_funded_claims) continue;
        if (chargeback && c.fraud && p.exclude_fraud_chargebacks) continue;
        out.push_back({c.order, placed.day(), known.day(), chargeback ? kChargeback : kAtoZ});
    }
    // The returns report's A-to-Z flag is a claim whose status it does not give (reports.md: treat
    // it as open). Where a claims file lists an A-to-z claim on the order, that claim's status
    // decides instead: a denied or withdrawn claim is no defect, an open one is counted above.
    if (p.returns_a_to_z_flag_is_open_claim) {
        std::sort(a_to_z_listed.begin(), a_to_z_listed.end());
        for (const ReturnRequest* r : ctx.facts.returns) {
            if (!r->a_to_z_claim || std::binary_search(a_to_z_listed.begin(), a_to_z_listed.end(), r->order)) continue;
            const MaybeDay known = r->request_day.has() ? r->request_day : r->order_day;
            const MaybeDay placed = r->order_day.has() ? r->order_day : r->request_day;
            if (!known.has() || known.day() > ctx.as_of) continue;
            out.push_back({r->order, placed.day(), known.day(), kAtoZ});
        }
    }
    return out;
}

}  // namespace

void evaluate_order_defects(const EvalContext& ctx, const MetricPolicy& mp) {
    if (!ctx.facts.orders.loaded) return;  // no orders file: the denominator is unknown
    const std::vector<std::string>& scopes = mp.scopes;
    auto scope_index = [&](const char* s) {
        auto it = std::find(scopes.begin(), scopes.end(), s);
        return it == scopes.end() ? -1 : int(it - scopes.begin());
    };
    const int i_all = scope_index("all"), i_mfn = scope_index("mfn"), i_afn = scope_index("afn");
    std::vector<WindowCounter> counters;
    for (size_t i = 0; i < scopes.size(); ++i) counters.push_back(ctx.counter(mp));
    std::vector<std::vector<PendingItem>> items(scopes.size());
    std::vector<std::array<uint64_t, 3>> components(scopes.size(), {0, 0, 0});
    auto scope_of = [&](Channel ch) { return ch == Channel::mfn ? i_mfn : ch == Channel::afn ? i_afn : -1; };

    // Every order is in the denominator of its order day (scope all, and its channel's).
    const OrderDays& days = ctx.facts.order_days;
    for (size_t i = 0; i < days.counts.size(); ++i) {
        const Day day = days.first + static_cast<int>(i);
        const auto& n = days.counts[i];
        if (i_all >= 0 && n[0] + n[1] + n[2]) counters[size_t(i_all)].add_den(day, day, n[0] + n[1] + n[2]);
        if (i_mfn >= 0 && n[1]) counters[size_t(i_mfn)].add_den(day, day, n[1]);
        if (i_afn >= 0 && n[2]) counters[size_t(i_afn)].add_den(day, day, n[2]);
    }

    std::vector<Defect> defects = collect_defects(ctx);
    std::sort(defects.begin(), defects.end(), [](const Defect& a, const Defect& b) {
        return a.order != b.order ? a.order < b.order : a.known < b.known;
    });
    std::vector<std::string> unknown_named;
    uint64_t unknown_count = 0;
    for (size_t i = 0; i < defects.size();) {
        size_t j = i + 1;
        if (defects[i].order != kNoOrder)
            while (j < defects.size() && defects[j].order == defects[i].order) ++j;
        uint32_t kinds = 0;
        Day known = defects[i].known, placed = defects[i].placed;
        for (size_t k = i; k < j; ++k) {
            kinds |= defects[k].kind;
            known = std::min(known, defects[k].known);
            placed = std::min(placed, defects[k].placed);
        }
        const OrderKey key = defects[i].order;
        i = j;
        const Order* order = ctx.facts.orders.find(key);
        std::vector<int> in_scopes;
        if (order) {
            placed = order->day;
            if (i_all >= 0) in_scopes.push_back(i_all);
            if (scope_of(order->channel) >= 0) in_scopes.push_back(scope_of(order->channel));
        } else {
            // metrics.md: the order exists, its channel is unknown: scope `all` only
            if (i_all < 0) continue;
            in_scopes.push_back(i_all);
            counters[size_t(i_all)].add_den(placed, known);
            // Named while it can count: in the window, or after it (within the delay) where a
            // defect placed by its own day may really be on an order inside the window.
            if (placed >= counters[size_t(i_all)].window_from() && placed <= ctx.as_of) {
                ++unknown_count;
                if (unknown_named.size() < 10)
                    unknown_named.push_back(key != kNoOrder ? ctx.order_text(key)
                                                            : "feedback of " + format_day(placed) + " without an order id");
            }
        }
        for (int s : in_scopes) {
            WindowCounter& wc = counters[size_t(s)];
            wc.add_num(placed, known);
            if (!wc.in_window(placed)) continue;
            items[size_t(s)].push_back({placed, key, kinds});
            for (int b = 0; b < 3; ++b)
                if (kinds & (1u << b)) ++components[size_t(s)][size_t(b)];
        }
    }

    if (unknown_count) {
        std::string names;
        for (const std::string& n : unknown_named) names += (names.empty() ? "" : ", ") + n;
        if (unknown_count > unknown_named.size())
            names += " and " + std::to_string(unknown_count - unknown_named.size()) + " more";
        ctx.warnings.push_back(
            english("defects_on_unknown_orders", {{"count", std::to_string(unknown_count)}, {"orders", names}}));
    }
    const bool defect_inputs = ctx.facts.feedback_loaded || ctx.facts.claims_loaded || ctx.facts.returns_loaded;
    const ItemText text{kKindNames, order_label};
    for (size_t s = 0; s < scopes.size(); ++s) {
        Metric m = finish_metric(ctx, mp, scopes[s], counters[s], items[s], text);
        m.components = {{"negative_feedback", double(components[s][0])},
                        {"a_to_z_claims", double(components[s][1])},
                        {"chargebacks", double(components[s][2])}};
        if (!defect_inputs)
            m.notes.push_back("No feedback, claims or returns file is loaded, so no defect can be seen: the "
                              "numerator shows none.");
        ctx.metrics.push_back(std::move(m));
    }
}

}  // namespace sh
