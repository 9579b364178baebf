// The share link's payload (snapshot.h): round trip, versions, damage, and what never travels.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "core/share/snapshot.h"

using namespace sh;

namespace {

Day day(const char* text) { return *parse_day(text); }

// A result as the engine fills it, including the order-level parts that must not travel.
Result sample_result() {
    Result r;
    r.version = "0.1.0";
    r.as_of = day("2026-11-20");
    r.policy = "amazon.us";
    r.inputs.push_back({});
    r.inputs.back().name = "orders-of-jane.doe@example.com.txt";

    Metric odr;
    odr.id = "odr";
    odr.scope = "mfn";
    odr.source = "computed";
    odr.numerator = 3;
    odr.denominator = 812;
    odr.rate = 3.0 / 812;
    odr.target = 0.01;
    odr.condition = "lt";
    odr.status = "good";
    odr.window_from = day("2026-09-08");
    odr.window_to = day("2026-11-06");
    odr.components = {{"negative_feedback", 2}, {"a_to_z_claims", 1}};
    odr.headroom = 5;
    odr.items.push_back({"113-4444444-5555555", day("2026-09-12"), {"negative_feedback"}, day("2026-11-25")});
    odr.item_count = 1;
    odr.series.push_back({day("2026-11-19"), 3, 800});
    odr.notes.push_back("order 113-4444444-5555555 was counted once");
    r.metrics.push_back(odr);

    Metric vtr;
    vtr.id = "valid_tracking_rate";
    vtr.scope = "mfn";
    vtr.source = "amazon_report";
    vtr.category = "Kitchen & Dining";
    vtr.numerator = 97.5;  // Amazon reports some figures as fractions of a unit
    vtr.denominator = 100;
    vtr.rate = 0.975;
    vtr.target = 0.95;
    vtr.condition = "gte";
    vtr.status = "good";
    vtr.rule_of_thumb = true;
    vtr.marketplace_id = "ATVPDKIKX0DER";
    vtr.needed_to_recover = -3;  // negative values travel too
    vtr.recovers_on = day("2026-12-24");
    r.metrics.push_back(vtr);

    Metric empty;
    empty.id = "late_shipment_rate";
    empty.scope = "mfn";
    empty.condition = "lt";
    empty.target = 0.04;  // no rate: denominator 0
    r.metrics.push_back(empty);

    r.feedback.present = true;
    r.feedback.counts["30d"] = {10, 1, 2, 10.0 / 13};
    r.feedback.counts["lifetime"] = {400, 20, 31, 400.0 / 451};
    r.feedback.root_causes = {{"shipping_speed", 2}, {"item_quality", 1}};
    FeedbackEntryResult entry;
    entry.day = day("2026-10-02");
    entry.rating = 1;
    entry.order_id = "113-1234567-7654321";
    entry.comment = "Arrived late, call me at 555-0199 - Jane Doe, 12 Elm Street";
    r.feedback.entries.push_back(entry);
    r.actions.push_back({1, "Request removal of feedback on order 113-1234567-7654321", "odr", "113-1234567-7654321"});
    return r;
}

std::string hex(const std::vector<uint8_t>& bytes) {
    std::string s;
    char b[3];
    for (uint8_t c : bytes) std::snprintf(b, sizeof b, "%02x", c), s += b;
    return s;
}

std::vector<uint8_t> from_hex(const std::string& s) {
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < s.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(s.substr(i, 2), nullptr, 16)));
    return out;
}

// Replaces the trailing CRC so a forged body reaches the field reader.
void reseal(std::vector<uint8_t>& bytes) {
    bytes.resize(bytes.size() - 4);
    const uint32_t crc = snapshot_crc32(bytes.data(), bytes.size());
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<uint8_t>(crc >> (8 * i)));
}

bool contains(const std::vector<uint8_t>& bytes, const std::string& needle) {
    return std::string(bytes.begin(), bytes.end()).find(needle) != std::string::npos;
}

