// The coded-text machinery (src/core/messages.h): filling templates, and recognising the English
// notes and warnings that other modules write, worked by hand.
#include <doctest/doctest.h>

#include <map>
#include <memory>

#include "core/messages.h"
#include "test_metrics_fixture.h"

using namespace sh;

namespace {

// A tiny table for the template mechanics.
TextLookup table(const std::map<std::string, std::string>& entries) {
    const auto shared = std::make_shared<const std::map<std::string, std::string>>(entries);
    return [shared](const std::string& key) -> const std::string* {
        const auto it = shared->find(key);
        return it == shared->end() ? nullptr : &it->second;
    };
}

}  // namespace

TEST_CASE("messages: a parameter is replaced by its value, an unknown one by nothing") {
    CHECK(fill_template("Answer {count} messages.", {{"count", "3"}}, table({})) == "Answer 3 messages.");
    CHECK(fill_template("Answer {count} messages.", {}, table({})) == "Answer  messages.");
}

TEST_CASE("messages: a section is shown when every parameter in it has a value, else its alternative") {
    const char* text = "feedback [on order {order_id}|left on {day}][ ({why})]";
    CHECK(fill_template(text, {{"order_id", "113-1"}, {"day", "2026-11-02"}}, table({})) == "feedback on order 113-1");
    CHECK(fill_template(text, {{"order_id", ""}, {"day", "2026-11-02"}, {"why", "late"}}, table({})) ==
          "feedback left on 2026-11-02 (late)");
}

TEST_CASE("messages: a number section is its first branch for 1, its second for any other value") {
    const char* text = "{count} [#count:request is|requests are] pending[ since {since}]";
    CHECK(fill_template(text, {{"count", "1"}}, table({})) == "1 request is pending");
    CHECK(fill_template(text, {{"count", "2"}, {"since", "2026-11-02"}}, table({})) ==
          "2 requests are pending since 2026-11-02");
    CHECK(fill_template(text, {{"count", "0"}}, table({})) == "0 requests are pending");
    CHECK(fill_template(text, {{"count", "11"}}, table({})) == "11 requests are pending");
    MessageParams found;
    REQUIRE(match_template(text, "1 request is pending", found));
    CHECK(found == MessageParams{{"count", "1"}});
    CHECK_FALSE(match_template(text, "1 requests are pending", found));
    CHECK_FALSE(match_template(text, "3 request is pending", found));
    const CodedText one = recognise("1 buyer-requested cancellation is left out.");
    CHECK(one.code == "cancel_buyer_requested");
    CHECK(one.params == MessageParams{{"count", "1"}});
}

TEST_CASE("messages: a word parameter looks up each comma-separated value and joins them") {
    const auto words = table({{"reason.a", "alpha"}, {"reason.b", "beta"}, {"list_separator", " + "}});
    CHECK(fill_template("({why:reason})", {{"why", "a,b,c"}}, words) == "(alpha + beta + c)");
}

TEST_CASE("messages: English removal reasons come from the table, joined by '; '") {
    CHECK(english("remove_feedback", {{"rating", "1"}, {"order_id", "113-1"}, {"reason", "obscene,personal_info"}}) ==
          "Request removal of the 1-star feedback on order 113-1 (obscene or abusive language; it contains personal "
          "information).");
    CHECK(english("no_such_code", {}).empty());
    CHECK(english("removal_reason.obscene", {}).empty());  // a word, not a message
}

TEST_CASE("messages: a note written elsewhere is recognised with its parameters") {
    const CodedText c = recognise("3 buyer-requested cancellations are left out.");
    CHECK(c.code == "cancel_buyer_requested");
    CHECK(c.params == MessageParams{{"count", "3"}});
    const CodedText p = recognise("passes again after 12 more 5-star ratings and no bad one");
    CHECK(p.code == "passes_after_good_items");
    CHECK(p.params == MessageParams{{"count", "12"}, {"items", "five_star"}});  // words read back
    const CodedText one = recognise("passes again after 1 more unit delivered on time and no bad one");
    CHECK(one.params == MessageParams{{"count", "1"}, {"items", "units"}});
}

