// Loads marketplace policies from the JSON files embedded under src/core/data/policies/.
#include "core/engine/policy.h"

#include <algorithm>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace sh {

namespace {

using Json = nlohmann::ordered_json;
constexpr std::string_view kDir = "policies/";
constexpr std::string_view kExt = ".json";

// The policy's JSON with its "inherits" chain merged in (child over parent).
bool load_merged(std::string_view name, Json& out, std::string& error, int depth = 0) {
    if (depth > 8) return error = "policy inheritance is circular at '" + std::string(name) + "'", false;
    const std::string path = std::string(kDir) + std::string(name) + std::string(kExt);
    const std::string_view text = embedded_file(path);
    if (text.empty()) return error = "unknown policy '" + std::string(name) + "'", false;
    Json own = Json::parse(text.begin(), text.end(), nullptr, false);
    if (own.is_discarded() || !own.is_object()) return error = "policy '" + std::string(name) + "' is not valid JSON", false;
    if (own.contains("inherits") && own["inherits"].is_string()) {
        Json parent;
        if (!load_merged(own["inherits"].get<std::string>(), parent, error, depth + 1)) return false;
        own.erase("inherits");
        parent.merge_patch(own);
        out = std::move(parent);
    } else {
        out = std::move(own);
    }
    return true;
}

template <typename T>
void read(const Json& j, const char* key, T& out) {
    if (j.is_object() && j.contains(key) && !j[key].is_null()) out = j[key].get<T>();
}

DateOrder date_order_from(const Json& j) {
    if (!j.is_string()) return DateOrder::unknown;
    const std::string s = j.get<std::string>();
    return s == "dmy" ? DateOrder::dmy : s == "mdy" ? DateOrder::mdy : s == "ymd" ? DateOrder::ymd : DateOrder::unknown;
}

bool read_metric(const std::string& id, const Json& j, double warn_fraction, MetricPolicy& m, std::string& error) {
    m.id = id;
    read(j, "family", m.family);
    read(j, "scopes", m.scopes);
    if (m.scopes.empty()) m.scopes = {"all"};
    if (j.contains("window_days") && j["window_days"].is_number_integer()) m.window.length = j["window_days"].get<int>();
    read(j, "delay_days", m.window.delay);
    double target = 0;
    read(j, "target", target);
    m.rule.target_value = target;
    m.rule.target = rational_from_decimal(target);
    std::string condition = "lt";
    read(j, "condition", condition);
    if (condition == "lt") m.rule.condition = Condition::lt;
    else if (condition == "gt") m.rule.condition = Condition::gt;
    else if (condition == "gte") m.rule.condition = Condition::gte;
    else return error = "metric '" + id + "': condition must be lt, gt or gte", false;
    read(j, "warn_fraction", warn_fraction);
    m.rule.warn_fraction = rational_from_decimal(warn_fraction);
    read(j, "good_value", m.rule.good_value);
    read(j, "bad_value", m.rule.bad_value);
    read(j, "rule_of_thumb", m.rule_of_thumb);
    read(j, "per_category", m.per_category);
    read(j, "headroom", m.report_headroom);
    if (m.window.length < 0 || m.window.delay < 0) return error = "metric '" + id + "': negative window", false;
    return true;
}

}  // namespace

const MetricPolicy* Policy::metric(std::string_view metric_id) const {
    for (const MetricPolicy& m : metrics)
        if (m.id == metric_id) return &m;
    return nullptr;
}

namespace {

std::optional<Policy> parse_policy(std::string_view name, std::string& error) {
    Json j;
    if (!load_merged(name, j, error)) return std::nullopt;
    try {
        Policy p;
        p.id = std::string(name);
        read(j, "name", p.name);
        read(j, "sales_channels", p.sales_channels);
        read(j, "marketplace_ids", p.marketplace_ids);
        if (j.contains("feedback_date_order")) p.feedback_date_order = date_order_from(j["feedback_date_order"]);
        double warn_fraction = 0.75;
        read(j, "warn_fraction", warn_fraction);
        if (j.contains("metrics") && j["metrics"].is_object()) {
            for (const auto& [id, mj] : j["metrics"].items()) {
                if (mj.is_null()) continue;  // a child policy may drop a metric with null
                MetricPolicy m;
                if (!read_metric(id, mj, warn_fraction, m, error)) return std::nullopt;
                p.metrics.push_back(std::move(m));
            }
        }
        const Json none = Json::object();
        const Json& d = j.contains("order_defects") ? j["order_defects"] : none;
        read(d, "negative_feedback_ratings", p.negative_feedback_ratings);
        read(d, "a_to_z_statuses", p.a_to_z_statuses);
        read(d, "chargeback_statuses", p.chargeback_statuses);
        read(d, "exclude_amazon_funded_claims", p.exclude_amazon_funded_claims);
        read(d, "exclude_fraud_chargebacks", p.exclude_fraud_chargebacks);
        read(d, "returns_a_to_z_flag_is_open_claim", p.returns_a_to_z_flag_is_open_claim);
        const Json& c = j.contains("cancellations") ? j["cancellations"] : none;
        read(c, "exclude_buyer_requested", p.exclude_buyer_requested);
        read(c, "dated_by_last_update", p.cancellation_dated_by_last_update);
        const Json& r = j.contains("returns") ? j["returns"] : none;
        read(r, "invalid_rejection_statuses", p.invalid_rejection_statuses);
        read(r, "unanswered_statuses", p.unanswered_return_statuses);
        read(r, "response_hours", p.return_response_hours);
        read(r, "count_pending_as_late", p.count_pending_returns_as_late);
        const Json& msg = j.contains("messages") ? j["messages"] : none;
        read(msg, "response_hours", p.message_response_hours);
        const Json& ahr = j.contains("account_health_rating") ? j["account_health_rating"] : none;
        read(ahr, "healthy_from", p.ahr_healthy_from);
        read(ahr, "at_risk_from", p.ahr_at_risk_from);
        const Json& f = j.contains("feedback") ? j["feedback"] : none;
        read(f, "positive_ratings", p.positive_ratings);
        const Json& a = j.contains("actions") ? j["actions"] : none;
        read(a, "a_to_z_response_days", p.a_to_z_response_days);
        read(a, "chargeback_response_days", p.chargeback_response_days);
        read(a, "max_per_kind", p.max_actions_per_kind);
        return p;
    } catch (const nlohmann::json::exception& e) {
        error = "policy '" + std::string(name) + "': " + e.what();
        return std::nullopt;
    }
}

}  // namespace

