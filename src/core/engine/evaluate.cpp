// Evaluation: policy, facts, as_of, each metric family in policy order, Amazon's own figures,
// feedback intelligence and the action list, into one Result.
#include "core/engine/evaluate.h"

#include <algorithm>
#include <map>

#include "core/engine/actions.h"
#include "core/engine/context.h"
#include "core/engine/facts.h"
#include "core/engine/policy.h"
#include "core/engine/reported.h"
#include "core/engine/shipping.h"
#include "core/feedback/analyse.h"
#include "core/messages.h"
#include "core/version.h"

namespace sh {

namespace {

using Family = void (*)(const EvalContext&, const MetricPolicy&);

Family family_function(const std::string& family) {
    static const std::map<std::string, Family> families = {
        {"order_defects", evaluate_order_defects},
        {"cancellations", evaluate_cancellations},
        {"late_shipment", evaluate_late_shipment},
        {"valid_tracking", evaluate_valid_tracking},
        {"on_time_delivery", evaluate_on_time_delivery},
        {"returns", evaluate_returns},
        {"messages", evaluate_messages},
        {"feedback_positive", evaluate_feedback_positive},
        {"feedback_average", evaluate_feedback_average}};
    const auto it = families.find(family);
    return it == families.end() ? nullptr : it->second;
}

// The warning when the latest events were left out of the default as_of (facts.h), naming
// up to three of the orders dated after it.
std::string detached_warning(const Facts& facts, const OrderIdPool& ids) {
    const Day rest = facts.plausible_latest.day();
    std::string orders;
    int named = 0;
    for (const Order& o : facts.orders.all()) {
        if (o.day <= rest && o.last_updated <= rest) continue;
        if (named++ == 3) {
            orders += ", ...";
            break;
        }
        orders += (orders.empty() ? "" : ", ") + ids.text(o.key) + " (" + format_day(std::max(o.day, o.last_updated)) + ")";
    }
    const std::string from = format_day(facts.detached_from.day()), to = format_day(facts.detached_to.day());
    const bool one = facts.detached_events == 1;
    return english(one ? "detached_event_one" : "detached_events",
                   {{"count", std::to_string(facts.detached_events)}, {"from", from}, {"to", from == to ? "" : to},
                    {"as_of", format_day(facts.latest_event.day())}, {"rest", format_day(rest)}, {"orders", orders}});
}

// The longest span the daily series covers (the lifetime metric still counts everything).
constexpr int kMaxSeriesDays = 3660;

FeedbackReport analyse(const Facts& facts, const OrderIdPool& ids, Day as_of, CommentMemo* memo) {
    std::vector<FeedbackItem> items;
    items.reserve(facts.feedback.size());
    for (const FeedbackFact& f : facts.feedback) {
        FeedbackItem item;
        item.day = f.day;
        item.rating = f.rating;
        item.order_id = ids.text(f.order);
        item.comment = f.entry->comment;
        item.answered = !f.entry->response.empty();
        item.removed = f.removed;
        if (const Order* o = facts.orders.find(f.order)) item.channel = o->channel;
        items.push_back(std::move(item));
    }
    return analyse_feedback(items, as_of, memo);
}

// Amazon's own figures (the Account Health JSON, a typed-in rating) and its account statuses:
// shown whatever the as_of, as they carry their own dates or none.
void add_amazon_figures(const std::vector<LoadedFile>& files, const Facts& facts, const Options& options,
                        const Policy& policy, Result& result) {
    add_reported_metrics(facts, result.metrics);
    if (options.account_health_rating) result.metrics.push_back(typed_account_health_rating(*options.account_health_rating, policy));
    // Anything but NORMAL matters; the same status in two copies of a report is said once.
    for (const LoadedFile& f : files)
        for (const AccountStatus& s : f.records.account_statuses) {
            if (s.status.empty() || s.status == "NORMAL" || s.status == "normal") continue;
            std::string warning = english("account_status", {{"status", s.status}, {"marketplace", s.marketplace_id}});
            if (std::find(result.warnings.begin(), result.warnings.end(), warning) == result.warnings.end())
                result.warnings.push_back(std::move(warning));
        }
}

}  // namespace

Result evaluate(const std::vector<LoadedFile>& files, const OrderIdPool& ids, const Options& options,
                CommentMemo* memo, OrderIndexCache* index) {
    Result result;
    result.version = kVersion;
    for (const LoadedFile& f : files) result.inputs.push_back(f.info);

    std::string error;
    std::optional<Policy> policy = load_policy(options.policy, error);
    if (!policy) {
        result.warnings.push_back(error + "; the amazon policy is used instead.");
        policy = load_policy("amazon", error);
        if (!policy) {
            result.warnings.push_back(error);
            return result;
        }
    }
    result.policy = policy->id;

    Facts facts = gather_facts(files, options, *policy, result.warnings, index);
    // Rows only the evaluation finds bad (a feedback date no date in the order chosen) are
    // skipped rows of their file, listed with the file's own problems in line order.
    for (const Facts::LeftOutRow& left : facts.left_out_rows) {
        InputInfo& in = result.inputs[left.file];
        if (in.rows > 0) --in.rows;
        ++in.skipped;
        if (in.problems.size() >= kMaxProblems) continue;
        const auto at = std::upper_bound(in.problems.begin(), in.problems.end(), left.problem.line,
                                         [](uint32_t line, const Problem& p) { return line < p.line; });
        in.problems.insert(at, left.problem);
    }
    // A file's note that its short dates need a day/month order says which order read them,
    // once the evaluation had one.
    for (const Facts::DatesOrdered& ordered : facts.dates_ordered)
        for (std::string& note : result.inputs[ordered.file].notes)
            if (note == english("feedback_dates_unknown_order", {}))
                note = english("feedback_dates_ordered", {{"source", ordered.source}});
    // The order index goes back to the caller's cache however this returns.
    struct GiveBack {
        Facts& facts;
        OrderIndexCache* cache;
        ~GiveBack() {
            if (!cache) return;
            cache->index = std::move(facts.orders);
            cache->ready = true;
        }
    } give_back{facts, index};
    result.as_of = options.as_of.has() ? options.as_of : facts.latest_event;
    if (!options.as_of.has() && facts.detached_events) result.warnings.push_back(detached_warning(facts, ids));
    if (!result.as_of.has()) {  // nothing dated was loaded: Amazon's undated figures only
        add_amazon_figures(files, facts, options, *policy, result);
        return result;
    }
    const Day as_of = result.as_of.day();
    Day first = facts.first_event.has() ? std::min(facts.first_event.day(), as_of) : as_of;
    first = std::max(first, as_of - kMaxSeriesDays);

    EvalContext ctx{facts, *policy, ids, as_of, first, result.metrics, result.warnings, options, {}};
    ctx.shipment_out.resize(facts.shipments.size());
    for (size_t i = 0; i < facts.shipments.size(); ++i)
        ctx.shipment_out[i] = shipment_left_out(ctx, facts.shipments[i].order) ? 1 : 0;
    for (const MetricPolicy& m : policy->metrics) {
        if (const Family fn = family_function(m.family)) fn(ctx, m);
        else result.warnings.push_back("policy " + policy->id + ": metric " + m.id + " has an unknown family '" +
                                       m.family + "'");
    }
    if (facts.feedback_loaded) {
        result.feedback = analyse(facts, ids, as_of, memo);
        result.feedback.present = true;
        feedback_figures_from_metrics(result.feedback, result.metrics);
    }
    result.actions = plan_actions(ctx, result.feedback);
    add_amazon_figures(files, facts, options, *policy, result);
    return result;
}

}  // namespace sh
