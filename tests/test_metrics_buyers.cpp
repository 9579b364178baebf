// Return dissatisfaction, late responses, feedback rates and feedback dates, worked by hand.
#include <doctest/doctest.h>

#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

ReturnRequest return_request(OrderKey order, Day day, const std::string& status, Tri in_policy) {
    ReturnRequest r;
    r.order = order;
    r.request_day = day;
    r.status = status;
    r.in_policy = in_policy;
    r.quantity = 1;
    return r;
}

Message message(const std::string& id, const char* received, const char* responded, bool not_needed = false) {
    Message m;
    m.id = id;
    m.received = *parse_iso_timestamp(received);
    if (responded) {
        m.has_response = true;
        m.responded = *parse_iso_timestamp(responded);
    }
    m.no_response_needed = not_needed;
    return m;
}

}  // namespace

// as_of 2026-11-20: 60-day window 09-22 .. 11-20 by request day.
TEST_CASE("metrics: return dissatisfaction counts invalid rejections; pending requests get a note") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders");
    orders.orders.push_back(f.order(6, D(2026, 11, 1), Channel::afn));
    Records& r = f.file("amazon.returns");
    r.returns.push_back(return_request(f.id(1), D(2026, 11, 1), "Rejected", Tri::yes));   // invalid rejection
    r.returns.push_back(return_request(f.id(2), D(2026, 11, 1), "Rejected", Tri::no));    // valid rejection
    r.returns.push_back(return_request(f.id(3), D(2026, 11, 17), "Pending", Tri::yes));   // pending > 48 h by 11-20
    r.returns.push_back(return_request(f.id(4), D(2026, 11, 18), "Pending", Tri::yes));   // not certainly > 48 h
    r.returns.push_back(return_request(f.id(5), D(2026, 11, 10), "Approved", Tri::yes));
    r.returns.push_back(return_request(f.id(6), D(2026, 11, 10), "Rejected", Tri::yes));  // afn order: left out
    const Metric* m = find_metric(f.run(D(2026, 11, 20)), "return_dissatisfaction_rate", "mfn");
    REQUIRE(m);
    CHECK(m->denominator == 5);
    CHECK(m->numerator == 1);
    CHECK(m->status == "failing");       // 1/5 = 0.2 >= 0.10
    CHECK(m->needed_to_recover == 6);    // floor(1/0.1 - 5) + 1: 1/11 < 0.1
    REQUIRE(m->items.size() == 1);
    CHECK(m->items[0].kinds == std::vector<std::string>{"invalid_rejection"});
    REQUIRE(m->notes.size() == 2);
    CHECK(m->notes[1].rfind("1 request is still pending more than 48 hours", 0) == 0);
}

// as_of 2026-11-20, messages in -08:00: 30-day window 10-22 .. 11-20 by received day.
TEST_CASE("metrics: late response rate at the 24-hour edges") {
    Fixture f;
    Records& r = f.file("template.messages");
    r.messages.push_back(message("m1", "2026-11-19T10:00:00-08:00", "2026-11-20T10:00:00-08:00"));  // exactly 24 h: on time
    r.messages.push_back(message("m2", "2026-11-18T10:00:00-08:00", "2026-11-19T10:00:01-08:00"));  // 24 h + 1 s: late
    r.messages.push_back(message("m3", "2026-11-19T23:59:59-08:00", nullptr));  // 24 h before 11-20 23:59:59: not late
    r.messages.push_back(message("m4", "2026-11-19T23:59:58-08:00", nullptr));  // 24 h + 1 s: late
    r.messages.push_back(message("m5", "2026-11-10T10:00:00-08:00", nullptr, true));  // no response needed
    r.messages.push_back(message("m6", "2026-10-21T10:00:00-08:00", nullptr));  // before the window
    const Result& res = f.run(D(2026, 11, 20));
    const Metric* m = find_metric(res, "late_response_rate", "all");
    REQUIRE(m);
    CHECK(m->denominator == 4);
    CHECK(m->numerator == 2);
    REQUIRE(m->items.size() == 2);
    CHECK(m->items[0].order_id == "m2");
    CHECK(m->items[0].kinds == std::vector<std::string>{"late_response"});
    CHECK(m->items[1].order_id == "m4");
    CHECK(m->items[1].kinds == std::vector<std::string>{"unanswered"});
    // the series as of 11-19: window 10-21 .. 11-19 holds m6 (late), m2 (late since 11-19), m1, m3, m4
    REQUIRE(m->series.size() >= 2);
    const DailyPoint& before = m->series[m->series.size() - 2];
    CHECK(format_day(before.day) == "2026-11-19");
    CHECK(before.numerator == 2);
    CHECK(before.denominator == 5);
}

