// Each kind of action carries a stable code and named parameters, and its English text is the
// code's template filled with them (src/core/data/messages.json), worked by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/messages.h"
#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

Claim open_claim(OrderKey order, ClaimType type, Day claim_day) {
    Claim c;
    c.order = order;
    c.type = type;
    c.status = ClaimStatus::open;
    c.claim_day = claim_day;
    return c;
}

const Action* find_action(const Result& r, const std::string& code) {
    for (const Action& a : r.actions)
        if (a.code == code) return &a;
    return nullptr;
}

Message message(const std::string& id, const char* received) {
    Message m;
    m.id = id;
    m.received = *parse_iso_timestamp(received);
    return m;
}

}  // namespace

// as_of 2026-11-20; policy amazon: A-to-z claims are answered within 3 days, chargebacks within 7.
TEST_CASE("actions: an open A-to-z claim and a late chargeback") {
    Fixture f;
    Records& claims = f.file("template.claims");
    claims.claims.push_back(open_claim(f.id(1), ClaimType::a_to_z, D(2026, 11, 18)));      // due 11-21
    claims.claims.push_back(open_claim(f.id(2), ClaimType::chargeback, D(2026, 11, 10)));  // due 11-17: late
    const Result& r = f.run(D(2026, 11, 20));
    const Action* claim = find_action(r, "respond_claim");
    REQUIRE(claim);
    CHECK(claim->params == MessageParams{{"order_id", "113-0000000-0000001"}, {"due", "2026-11-21"}});
    CHECK(claim->text ==
          "Respond to the A-to-z claim on order 113-0000000-0000001 by 2026-11-21 (the last day): an open or granted A-to-z "
          "claim is an order defect.");
    const Action* chargeback = find_action(r, "respond_chargeback_late");
    REQUIRE(chargeback);
    CHECK(chargeback->params == MessageParams{{"order_id", "113-0000000-0000002"}, {"due", "2026-11-17"}});
    CHECK(chargeback->text ==
          "Respond to the chargeback on order 113-0000000-0000002 now (the response time ended 2026-11-17): an open "
          "or granted chargeback is an order defect.");
}

TEST_CASE("actions: a claim without an order id says so and has no order_id parameter") {
    Fixture f;
    f.file("template.claims").claims.push_back(open_claim(kNoOrder, ClaimType::a_to_z, D(2026, 11, 19)));  // due 11-22
    const Result& r = f.run(D(2026, 11, 20));
    const Action* claim = find_action(r, "respond_claim");
    REQUIRE(claim);
    CHECK(claim->params == MessageParams{{"due", "2026-11-22"}});
    CHECK(claim->text.rfind("Respond to the A-to-z claim on order (no order id) by 2026-11-22 (the last day):", 0) == 0);
}

// An FBA order's 1-star "arrived 5 days late" is removable (fba_fulfillment); a 3-star comment on
// a seller-fulfilled order is answered.
TEST_CASE("actions: feedback removal and feedback reply") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.orders.push_back(f.order(7, D(2026, 11, 5), Channel::afn));
    orders.orders.push_back(f.order(8, D(2026, 11, 5), Channel::mfn));
    Records& fb = f.file("template.feedback");
    FeedbackEntry late = feedback_entry(f.id(7), D(2026, 11, 15), 1);
    late.comment = "arrived 5 days late";
    fb.feedback.push_back(late);
    FeedbackEntry meh = feedback_entry(f.id(8), D(2026, 11, 16), 3);
    meh.comment = "ok I guess";
    fb.feedback.push_back(meh);
    const Result& r = f.run(D(2026, 11, 20));
    const Action* removal = find_action(r, "remove_feedback");
    REQUIRE(removal);
    CHECK(removal->params ==
          MessageParams{{"rating", "1"}, {"order_id", "113-0000000-0000007"}, {"reason", "fba_fulfillment"}});
    CHECK(removal->text ==
          "Request removal of the 1-star feedback on order 113-0000000-0000007 (FBA delivery complaint: Amazon "
          "strikes these through).");
    CHECK(removal->order_id == "113-0000000-0000007");
    const Action* reply = find_action(r, "reply_feedback");
    REQUIRE(reply);
    CHECK(reply->params == MessageParams{{"rating", "3"}, {"order_id", "113-0000000-0000008"}});
    CHECK(reply->text ==
          "Reply to the 3-star feedback on order 113-0000000-0000008: apologise, name the problem and offer to fix "
          "it (never offer anything for changing it).");
}

