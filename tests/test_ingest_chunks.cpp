// Chunk boundaries anywhere (inside UTF-8/UTF-16/CP932 sequences, quoted fields, CRLF) give
// the same records as one big chunk.
#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "test_ingest_support.h"

using namespace sh;

namespace {

// A readable digest of everything a file produced, to compare two reads.
std::string digest(const LoadedFile& f, const OrderIdPool& ids) {
    std::string out = f.info.kind + "|" + f.info.encoding + "|" + f.info.marketplace + "|" +
                      std::to_string(f.info.rows) + "|" + std::to_string(f.info.skipped) + "|" + f.info.error + "\n";
    for (const auto& p : f.info.problems) out += std::to_string(p.line) + " " + p.column + " " + p.message + "\n";
    for (const auto& n : f.info.notes) out += n + "\n";
    for (const Order& o : f.records.orders)
        out += ids.text(o.key) + " " + format_day(o.day) + " " + format_day(o.last_updated) + " " +
               std::to_string(int(o.channel)) + std::to_string(o.cancelled) +
               std::to_string(int(o.buyer_requested_cancel)) + " " + f.records.marketplaces[o.marketplace] + " " +
               std::to_string(o.units) + "\n";
    for (const FeedbackEntry& e : f.records.feedback)
        out += ids.text(e.order) + " " + (e.day.has() ? format_day(e.day.day()) : "?") + " " +
               std::to_string(e.short_date.a) + "/" + std::to_string(e.short_date.b) + " " +
               std::to_string(e.rating) + " [" + e.comment + "] [" + e.response + "] " + std::to_string(e.line) + "\n";
    for (const Shipment& s : f.records.shipments)
        out += ids.text(s.order) + " " + std::to_string(s.expected_ship.n) + " " + std::to_string(s.ship_confirm.n) +
               " " + std::to_string(s.tracking_valid) + " " + f.records.categories[s.category] + " " +
               std::to_string(s.line) + "\n";
    return out;
}

std::string read_whole(const std::string& bytes) {
    OrderIdPool ids;
    return digest(test::read_text(bytes, ids), ids);
}

std::string read_in_chunks(const std::string& bytes, size_t chunk) {
    OrderIdPool ids;
    return digest(test::read_chunked(bytes, chunk, ids), ids);
}

std::string read_random_chunks(const std::string& bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<size_t> size(1, 5000);
    OrderIdPool ids;
    FileReader reader("random.txt", ids);
    for (size_t at = 0; at < bytes.size();) {
        const size_t n = std::min(size(rng), bytes.size() - at);
        reader.feed(reinterpret_cast<const uint8_t*>(bytes.data() + at), n);
        at += n;
    }
    return digest(reader.finish(), ids);
}

// The rows of `file` repeated until the text is larger than the 64 KB sniff window, so
// chunking reaches the decoder and the splitter (not only the sniff buffer).
std::string grown(const std::string& file, size_t at_least = 150 * 1024) {
    const size_t header_end = file.find('\n') + 1;
    std::string out = file;
    while (out.size() < at_least) out += file.substr(header_end);
    return out;
}

std::string to_utf16(const std::string& utf8, bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    for (size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp;
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(utf8[i + size_t(k)]) & 0x3F);
        i += size_t(len);
        auto unit = [&](uint32_t u) {
            const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
            out += little ? std::string{lo, hi} : std::string{hi, lo};
        };
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

void check_chunkings(const std::string& bytes) {
    REQUIRE(test::read_text(bytes).info.ok());
    const std::string whole = read_whole(bytes);
    CHECK(read_in_chunks(bytes, 1) == whole);
    CHECK(read_in_chunks(bytes, 2) == whole);
    CHECK(read_in_chunks(bytes, 3) == whole);
    CHECK(read_in_chunks(bytes, 7) == whole);
    CHECK(read_in_chunks(bytes, 4096) == whole);
    CHECK(read_in_chunks(bytes, 65536) == whole);
    for (unsigned seed = 1; seed <= 5; ++seed) CHECK(read_random_chunks(bytes, seed) == whole);
}

}  // namespace

TEST_CASE("ingest: chunk boundaries anywhere give the same records") {
    SUBCASE("All Orders, UTF-8, CRLF, stray quotes") {
        const std::string bytes = grown(test::ingest_data("all_orders_32.txt"));
        check_chunkings(bytes);
        CHECK(read_whole(bytes).find("utf-8") != std::string::npos);
    }
    SUBCASE("All Orders, UTF-8 with BOM") { check_chunkings("\xEF\xBB\xBF" + grown(test::ingest_data("all_orders_32.txt"))); }
    SUBCASE("All Orders, UTF-16 LE and BE") {
        const std::string file = grown(test::ingest_data("all_orders_32.txt"));
        const std::string le = to_utf16(file, true), be = to_utf16(file, false);
        check_chunkings(le);
        check_chunkings(be);
        // The same records as the UTF-8 file, apart from the encoding's name.
        std::string expected = read_whole(file);
        expected.replace(expected.find("utf-8"), 5, "utf-16le");
        CHECK(read_whole(le) == expected);
    }
    SUBCASE("All Orders, lone CR, CRLF and LF mixed after the header") {
        std::string file = test::ingest_data("all_orders_32.txt");
        size_t at = file.find("\r\n") + 2, k = 0;
        while ((at = file.find("\r\n", at)) != std::string::npos) {
            if (k % 3 == 0) file.erase(at + 1, 1);  // a lone CR
            else if (k % 3 == 1) file.erase(at, 1);  // LF
            at += 1;
            ++k;
        }
        const std::string bytes = grown(file);
        check_chunkings(bytes);
        OrderIdPool ids;
        CHECK(test::read_text(bytes, ids).info.rows == test::read_text(grown(test::ingest_data("all_orders_32.txt"))).info.rows);
    }
    SUBCASE("feedback export (CRLF, quotes inside TSV fields)") { check_chunkings(grown(test::ingest_data("feedback_us.txt"))); }
    SUBCASE("shipments template (RFC 4180 quotes, doubled quotes, newlines inside quotes)") {
        check_chunkings(grown(test::ingest_data("shipments.csv")));
    }
}

TEST_CASE("ingest: the sample shipments template reads every quoted form") {
    const LoadedFile f = test::read_text(test::ingest_data("shipments.csv"));
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.shipments");
    CHECK(f.info.rows == 30);
    // Rows 2, 6, 10, ... hold a carrier with a newline inside quotes: the row after each starts
    // one physical line later. Rows 0..4 → lines 2, 3, (4-5), 6, 7.
    REQUIRE(f.records.shipments.size() == 30);
    CHECK(f.records.shipments[0].line == 2);
    CHECK(f.records.shipments[2].line == 4);
    CHECK(f.records.shipments[3].line == 6);
    CHECK(f.records.shipments[4].line == 7);
    CHECK(f.records.shipments[29].line == 2 + 29 + 7);  // 7 quoted newlines before row 29
}

namespace {

std::string read_windowed(const std::string& bytes, size_t chunk, size_t window, unsigned seed = 0) {
    OrderIdPool ids;
    FileReader reader("fuzz.txt", ids);
    reader.set_sniff_window(window);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<size_t> size(1, 300);
    for (size_t at = 0; at < bytes.size();) {
        const size_t n = std::min(seed ? size(rng) : chunk, bytes.size() - at);
        reader.feed(reinterpret_cast<const uint8_t*>(bytes.data() + at), n);
        at += n;
    }
    return digest(reader.finish(), ids);
}

// A copy of `text` with a few random edits that stress the splitter and the decoders:
// quotes, delimiters, CR, LF, high bytes, truncated sequences.
std::string mutate(const std::string& text, std::mt19937& rng) {
    static const char* const kPieces[] = {"\"", "\"\"", "\t", ",", ";", "\r", "\n", "\r\n", "\xC3", "\xE2\x80",
                                          "\xE2\x80\x99", "\x93\xFA", "\xFF", "", "x"};
    std::string out = text;
    std::uniform_int_distribution<size_t> count(1, 6), piece(0, std::size(kPieces) - 1);
    for (size_t k = count(rng); k > 0; --k) {
        std::uniform_int_distribution<size_t> at(0, out.size());
        const size_t pos = at(rng);
        if (rng() % 3 == 0 && pos < out.size()) out.erase(pos, 1 + rng() % 3);
        else out.insert(pos, kPieces[piece(rng)]);
    }
    return out;
}

}  // namespace

TEST_CASE("ingest: fuzzed inputs: never a crash, and 1-byte chunks give the same result") {
    // A small sniff window (64 bytes) so that chunks reach the decoder and the splitter even in
    // these small files; the comparison is always between reads with the same window.
    const std::string sources[] = {
        test::ingest_data("shipments.csv"),
        test::ingest_data("feedback_us.txt").substr(0, 3000),
        test::ingest_data("feedback_jp_cp932.txt"),
        test::ingest_data("feedback_fr_1252.txt"),
        test::ingest_data("all_orders_32.txt").substr(0, 6000),
        test::slurp(std::string(SH_SHARED_DIR) + "/data/amazon/account-health-v2-example.json"),
    };
    std::mt19937 rng(12345);
    int compared = 0;
    for (const std::string& source : sources) {
        for (int variant = 0; variant < 25; ++variant) {
            const std::string bytes = variant == 0 ? source : mutate(source, rng);
            const std::string whole = read_windowed(bytes, bytes.size() + 1, 64);
            CHECK(read_windowed(bytes, 1, 64) == whole);
            CHECK(read_windowed(bytes, 0, 64, unsigned(variant + 1)) == whole);
            ++compared;
        }
    }
    CHECK(compared == 150);
}
