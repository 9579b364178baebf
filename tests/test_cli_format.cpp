// The CLI's renderings and exit status (output.md "CLI").
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/format.h"
#include "core/result_json.h"
// The test binary links only the core; the CLI's formatter is compiled in here.
#include "cli/format.h"
#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

// 3 defective orders of 300 (failing), plus a warning-level cancel rate.
const Result& sample(Fixture& f) {
    Records& orders = f.file("amazon.all_orders", "orders.txt");
    for (int i = 1; i <= 300; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& claims = f.file("template.claims", "claims.csv");
    for (int i = 1; i <= 3; ++i) {
        Claim c;
        c.order = f.id(i);
        c.claim_day = D(2026, 11, 19);
        claims.claims.push_back(c);
    }
    return f.run(D(2026, 11, 20));
}

}  // namespace

TEST_CASE("cli: exit status follows the worst metric") {
    Result r;
    CHECK(cli::exit_status(r) == 0);
    Metric m;
    m.status = "no_data";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 0);
    r.metrics.back().status = "good";
    CHECK(cli::exit_status(r) == 0);
    m.status = "warning";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 1);
    m.status = "failing";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 2);
}

TEST_CASE("cli: json is exactly the result object") {
    Fixture f;
    const Result& r = sample(f);
    const std::string text = cli::format_result(r, "json");
    const nlohmann::json j = nlohmann::json::parse(text);
    CHECK(j["tool"] == "seller-health");
    CHECK(j["as_of"] == "2026-11-20");
    CHECK(j["policy"] == "amazon");
    const nlohmann::json& odr = j["metrics"][0];
    CHECK(odr["id"] == "odr");
    CHECK(odr["scope"] == "mfn");
    CHECK(odr["source"] == "computed");
    CHECK(odr["numerator"] == 3);
    CHECK(odr["denominator"] == 300);
    CHECK(odr["status"] == "failing");
    CHECK(odr["window"]["from"] == "2026-09-08");
    CHECK(odr["window"]["to"] == "2026-11-06");
    CHECK(odr["headroom"].is_null());
    CHECK(odr["needed_to_recover"] == 1);
    CHECK(odr["components"]["a_to_z_claims"] == 3);
    CHECK(odr["items"][0]["drops_out_on"] == "2026-12-14");
    CHECK(odr["item_count"] == 3);
    CHECK(j["actions"][0]["priority"] == 1);
    CHECK(j["actions"][0]["metric"] == "odr");
    CHECK(cli::exit_status(r) == 2);
}