// as_of 2026-11-20: 30d 10-22 .. 11-20, 90d 08-23 .. 11-20, 365d 2025-11-21 .. 2026-11-20.
TEST_CASE("metrics: feedback positive rates and average") {
    Fixture f;
    Records& r = f.file("template.feedback");
    for (int i = 0; i < 18; ++i) r.feedback.push_back(feedback_entry(f.id(i + 1), D(2026, 11, 1), 5));
    r.feedback.push_back(feedback_entry(f.id(100), D(2026, 11, 2), 3));
    r.feedback.push_back(feedback_entry(f.id(101), D(2026, 11, 3), 1));
    r.feedback.push_back(feedback_entry(f.id(102), D(2026, 11, 4), 1, true));  // removed: not counted
    for (int i = 0; i < 80; ++i) r.feedback.push_back(feedback_entry(f.id(200 + i), D(2026, 6, 1), 5));
    r.feedback.push_back(feedback_entry(f.id(300), D(2024, 1, 1), 1));
    r.feedback.push_back(feedback_entry(f.id(301), D(2024, 1, 1), 1));
    const Result& res = f.run(D(2026, 11, 20));
    const Metric* d30 = find_metric(res, "feedback_positive_rate_30d");
    const Metric* d90 = find_metric(res, "feedback_positive_rate_90d");
    const Metric* d365 = find_metric(res, "feedback_positive_rate_365d");
    const Metric* life = find_metric(res, "feedback_positive_rate_lifetime");
    const Metric* avg = find_metric(res, "feedback_average_365d");
    REQUIRE(d30);
    REQUIRE(d90);
    REQUIRE(d365);
    REQUIRE(life);
    REQUIRE(avg);
    CHECK(d30->rule_of_thumb);
    CHECK(d30->numerator == 18);
    CHECK(d30->denominator == 20);
    CHECK(d30->status == "failing");
    // needed_to_recover is defined for lt metrics; gte says it in a note: ceil((19 - 18) / 0.05) = 20: 38/40
    CHECK_FALSE(d30->needed_to_recover);
    REQUIRE_FALSE(d30->notes.empty());
    CHECK(d30->notes[0] == "passes again after 20 more positive ratings and no bad one");
    CHECK(d90->numerator == 18);
    CHECK(d90->denominator == 20);
    CHECK(d365->numerator == 98);
    CHECK(d365->denominator == 100);
    CHECK(d365->status == "good");
    CHECK(d365->headroom == 3);  // floor((98 - 95) / 0.95): 98/103 = 0.9515
    CHECK(life->numerator == 98);
    CHECK(life->denominator == 102);
    CHECK(life->status == "warning");  // bad share 0.0392 >= 0.0375
    CHECK(life->headroom == 1);        // floor((98 - 96.9) / 0.95)
    CHECK_FALSE(life->recovers_on.has());
    CHECK(avg->numerator == 494);
    CHECK(avg->denominator == 100);
    CHECK(avg->status == "good");
    CHECK_FALSE(avg->headroom);  // an average has no item count to spend (policy "headroom": false)
    REQUIRE(d30->items.size() == 2);
    CHECK(d30->items[0].kinds == std::vector<std::string>{"neutral_feedback"});
    REQUIRE(d30->components.size() == 3);
    CHECK(d30->components[1] == std::pair<std::string, double>{"neutral", 1});
    CHECK(res.feedback.present);
    CHECK(res.feedback.counts.at("30d").positive_share == d30->rate);
    CHECK(res.feedback.counts.at("lifetime").positive_share == life->rate);
    CHECK(res.feedback.average_365d == avg->rate);
}

