// Marketplace policy (targets, windows, delays, counting rules), read from embedded JSON data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/rate_math.h"
#include "core/records.h"

namespace sh {

// One metric as the policy defines it (policies/<name>.json "metrics").
struct MetricPolicy {
    std::string id;                   // odr, cancel_rate, ...
    std::string family;               // which engine code computes it (order_defects, ...)
    std::vector<std::string> scopes;  // mfn | afn | all
    WindowSpec window;                // length (0 = lifetime) and delay
    RateRule rule;                    // target, condition, warn fraction, item values
    bool rule_of_thumb = false;
    bool per_category = false;
    bool report_headroom = true;      // false for averages: no item count to spend
};

struct Policy {
    std::string id;                   // amazon, amazon.us, ...
    std::string name;
    std::vector<std::string> sales_channels;      // Amazon.com, ... (which orders it is for)
    std::vector<std::string> marketplace_ids;     // ATVPDKIKX0DER, ... (Amazon's reported figures it is for)
    DateOrder feedback_date_order = DateOrder::unknown;
    std::vector<MetricPolicy> metrics;            // in output order

    // order_defects
    std::vector<int> negative_feedback_ratings{1, 2};
    std::vector<std::string> a_to_z_statuses{"open", "granted"};
    std::vector<std::string> chargeback_statuses{"open", "granted"};
    bool exclude_amazon_funded_claims = true;
    bool exclude_fraud_chargebacks = true;
    bool returns_a_to_z_flag_is_open_claim = true;
    // cancellations
    bool exclude_buyer_requested = true;
    // true: a cancellation counts only from the order's last-updated day (as_of honesty);
    // false: order-status Cancelled is a fact about the order, known from its order day.
    bool cancellation_dated_by_last_update = false;
    // returns
    std::vector<std::string> invalid_rejection_statuses{"rejected"};
    std::vector<std::string> unanswered_return_statuses{"pending"};
    int return_response_hours = 48;
    bool count_pending_returns_as_late = false;
    // messages
    int message_response_hours = 24;
    // Account Health Rating typed in: good from healthy_from, warning (at risk) from
    // at_risk_from, failing below.
    int ahr_healthy_from = 200;
    int ahr_at_risk_from = 100;
    // feedback
    std::vector<int> positive_ratings{4, 5};
    // actions
    int a_to_z_response_days = 3;
    int chargeback_response_days = 7;
    int max_actions_per_kind = 20;

    const MetricPolicy* metric(std::string_view metric_id) const;
};

// Loads policies/<name>.json, applying its "inherits" chain (a child's fields are merged
// over its parent's with JSON merge-patch). Empty optional and `error` set when unknown/bad.
std::optional<Policy> load_policy(std::string_view name, std::string& error);

// Every policy name embedded in the build (amazon, amazon.us, ...), sorted.
std::vector<std::string> policy_names();

// "" when `name` is a policy of the build, else what a face says: "unknown policy 'nope';
// known: amazon amazon.ae ..." (the CLI's --policy and the page's setPolicy).
std::string unknown_policy_error(std::string_view name);

// The day/month order of short feedback dates in the marketplace a `sales-channel` value
// names (Amazon.com -> mdy, Amazon.co.uk -> dmy), from the policy data; unknown if none says.
DateOrder date_order_for_sales_channel(std::string_view sales_channel);

// The sales-channel values (lowercase: "amazon.ca") of the orders of the marketplace an Amazon
// marketplace id stands for, from the policy data; empty when no policy names it.
const std::vector<std::string>& sales_channels_of_marketplace(std::string_view marketplace_id);
// True when a sales-channel value names a marketplace some policy knows (not "Non-Amazon").
bool is_marketplace_sales_channel(std::string_view sales_channel);

// The name of the marketplace an Amazon marketplace id stands for ("Amazon.com (United
// States)" for ATVPDKIKX0DER), from the policy data; "" when no policy names it.
std::string marketplace_name(std::string_view marketplace_id);

}  // namespace sh