void check_same_aggregates(const Result& a, const Result& b) {
    CHECK(a.as_of.n == b.as_of.n);
    CHECK(a.policy == b.policy);
    REQUIRE(a.metrics.size() == b.metrics.size());
    for (size_t i = 0; i < a.metrics.size(); ++i) {
        const Metric &x = a.metrics[i], &y = b.metrics[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.scope == y.scope);
        CHECK(x.source == y.source);
        CHECK(x.category == y.category);
        CHECK(x.numerator == y.numerator);
        CHECK(x.denominator == y.denominator);
        CHECK(x.rate == y.rate);  // bit-exact: doubles travel as 8 bytes
        CHECK(x.target == y.target);
        CHECK(x.condition == y.condition);
        CHECK(x.status == y.status);
        CHECK(x.window_from.n == y.window_from.n);
        CHECK(x.window_to.n == y.window_to.n);
        CHECK(x.rule_of_thumb == y.rule_of_thumb);
        CHECK(x.headroom == y.headroom);
        CHECK(x.needed_to_recover == y.needed_to_recover);
        CHECK(x.recovers_on.n == y.recovers_on.n);
        CHECK(x.components == y.components);
    }
    CHECK(a.feedback.present == b.feedback.present);
    REQUIRE(a.feedback.counts.size() == b.feedback.counts.size());
    for (const auto& [window, c] : a.feedback.counts) {
        REQUIRE(b.feedback.counts.count(window) == 1);
        const FeedbackCounts& d = b.feedback.counts.at(window);
        CHECK(c.positive == d.positive);
        CHECK(c.neutral == d.neutral);
        CHECK(c.negative == d.negative);
        CHECK(c.positive_share == d.positive_share);
    }
    CHECK(a.feedback.average_365d == b.feedback.average_365d);
    CHECK(a.feedback.root_causes == b.feedback.root_causes);
}

// The result behind kGoldenFormat1: as of 2026-11-20, amazon.us, ODR 3 of 812 (good) over
// 2026-09-08..2026-11-06, feedback 30d 10/1/2 and one root cause, shipping_speed ×2.
Result golden_result() {
    Result r;
    r.version = "0.1.0";
    r.as_of = day("2026-11-20");
    r.policy = "amazon.us";
    Metric m;
    m.id = "odr";
    m.scope = "mfn";
    m.numerator = 3;
    m.denominator = 812;
    m.rate = 3.0 / 812;
    m.target = 0.01;
    m.condition = "lt";
    m.status = "good";
    m.window_from = day("2026-09-08");
    m.window_to = day("2026-11-06");
    r.metrics.push_back(m);
    r.feedback.present = true;
    r.feedback.counts["30d"] = {10, 1, 2, 10.0 / 13};
    r.feedback.root_causes = {{"shipping_speed", 2}};
    return r;
}

// Written by the first release (format 1) from golden_result().
const std::string kGoldenFormat1 =
    "0108d2c4021209616d617a6f6e2e75732a05302e312e301a3d0a036f647212036d666e1a08636f6d7075746564200328"
    "ac06314aafbf3819446e3f397b14ae47e17a843f42026c744a04676f6f6450c0c30258b6c40222230801120b0a03333064100a180120021a120a0e7368697070696e675f7370656564100283d58547";

}  // namespace

TEST_CASE("share: a snapshot round-trips every aggregate the link carries") {
    const Result original = sample_result();
    const std::vector<uint8_t> bytes = encode_snapshot(original);
    CHECK(bytes.front() == kSnapshotFormat);
    CHECK(bytes.size() < 400);  // three metrics and feedback counts fit in a short link

    const DecodedSnapshot decoded = decode_snapshot(bytes);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error);
    CHECK(decoded.format == kSnapshotFormat);
    check_same_aggregates(original, *decoded.result);
    CHECK(decoded.result->version == "0.1.0");

    SUBCASE("what is left out stays out") {
        const Result& r = *decoded.result;
        CHECK(r.inputs.empty());
        CHECK(r.actions.empty());
        CHECK(r.feedback.entries.empty());
        for (const Metric& m : r.metrics) {
            CHECK(m.items.empty());
            CHECK(m.series.empty());
            CHECK(m.notes.empty());
            CHECK(m.marketplace_id.empty());
            CHECK(m.item_count == 0);
        }
    }
    SUBCASE("an absent rate stays absent, not zero") {
        CHECK_FALSE(decoded.result->metrics[2].rate);
        CHECK(decoded.result->metrics[2].status == "no_data");
        CHECK(decoded.result->metrics[2].source == "computed");
    }
    SUBCASE("encoding is deterministic") { CHECK(encode_snapshot(original) == bytes); }
}