TEST_CASE("metrics: the Feedback Manager export alone gives no positive rate") {
    Fixture f;
    Records& r = f.file("amazon.feedback");
    r.feedback.push_back(feedback_entry(f.id(1), D(2026, 11, 1), 1));
    r.feedback.push_back(feedback_entry(f.id(2), D(2026, 11, 2), 3));
    const Result& res = f.run(D(2026, 11, 20));
    const Metric* m = find_metric(res, "feedback_positive_rate_30d");
    REQUIRE(m);
    CHECK(m->status == "no_data");
    CHECK_FALSE(m->rate);
    REQUIRE(m->components.size() == 3);
    CHECK(m->components[1].second == 1);
    CHECK(m->components[2].second == 1);
    // Numerator and denominator as the table defines them: 0 positive of 2 entries; the
    // average's 4 stars over 2 entries. No rate from either.
    CHECK(m->numerator == 0);
    CHECK(m->denominator == 2);
    CHECK(m->series.empty());
    const Metric* avg = find_metric(res, "feedback_average_365d");
    REQUIRE(avg);
    CHECK(avg->numerator == 4);
    CHECK(avg->denominator == 2);
    CHECK(avg->status == "no_data");
    CHECK_FALSE(avg->rate);
    // The feedback report says the same: its counts, but no share (0 of 2 would be a false 0 %)
    // and no average of the 1-3 star rows alone.
    for (const auto& [window, c] : res.feedback.counts) {
        CAPTURE(window);
        CHECK(c.neutral + c.negative == 2);
        CHECK_FALSE(c.positive_share);
    }
    CHECK_FALSE(res.feedback.average_365d);
}

