// Feedback: localized headers, the six-column shape, date-order evidence, personal data.
#include <doctest/doctest.h>

#include "test_ingest_support.h"

using namespace sh;

namespace {

std::string file_with(const std::string& header, const std::string& rows) { return header + "\n" + rows; }

const char* kRowDmy = "14/9/26\t1\tLate\t\t111-0000001-0000001\tbuyer@example.com\n";

}  // namespace

TEST_CASE("ingest: localized feedback headers") {
    struct Case {
        const char* language;
        const char* header;
        DateOrder implied;
    };
    const Case cases[] = {
        {"EN", "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email", DateOrder::unknown},
        {"EN (Response)", "Date\tRating\tComments\tResponse\tOrder ID\tRater Email", DateOrder::unknown},
        {"DE", "Datum\tBewertung\tKommentar\tIhre Antwort\tTransaktionsnummer\tE-Mail des Bewertenden", DateOrder::dmy},
        {"ES", "Fecha\tRating\tComentarios\tTu respuesta\tNúmero de pedido\tCorreo electrónico del evaluador",
         DateOrder::dmy},
        {"ES (Date/Response)", "Date\tRating\tComentarios\tResponse\tNúmero de pedido\tE-mail del cliente",
         DateOrder::dmy},
        {"MX", "Fecha\tCalificación\tComentarios\tTu respuesta\tNúmero de pedido\tCorreo electrónico del evaluador",
         DateOrder::dmy},
        {"FR", "Date\tÉvaluation\tCommentaires\tVotre réponse\tNuméro de commande\tAdresse e-mail de l'évaluateur",
         DateOrder::dmy},
        {"IT", "Data\tValutazione\tCommenti\tLa tua risposta\tNumero ordine\tIndirizzo e-mail del valutatore",
         DateOrder::dmy},
        {"ZH", "日期\t评级\t评论\t您的回复\t订单编号\t评价者电子邮件", DateOrder::unknown},
    };
    for (const Case& c : cases) {
        CAPTURE(c.language);
        const LoadedFile f = test::read_text(file_with(c.header, kRowDmy));
        REQUIRE(f.info.ok());
        CHECK(f.info.kind == "amazon.feedback");
        CHECK(f.info.notes.empty());  // the header is known: no "recognised by its columns" note
        REQUIRE(f.records.feedback.size() == 1);
        const FeedbackEntry& e = f.records.feedback[0];
        CHECK(e.rating == 1);
        CHECK(e.comment == "Late");
        CHECK(e.order == pack_amazon_order_id("111-0000001-0000001"));
        CHECK(e.needs_date_order);
        CHECK(e.short_date.a == 14);
        CHECK(e.short_date.b == 9);
        CHECK(e.short_date.year == 26);
        CHECK(f.records.date_order_from_header == c.implied);
        CHECK(f.records.date_order_from_values == DateOrder::dmy);  // 14 can only be a day
        CHECK(e.line == 2);
    }
    SUBCASE("JA: YY/M/D resolved from the header") {
        const LoadedFile f =
            test::read_text(file_with("日付\t評価\tコメント\t回答\t注文番号\t評価者のEメール", "26/9/14\t2\t遅い\t\t503-1234567-1234567\tx@y.jp\n"));
        REQUIRE(f.records.feedback.size() == 1);
        CHECK(format_day(f.records.feedback[0].day.day()) == "2026-09-14");
    }
    SUBCASE("DE: D.M.YY resolved at once") {
        const LoadedFile f = test::read_text(file_with(
            "Datum\tBewertung\tKommentar\tIhre Antwort\tTransaktionsnummer\tE-Mail des Bewertenden",
            "1.2.26\t2\tZu spät\t\t302-1234567-1234567\tx@y.de\n"));
        REQUIRE(f.records.feedback.size() == 1);
        CHECK_FALSE(f.records.feedback[0].needs_date_order);
        CHECK(format_day(f.records.feedback[0].day.day()) == "2026-02-01");
    }
}