// Shares are not carried: a link shows the feedback metrics' rates, so Amazon's 1-3 star export
// alone (no rate) shows no share, not 0 %, and typed totals show theirs.
TEST_CASE("share: a link's feedback shares are its metrics' rates") {
    Result r;
    r.as_of = day("2026-11-20");
    r.policy = "amazon";
    for (const char* id : {"feedback_positive_rate_30d", "feedback_positive_rate_90d", "feedback_average_365d"}) {
        Metric m;
        m.id = id;
        m.scope = "all";
        m.condition = "gte";
        m.status = "no_data";
        r.metrics.push_back(m);
    }
    r.metrics[1].numerator = 97;  // 90d: a typed total of 100 ratings, 3 of them 1-3 stars
    r.metrics[1].denominator = 100;
    r.metrics[1].rate = 0.97;
    r.metrics[1].status = "good";
    r.feedback.present = true;
    r.feedback.counts["30d"] = {0, 1, 1, std::nullopt};
    r.feedback.counts["90d"] = {0, 1, 2, 0.97};
    r.feedback.counts["lifetime"] = {0, 1, 2, std::nullopt};  // no metric: counted when shown
    const DecodedSnapshot d = decode_snapshot(encode_snapshot(r));
    REQUIRE(d.ok());
    CHECK_FALSE(d.result->feedback.counts.at("30d").positive_share);
    CHECK(d.result->feedback.counts.at("90d").positive_share == 0.97);
    CHECK(d.result->feedback.counts.at("lifetime").positive_share == 0.0);
    CHECK_FALSE(d.result->feedback.average_365d);
}

TEST_CASE("share: an empty result and one without feedback round-trip") {
    Result r;
    const DecodedSnapshot d = decode_snapshot(encode_snapshot(r));
    REQUIRE(d.ok());
    CHECK_FALSE(d.result->as_of.has());
    CHECK(d.result->metrics.empty());
    CHECK_FALSE(d.result->feedback.present);
}

TEST_CASE("share: the payload never holds order ids, comments, names, e-mails or addresses") {
    const std::vector<uint8_t> bytes = encode_snapshot(sample_result());
    for (const char* secret : {"113-4444444-5555555", "113-1234567-7654321", "4444444", "Arrived late", "Jane",
                               "Elm Street", "555-0199", "example.com", "jane.doe@", "Request removal"})
        CHECK_MESSAGE(!contains(bytes, secret), std::string(secret));
}

TEST_CASE("share: format versions") {
    SUBCASE("a format-1 link made by the first release still opens (golden bytes: never change them)") {
        INFO("this release writes ", hex(encode_snapshot(golden_result())));
        const DecodedSnapshot d = decode_snapshot(from_hex(kGoldenFormat1));
        REQUIRE_MESSAGE(d.ok(), d.error);
        CHECK(d.format == 1);
        check_same_aggregates(golden_result(), *d.result);
    }
    SUBCASE("a newer format is refused with a clear message") {
        std::vector<uint8_t> bytes = encode_snapshot(sample_result());
        bytes[0] = kSnapshotFormat + 1;
        reseal(bytes);
        const DecodedSnapshot d = decode_snapshot(bytes);
        CHECK_FALSE(d.ok());
        CHECK(d.format == kSnapshotFormat + 1);
        CHECK(d.error.find("newer version") != std::string::npos);
    }
    SUBCASE("format 0 is not ours") {
        const DecodedSnapshot d = decode_snapshot(std::vector<uint8_t>{0, 1, 2, 3, 4, 5});
        CHECK_FALSE(d.ok());
        CHECK(d.error.find("not a Seller Health share link") != std::string::npos);
    }
    SUBCASE("fields a newer release adds are skipped") {
        std::vector<uint8_t> bytes = encode_snapshot(sample_result());
        bytes.resize(bytes.size() - 4);
        // Field 60 as a varint, field 61 as a double, field 62 as bytes holding a nested message.
        const std::vector<uint8_t> extra = {0xE0, 0x03, 0x96, 0x01, 0xE9, 0x03, 1, 2, 3, 4, 5, 6, 7, 8,
                                            0xF2, 0x03, 0x03, 0x08, 0x01, 0x00};
        bytes.insert(bytes.begin() + 1, extra.begin(), extra.end());
        bytes.insert(bytes.end(), {0, 0, 0, 0});
        reseal(bytes);
        const DecodedSnapshot d = decode_snapshot(bytes);
        REQUIRE_MESSAGE(d.ok(), d.error);
        check_same_aggregates(sample_result(), *d.result);
    }
}