TEST_CASE("metrics: short feedback dates are resolved by choice, marketplace, header or values") {
    auto make = [](Fixture& f) -> Records& {
        Records& r = f.file("amazon.feedback", "feedback.txt");
        FeedbackEntry e;
        e.order = f.id(1);
        e.rating = 1;
        e.needs_date_order = true;
        e.short_date = {26, 3, 4};  // "3/4/26"
        r.feedback.push_back(e);
        return r;
    };
    // An orders file of one order on `day` in the marketplace `sales_channel`.
    auto orders_in = [](Fixture& f, const char* sales_channel, Day day) {
        Records& orders = f.file("amazon.all_orders");
        orders.marketplaces = {"", sales_channel};
        Order o = f.order(1, day);
        o.marketplace = 1;
        orders.orders.push_back(o);
    };
    auto negative_day = [](const Result& res) -> std::string {
        const Metric* m = find_metric(res, "feedback_positive_rate_lifetime");
        return m && !m->items.empty() ? format_day(m->items[0].day) : "none";
    };
    SUBCASE("ambiguous: left out, with a warning saying how to choose") {
        Fixture f;
        make(f);
        const Result& res = f.run(D(2026, 11, 20));
        CHECK(negative_day(res) == "none");
        REQUIRE(res.warnings.size() == 1);
        CHECK(res.warnings[0].find("1 feedback entry in feedback.txt has a date such as 3/4/26") == 0);
        CHECK(res.warnings[0].find("--date-order") != std::string::npos);
    }
    SUBCASE("the user's choice") {
        Fixture f;
        make(f);
        CHECK(negative_day(f.run(D(2026, 11, 20), "amazon", DateOrder::dmy)) == "2026-04-03");
        CHECK(negative_day(f.run(D(2026, 11, 20), "amazon", DateOrder::mdy)) == "2026-03-04");
    }
    SUBCASE("the file's note that it cannot tell says which order read its dates") {
        Fixture f;
        make(f);
        const std::string cannot_tell = english("feedback_dates_unknown_order", {});
        f.files[0].info.notes = {cannot_tell};
        CHECK(f.run(D(2026, 11, 20)).inputs[0].notes == std::vector<std::string>{cannot_tell});
        CHECK(f.run(D(2026, 11, 20), "amazon", DateOrder::mdy).inputs[0].notes ==
              std::vector<std::string>{"feedback dates are D/M/YY or M/D/YY and the file cannot tell which: read in "
                                       "the day/month order of your choice (M/D/YY)"});
        CHECK(f.run(D(2026, 11, 20), "amazon.uk").inputs[0].notes[0].find("of the policy amazon.uk (D/M/YY)") !=
              std::string::npos);
    }
    SUBCASE("the orders' marketplace beats the file's own evidence") {
        Fixture f;
        Records& fb = make(f);
        fb.date_order_from_values = DateOrder::dmy;
        orders_in(f, "Amazon.com", D(2026, 3, 1));
        CHECK(negative_day(f.run(D(2026, 11, 20))) == "2026-03-04");
    }
    SUBCASE("the selected marketplace policy") {
        Fixture f;
        make(f);
        CHECK(negative_day(f.run(D(2026, 11, 20), "amazon.uk")) == "2026-04-03");
    }
    SUBCASE("the header language, then values in the file") {
        Fixture f;
        Records& fb = make(f);
        fb.date_order_from_values = DateOrder::mdy;
        CHECK(negative_day(f.run(D(2026, 11, 20))) == "2026-03-04");
        f.files[0].records.date_order_from_header = DateOrder::dmy;
        CHECK(negative_day(f.run(D(2026, 11, 20))) == "2026-04-03");
    }
    SUBCASE("Japan's YY/M/D, from the marketplace or the policy (a header that is not Japanese cannot tell)") {
        Fixture f;
        Records& fb = make(f);
        fb.feedback[0].short_date = {10, 26, 11};  // "26/11/10": 2026-11-10, not 26 Nov 2010
        fb.date_order_from_values = DateOrder::dmy;  // 26 > 12 in the first place
        CHECK(negative_day(f.run(D(2026, 11, 20), "amazon.jp")) == "2026-11-10");
        orders_in(f, "Amazon.co.jp", D(2026, 11, 1));
        CHECK(negative_day(f.run(D(2026, 11, 20))) == "2026-11-10");
        CHECK(negative_day(f.run(D(2026, 11, 20), "amazon", DateOrder::dmy)) != "2026-11-10");  // the seller's choice wins
    }
    SUBCASE("a date invalid in the order chosen says where that order came from") {
        Fixture f;
        Records& fb = make(f);
        fb.date_order_from_header = DateOrder::dmy;
        fb.feedback[0].short_date = {26, 3, 14};  // "3/14/26": no 14th month
        const Result& res = f.run(D(2026, 11, 20));
        CHECK(negative_day(res) == "none");
        REQUIRE(res.warnings.size() == 1);
        CHECK(res.warnings[0] == "1 feedback date is not a valid date in the chosen day/month order (the header "
                                 "language of feedback.txt (D/M/YY)); that entry is left out.");
        CHECK(f.run(D(2026, 11, 20), "amazon", DateOrder::dmy).warnings[0].find("(your choice (D/M/YY))") != std::string::npos);
    }
    SUBCASE("a date invalid in the order chosen makes its row a skipped row of its file, with its line") {
        Fixture f;
        Records& fb = make(f);
        fb.date_order_from_header = DateOrder::dmy;
        fb.feedback_date_column = "Fecha";
        fb.feedback[0].short_date = {26, 3, 14};  // "3/14/26"
        fb.feedback[0].line = 7;
        f.files[0].info.rows = 1;
        const Result& res = f.run(D(2026, 11, 20));
        REQUIRE(res.inputs.size() == 1);
        CHECK(res.inputs[0].rows == 0);
        CHECK(res.inputs[0].skipped == 1);
        REQUIRE(res.inputs[0].problems.size() == 1);
        CHECK(res.inputs[0].problems[0].line == 7);
        CHECK(res.inputs[0].problems[0].column == "Fecha");
        CHECK(res.inputs[0].problems[0].message ==
              "not a date in the chosen day/month order (the header language of feedback.txt (D/M/YY)): '3/14/26'");
        CHECK(f.run(D(2026, 11, 20), "amazon", DateOrder::mdy).inputs[0].skipped == 0);  // valid as M/D/YY
    }
}