TEST_CASE("ingest: a feedback file in an unknown language is recognised by its shape") {
    // Dutch header (not in our table): six columns, ratings 1-5, Amazon order ids.
    const LoadedFile f = test::read_text(
        "Datum\tBeoordeling\tOpmerkingen\tUw reactie\tBestelnummer\tE-mailadres beoordelaar\n"
        "3/4/26\t1\tTe laat\t\t402-1234567-1234567\tx@y.nl\n"
        "5/6/26\t3\tOk\tBedankt\t402-7654321-7654321\tz@y.nl\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "amazon.feedback");
    CHECK(f.records.feedback.size() == 2);
    CHECK(f.records.feedback[1].response == "Bedankt");
    CHECK(f.records.feedback[1].line == 3);
    CHECK(f.records.date_order_from_header == DateOrder::unknown);
    // Neither the header nor the values tell D/M from M/D.
    CHECK(f.info.notes.size() == 2);
    CHECK(f.info.notes[1] ==
          "feedback dates are D/M/YY or M/D/YY and the file cannot tell which: choose the day/month order");
}

TEST_CASE("ingest: six columns that are not feedback are not read as feedback") {
    const LoadedFile f = test::read_text("a\tb\tc\td\te\tf\n1\t7\t3\t4\t5\t6\n");
    CHECK_FALSE(f.info.ok());
    CHECK(f.info.kind.empty());
    CHECK(f.info.error.find("not a report this app can read") != std::string::npos);
    CHECK(f.info.error.find("amazon.all_orders") != std::string::npos);
}

TEST_CASE("ingest: feedback date order from the values across the whole column") {
    const char* header = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n";
    SUBCASE("a day > 12 in second place: M/D/YY") {
        const LoadedFile f = test::read_text(std::string(header) + "3/4/26\t1\ta\t\t111-0000001-0000001\t\n" +
                                             "3/25/26\t1\tb\t\t111-0000001-0000002\t\n");
        CHECK(f.records.date_order_from_values == DateOrder::mdy);
        CHECK(f.info.notes.empty());
    }
    SUBCASE("nothing decides: ambiguous, with a note") {
        const LoadedFile f = test::read_text(std::string(header) + "3/4/26\t1\ta\t\t111-0000001-0000001\t\n");
        CHECK(f.records.date_order_from_values == DateOrder::unknown);
        CHECK(f.records.date_order_from_header == DateOrder::unknown);
        REQUIRE(f.info.notes.size() == 1);
    }
    SUBCASE("contradicting values: ambiguous, with a note") {
        const LoadedFile f = test::read_text(std::string(header) + "13/4/26\t1\ta\t\t111-0000001-0000001\t\n" +
                                             "4/13/26\t1\tb\t\t111-0000001-0000002\t\n");
        CHECK(f.records.date_order_from_values == DateOrder::unknown);
        REQUIRE(f.info.notes.size() == 1);
        CHECK(f.info.notes[0].find("contradict") != std::string::npos);
    }
    SUBCASE("ISO dates need no order") {
        const LoadedFile f = test::read_text(std::string(header) + "2026-09-14\t1\ta\t\t111-0000001-0000001\t\n");
        CHECK_FALSE(f.records.feedback[0].needs_date_order);
        CHECK(f.info.notes.empty());
    }
}

TEST_CASE("ingest: Rater Email is never kept") {
    const std::string text = test::ingest_data("feedback_us.txt");
    const LoadedFile f = test::read_text(text);
    REQUIRE(f.info.ok());
    CHECK(f.records.feedback.size() == 40);
    CHECK(f.records.feedback[0].comment == "Arrived late, box \"crushed\"");
    for (const FeedbackEntry& e : f.records.feedback) {
        CHECK(e.comment.find('@') == std::string::npos);
        CHECK(e.response.find('@') == std::string::npos);
    }
    for (const Problem& p : f.info.problems) CHECK(p.message.find('@') == std::string::npos);
}

// A row short of one, two, three or four fields moves the Rater Email into the Order ID,
// Your Response, Comments or Rating column: the row is left out and the address is kept nowhere,
// not in the entries, nor the order ids, nor a problem's text.
TEST_CASE("ingest: a row short of a field never keeps the rater's e-mail address") {
    const std::string header = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n";
    const std::string rows =
        "11/18/26\t1\tlate\t\t111-8000000-0000001\tkept.out@secret.example\n"      // whole: read
        "11/18/26\t1\tshifted\t111-8000000-0000002\tone@secret.example\n"            // no response field
        "11/18/26\t1\tshifted\ttwo@secret.example\n"                                  // two fields short
        "11/18/26\t1\tthree@secret.example\n"                                          // three
        "11/18/26\tfour@secret.example\n"                                               // four
        "11/19/26\t2\tlate\t\tfive@secret.example\t\n"                               // in the Order ID column
        "11/19/26\t2\tlate, mail me at me@buyer.example\t\t111-8000000-0000003\t\n";  // the buyer's own words: kept
    OrderIdPool ids;
    const LoadedFile f = test::read_text(header + rows, ids);
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 2);
    CHECK(f.info.skipped == 5);
    REQUIRE(f.records.feedback.size() == 2);
    CHECK(f.records.feedback[1].comment == "late, mail me at me@buyer.example");
    for (const FeedbackEntry& e : f.records.feedback) {
        CHECK(e.comment.find("secret") == std::string::npos);
        CHECK(e.response.find("secret") == std::string::npos);
        CHECK(ids.text(e.order).find('@') == std::string::npos);
    }
    REQUIRE(f.info.problems.size() == 5);
    for (const Problem& p : f.info.problems) {
        CAPTURE(p.line);
        CHECK(p.message.find('@') == std::string::npos);
        CHECK(p.message.find("e-mail address is in another column") != std::string::npos);
    }
}