// feedback.md: removal-eligible entries first. A 3-star FBA delivery complaint is no defect but
// lowers the positive share: its removal is asked for (after the negative ones), not a reply.
TEST_CASE("actions: a removal-eligible neutral entry gets a removal request, not a reply") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.orders.push_back(f.order(7, D(2026, 11, 5), Channel::afn));
    orders.orders.push_back(f.order(9, D(2026, 11, 5), Channel::afn));
    Records& fb = f.file("template.feedback");
    FeedbackEntry neutral = feedback_entry(f.id(7), D(2026, 11, 15), 3);
    neutral.comment = "arrived late and the box was crushed";
    fb.feedback.push_back(neutral);
    FeedbackEntry negative = feedback_entry(f.id(9), D(2026, 11, 10), 1);
    negative.comment = "arrived 5 days late";
    fb.feedback.push_back(negative);
    const Result& r = f.run(D(2026, 11, 20));
    std::vector<std::string> removals;
    for (const Action& a : r.actions)
        if (a.code == "remove_feedback") removals.push_back(a.params[0].second + " " + a.order_id);  // params[0]: the rating
    CHECK(removals == std::vector<std::string>{"1 113-0000000-0000009", "3 113-0000000-0000007"});
    CHECK_FALSE(find_action(r, "reply_feedback"));
}

TEST_CASE("actions: feedback without an order id is named by its day") {
    Fixture f;
    FeedbackEntry e = feedback_entry(kNoOrder, D(2026, 11, 12), 2);
    e.comment = "meh";
    f.file("template.feedback").feedback.push_back(e);
    const Action* reply = find_action(f.run(D(2026, 11, 20)), "reply_feedback");
    REQUIRE(reply);
    CHECK(reply->params == MessageParams{{"rating", "2"}, {"day", "2026-11-12"}});
    CHECK(reply->text.rfind("Reply to the 2-star feedback left on 2026-11-12: apologise", 0) == 0);
}

// A feedback the template marks removed is gone from the seller's page: neither a removal request
// nor a reply is asked for, whatever its comment.
TEST_CASE("actions: removed feedback asks for nothing") {
    Fixture f;
    Records& fb = f.file("template.feedback");
    FeedbackEntry rude = feedback_entry(f.id(5), D(2026, 11, 14), 1);
    rude.comment = "slow and the seller is an idiot";
    rude.removed = true;
    fb.feedback.push_back(rude);
    FeedbackEntry meh = feedback_entry(f.id(6), D(2026, 11, 15), 2);
    meh.comment = "slow";
    meh.removed = true;
    fb.feedback.push_back(meh);
    const Result& r = f.run(D(2026, 11, 20));
    CHECK_FALSE(find_action(r, "remove_feedback"));
    CHECK_FALSE(find_action(r, "reply_feedback"));
}

// Order 10 is due today (11-20), order 11 was due 11-15 and is still unconfirmed.
TEST_CASE("actions: orders due today and overdue shipments") {
    Fixture f;
    Records& s = f.file("template.shipments");
    Shipment due;
    due.order = f.id(10);
    due.expected_ship = D(2026, 11, 20);
    s.shipments.push_back(due);
    Shipment overdue;
    overdue.order = f.id(11);
    overdue.expected_ship = D(2026, 11, 15);
    s.shipments.push_back(overdue);
    const Result& r = f.run(D(2026, 11, 20));
    const Action* today = find_action(r, "ship_due_today");
    REQUIRE(today);
    CHECK(today->params == MessageParams{{"count", "1"}, {"day", "2026-11-20"}});
    CHECK(today->text ==
          "Ship or cancel 1 order due today (2026-11-20) and confirm it: an order confirmed after its "
          "expected-ship date is a late shipment.");
    const Action* late = find_action(r, "confirm_overdue");
    REQUIRE(late);
    CHECK(late->params == MessageParams{{"count", "1"}, {"since", "2026-11-15"}});
    CHECK(late->text ==
          "Confirm shipment of 1 overdue order (expected to ship since 2026-11-15); it counts as late until it is "
          "confirmed.");
}

