// The default as_of is metrics.md's latest event day, even when the latest events stand apart
// from all the others (a typo'd year): a warning then names them and the day to use instead
// (engine/README.md).
#include <doctest/doctest.h>

#include <string>

#include "core/engine/evaluate.h"
#include "core/ingest/reader.h"
#include "core/messages.h"

using namespace sh;

namespace {

const std::string kHeader = "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\n";

std::string order(int n, const std::string& day, const std::string& updated = "") {
    char id[32];
    std::snprintf(id, sizeof id, "111-0000000-%07d", n);
    return std::string(id) + "\t" + day + "\t" + (updated.empty() ? day : updated) + "\tShipped\tMerchant\n";
}

Result evaluate_text(const std::string& text, Options options = {}) {
    OrderIdPool ids;
    std::vector<LoadedFile> files;
    files.push_back(read_file("orders.txt", reinterpret_cast<const uint8_t*>(text.data()), text.size(), ids));
    REQUIRE(files[0].info.ok());
    return evaluate(files, ids, options);
}

bool warns_about(const Result& r, const std::string& part) {
    for (const std::string& w : r.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("as_of: one order typo'd into 2099 is the default as_of, with a warning naming the day to use") {
    // Three orders in October 2026 and one "purchased" 2099-10-05: the 2099 group (2 of 8 event
    // days) lies more than 366 days after the rest. as_of stays the latest event day (metrics.md);
    // the warning says 2026-10-03 is the latest day of the others.
    const Result r = evaluate_text(kHeader + order(1, "2026-10-01") + order(2, "2026-10-02") + order(3, "2099-10-05") +
                                   order(4, "2026-10-03"));
    REQUIRE(r.as_of.has());
    CHECK(format_day(r.as_of.day()) == "2099-10-05");
    CHECK(warns_about(r, "2 dated facts from 2099-10-05 lie more than a year after all the others"));
    CHECK(warns_about(r, "(orders: 111-0000000-0000003 (2099-10-05))"));
    CHECK(warns_about(r, "as_of is the latest event day, 2099-10-05"));
    CHECK(warns_about(r, "set as_of to 2026-10-03, the latest day of the others"));
    // The dashboard translates it by its code.
    REQUIRE(r.warnings.size() == 1);
    const CodedText coded = recognise(r.warnings[0]);
    CHECK(coded.code == "detached_events");
    REQUIRE(coded.param("rest"));
    CHECK(*coded.param("rest") == "2026-10-03");
}

TEST_CASE("as_of: a typo in last-updated-date alone is found the same way") {
    // Purchase days 10-01 and 10-02; order 2 last updated 2088-01-01 (1 of 4 event days).
    const Result r = evaluate_text(kHeader + order(1, "2026-10-01") + order(2, "2026-10-02", "2088-01-01"));
    CHECK(format_day(r.as_of.day()) == "2088-01-01");
    CHECK(warns_about(r, "1 dated fact from 2088-01-01 lies more than a year after all the others"));
    CHECK(warns_about(r, "set as_of to 2026-10-02"));
}

TEST_CASE("as_of: two typo groups are both named; an explicit as_of gets no warning") {
    const std::string text = kHeader + order(1, "2026-10-01") + order(2, "2026-10-02") + order(3, "2026-10-03") +
                             order(4, "2077-01-01") + order(5, "2099-01-01");
    const Result r = evaluate_text(text);  // 2099 (2 of 10) stands apart, then 2077 (2 of 10)
    CHECK(format_day(r.as_of.day()) == "2099-01-01");
    CHECK(warns_about(r, "set as_of to 2026-10-03"));
    CHECK(warns_about(r, "4 dated facts from 2077-01-01 to 2099-01-01"));
    Options explicit_day;
    explicit_day.as_of = day_from_civil(2099, 1, 1);
    const Result e = evaluate_text(text, explicit_day);
    CHECK(format_day(e.as_of.day()) == "2099-01-01");
    CHECK_FALSE(warns_about(e, "lie more than a year after"));
}

TEST_CASE("as_of: a later group holding more than half of the events is the real data") {
    // One order in 2024 and three in 2026, more than a year apart: 2026 holds 6 of 8 events.
    const Result r = evaluate_text(kHeader + order(1, "2024-01-10") + order(2, "2026-10-01") + order(3, "2026-10-02") +
                                   order(4, "2026-10-03"));
    CHECK(format_day(r.as_of.day()) == "2026-10-03");
    CHECK_FALSE(warns_about(r, "lie more than a year after"));
}

TEST_CASE("as_of: events within a year of each other are one group, however few") {
    // 2026-10-01 and 2027-10-01 are 365 days apart: no gap, as_of is the later day.
    const Result r = evaluate_text(kHeader + order(1, "2026-10-01") + order(2, "2026-10-02") + order(3, "2027-10-01"));
    CHECK(format_day(r.as_of.day()) == "2027-10-01");
    CHECK_FALSE(warns_about(r, "lie more than a year after"));
}