TEST_CASE("ingest: feedback bad rows") {
    // Line 2 good; 3 rating 7; 4 bad date; 5 no order id: still an entry (engine/README.md).
    const LoadedFile f = test::read_text(
        "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n"
        "2026-09-14\t1\ta\t\t111-0000001-0000001\t\n"
        "2026-09-14\t7\ta\t\t111-0000001-0000002\t\n"
        "31/31/26\t1\ta\t\t111-0000001-0000003\t\n"
        "2026-09-14\t1\ta\t\t\t\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.rows == 2);
    CHECK(f.info.skipped == 2);
    REQUIRE(f.info.problems.size() == 2);
    CHECK(f.info.problems[0].line == 3);
    CHECK(f.info.problems[0].column == "Rating");
    CHECK(f.info.problems[0].message == "not a rating from 1 to 5: '7'");
    CHECK(f.info.problems[1].line == 4);
    CHECK(f.info.problems[1].column == "Date");
    CHECK(f.info.problems[1].message == "not a date: '31/31/26'");
    REQUIRE(f.records.feedback.size() == 2);
    CHECK(f.records.feedback[1].order == kNoOrder);
    CHECK(f.records.feedback[1].line == 5);
}

TEST_CASE("ingest: the feedback template (CSV, any rating, removed column)") {
    const LoadedFile f = test::read_text(
        "date,rating,comments,response,order-id,removed\n"
        "2026-09-14,5,\"Great, fast\",,111-0000001-0000001,no\n"
        "2026-09-15,1,Broken,\"Sorry, refunded\",111-0000001-0000002,yes\n"
        "2026-09-16,2,Meh,,111-0000001-0000003,\n"
        "2026-09-16,2,Meh,,111-0000001-0000004,maybe\n");
    REQUIRE(f.info.ok());
    CHECK(f.info.kind == "template.feedback");
    REQUIRE(f.records.feedback.size() == 3);
    CHECK(f.records.feedback[0].rating == 5);
    CHECK(f.records.feedback[0].comment == "Great, fast");
    CHECK_FALSE(f.records.feedback[0].removed);
    CHECK(f.records.feedback[1].removed);
    CHECK(f.records.feedback[1].response == "Sorry, refunded");
    CHECK_FALSE(f.records.feedback[2].removed);
    REQUIRE(f.info.problems.size() == 1);
    CHECK(f.info.problems[0].line == 5);
    CHECK(f.info.problems[0].column == "removed");
}
