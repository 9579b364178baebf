// The bad-input corpus (tests/data/bad/expected.tsv): each file gives the expected kind, error,
// counts and first problem, whole or in small chunks, and never disturbs another file's results.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ingest/reader.h"
#include "core/result_json.h"
#include "core/session.h"

namespace {

const std::string kBadDir = std::string(SH_TEST_DATA_DIR) + "/bad/";

struct Expectation {
    std::string file, kind, error;
    uint64_t rows = 0, skipped = 0;
    std::string line, column, message;  // the first problem; "-" = none
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string::size_type start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

std::vector<Expectation> expectations() {
    std::vector<Expectation> out;
    std::istringstream in(slurp(kBadDir + "expected.tsv"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto f = split_tabs(line);
        REQUIRE(f.size() == 8);
        out.push_back({f[0], f[1], f[2], std::stoull(f[3]), std::stoull(f[4]), f[5], f[6], f[7]});
    }
    REQUIRE(out.size() >= 20);
    return out;
}

// The big inputs, made here rather than committed (expected.tsv names them "@...").
std::string generated(const std::string& name) {
    if (name == "@long_single_line.txt") return std::string(10'000'000, 'a');  // 10 MB, no line end
    if (name == "@long_row.txt")  // an All Orders row whose product name is 10 MB long
        return slurp(kBadDir + "header_only.txt") +
               "111-1234567-1234567\t\t2026-10-01T10:00:00+00:00\t2026-10-01T10:00:00+00:00\tShipped\tMerchant\t"
               "Amazon.com\t" + std::string(10'000'000, 'x') + "\tSKU-1\t1\t9.99\n";
    if (name == "@nested_200k.json")
        return "{\"performanceMetrics\": " + std::string(200'000, '[') + std::string(200'000, ']') + "}";
    FAIL("unknown generated input " << name);
    return {};
}

std::string bytes_of(const Expectation& e) { return e.file[0] == '@' ? generated(e.file) : slurp(kBadDir + e.file); }

const uint8_t* u8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

void check_info(const sh::InputInfo& info, const Expectation& e) {
    CHECK(info.kind == (e.kind == "-" ? "" : e.kind));
    if (e.error == "-") {
        CHECK_MESSAGE(info.error.empty(), info.error);
    } else {
        CHECK_MESSAGE(info.error.find(e.error) != std::string::npos, info.error);
    }
    CHECK(info.rows == e.rows);
    CHECK(info.skipped == e.skipped);
    if (e.line == "-") {
        CHECK_MESSAGE(info.problems.empty(), (info.problems.empty() ? "" : info.problems[0].message));
    } else {
        REQUIRE_FALSE(info.problems.empty());
        CHECK(info.problems[0].line == std::stoul(e.line));
        CHECK(info.problems[0].column == (e.column == "-" ? "" : e.column));
        CHECK(info.problems[0].message == e.message);
    }
}

sh::Options options_as_of_2026_11_20() {
    sh::Options o;
    o.as_of = *sh::parse_day("2026-11-20");
    return o;
}

void load(sh::Session& session, const std::string& name, const std::string& bytes, size_t chunk) {
    session.begin_file(name);
    for (size_t at = 0; at < bytes.size(); at += chunk)
        session.feed(u8(bytes) + at, std::min(chunk, bytes.size() - at));
    session.finish_file();
}

// The metrics (and the good file's own summary) of a session, as the result JSON writes them.
std::string metrics_of(sh::Session& session) { return sh::to_json(session.result())["metrics"].dump(); }

}  // namespace

TEST_CASE("bad: every file of the corpus gives its expected kind, error, counts and first problem") {
    for (const auto& e : expectations()) {
        CAPTURE(e.file);
        const std::string bytes = bytes_of(e);
        sh::OrderIdPool ids;
        const sh::LoadedFile whole = sh::read_file(e.file, u8(bytes), bytes.size(), ids);
        check_info(whole.info, e);
        if (!whole.info.ok()) CHECK(whole.records.orders.empty());
        // The same file streamed in small chunks says the same (big ones in 8 MiB pieces, as the page).
        sh::OrderIdPool ids2;
        sh::FileReader reader(e.file, ids2);
        const size_t chunk = bytes.size() > 100'000 ? (size_t(8) << 20) : 3;
        for (size_t at = 0; at < bytes.size(); at += chunk) reader.feed(u8(bytes) + at, std::min(chunk, bytes.size() - at));
        check_info(reader.finish().info, e);
    }
}

TEST_CASE("bad: a bad file next to a good orders file leaves the good file's results unchanged") {
    const std::string good = slurp(kBadDir + "good/all_orders_us.txt");
    REQUIRE_FALSE(good.empty());
    sh::Session alone;
    alone.set_options(options_as_of_2026_11_20());
    load(alone, "all_orders_us.txt", good, 4096);
    const std::string good_info = sh::to_json(alone.files()[0].info).dump();
    const std::string good_metrics = metrics_of(alone);
    REQUIRE(alone.files()[0].info.ok());
    REQUIRE(good_metrics.size() > 100);

    for (const auto& e : expectations()) {
        CAPTURE(e.file);
        const std::string bytes = bytes_of(e);
        const size_t chunk = bytes.size() > 100'000 ? (size_t(8) << 20) : 7;
        sh::Session before, after;  // the bad file loaded before, and after, the good one
        before.set_options(options_as_of_2026_11_20());
        after.set_options(options_as_of_2026_11_20());
        load(before, e.file, bytes, chunk);
        load(before, "all_orders_us.txt", good, 4096);
        load(after, "all_orders_us.txt", good, 4096);
        load(after, e.file, bytes, chunk);
        CHECK(sh::to_json(before.files()[1].info).dump() == good_info);
        CHECK(sh::to_json(after.files()[0].info).dump() == good_info);
        check_info(before.files()[0].info, e);
        check_info(after.files()[1].info, e);
        // Order does not matter; an unusable file contributes nothing at all.
        CHECK(metrics_of(before) == metrics_of(after));
        if (e.error != "-") CHECK(metrics_of(after) == good_metrics);
        // Removing the bad file gives back exactly the good file's result.
        after.remove_file(1);
        CHECK(metrics_of(after) == good_metrics);
    }
}

namespace {
bool no_memory_left(size_t) { return false; }
bool plenty_of_memory(size_t) { return true; }
}  // namespace

TEST_CASE("bad: a file the memory cannot hold becomes a per-file error; the other files stay") {
    const std::string good = slurp(kBadDir + "good/all_orders_us.txt");
    sh::Session session;
    session.set_options(options_as_of_2026_11_20());
    load(session, "all_orders_us.txt", good, 4096);
    const std::string good_metrics = metrics_of(session);
    const std::string good_info = sh::to_json(session.files()[0].info).dump();

    // A 12 MB orders file while the heap cannot grow: dropped at the first check (4 MB).
    std::string big = good;
    while (big.size() < (size_t(12) << 20)) big += good.substr(good.find('\n') + 1);
    session.set_memory_probe(no_memory_left);
    load(session, "big_orders.txt", big, size_t(1) << 20);
    REQUIRE(session.files().size() == 2);
    const sh::InputInfo& info = session.files()[1].info;
    CHECK(info.error.find(sh::Session::kMemoryError) != std::string::npos);
    CHECK(info.name == "big_orders.txt");
    CHECK(info.rows == 0);
    CHECK(session.files()[1].records.orders.empty());
    CHECK(sh::to_json(session.files()[0].info).dump() == good_info);
    CHECK(metrics_of(session) == good_metrics);

    // With memory again, the same file loads.
    session.set_memory_probe(plenty_of_memory);
    load(session, "big_orders.txt", big, size_t(1) << 20);
    CHECK_MESSAGE(session.files()[2].info.ok(), session.files()[2].info.error);
    CHECK(session.files()[2].info.rows > 0);
}

TEST_CASE("bad: when the page cannot allocate its read buffer, that file says so; the others stay") {
    const std::string good = slurp(kBadDir + "good/all_orders_us.txt");
    sh::Session session;
    session.set_options(options_as_of_2026_11_20());
    load(session, "all_orders_us.txt", good, 4096);
    const std::string good_metrics = metrics_of(session);

    session.begin_file("huge_orders.txt");
    session.drop_file_out_of_memory();
    const sh::InputInfo& info = session.finish_file();
    CHECK(info.name == "huge_orders.txt");
    CHECK(info.error.find(sh::Session::kMemoryError) != std::string::npos);
    REQUIRE(session.files().size() == 2);
    CHECK(metrics_of(session) == good_metrics);
}

namespace {
size_t g_largest_probe = 0;
bool refuse_and_note(size_t bytes) {
    g_largest_probe = std::max(g_largest_probe, bytes);
    return false;
}
}  // namespace

TEST_CASE("bad: a huge size hint asks the session's memory probe before reserving, and still loads") {
    // 20,000 orders with 100 GB announced: after 16,384 orders the reader would reserve for the
    // whole file (capped at 2^24 orders, well over 64 MB) and must ask the session's probe first,
    // which refuses here; the file then loads with normal growth.
    std::string text = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n";
    char row[96];
    for (int n = 0; n < 20000; ++n) {
        std::snprintf(row, sizeof row, "111-0000000-%07d\t2026-10-01T08:00:00+00:00\tShipped\tMerchant\n", n);
        text += row;
    }
    sh::Session session;
    session.set_options(options_as_of_2026_11_20());
    session.set_memory_probe(refuse_and_note);
    g_largest_probe = 0;
    session.begin_file("orders.txt", uint64_t(100) << 30);
    session.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    const sh::InputInfo& info = session.finish_file();
    CHECK(g_largest_probe > (size_t(64) << 20));  // the reservation was asked of the session's probe
    CHECK_MESSAGE(info.ok(), info.error);
    CHECK(info.rows == 20000);
    CHECK(session.files()[0].records.orders.size() == 20000);
}
