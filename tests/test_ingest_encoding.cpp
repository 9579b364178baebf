// Encodings: detection (BOM, UTF-8, CP932, Windows-1252) and decoding across chunk boundaries.
#include <doctest/doctest.h>

#include "core/ingest/encoding.h"
#include "test_ingest_support.h"

using namespace sh;
using namespace sh::ingest;

namespace {

std::string decode_in_pieces(Encoding e, const std::string& bytes, size_t piece) {
    Decoder d(e);
    std::string out;
    for (size_t at = 0; at < bytes.size(); at += piece) d.decode(std::string_view(bytes).substr(at, piece), out);
    d.finish(out);
    return out;
}

const char* kOrdersHeader = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\n";

}  // namespace

TEST_CASE("ingest: encoding detection") {
    SUBCASE("BOMs") {
        CHECK(detect_encoding("\xEF\xBB\xBFid", true).encoding == Encoding::utf8);
        CHECK(detect_encoding("\xEF\xBB\xBFid", true).bom_size == 3);
        CHECK(detect_encoding("\xFF\xFEi\0", true).encoding == Encoding::utf16le);
        CHECK(detect_encoding("\xFE\xFF\0i", true).encoding == Encoding::utf16be);
    }
    SUBCASE("UTF-8 without BOM, and a sequence cut by the end of the sniff window") {
        CHECK(detect_encoding("Gr\xC3\xB6\xC3\x9F" "e", true).encoding == Encoding::utf8);
        CHECK(detect_encoding("Gr\xC3", false).encoding == Encoding::utf8);
        CHECK(detect_encoding("Gr\xC3", true).encoding != Encoding::utf8);
    }
    SUBCASE("CP932 when the bytes are Japanese") {
        CHECK(detect_encoding(test::ingest_data("feedback_jp_cp932.txt"), true).encoding == Encoding::cp932);
    }
    SUBCASE("Windows-1252 letters that happen to fit CP932's byte pattern stay Windows-1252") {
        // "Verspätung, Größe, Übergröße" (ä = E4 + 't' would be a level-2 kanji, ß = DF a
        // half-width katakana) and "don’t – late" (’ = 92 + 't' would be a level-1 kanji).
        CHECK(detect_encoding("Versp\xE4tung, Gr\xF6\xDF" "e, \xDC" "bergr\xF6\xDF" "e", true).encoding ==
              Encoding::windows1252);
        CHECK(detect_encoding("Versp\xE4tung \xE4rgerlich \xE4hnlich", true).encoding == Encoding::windows1252);
        CHECK(detect_encoding("don\x92t \x96 late, it\x92s", true).encoding == Encoding::windows1252);
        CHECK(detect_encoding("caf\xE9 \xE0 la cr\xE8me, tr\xE8s d\xE9\xE7u", true).encoding == Encoding::windows1252);
    }
    SUBCASE("Windows-1252 otherwise") {
        CHECK(detect_encoding("Caf\xE9 cr\xE8me", true).encoding == Encoding::windows1252);
        CHECK(detect_encoding(test::ingest_data("feedback_fr_1252.txt"), true).encoding == Encoding::windows1252);
    }
}

TEST_CASE("ingest: decoders carry partial sequences across chunks") {
    SUBCASE("Windows-1252: the 0x80-0x9F block") {
        CHECK(decode_in_pieces(Encoding::windows1252, "Caf\xE9 \x96 10 \x80", 1) == "Café – 10 €");
    }
    SUBCASE("UTF-16 LE with a surrogate pair split in every place") {
        const std::string bytes("A\0\x3D\xD8\x00\xDE" "B\0", 8);  // A 😀 B
        for (size_t piece = 1; piece <= 8; ++piece)
            CHECK(decode_in_pieces(Encoding::utf16le, bytes, piece) == "A\xF0\x9F\x98\x80" "B");
    }
    SUBCASE("UTF-16 BE") { CHECK(decode_in_pieces(Encoding::utf16be, std::string("\0A\x30\x42", 4), 1) == "Aあ"); }
    SUBCASE("CP932: kanji, kana and half-width katakana, one byte at a time") {
        CHECK(decode_in_pieces(Encoding::cp932, "\x93\xFA\x95\x74 \xB6\xC0\xB6\xC5", 1) == "日付 ｶﾀｶﾅ");
    }
    SUBCASE("a dangling lead byte at the end becomes U+FFFD") {
        CHECK(decode_in_pieces(Encoding::cp932, "a\x93", 1) == "a\xEF\xBF\xBD");
    }
}

TEST_CASE("ingest: every encoding reads the same report") {
    // Amazon.de orders; the sales channel holds no non-ASCII, so add a non-ASCII status text
    // nowhere needed: the encodings must only not disturb the rows.
    const std::string utf8 = std::string(kOrdersHeader) +
                             "111-0000001-0000001\t2026-09-14\tShipped\tMerchant\tAmazon.de\n"
                             "111-0000002-0000002\t2026-09-15\tStorniert\tAmazon\tAmazon.de";
    SUBCASE("UTF-8 with and without BOM") {
        const LoadedFile a = test::read_text(utf8), b = test::read_text("\xEF\xBB\xBF" + utf8);
        CHECK(a.info.encoding == "utf-8");
        CHECK(b.info.encoding == "utf-8");
        CHECK(b.info.kind == "amazon.all_orders");  // the BOM does not stick to the first header name
        CHECK(b.records.orders.size() == 2);
    }
}