// The embedded policies never change: each is parsed once (an evaluation asked for its policy
// every time, and parsing it was a fifth of a 100 k evaluation; issue 9). A mutex, since the
// CLI's threads and the page's one thread may both ask.
std::optional<Policy> load_policy(std::string_view name, std::string& error) {
    struct Parsed {
        std::optional<Policy> policy;
        std::string error;
    };
    static std::mutex mutex;
    static std::map<std::string, Parsed, std::less<>> parsed;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = parsed.find(name);
    if (it == parsed.end()) {
        Parsed p;
        p.policy = parse_policy(name, p.error);
        it = parsed.emplace(std::string(name), std::move(p)).first;
    }
    if (!it->second.policy) error = it->second.error;
    return it->second.policy;
}

std::vector<std::string> policy_names() {
    std::vector<std::string> names;
    for (std::string_view path : embedded_file_paths()) {
        if (path.size() <= kDir.size() + kExt.size() || path.substr(0, kDir.size()) != kDir ||
            path.substr(path.size() - kExt.size()) != kExt)
            continue;
        const std::string_view name = path.substr(kDir.size(), path.size() - kDir.size() - kExt.size());
        if (name.find('/') == std::string_view::npos) names.emplace_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return out;
}

}  // namespace

DateOrder date_order_for_sales_channel(std::string_view sales_channel) {
    // Every embedded policy's sales channels, lowercased, in policy-name order, each with its
    // policy's feedback date order: the first that names the channel decides. Built once (a
    // thread-safe static): parsing every policy per call was a third of a 100 k evaluation (issue 9).
    static const std::vector<std::pair<std::string, DateOrder>> channels = [] {
        std::vector<std::pair<std::string, DateOrder>> out;
        for (const std::string& name : policy_names()) {
            Json j;
            std::string error;
            if (!load_merged(name, j, error) || !j.contains("sales_channels")) continue;
            const DateOrder order = j.contains("feedback_date_order") ? date_order_from(j["feedback_date_order"]) : DateOrder::unknown;
            for (const Json& ch : j["sales_channels"])
                if (ch.is_string()) out.emplace_back(lower(ch.get<std::string>()), order);
        }
        return out;
    }();
    const std::string wanted = lower(sales_channel);
    if (wanted.empty()) return DateOrder::unknown;
    for (const auto& [channel, order] : channels)
        if (channel == wanted) return order;
    return DateOrder::unknown;
}

namespace {

// Every embedded policy's marketplace ids, each with its policy's sales channels (lowercase).
// Built once, as date_order_for_sales_channel's table.
const std::vector<std::pair<std::string, std::vector<std::string>>>& marketplace_channels() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> table = [] {
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        for (const std::string& name : policy_names()) {
            Json j;
            std::string error;
            if (!load_merged(name, j, error) || !j.contains("marketplace_ids") || !j.contains("sales_channels")) continue;
            std::vector<std::string> channels;
            for (const Json& ch : j["sales_channels"])
                if (ch.is_string()) channels.push_back(lower(ch.get<std::string>()));
            for (const Json& id : j["marketplace_ids"])
                if (id.is_string()) out.emplace_back(id.get<std::string>(), channels);
        }
        return out;
    }();
    return table;
}

}  // namespace

const std::vector<std::string>& sales_channels_of_marketplace(std::string_view marketplace_id) {
    static const std::vector<std::string> none;
    for (const auto& [id, channels] : marketplace_channels())
        if (id == marketplace_id) return channels;
    return none;
}

bool is_marketplace_sales_channel(std::string_view sales_channel) {
    const std::string wanted = lower(sales_channel);
    for (const auto& [id, channels] : marketplace_channels())
        if (std::find(channels.begin(), channels.end(), wanted) != channels.end()) return true;
    return false;
}

std::string unknown_policy_error(std::string_view name) {
    const auto names = policy_names();
    if (std::find(names.begin(), names.end(), name) != names.end()) return {};
    std::string error = "unknown policy '" + std::string(name) + "'; known:";
    for (const std::string& n : names) error += " " + n;
    return error;
}

std::string marketplace_name(std::string_view marketplace_id) {
    if (marketplace_id.empty()) return {};
    for (const std::string& name : policy_names()) {
        std::string error;
        const auto p = load_policy(name, error);
        if (!p) continue;
        for (const std::string& id : p->marketplace_ids)
            if (id == marketplace_id) return p->name;
    }
    return {};
}

}  // namespace sh
