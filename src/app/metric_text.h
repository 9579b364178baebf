// A metric's words as the dashboard shows them (name, scope, value, target, counts, headroom,
// what recovery needs, what its items are), from the translation tables through a lookup.
// Header-only and free of ImGui so the native tests check them against the tables
// (tests/test_app_metric_text.cpp); format.cpp hands the panels the same through tr().
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sh::app {

// An entry of the UI's tables by key (the UI language, else English); nullptr when no table has it.
using Words = std::function<const char*(const std::string& key)>;

// `pattern` with {0}, {1}, ... replaced by args (a {n} without an arg by nothing).
inline std::string fill_numbered(std::string_view pattern, std::initializer_list<std::string> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            const auto n = static_cast<size_t>(pattern[i + 1] - '0');
            if (n < args.size()) out += *(args.begin() + n);
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

inline std::string percent(std::optional<double> rate, int decimals = 2) {
    if (!rate) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, *rate * 100.0);
    return buf;
}

// 1,234 (whole numbers).
inline std::string count_text(double n) {
    const long long v = std::llround(n);
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

// The figures the core computes or copies as rates or scores (metrics.md, reports.md). Any other
// id from the Account Health report is one of Amazon's policy counters (listing_policy_violations,
// product_authenticity_customer_complaints, ...): a count of defects (`numerator` = defectsCount),
// no denominator and no rate.
inline bool is_rate_metric_id(std::string_view id) {
    static constexpr std::string_view kRates[] = {
        "odr", "cancel_rate", "late_shipment_rate_10d", "late_shipment_rate_30d", "valid_tracking_rate",
        "on_time_delivery_rate", "unit_on_time_delivery_rate", "return_dissatisfaction_rate", "late_response_rate",
        "feedback_positive_rate_30d", "feedback_positive_rate_90d", "feedback_positive_rate_365d",
        "feedback_positive_rate_lifetime", "feedback_average_365d", "invoice_defect_rate", "account_health_rating"};
    for (std::string_view r : kRates)
        if (r == id) return true;
    return false;
}

inline bool is_policy_counter(const Metric& m) { return m.source == "amazon_report" && !is_rate_metric_id(m.id); }

// "listing_policy_violations" -> "Listing policy violations" (a counter no table names).
inline std::string words_from_id(std::string_view id) {
    std::string out;
    for (char c : id) out += c == '_' ? ' ' : c;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

// What the rows of a metric's item table are: as counted_noun, except that on-time delivery,
// counted in units, lists the shipments (the core's delivery_in_units note).
inline const char* item_noun(std::string_view id) {
    if (id == "on_time_delivery_rate") return "shipments";
    return counted_noun(id);
}

// The words of one metric, looked up in the tables. A text that depends on what the metric
// counts is looked up as <key>.<metric id>, else <key>.<noun>, else <key>; a text with a count
// as <that key>.one when the count is 1 and the table has it (English singulars).
class MetricText {
public:
    explicit MetricText(Words words) : words_(std::move(words)) {}

    // The entry for `key`, else the key itself (visible, not blank).
    std::string text(const std::string& key) const {
        const char* t = words_(key);
        return t ? t : key;
    }
    std::string fill(const std::string& key, std::initializer_list<std::string> args) const {
        return fill_numbered(text(key), args);
    }

    // The key a metric's text is looked up by (see above); `count` picks the .one form.
    std::string key_for(const std::string& key, std::string_view id, const char* noun,
                        std::optional<int64_t> count = std::nullopt) const {
        for (const std::string& k : {key + "." + std::string(id), key + "." + noun, key}) {
            if (!words_(k)) continue;
            if (count && *count == 1 && words_(k + ".one")) return k + ".one";
            return k;
        }
        return key;
    }

    std::string name(const Metric& m) const {
        if (const char* t = words_("metric." + m.id)) return t;
        return words_from_id(m.id);
    }
    // A policy counter is the account's as a whole: no scope ("all" is only a placeholder).
    std::string scope(const Metric& m) const {
        if (is_policy_counter(m)) return {};
        if (const char* t = words_("scope." + m.scope)) return t;
        return m.scope;
    }
    // "Order Defect Rate · seller-fulfilled · Toys".
    std::string title(const Metric& m) const {
        std::string out = name(m);
        if (const std::string s = scope(m); !s.empty()) out += " · " + s;
        if (!m.category.empty()) out += " · " + m.category;
        return out;
    }

    static bool is_percentage(const Metric& m) {
        if (is_policy_counter(m) || m.id == "feedback_average_365d" || m.id == "account_health_rating") return false;
        return !(m.target && *m.target > 1.0);
    }
    // The figure a card shows: the rate, or a policy counter's count.
    static std::optional<double> figure(const Metric& m) {
        if (!m.rate && is_policy_counter(m)) return m.numerator;
        return m.rate;
    }
    // A value in the metric's own unit: a percentage, an average rating, a score or a count.
    static std::string value(const Metric& m, std::optional<double> v) {
        if (!v) return "—";
        if (is_policy_counter(m)) return count_text(*v);
        if (is_percentage(m)) return percent(v);
        char buf[32];
        if (m.id == "account_health_rating") std::snprintf(buf, sizeof buf, "%.0f", *v);
        else std::snprintf(buf, sizeof buf, "%.2f", *v);
        return buf;
    }

    // "target below 1.00%", "target 0" (a counter); "" without a target or a condition to say
    // it with (Amazon's counters often give a targetValue but no targetCondition).
    std::string target(const Metric& m) const {
        if (!m.target || m.condition.empty()) return {};
        const char* pattern = words_("target." + m.condition);
        if (!pattern) return {};
        return fill_numbered(pattern, {value(m, m.target)});
    }

    // "3 of 812"; "" where there is no denominator to count against (a reported figure
    // without one, such as a policy counter, whose count is its value).
    std::string counts(const Metric& m) const {
        if (is_policy_counter(m) || (m.source != "computed" && m.denominator <= 0)) return {};
        return fill("card.counts", {count_text(m.numerator), count_text(m.denominator)});
    }

    // "3 more defective orders allowed".
    std::string headroom(const std::string& id, int64_t allowed) const {
        const std::string base = words_("headroom." + id) ? "headroom." + id : std::string("headroom.default");
        const std::string key = allowed == 1 && words_(base + ".one") ? base + ".one" : base;
        return fill(key, {count_text(double(allowed))});
    }

    // "needs 48 more messages answered within 24 hours".
    std::string needed(const std::string& id, int64_t count) const {
        return fill(key_for("recovery.needed", id, counted_noun(id), count), {count_text(double(count))});
    }

    // The item table of the drill-down: its heading, first column, filter hint, count line, and
    // what it says when empty.
    std::string items_heading(const std::string& id) const { return text(key_for("drilldown.items", id, item_noun(id))); }
    std::string items_column(const std::string& id) const { return text(key_for("items.order", id, item_noun(id))); }
    std::string items_filter(const std::string& id) const { return text(key_for("items.filter", id, item_noun(id))); }
    std::string items_none(const std::string& id) const { return text(key_for("items.none", id, item_noun(id))); }
    std::string items_count(const std::string& id, uint64_t shown, uint64_t total) const {
        if (shown < total)
            return fill(key_for("items.capped", id, item_noun(id), int64_t(total)),
                        {count_text(double(shown)), count_text(double(total))});
        return fill(key_for("items.count", id, item_noun(id), int64_t(total)), {count_text(double(total))});
    }

    // The what-if sliders' printf formats ("+%d orders without a problem") for the value shown.
    std::string whatif_good_format(const std::string& id, int value) const {
        return text(key_for("whatif.extra_orders_fmt", id, counted_noun(id), value));
    }
    std::string whatif_bad_format(const std::string& id, int value) const {
        return text(key_for("whatif.extra_bad_fmt", id, counted_noun(id), value));
    }

private:
    Words words_;
};

}  // namespace sh::app
