// The dashboard's words for a metric (src/app/metric_text.h) against the translation tables
// (src/app/i18n/*.json): Amazon's policy counters get a name, their count as the value and no
// "target." or "1 of 0"; each metric names its own items (messages, shipments, units, ...) in
// every language; English says 1 order, 2 orders.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app/metric_text.h"

using sh::Metric;
using sh::app::MetricText;

namespace {

using Table = std::map<std::string, std::string>;

Table read_table(const std::string& language) {
    std::ifstream in(std::string(SH_TEST_DATA_DIR) + "/../../src/app/i18n/" + language + ".json");
    std::stringstream text;
    text << in.rdbuf();
    Table out;
    const nlohmann::json table = nlohmann::json::parse(text.str());
    for (const auto& [key, value] : table.items()) out[key] = value.get<std::string>();
    return out;
}

// The words of a language as tr() gives them: its table, else English.
MetricText words(const std::string& language) {
    static std::map<std::string, Table> tables;
    for (const std::string& l : {std::string("en"), language})
        if (!tables.count(l)) tables[l] = read_table(l);
    const Table* current = &tables[language];
    const Table* english = &tables["en"];
    return MetricText([current, english](const std::string& key) -> const char* {
        if (auto it = current->find(key); it != current->end()) return it->second.c_str();
        if (auto it = english->find(key); it != english->end()) return it->second.c_str();
        return nullptr;
    });
}

// Amazon's listingPolicyViolations as the core reads it (reports.md: numerator = defectsCount).
Metric listing_violations() {
    Metric m;
    m.id = "listing_policy_violations";
    m.scope = "all";
    m.source = "amazon_report";
    m.numerator = 1;
    m.target = 0.0;
    m.condition = "";
    m.status = "failing";
    return m;
}

Metric computed(const char* id, const char* scope, double num, double den, double target, const char* condition) {
    Metric m;
    m.id = id;
    m.scope = scope;
    m.source = "computed";
    m.numerator = num;
    m.denominator = den;
    if (den > 0) m.rate = num / den;
    m.target = target;
    m.condition = condition;
    return m;
}

const char* const kLanguages[] = {"en", "zh-Hans", "zh-Hant"};

}  // namespace

TEST_CASE("metric text: a policy counter has a name, its count as the value, and no target or 1 of 0") {
    const Metric m = listing_violations();
    const MetricText en = words("en");
    CHECK(en.name(m) == "Listing policy violations");
    CHECK(en.title(m) == "Listing policy violations");  // no "· all orders": the count is the account's
    CHECK(MetricText::value(m, MetricText::figure(m)) == "1");
    CHECK(en.target(m).empty());  // no condition: nothing to say (was "target.")
    CHECK(en.counts(m).empty());  // no denominator (was "1 of 0")
    CHECK(words("zh-Hans").name(m) == "违反商品发布政策");
    CHECK(words("zh-Hant").name(m) == "違反商品刊登政策");
    SUBCASE("with Amazon's EQUALS condition the target is a count, not a percentage") {
        Metric eq = m;
        eq.condition = "eq";
        CHECK(en.target(eq) == "target 0");
        CHECK(words("zh-Hans").target(eq) == "目标 0");
    }
    SUBCASE("a counter no table names is its id in words") {
        Metric other = m;
        other.id = "some_future_policy_violations";
        CHECK(en.name(other) == "Some future policy violations");
        CHECK(words("zh-Hant").name(other) == "Some future policy violations");
    }
    SUBCASE("Amazon's ODR is a rate, not a counter") {
        Metric odr = computed("odr", "afn", 2, 100, 0.01, "lt");
        odr.source = "amazon_report";
        CHECK(MetricText::value(odr, MetricText::figure(odr)) == "2.00%");
        CHECK(en.counts(odr) == "2 of 100");
        CHECK(en.title(odr) == "Order Defect Rate · fulfilled by Amazon");
    }
}

TEST_CASE("metric text: rate metrics keep their target, counts and scope") {
    const Metric m = computed("odr", "mfn", 3, 812, 0.01, "lt");
    const MetricText en = words("en");
    CHECK(en.target(m) == "target below 1.00%");
    CHECK(en.counts(m) == "3 of 812");
    CHECK(en.title(m) == "Order Defect Rate · seller-fulfilled");
    CHECK(words("zh-Hans").title(m) == "订单缺陷率 · 卖家自配送");
    Metric none = m;
    none.target.reset();
    CHECK(en.target(none).empty());
}

TEST_CASE("metric text: the late response rate speaks of messages, in every language") {
    const std::string id = "late_response_rate";
    const MetricText en = words("en");
    CHECK(en.needed(id, 48) == "needs 48 more messages answered within 24 hours");
    CHECK(en.items_heading(id) == "Messages behind the number");
    CHECK(en.items_column(id) == "Message");
    CHECK(en.items_filter(id) == "Filter: message id, date, kind");
    CHECK(en.items_count(id, 12, 12) == "12 messages");
    CHECK(en.items_count(id, 1000, 1200) == "showing 1,000 of 1,200 messages");
    const MetricText hans = words("zh-Hans"), hant = words("zh-Hant");
    CHECK(hans.needed(id, 48) == "还需要 48 条在 24 小时内回复的消息");
    CHECK(hans.items_heading(id) == "影响该数字的消息");
    CHECK(hans.items_column(id) == "消息");
    CHECK(hant.needed(id, 48) == "還需要 48 則在 24 小時內回覆的訊息");
    CHECK(hant.items_heading(id) == "影響此數字的訊息");
    CHECK(hant.items_column(id) == "訊息");
}