TEST_CASE("cli: the json writer gives exactly nlohmann's dump(2) with replacement") {
    using json = nlohmann::ordered_json;
    const auto nlohmann_dump = [](const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); };
    const auto ours = [](const json& j) {
        std::string out;
        cli::write_json(j, out);
        return out;
    };
    SUBCASE("a whole result") {
        Fixture f;
        const Result& r = sample(f);
        const json j = to_json(r);
        CHECK(ours(j) == nlohmann_dump(j));
        CHECK(cli::format_result(r, "json") == nlohmann_dump(j) + "\n");
        // Streamed to a file in 64 KB pieces (5,000 warnings make it ~250 KB): the same bytes.
        Result big = r;
        for (int i = 0; i < 5000; ++i) big.warnings.push_back("warning number " + std::to_string(i) + " with some text");
        const json big_json = to_json(big);
        std::FILE* file = std::tmpfile();
        REQUIRE(file);
        cli::write_result_json(big, file);
        std::rewind(file);
        std::string streamed;
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, file)) > 0;) streamed.append(buf, n);
        std::fclose(file);
        CHECK(streamed.size() > (size_t(200) << 10));
        CHECK(streamed == nlohmann_dump(big_json) + "\n");
    }
    SUBCASE("every value kind, escapes, valid and invalid UTF-8") {
        json j = json::object();
        j["empty object"] = json::object();
        j["empty array"] = json::array();
        j["nested"] = {{"a", json::array({1, -2, json::array(), json::object()})}, {"b", nullptr}};
        j["integers"] = {0, -1, int64_t(-9223372036854775807LL - 1), uint64_t(18446744073709551615ULL), 42};
        j["floats"] = {0.1, 1e-05, 1e300, -0.0, 0.0, 2.5, 1.0 / 3.0, 123456789.0, -7e-300};
        j["not finite"] = {std::nan(""), HUGE_VAL};
        j["booleans"] = {true, false};
        j["escapes"] = std::string("quote \" backslash \\ tab \t nl \n cr \r ff \f bs \b nul ") + std::string(1, '\0') +
                       " \x01 \x1f del \x7f";
        j["unicode"] = "Café – “never” 保温ボトル 😀";
        j["cut sequence"] = "ends in \xE4\xBF";
        j["bad bytes"] = "\xFF \xC0\xAF overlong, \xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too high, ok é";
        j["key with \"quote\" and \xFF"] = "v";
        CHECK(ours(j) == nlohmann_dump(j));
        // The page's compact form: dump(-1).
        std::string compact;
        JsonWriter w(compact);
        write_tree(j, w);
        CHECK(compact == j.dump(-1, ' ', false, json::error_handler_t::replace));
        // The page's result() text: dump(-1) with ensure_ascii (CJK, emoji as surrogate pairs,
        // replaced bad bytes: all \u escapes).
        std::string ascii;
        JsonWriter wa(ascii, JsonWriter::Style::compact_ascii);
        write_tree(j, wa);
        CHECK(ascii == j.dump(-1, ' ', true, json::error_handler_t::replace));
        CHECK(std::none_of(ascii.begin(), ascii.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
        CHECK(ascii.find("\\ud83d\\ude00") != std::string::npos);
        CHECK(ours(json::array()) == "[]");
        CHECK(ours(json("x")) == "\"x\"");
    }
    SUBCASE("random strings: plain text is checked eight bytes at a time, the rest byte by byte") {
        // Mostly plain ASCII with, at random places, a control byte, a quote, a backslash, a
        // byte of 0x1f/0x20/0x21/0x7f/0x80, or a UTF-8 sequence (valid or cut; 2 to 4 bytes, the
        // ends of the ranges): every word boundary and every kind of byte the 8-byte test must
        // see, and every length of code point the ASCII escapes write.
        const std::vector<std::string> odd = {"\x01", "\x1f", " ", "!", "\"", "\\", "\x7f", "\x80", "\xc3\xa9", "\xe4\xbf", "\n", "#", "\x5b",
                                            "\xe4\xbf\x9d", "\xf0\x9f\x98\x80", "\xc2\x80", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf"};
        uint64_t state = 0x2545F4914F6CDD1Dull;
        const auto next = [&](uint64_t n) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state % n;
        };
        int checked = 0;
        for (int round = 0; round < 4000; ++round) {
            std::string text;
            for (uint64_t len = next(40); text.size() < len;) {
                if (next(8) == 0) text += odd[next(odd.size())];
                else text += static_cast<char>('a' + next(26));
            }
            const json j = text;
            std::string compact;
            JsonWriter w(compact);
            write_tree(j, w);
            std::string ascii;
            JsonWriter wa(ascii, JsonWriter::Style::compact_ascii);
            write_tree(j, wa);
            if (compact != j.dump(-1, ' ', false, json::error_handler_t::replace) ||
                ascii != j.dump(-1, ' ', true, json::error_handler_t::replace)) {
                CHECK(compact == j.dump(-1, ' ', false, json::error_handler_t::replace));
                CHECK(ascii == j.dump(-1, ' ', true, json::error_handler_t::replace));
                break;
            }
            ++checked;
        }
        CHECK(checked == 4000);
    }
}

TEST_CASE("core: the result is written straight from its structs as dump would write it") {
    // The writer never builds a tree: its text must be the canonical dump of the values it holds
    // (parsing it and dumping again changes nothing), compact and pretty alike, and spilling it
    // in pieces gives the same bytes. Feedback entries carry escapes and CJK text.
    using json = nlohmann::ordered_json;
    Fixture f;
    Result r = sample(f);
    r.feedback.present = true;
    r.feedback.counts["30d"] = FeedbackCounts{1, 0, 2, 1.0 / 3.0};
    r.feedback.counts["lifetime"] = FeedbackCounts{0, 0, 0, std::nullopt};
    r.feedback.root_causes = {{"shipping_speed", 2}};
    FeedbackEntryResult e;
    e.day = D(2026, 11, 2);
    e.rating = 1;
    e.order_id = "113-0000001-0000001";
    e.comment = "\"late\"\tand\nbroken 保温ボトル";
    e.causes = {"shipping_speed"};
    e.triggers = {{"shipping_speed", 1, 5}};
    e.removal_reasons = {};
    e.language = "en";
    e.draft = "Sorry – we will fix it.";
    r.feedback.entries.push_back(e);
    r.feedback.average_365d = 1.0 / 3.0;
    r.warnings.push_back("a warning with a\u0001 control character");
    const std::string compact = json_text(r);
    const json j = json::parse(compact);
    CHECK(compact == j.dump(-1, ' ', false, json::error_handler_t::replace));
    CHECK(json_text(r, JsonWriter::Style::pretty) == j.dump(2, ' ', false, json::error_handler_t::replace));
    CHECK(json_text(r, JsonWriter::Style::compact_ascii) == j.dump(-1, ' ', true, json::error_handler_t::replace));
    CHECK(j["feedback"]["entries"][0]["comment"] == e.comment);
    CHECK(j["feedback"]["counts"]["lifetime"]["positive_share"].is_null());
    CHECK(j["metrics"][0]["series"].is_array());
    std::string pieces, rest;
    {
        JsonWriter w(rest, JsonWriter::Style::compact, [&](std::string& text) { pieces += text; });
        for (int i = 0; i < 2000; ++i) r.warnings.push_back("warning number " + std::to_string(i));
        write_json(r, w);
        w.flush();
    }
    CHECK(rest.empty());
    CHECK(pieces.size() > (size_t(64) << 10));
    CHECK(pieces == json_text(r));
}

TEST_CASE("cli: text is an aligned table with status words and windows") {
    Fixture f;
    const std::string text = cli::format_result(sample(f), "text");
    CHECK(text.find("as of 2026-11-20") != std::string::npos);
    CHECK(text.find("FAILING") != std::string::npos);
    CHECK(text.find("2026-09-08 .. 2026-11-06") != std::string::npos);
    CHECK(text.find("3 / 300") != std::string::npos);
    // every table row puts the Status column at the same offset
    const size_t header = text.find("Metric");
    REQUIRE(header != std::string::npos);
    const size_t line_start = text.rfind('\n', header) + 1;
    const size_t status_col = text.find("Status", header) - line_start;
    const size_t row = text.find("\nodr ", header) + 1;
    CHECK(text.compare(row + status_col, 7, "FAILING") == 0);
    CHECK(text.find("Respond to the A-to-z claim on order 113-0000000-0000001 by 2026-11-22 (the last day)") != std::string::npos);
}

// An Account Health report for two marketplaces gives two rows of one metric: each names its
// marketplace (the policy's name, else Amazon's id).
TEST_CASE("cli: Amazon's figures name their marketplace") {
    Fixture f;
    Records& ah = f.file("amazon.account_health", "health.json");
    for (const char* id : {"ATVPDKIKX0DER", "A1PA6795UKMFR9", "XYZ"}) {
        ReportedMetric m;
        m.id = "cancel_rate";
        m.scope = "mfn";
        m.marketplace_id = id;
        m.status = "good";
        ah.reported.push_back(m);
    }
    const std::string text = cli::format_result(f.run(D(2026, 11, 20)), "text");
    CHECK(text.find("\ncancel_rate [Amazon.com (United States)] ") != std::string::npos);
    CHECK(text.find("\ncancel_rate [Amazon.de (Germany)] ") != std::string::npos);
    CHECK(text.find("\ncancel_rate [XYZ] ") != std::string::npos);
}

TEST_CASE("cli: markdown is a table a seller can paste into a ticket") {
    Fixture f;
    const std::string md = cli::format_result(sample(f), "markdown");
    CHECK(md.rfind("## Seller account health as of 2026-11-20", 0) == 0);
    CHECK(md.find("| Metric | Scope |") != std::string::npos);
    CHECK(md.find("| odr | mfn | computed | 1.00 % | < 1.00 % | **FAILING** | 3 / 300 | 2026-09-08 .. 2026-11-06 |") !=
          std::string::npos);
    CHECK(md.find("### Next steps") != std::string::npos);
}

// output.md: the CLI prints the result; text and markdown tell what the JSON tells about each
// input (its notes, its first problems, its error), in the singular for one row.
TEST_CASE("cli: text and markdown list each input's notes, problems and error") {
    Fixture f;
    Records& orders = f.file("amazon.all_orders", "orders.txt");
    orders.orders.push_back(f.order(1, D(2026, 10, 1)));
    f.files[0].info.notes = {"dates such as '10/05/2026' were read as month/day/year"};
    f.files[0].info.problems = {{17, "purchase-date", "not a date: '2026-13-01'"}};
    f.files[0].info.rows = 1;
    f.files[0].info.skipped = 1;
    f.file("", "junk.txt");
    f.files[1].info.error = "not a report this app can read";
    const Result& r = f.run(D(2026, 11, 20));
    const std::string text = cli::format_result(r, "text");
    CHECK(text.find("  orders.txt  amazon.all_orders  1 row, 1 skipped\n"
                    "    note: dates such as '10/05/2026' were read as month/day/year\n"
                    "    line 17, purchase-date: not a date: '2026-13-01'\n") != std::string::npos);
    CHECK(text.find("  junk.txt  (not readable)  0 rows  error: not a report this app can read\n") != std::string::npos);
    const std::string md = cli::format_result(r, "markdown");
    CHECK(md.find("| orders.txt | amazon.all_orders | 1 row, 1 skipped | note: dates such as '10/05/2026' were read "
                  "as month/day/year<br>line 17, purchase-date: not a date: '2026-13-01' |") != std::string::npos);
    CHECK(md.find("| junk.txt | (not readable) | 0 rows | **error:** not a report this app can read |") != std::string::npos);
    // A good metric's outlook is in the details too (text has it in its table).
    CHECK(md.find("- **odr** (mfn, computed): room for 0 more") != std::string::npos);
}

// Seller data in markdown is text, never markup (rendered by GitHub: no link, no emphasis, no
// tag); a newline in it neither breaks a markdown row nor a text table row.
TEST_CASE("cli: seller data is escaped in markdown and kept on one line in text") {
    Fixture f;
    Records& s = f.file("template.shipments", "ship.csv");
    s.categories = {"", "*Toys*\n<b>x", "Home_Garden"};
    for (int i = 0; i < 4; ++i) {
        Shipment sh;
        sh.order = f.ids.key(i == 0 ? "[ORD4](http://x)" : "ORD*" + std::to_string(i) + "*");
        sh.expected_ship = D(2026, 11, 10);
        sh.ship_confirm = D(2026, 11, 10);
        sh.has_tracking = true;
        sh.tracking_valid = false;
        sh.category = uint16_t(i < 2 ? 1 : 2);
        s.shipments.push_back(sh);
    }
    const Result& r = f.run(D(2026, 11, 20));
    const std::string md = cli::format_result(r, "markdown");
    CHECK(md.find("valid_tracking_rate (\\*Toys\\* \\<b>x)") != std::string::npos);
    CHECK(md.find("valid_tracking_rate (Home_Garden)") != std::string::npos);  // intraword: not emphasis
    CHECK(md.find("\\[ORD4\\](http://x)") != std::string::npos);
    CHECK(md.find("ORD\\*1\\*") != std::string::npos);
    const std::string text = cli::format_result(r, "text");
    CHECK(text.find("valid_tracking_rate (*Toys* <b>x)") != std::string::npos);
}

// Amazon's policy counters are counts and its rating a score: no percentage, no "1 / 0".
TEST_CASE("cli: Amazon's counters show their count, not a rate") {
    Fixture f;
    Records& ah = f.file("amazon.account_health", "health.json");
    ReportedMetric counter;
    counter.id = "listing_policy_violations";
    counter.scope = "all";
    counter.has_numerator = counter.has_target = true;
    counter.numerator = 2;
    counter.target = 0;
    counter.status = "failing";
    ah.reported.push_back(counter);
    const std::string text = cli::format_result(f.run(), "text");
    const size_t row = text.find("\nlisting_policy_violations ");
    REQUIRE(row != std::string::npos);
    const std::string line = text.substr(row + 1, text.find('\n', row + 1) - row - 1);
    CHECK(line.find("%") == std::string::npos);
    CHECK(line.find(" / ") == std::string::npos);
    CHECK(line.find("  2  ") != std::string::npos);
}

// Markdown's feedback section has the root causes, as text and JSON do.
TEST_CASE("cli: markdown carries the feedback's root causes") {
    Fixture g;
    Records& fb = g.file("template.feedback", "fb.csv");
    FeedbackEntry e = feedback_entry(g.id(1), D(2026, 11, 10), 1);
    e.comment = "arrived two weeks late";
    fb.feedback.push_back(e);
    const std::string with_feedback = cli::format_result(g.run(D(2026, 11, 20)), "markdown");
    CHECK(with_feedback.find("| Root cause | Entries |\n|---|---:|\n| shipping_speed | 1 |") != std::string::npos);
}

TEST_CASE("cli: show sample text" * doctest::skip()) {
    Fixture f;
    const Result& r = sample(f);
    std::fputs(cli::format_result(r, "text").c_str(), stdout);
    std::fputs(cli::format_result(r, "markdown").c_str(), stdout);
}