TEST_CASE("messages: optional parts of a recognised text are found or left out") {
    const CodedText with = recognise("Amazon reports a warning for Amazon.de: late_shipment (AT_RISK)");
    CHECK(with.code == "amazon_warning");
    CHECK(with.params == MessageParams{{"marketplace", "Amazon.de"}, {"type", "late_shipment"}, {"status", "AT_RISK"}});
    const CodedText without = recognise("Amazon reports the account status AT_RISK (Account Health report).");
    CHECK(without.code == "account_status");
    CHECK(without.params == MessageParams{{"status", "AT_RISK"}});
    const CodedText computed = recognise(
        "Computed from your files: 3 of 300 (1.00 %). Amazon's figure can differ: its window dates, orders or "
        "defects not in the loaded files, and defects Amazon removed.");
    CHECK(computed.code == "computed_beside_reported");
    CHECK(computed.params == MessageParams{{"numerator", "3"}, {"denominator", "300"}, {"rate", "1.00 %"}});
}

TEST_CASE("messages: a text no template makes has no code") {
    CHECK(recognise("something new the engine says").code.empty());
    CHECK(recognise("").code.empty());
}

TEST_CASE("messages: every template of the table renders back to itself when recognised") {
    // Each code filled with sample values, then recognised: the same code (or one that writes
    // the same English) and the same text; a number choosing a singular is tried at 1 too.
    for (const std::string& code : message_codes()) {
        CAPTURE(code);
        MessageParams params;
        const std::string* text = english_text(code);
        REQUIRE(text);
        for (size_t at = text->find('{'); at != std::string::npos; at = text->find('{', at + 1)) {
            const size_t end = text->find('}', at);
            std::string name = text->substr(at + 1, end - at - 1);
            name = name.substr(0, name.find(':'));
            bool seen = false;
            for (const auto& p : params) seen = seen || p.first == name;
            if (!seen) params.emplace_back(name, "X" + std::to_string(params.size() + 1));
        }
        const auto round_trip = [&](const MessageParams& with) {
            const std::string filled = english(code, with);
            CHECK_FALSE(filled.empty());
            const CodedText back = recognise(filled);
            CHECK_FALSE(back.code.empty());
            CHECK(english(back) == filled);
        };
        round_trip(params);
        // And with every number that chooses a [#name:singular|plural] section at 1.
        MessageParams ones = params;
        for (auto& [name, value] : ones)
            if (text->find("[#" + name + ":") != std::string::npos) value = "1";
        if (ones != params) round_trip(ones);
    }
}

// The notes and warnings the engine writes today, from a small account that triggers many of
// them: each one must be recognised (else the dashboard shows it in English only).
TEST_CASE("messages: the engine's notes and warnings all have codes") {
    using namespace sh::test;
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    Order cancelled = f.order(1, D(2026, 11, 18));
    cancelled.cancelled = true;  // not known to be buyer-requested: a note
    orders.orders.push_back(cancelled);
    orders.orders.push_back(f.order(2, D(2026, 11, 18)));
    Records& claims = f.file("template.claims");  // a claim on an order in no orders file
    Claim c;
    c.order = f.id(99);
    c.claim_day = D(2026, 11, 10);
    claims.claims.push_back(c);
    Records& s = f.file("template.shipments");
    Shipment shipped;
    shipped.order = f.id(2);
    shipped.expected_ship = D(2026, 11, 1);
    shipped.ship_confirm = D(2026, 11, 1);
    shipped.promised_delivery = D(2026, 11, 5);
    shipped.delivered = D(2026, 11, 4);
    shipped.has_tracking = false;
    s.shipments.push_back(shipped);
    Records& r = f.file("amazon.returns");
    ReturnRequest pending;
    pending.order = f.id(2);
    pending.request_day = D(2026, 11, 10);
    pending.status = "Pending";
    pending.in_policy = Tri::yes;
    r.returns.push_back(pending);
    Records& m = f.file("template.messages");
    Message quiet;
    quiet.id = "m1";
    quiet.received = *parse_iso_timestamp("2026-11-19T08:00:00Z");
    quiet.no_response_needed = true;
    m.messages.push_back(quiet);
    Records& fb = f.file("template.feedback");
    fb.feedback.push_back(feedback_entry(f.id(2), D(2026, 11, 12), 1));
    const Result& result = f.run(D(2026, 11, 20));
    size_t texts = 0;
    auto check = [&](const std::string& text) {
        CAPTURE(text);
        ++texts;
        const CodedText coded = recognise(text);
        CHECK_FALSE(coded.code.empty());
        CHECK(english(coded) == text);
    };
    for (const Metric& metric : result.metrics)
        for (const std::string& note : metric.notes) check(note);
    for (const std::string& w : result.warnings) check(w);
    CHECK(texts >= 6);
}