TEST_CASE("share: damaged payloads give a clear error, never a crash") {
    const std::vector<uint8_t> good = encode_snapshot(sample_result());

    SUBCASE("empty") {
        CHECK(decode_snapshot(nullptr, 0).error == "The share link holds no snapshot.");
    }
    SUBCASE("every truncation") {
        for (size_t n = 1; n < good.size(); ++n) {
            const DecodedSnapshot d = decode_snapshot(good.data(), n);
            CHECK_FALSE(d.ok());
            CHECK_FALSE(d.error.empty());
        }
    }
    SUBCASE("every single-bit flip is caught by the checksum") {
        for (size_t i = 1; i < good.size(); ++i)
            for (int bit = 0; bit < 8; ++bit) {
                std::vector<uint8_t> bytes = good;
                bytes[i] ^= static_cast<uint8_t>(1 << bit);
                CHECK_FALSE(decode_snapshot(bytes).ok());
            }
    }
    SUBCASE("forged bodies with a valid checksum reach the reader and are refused or read safely") {
        std::mt19937 rng(7);
        for (int round = 0; round < 20000; ++round) {
            std::vector<uint8_t> bytes = good;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const size_t at = 1 + rng() % (bytes.size() - 5);
                switch (rng() % 3) {
                    case 0: bytes[at] = static_cast<uint8_t>(rng()); break;
                    case 1: bytes.erase(bytes.begin() + static_cast<std::ptrdiff_t>(at)); break;
                    default: bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), static_cast<uint8_t>(rng()));
                }
            }
            reseal(bytes);
            const DecodedSnapshot d = decode_snapshot(bytes);
            if (d.ok()) {
                for (const Metric& m : d.result->metrics) {
                    CHECK(std::isfinite(m.numerator));
                    CHECK_FALSE(m.id.empty());
                }
            } else {
                CHECK_FALSE(d.error.empty());
            }
        }
    }
    SUBCASE("random garbage") {
        std::mt19937 rng(11);
        for (int round = 0; round < 20000; ++round) {
            std::vector<uint8_t> bytes(rng() % 64);
            for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
            if (!bytes.empty() && rng() % 2) bytes[0] = kSnapshotFormat;
            if (bytes.size() >= 5 && rng() % 2) reseal(bytes);
            const DecodedSnapshot d = decode_snapshot(bytes);
            CHECK((d.ok() || !d.error.empty()));
        }
    }
    SUBCASE("an out-of-range date or a non-finite rate is refused") {
        Result r;
        Metric m;
        m.id = "odr";
        m.rate = std::nan("");
        r.metrics.push_back(m);
        CHECK_FALSE(decode_snapshot(encode_snapshot(r)).ok());
        r.metrics[0].rate = 0.5;
        r.as_of = Day{2000000};
        const DecodedSnapshot d = decode_snapshot(encode_snapshot(r));
        CHECK_FALSE(d.ok());
        CHECK(d.error.find("date") != std::string::npos);
    }
    SUBCASE("an oversized payload is refused before reading") {
        std::vector<uint8_t> big(kMaxSnapshotBytes + 1, 0x08);
        big[0] = kSnapshotFormat;
        CHECK_FALSE(decode_snapshot(big).ok());
    }
}