TEST_CASE("ingest: a Japanese feedback export in CP932") {
    const LoadedFile f = test::read_text(test::ingest_data("feedback_jp_cp932.txt"));
    REQUIRE(f.info.ok());
    CHECK(f.info.encoding == "cp932");
    CHECK(f.info.kind == "amazon.feedback");
    REQUIRE(f.records.feedback.size() == 3);
    CHECK(f.records.feedback[0].comment == "配送が遅い。ｶﾀｶﾅ");
    // YY/M/D under a Japanese header: 26/9/14 is 2026-09-14, resolved at once.
    REQUIRE(f.records.feedback[0].day.has());
    CHECK(format_day(f.records.feedback[0].day.day()) == "2026-09-14");
    CHECK_FALSE(f.records.feedback[0].needs_date_order);
    CHECK(f.records.feedback[1].response == "ご迷惑をおかけしました");
    CHECK(format_day(f.records.feedback[2].day.day()) == "2026-11-20");
}

TEST_CASE("ingest: a French feedback export in Windows-1252 without a final newline") {
    const LoadedFile f = test::read_text(test::ingest_data("feedback_fr_1252.txt"));
    REQUIRE(f.info.ok());
    CHECK(f.info.encoding == "windows-1252");
    CHECK(f.info.kind == "amazon.feedback");
    REQUIRE(f.records.feedback.size() == 2);
    CHECK(f.records.feedback[0].comment == "Colis abîmé – très déçu");
    CHECK(f.records.feedback[1].comment == "Livraison en retard, 10 € de frais");
    CHECK(f.records.feedback[1].response == "Désolé");
    // French header → D/M/YY (the engine resolves; the reader keeps the evidence).
    CHECK(f.records.feedback[0].needs_date_order);
    CHECK(f.records.date_order_from_header == DateOrder::dmy);
    CHECK(f.records.date_order_from_values == DateOrder::unknown);
    CHECK(f.info.notes.empty());
}

TEST_CASE("ingest: UTF-16 files are read like UTF-8 ones") {
    // "Date\tRating..." in UTF-16 LE with BOM; an M/D/YY date with a day > 12 decides mdy.
    const std::string utf8 = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\r\n"
                             "9/14/26\t1\tLate – “never again”\t\t111-0000001-0000001\tx@example.com\r\n";
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (size_t i = 0; i < utf8.size();) {  // UTF-8 → UTF-16 (BMP only here)
        const auto c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0xE0) {
            cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F);
            len = 3;
        } else if (c >= 0xC0) {
            cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F);
            len = 2;
        }
        i += len;
        le += static_cast<char>(cp & 0xFF);
        le += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp & 0xFF);
    }
    for (const std::string* bytes : {&le, &be}) {
        const LoadedFile f = test::read_text(*bytes);
        REQUIRE(f.info.ok());
        CHECK(f.info.encoding == (bytes == &le ? "utf-16le" : "utf-16be"));
        REQUIRE(f.records.feedback.size() == 1);
        CHECK(f.records.feedback[0].comment == "Late – “never again”");
        CHECK(f.records.date_order_from_values == DateOrder::mdy);
    }
}

TEST_CASE("ingest: invalid UTF-8 after the sniff window is cleaned, never kept raw") {
    // The first non-ASCII text (after 64 KiB) is UTF-8, so the file is; a later stray byte is
    // replaced.
    std::string text = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n";
    while (text.size() < 70 * 1024) text += "2026-09-14\t1\tok\t\t111-0000001-0000001\t\n";
    text += "2026-09-14\t1\tcaf\xC3\xA9 late\t\t111-0000001-0000003\t\n";
    while (text.size() < 140 * 1024) text += "2026-09-14\t1\tok\t\t111-0000001-0000001\t\n";
    text += "2026-09-14\t2\tbad \xFF byte\t\t111-0000001-0000002\t\n";
    const LoadedFile f = test::read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.info.encoding == "utf-8");
    CHECK(f.records.feedback.back().comment == "bad \xEF\xBF\xBD byte");
}

// reports.md decides the encoding from the whole file: one that is ASCII for its first 64 KiB
// is decided at its first other byte, however the bytes arrive.
TEST_CASE("ingest: a file ASCII for its first 64 KiB is decided at its first non-ASCII byte") {
    std::string ascii = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n";
    while (ascii.size() < 70 * 1024) ascii += "2026-09-14\t1\tok\t\t111-0000001-0000001\t\n";
    struct Case {
        const char* encoding;
        std::string comment_bytes, comment;
    };
    const Case cases[] = {
        {"windows-1252", "Gr\xF6\xDF" "e falsch, Paket besch\xE4" "digt", "Gr\xC3\xB6\xC3\x9F" "e falsch, Paket besch\xC3\xA4" "digt"},
        {"cp932", "\x93\xCD\x82\xA9\x82\xC8\x82\xA2", "\xE5\xB1\x8A\xE3\x81\x8B\xE3\x81\xAA\xE3\x81\x84"},  // 届かない
        {"utf-8", "caf\xC3\xA9", "caf\xC3\xA9"},
    };
    for (const Case& c : cases) {
        const std::string text = ascii + "2026-09-14\t1\t" + c.comment_bytes + "\t\t111-0000001-0000002\t\n" +
                                 "2026-09-15\t2\tlate\t\t111-0000001-0000003\t\n";
        for (size_t chunk : {size_t(1) << 20, size_t(65536 + 3), size_t(4096), size_t(7)}) {
            CAPTURE(c.encoding);
            CAPTURE(chunk);
            OrderIdPool ids;
            const LoadedFile f = test::read_chunked(text, chunk, ids);
            REQUIRE(f.info.ok());
            CHECK(f.info.encoding == c.encoding);
            REQUIRE(f.records.feedback.size() >= 2);
            CHECK(f.records.feedback[f.records.feedback.size() - 2].comment == c.comment);
            CHECK(f.records.feedback.back().comment == "late");
        }
    }
}