// Messages in -08:00, as_of 2026-11-20: m1 arrived 11-20 08:00 (answer by 11-21 08:00 local),
// m2 on 11-17 09:00 (already more than 24 hours unanswered).
TEST_CASE("actions: buyer messages to answer, and messages already late") {
    Fixture f;
    Records& r = f.file("template.messages");
    r.messages.push_back(message("m1", "2026-11-20T08:00:00-08:00"));
    r.messages.push_back(message("m2", "2026-11-17T09:00:00-08:00"));
    const Result& result = f.run(D(2026, 11, 20));
    const Action* due = find_action(result, "answer_messages");
    REQUIRE(due);
    CHECK(due->params == MessageParams{{"count", "1"}, {"first_due", "2026-11-21 08:00 -08:00"}});
    CHECK(due->text == "Answer 1 buyer message within 24 hours of receipt (the first by 2026-11-21 08:00 -08:00).");
    CHECK(due->order_id == "m1");
    const Action* late = find_action(result, "answer_late_messages");
    REQUIRE(late);
    CHECK(late->params == MessageParams{{"count", "1"}});
    CHECK(late->text ==
          "Answer 1 buyer message already past 24 hours: it counts as a late response, but the buyer still waits.");
}

// metrics.md: facts dated after as_of are ignored. A reply written the day after as_of was not
// there on as_of: the message is still to answer (as the late response rate counts it).
TEST_CASE("actions: a message answered after as_of is still to answer on as_of") {
    Fixture f;
    Records& r = f.file("template.messages");
    Message m = message("m1", "2026-11-20T10:00:00Z");
    m.has_response = true;
    m.responded = *parse_iso_timestamp("2026-11-21T09:00:00Z");
    r.messages.push_back(m);
    const Action* due = find_action(f.run(D(2026, 11, 20)), "answer_messages");
    REQUIRE(due);
    CHECK(due->params == MessageParams{{"count", "1"}, {"first_due", "2026-11-21 10:00 UTC"}});
    CHECK_FALSE(find_action(f.run(D(2026, 11, 21)), "answer_messages"));
}

// The return dissatisfaction rate leaves out the orders Amazon fulfils; so does the action.
TEST_CASE("actions: pending return requests on FBA orders are Amazon's to answer") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.orders.push_back(f.order(40, D(2026, 11, 10), Channel::afn));
    orders.orders.push_back(f.order(41, D(2026, 11, 10)));
    Records& r = f.file("amazon.returns");
    for (const int n : {40, 41}) {
        ReturnRequest q;
        q.order = f.id(n);
        q.request_day = D(2026, 11, 17);
        q.status = "Pending";
        q.in_policy = Tri::yes;
        q.quantity = 1;
        r.returns.push_back(q);
    }
    const Action* a = find_action(f.run(D(2026, 11, 20)), "answer_returns");
    REQUIRE(a);
    CHECK(a->params == MessageParams{{"count", "1"}, {"since", "2026-11-17"}});
}

TEST_CASE("actions: pending return requests") {
    Fixture f;
    Records& r = f.file("amazon.returns");
    for (const Day day : {D(2026, 11, 17), D(2026, 11, 12)}) {
        ReturnRequest q;
        q.order = f.id(20 + int(r.returns.size()));
        q.request_day = day;
        q.status = "Pending";
        q.in_policy = Tri::yes;
        q.quantity = 1;
        r.returns.push_back(q);
    }
    const Action* a = find_action(f.run(D(2026, 11, 20)), "answer_returns");
    REQUIRE(a);
    CHECK(a->params == MessageParams{{"count", "2"}, {"since", "2026-11-12"}});
    CHECK(a->text ==
          "Answer 2 pending return requests (the oldest from 2026-11-12): authorise in-policy returns within 48 "
          "hours; rejecting an in-policy request is a defect.");
}