TEST_CASE("metric text: each metric names what it counts and what its rows are") {
    const MetricText en = words("en");
    CHECK(en.needed("odr", 201) == "needs 201 more orders without a problem");
    CHECK(en.items_heading("odr") == "Orders behind the number");
    CHECK(en.items_column("odr") == "Order");
    CHECK(en.needed("late_shipment_rate_30d", 5) == "needs 5 more shipments without a problem");
    CHECK(en.items_heading("late_shipment_rate_30d") == "Shipments behind the number");
    // On-time delivery counts units; its rows are shipments (the core's delivery_in_units note).
    CHECK(en.needed("on_time_delivery_rate", 7) == "needs 7 more units delivered on time");
    CHECK(en.items_heading("on_time_delivery_rate") == "Shipments behind the number");
    CHECK(en.needed("return_dissatisfaction_rate", 2) == "needs 2 more return requests without a problem");
    CHECK(en.items_heading("return_dissatisfaction_rate") == "Return requests behind the number");
    CHECK(en.items_heading("feedback_positive_rate_90d") == "Feedback entries behind the number");
    CHECK(en.needed("feedback_average_365d", 3) == "needs 3 more 5-star ratings");
    // Only orders' own screens speak of orders, in any language.
    const char* const not_orders[] = {"late_shipment_rate_10d", "valid_tracking_rate", "on_time_delivery_rate",
                                      "return_dissatisfaction_rate", "late_response_rate", "feedback_positive_rate_30d"};
    for (const char* language : kLanguages) {
        CAPTURE(language);
        const MetricText w = words(language);
        const std::string orders_heading = w.items_heading("odr"), orders_needed = w.needed("odr", 2);
        for (const char* id : not_orders) {
            CAPTURE(id);
            CHECK(w.items_heading(id) != orders_heading);
            CHECK(w.needed(id, 2) != orders_needed);
            CHECK(w.whatif_good_format(id, 2) != w.whatif_good_format("odr", 2));
            CHECK(w.whatif_bad_format(id, 2) != w.whatif_bad_format("odr", 2));
            CHECK(w.items_none(id) != w.items_none("odr"));
        }
    }
    for (const char* id : not_orders) {
        CAPTURE(id);
        CHECK(en.needed(id, 2).find("order") == std::string::npos);
        CHECK(en.items_heading(id).find("Order") == std::string::npos);
        CHECK(en.whatif_good_format(id, 2).find("order") == std::string::npos);
    }
}

TEST_CASE("metric text: English counts of 1 are singular") {
    const MetricText en = words("en");
    CHECK(en.needed("odr", 1) == "needs 1 more order without a problem");
    CHECK(en.needed("late_response_rate", 1) == "needs 1 more message answered within 24 hours");
    CHECK(en.headroom("odr", 1) == "1 more defective order allowed");
    CHECK(en.headroom("odr", 3) == "3 more defective orders allowed");
    CHECK(en.headroom("some_new_metric", 1) == "1 more bad item allowed");
    CHECK(en.items_count("late_response_rate", 1, 1) == "1 message");
    CHECK(en.items_count("odr", 1, 1) == "1 order");
    CHECK(en.whatif_good_format("odr", 1) == "+%d order without a problem");
    CHECK(en.whatif_good_format("odr", 0) == "+%d orders without a problem");
    CHECK(en.whatif_bad_format("late_response_rate", 1) == "+%d late reply");
    CHECK(en.whatif_bad_format("late_response_rate", 5) == "+%d late replies");
    // Chinese has no plural: the same words for 1 and for 2.
    const MetricText hans = words("zh-Hans");
    CHECK(hans.needed("odr", 1) == "还需要 1 个无问题的订单");
    CHECK(hans.whatif_good_format("odr", 1) == hans.whatif_good_format("odr", 2));
}

TEST_CASE("metric text: every metric's texts are in every table (no key shown raw)") {
    const char* const ids[] = {"odr", "cancel_rate", "late_shipment_rate_10d", "late_shipment_rate_30d",
                               "valid_tracking_rate", "on_time_delivery_rate", "return_dissatisfaction_rate",
                               "late_response_rate", "feedback_positive_rate_30d", "feedback_positive_rate_lifetime",
                               "feedback_average_365d", "listing_policy_violations"};
    for (const char* language : kLanguages) {
        CAPTURE(language);
        const MetricText w = words(language);
        for (const char* id : ids) {
            CAPTURE(id);
            for (int64_t n : {1, 2}) {
                for (const std::string& text :
                     {w.needed(id, n), w.headroom(id, n), w.items_heading(id), w.items_column(id), w.items_filter(id),
                      w.items_none(id), w.items_count(id, uint64_t(n), uint64_t(n)), w.items_count(id, 1, 5),
                      w.whatif_good_format(id, int(n)), w.whatif_bad_format(id, int(n))}) {
                    CAPTURE(text);
                    CHECK_FALSE(text.empty());
                    CHECK(text.find("items.") == std::string::npos);
                    CHECK(text.find("recovery.") == std::string::npos);
                    CHECK(text.find("whatif.") == std::string::npos);
                    CHECK(text.find("drilldown.") == std::string::npos);
                    CHECK(text.find("headroom.") == std::string::npos);
                }
            }
        }
    }
}
