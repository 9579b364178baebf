// Turns a metric's counts into the result's Metric (status, headroom, recovery, items).
#include "core/engine/context.h"
#include "core/messages.h"

#include <algorithm>
#include <cctype>

namespace sh {

std::string order_label(const EvalContext& ctx, uint64_t ref) { return ctx.order_text(ref); }

bool contains_lower(const std::vector<std::string>& list, const std::string& value) {
    std::string v = value;
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!v.empty() && v.back() == ' ') v.pop_back();
    while (!v.empty() && v.front() == ' ') v.erase(v.begin());
    return std::find(list.begin(), list.end(), v) != list.end();
}

Metric finish_metric(const EvalContext& ctx, const MetricPolicy& policy, const std::string& scope,
                     const WindowCounter& counter, std::vector<PendingItem>& items, const ItemText& text) {
    Metric m;
    m.id = policy.id;
    m.scope = scope;
    const int64_t num = counter.numerator(), den = counter.denominator();
    m.numerator = double(num);
    m.denominator = double(den);
    if (den > 0) m.rate = double(num) / double(den);
    m.target = policy.rule.target_value;
    m.condition = condition_name(policy.rule.condition);
    const Status status = status_of(num, den, policy.rule);
    m.status = status_name(status);
    m.window_from = counter.window_from();
    m.window_to = counter.window_to();
    if ((status == Status::good || status == Status::warning) && policy.report_headroom)
        m.headroom = headroom(num, den, policy.rule);
    if (status == Status::failing) {
        // metrics.md defines needed_to_recover for `lt` metrics; for gt/gte the same figure
        // (further good items) is given as a note.
        const int64_t needed = needed_to_recover(num, den, policy.rule);
        if (policy.rule.condition == Condition::lt) m.needed_to_recover = needed;
        else m.notes.push_back(english("passes_after_good_items",
                                       {{"count", std::to_string(needed)}, {"items", recovery_items(m.id)}}));
        m.recovers_on = counter.recovers_on(policy.rule);
    }
    m.rule_of_thumb = policy.rule_of_thumb;
    m.series = counter.series();

    std::sort(items.begin(), items.end(), [](const PendingItem& a, const PendingItem& b) {
        return a.day != b.day ? a.day < b.day : a.ref < b.ref;
    });
    m.item_count = items.size();
    const size_t shown = std::min(items.size(), kMaxItems);
    m.items.reserve(shown);
    for (size_t i = 0; i < shown; ++i) {
        MetricItem it;
        it.order_id = text.label(ctx, items[i].ref);
        it.day = items[i].day;
        for (size_t k = 0; k < text.kind_names.size(); ++k)
            if (items[i].kinds & (1u << k)) it.kinds.emplace_back(text.kind_names[k]);
        it.drops_out_on = counter.drops_out_on(items[i].day);
        m.items.push_back(std::move(it));
    }
    return m;
}

}  // namespace sh