// 10-day late shipment: orders 30 and 31 due 11-19 and 11-18, only 30 confirmed on time:
// 1 of 2 = 50.00 % (target < 4 %); needed_to_recover = floor(1/0.04 - 2) + 1 = 24.
TEST_CASE("actions: a failing metric's summary names it by code") {
    Fixture f;
    Records& s = f.file("template.shipments");
    Shipment on_time;
    on_time.order = f.id(30);
    on_time.expected_ship = D(2026, 11, 19);
    on_time.ship_confirm = D(2026, 11, 19);
    s.shipments.push_back(on_time);
    Shipment late;
    late.order = f.id(31);
    late.expected_ship = D(2026, 11, 18);
    s.shipments.push_back(late);
    const Result& r = f.run(D(2026, 11, 20));
    const Action* a = nullptr;
    for (const Action& x : r.actions)
        if (x.code == "metric_failing" && x.metric == "late_shipment_rate_10d") a = &x;
    REQUIRE(a);
    const Metric* m = find_metric(r, "late_shipment_rate_10d", "mfn");
    REQUIRE(m);
    REQUIRE(m->recovers_on.has());
    const std::string recovers = format_day(m->recovers_on.day());
    CHECK(a->params == MessageParams{{"metric", "late_shipment_rate_10d"},
                                     {"scope", "mfn"},
                                     {"rate", "50.00 %"},
                                     {"needed", "24"},
                                     {"items", "shipments"},
                                     {"recovers_on", recovers}});
    // The scope and the needed items in words (messages.json words.scope_name, good_items).
    CHECK(a->text == "Late shipment rate (10 days) (seller-fulfilled) is failing at 50.00 %. It passes again after 24 more shipments "
                     "without a problem and none bad. At your usual volume, with no new problem, it recovers on " +
                         recovers + ".");
}

// 21 open claims, at most 20 lines per kind: 19 claims and one "... and 2 more like this".
TEST_CASE("actions: the last line of a capped kind counts the rest") {
    Fixture f;
    Records& claims = f.file("template.claims");
    for (int i = 1; i <= 21; ++i) claims.claims.push_back(open_claim(f.id(i), ClaimType::a_to_z, D(2026, 11, 19)));
    const Result& r = f.run(D(2026, 11, 20));
    const Action* more = find_action(r, "more_actions");
    REQUIRE(more);
    CHECK(more->params == MessageParams{{"count", "2"}, {"kind", "claims"}});
    CHECK(more->text == "... and 2 more like this (claims)");
    CHECK(more->order_id.empty());
    // Equal in value and due day, the claims kept are the first 19 by order id, in that order,
    // and the count comes right after them.
    std::vector<std::string> all_ids, kept;
    for (int i = 1; i <= 21; ++i) all_ids.push_back(f.id_text(i));
    std::sort(all_ids.begin(), all_ids.end());
    size_t more_at = 0;
    for (size_t i = 0; i < r.actions.size(); ++i) {
        if (r.actions[i].code == "respond_claim") kept.push_back(r.actions[i].order_id);
        if (&r.actions[i] == more) more_at = i;
    }
    CHECK(kept == std::vector<std::string>(all_ids.begin(), all_ids.begin() + 19));
    CHECK(more_at == 19);
}

TEST_CASE("actions: every action's text is its code's English template") {
    Fixture f;
    Records& claims = f.file("template.claims");
    claims.claims.push_back(open_claim(f.id(1), ClaimType::chargeback, D(2026, 11, 18)));
    Records& s = f.file("template.shipments");
    Shipment late;
    late.order = f.id(31);
    late.expected_ship = D(2026, 11, 18);
    s.shipments.push_back(late);
    const Result& r = f.run(D(2026, 11, 20));
    REQUIRE(r.actions.size() >= 3);
    for (const Action& a : r.actions) {
        CAPTURE(a.text);
        CHECK_FALSE(a.code.empty());
        CHECK(english(a.code, a.params) == a.text);
    }
}
