// Feedback intelligence (feedback.md): folding, causes with negation/contrast, triggers,
// language, removal reasons, priorities, counts and drafts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/feedback/analyse.h"
#include "core/feedback/comment.h"
#include "core/feedback/drafts.h"
#include "core/feedback/language.h"
#include "core/feedback/lexicon.h"
#include "core/feedback/removal.h"
#include "core/feedback/text.h"
#include "core/result_json.h"

using namespace sh;
using namespace sh::feedback;

namespace {

std::vector<std::string> causes_of(const std::string& comment, int rating = 1) {
    return analyse_comment(comment, rating).causes;
}

using Causes = std::vector<std::string>;

std::vector<std::string> reasons_of(const std::string& comment, int rating, Channel channel) {
    CommentScratch scratch;
    CommentFindings f;
    read_comment(comment, rating, scratch, f);
    return removal_reasons(f, rating, channel);
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

FeedbackItem item(Day day, int rating, std::string comment, std::string order = "", bool answered = false,
                  Channel channel = Channel::mfn, bool removed = false) {
    FeedbackItem i;
    i.day = day;
    i.rating = rating;
    i.comment = std::move(comment);
    i.order_id = std::move(order);
    i.answered = answered;
    i.channel = channel;
    i.removed = removed;
    return i;
}

}  // namespace

TEST_CASE("feedback: folding lowers case, maps full-width ASCII and strips accents, keeping source offsets") {
    CHECK(fold("ＢＡＤ！！") == "bad!!");
    CHECK(fold("Beschädigt") == "beschadigt");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("Abîmé, ÇA") == "abime, ca");
    CHECK(fold("没有损坏") == "没有损坏");
    CHECK(fold("ｷｬﾝｾﾙできない") == "キャンセルできない");
    CHECK(fold("ｶﾞﾊﾟｳﾞﾄﾞ") == "ガパヴド");
    FoldedText f;
    fold_text("Ｘß", f);
    // "Ｘ" is 3 bytes and folds to "x"; "ß" (2 bytes at offset 3) folds to "ss".
    CHECK(f.text == "xss");
    CHECK(f.source == std::vector<uint32_t>{0, 3, 3, 5});
}

TEST_CASE("feedback: every lexicon and draft file parses without problems") {
    for (Lang lang : kAllLangs) {
        CAPTURE(language_code(lang));
        const Lexicon& lex = lexicon(lang);
        for (const std::string& p : lex.problems) FAIL_CHECK(p);
        CHECK(lex.cues.size() > 50);
        CHECK_FALSE(lex.negators.empty());
        CHECK_FALSE(lex.contrasts.empty());
        CHECK_FALSE(lex.obscene.empty());
        CHECK_FALSE(lex.detect.empty());
    }
}

TEST_CASE("feedback: negation and contrast (the issue's examples)") {
    CHECK(causes_of("arrived on time but the box was crushed") == Causes{"packaging"});
    CHECK(causes_of("not damaged, but late") == Causes{"shipping_speed"});
    CHECK(causes_of("没有损坏但是太慢了") == Causes{"shipping_speed"});
    CHECK(causes_of("沒有損壞但是太慢了") == Causes{"shipping_speed"});
    CHECK_FALSE(has(causes_of("nicht beschädigt"), "packaging"));
    CHECK_FALSE(has(causes_of("没有损坏"), "packaging"));
    CHECK(causes_of("破損はなかったが配送が遅い") == Causes{"shipping_speed"});
    CHECK(causes_of("pas abîmé, mais en retard") == Causes{"shipping_speed"});
    CHECK(causes_of("no vino dañado, pero llegó tarde") == Causes{"shipping_speed"});
    CHECK(causes_of("non danneggiato, ma in ritardo") == Causes{"shipping_speed"});
    SUBCASE("a negator inside a cue phrase negates nothing else") {
        CHECK(causes_of("not received, no tracking") == Causes{"shipping_speed", "tracking"});
        CHECK(causes_of("never arrived") == Causes{"shipping_speed"});
    }
    SUBCASE("a negated predicate is not a complaint") {
        CHECK(causes_of("it didn't arrive late, just the wrong size") == Causes{"not_as_described"});
    }
    SUBCASE("a negator skipped by a gap still negates") {
        CHECK(causes_of("the box wasn't damaged") == Causes{"other"});
    }
}

TEST_CASE("feedback: several causes per entry, in order of appearance; other only when nothing else") {
    CHECK(causes_of("late delivery and no tracking info") == Causes{"shipping_speed", "tracking"});
    CHECK(causes_of("Arrived broken and seller did not respond") == Causes{"packaging", "communication"});
    CHECK(causes_of("bad!!!") == Causes{"other"});
    CHECK(causes_of("差评！！！") == Causes{"other"});
    // Happy buyers with nothing to complain about have no cause at all.
    CHECK(causes_of("Great seller, fast shipping", 5).empty());
    // A happy buyer may still name a problem.
    CHECK(causes_of("good product but shipping was slow", 4) == Causes{"shipping_speed"});
}

// "Never received" is a late parcel, unless what never came is the refund.
TEST_CASE("feedback: a refund that never came is returns_refunds, not shipping_speed") {
    for (const char* comment : {"Refund never received", "I never received my refund", "Rückerstattung nie erhalten",
                                "Remboursement jamais reçu", "Rimborso mai ricevuto", "返金がまだ届かない",
                                "Reembolso no recibido"}) {
        CAPTURE(comment);
        CHECK(causes_of(comment) == Causes{"returns_refunds"});
    }
    CHECK(causes_of("I never received my parcel") == Causes{"shipping_speed"});
    CHECK(causes_of("Lieferung verspätet. Größe falsch.") == Causes{"shipping_speed", "not_as_described"});
    CHECK(causes_of("Colis abîmé, reçu après dix jours.") == Causes{"packaging", "shipping_speed"});
    CHECK(reasons_of("I never received my refund", 1, Channel::afn).empty());  // not about delivery
}

TEST_CASE("feedback: triggers are byte spans of the original comment") {
    auto text_of = [](const std::string& comment, const Trigger& t) { return comment.substr(t.begin, t.end - t.begin); };
    const std::string en = "The box was CRUSHED!!";
    const CommentAnalysis a = analyse_comment(en);
    REQUIRE(a.triggers.size() >= 1);
    CHECK(a.triggers.back().cause == "packaging");
    CHECK(text_of(en, a.triggers.back()) == "box was CRUSHED");

    const std::string fw = "ｌａｔｅ delivery";  // full-width letters, 3 bytes each
    const CommentAnalysis b = analyse_comment(fw);
    REQUIRE(b.triggers.size() >= 1);
    CHECK(b.triggers[0].cause == "shipping_speed");
    CHECK(text_of(fw, b.triggers[0]).substr(0, 12) == "ｌａｔｅ");

    const std::string zh = "质量太差了，物流也太慢了";
    const CommentAnalysis c = analyse_comment(zh);
    REQUIRE(c.triggers.size() == 2);
    CHECK(text_of(zh, c.triggers[0]) == "质量太差");
    CHECK(c.triggers[0].cause == "product_quality");
    CHECK(text_of(zh, c.triggers[1]) == "太慢了");  // 太慢 and 慢了 merged
}

TEST_CASE("feedback: language detection by script and words") {
    CHECK(analyse_comment("took three weeks to arrive").language == "en");
    CHECK(analyse_comment("Paket nie angekommen, warte immer noch").language == "de");
    CHECK(analyse_comment("Colis jamais arrivé, j'attends toujours").language == "fr");
    CHECK(analyse_comment("El paquete nunca llegó, sigo esperando").language == "es");
    CHECK(analyse_comment("Pacco mai arrivato, sto ancora aspettando").language == "it");
    CHECK(analyse_comment("一个月了还没收到货").language == "zh-Hans");
    CHECK(analyse_comment("一個月了還沒收到貨").language == "zh-Hant");
    CHECK(analyse_comment("一ヶ月経ってもまだ届かない").language == "ja");
    CHECK(analyse_comment("最悪").language == "ja");
    CHECK(analyse_comment("delivery太慢了").language == "zh-Hans");
    CHECK(analyse_comment("").language == "en");
}

TEST_CASE("feedback: removal reasons") {
    SUBCASE("product_review: only about the product") {
        CHECK(reasons_of("stopped working after two days", 1, Channel::mfn) == std::vector<std::string>{"product_review"});
        CHECK(reasons_of("stopped working and the seller never replied", 1, Channel::mfn).empty());
        CHECK(reasons_of("the seller sells junk", 1, Channel::mfn).empty());  // names the seller
    }
    SUBCASE("fba_fulfillment: Amazon fulfilled and about delivery, packaging or tracking") {
        CHECK(reasons_of("arrived 5 days late", 1, Channel::afn) == std::vector<std::string>{"fba_fulfillment"});
        CHECK(reasons_of("arrived 5 days late", 1, Channel::mfn).empty());
        CHECK(reasons_of("arrived 5 days late", 1, Channel::unknown).empty());
        CHECK(reasons_of("arrived late and the seller was rude", 1, Channel::afn).empty());
    }
    SUBCASE("obscene, personal_info, promotional") {
        CHECK(has(reasons_of("what a pile of shit", 1, Channel::mfn), "obscene"));
        CHECK(has(reasons_of("what a pile of shit, livré en retard", 1, Channel::mfn), "obscene"));
        // English obscene words that are ordinary words in the comment's language are not.
        CHECK_FALSE(has(reasons_of("Colis livré avec une semaine de retard.", 2, Channel::mfn), "obscene"));
        CHECK_FALSE(has(reasons_of("Entrega con retardo de dos semanas", 2, Channel::mfn), "obscene"));
        CHECK_FALSE(has(reasons_of("Der Stoff ist viel zu dick und die Lieferung kam spät.", 2, Channel::mfn), "obscene"));
        CHECK(has(reasons_of("Lieferung zu spät, so ein fucking Mist", 1, Channel::mfn), "obscene"));
        CHECK(has(reasons_of("you retard, it came two weeks late", 1, Channel::mfn), "obscene"));
        CHECK(has(reasons_of("mail me at jane.doe@example.com", 1, Channel::mfn), "personal_info"));
        CHECK(has(reasons_of("call me 555-201-7788", 1, Channel::mfn), "personal_info"));
        CHECK(has(reasons_of("请打13812345678", 1, Channel::mfn), "personal_info"));
        CHECK(has(reasons_of("my name is Jane Doe and nobody answers", 1, Channel::mfn), "personal_info"));
        CHECK_FALSE(has(reasons_of("order 113-1234567-1234567 never arrived", 1, Channel::mfn), "personal_info"));
        CHECK_FALSE(has(reasons_of("waited 3 weeks, 2 items missing", 1, Channel::mfn), "personal_info"));
        CHECK_FALSE(has(reasons_of("call me? ordered 2026-10-02, still nothing", 1, Channel::mfn), "personal_info"));
        CHECK_FALSE(has(reasons_of("tracking 9400 1000 0000 0000 0000 00 is wrong", 1, Channel::mfn), "personal_info"));
        CHECK_FALSE(has(reasons_of("Sent to John at the office", 1, Channel::mfn), "personal_info"));
        CHECK(has(reasons_of("buy it at www.cheap.example instead", 1, Channel::mfn), "promotional"));
        CHECK(has(reasons_of("cheaper at bestdeals.com", 1, Channel::mfn), "promotional"));
        CHECK_FALSE(has(reasons_of("bought on amazon.com, arrived late", 1, Channel::mfn), "promotional"));
        CHECK_FALSE(has(reasons_of("late, see www.amazon.de for yourself", 1, Channel::mfn), "promotional"));
        CHECK(has(reasons_of("Late. Buy it at amazonbargains.net instead", 1, Channel::mfn), "promotional"));
    }
    SUBCASE("happy buyers are never put up for removal") {
        CHECK(reasons_of("battery died but I love it, shit happens", 5, Channel::afn).empty());
    }
}

TEST_CASE("feedback: counts per window, positive share and the 365-day average") {
    const Day as_of = day_from_civil(2026, 11, 20);
    std::vector<FeedbackItem> items = {
        item(as_of, 5, "great"),                  // all windows
        item(as_of - 29, 1, "late"),              // last day of the 30d window
        item(as_of - 30, 3, "ok"),                // 90d, not 30d
        item(as_of - 364, 4, "fine"),             // last day of 365d
        item(as_of - 365, 2, "bad"),              // lifetime only
        item(as_of + 1, 1, "from the future"),    // ignored
        item(as_of - 5, 1, "removed", "", false, Channel::mfn, true),  // listed, not counted
    };
    const FeedbackReport r = analyse_feedback(items, as_of);
    CHECK(r.present);
    CHECK(r.counts.at("30d").positive == 1);
    CHECK(r.counts.at("30d").negative == 1);
    CHECK(r.counts.at("30d").neutral == 0);
    CHECK(r.counts.at("90d").neutral == 1);
    CHECK(r.counts.at("365d").positive == 2);
    CHECK(r.counts.at("365d").negative == 1);
    CHECK(r.counts.at("lifetime").negative == 2);
    CHECK(*r.counts.at("365d").positive_share == doctest::Approx(0.5));
    // 365d: 5, 1, 3, 4 → 13 / 4.
    REQUIRE(r.average_365d);
    CHECK(*r.average_365d == doctest::Approx(3.25));
    CHECK(r.entries.size() == 6);  // the future entry is left out, the removed one listed
    const auto removed = std::find_if(r.entries.begin(), r.entries.end(), [](const FeedbackEntryResult& e) { return e.removed; });
    REQUIRE(removed != r.entries.end());
    CHECK_FALSE(removed->removal_eligible);

    const FeedbackReport empty = analyse_feedback({}, as_of);
    CHECK_FALSE(empty.average_365d);
    CHECK_FALSE(empty.counts.at("30d").positive_share);
}

TEST_CASE("feedback: priorities follow the order a seller should act in") {
    const Day d = day_from_civil(2026, 11, 20);
    std::vector<FeedbackItem> items = {
        item(d - 1, 5, "great, thanks", "pos"),
        item(d - 2, 2, "the seller was rude", "neg-new"),
        item(d - 20, 1, "seller never replied", "neg-old"),
        item(d - 3, 3, "seller did not respond", "neutral"),
        item(d - 1, 1, "seller never replied", "answered", true),
        item(d - 40, 1, "arrived 5 days late", "fba", false, Channel::afn),
        item(d - 4, 1, "seller never replied", "gone", false, Channel::mfn, true),
    };
    const FeedbackReport r = analyse_feedback(items, d);
    std::vector<std::string> order;
    for (const FeedbackEntryResult& e : r.entries) order.push_back(e.order_id);
    CHECK(order == std::vector<std::string>{"fba", "neg-new", "neg-old", "neutral", "answered", "pos", "gone"});
    for (size_t i = 0; i < r.entries.size(); ++i) CHECK(r.entries[i].priority == int(i) + 1);
    CHECK(r.entries[0].removal_eligible);
    CHECK(r.entries[0].removal_reasons == std::vector<std::string>{"fba_fulfillment"});
    // Root causes count unhappy, not removed entries: communication ×3, customer_service, shipping_speed.
    REQUIRE_FALSE(r.root_causes.empty());
    CHECK(r.root_causes[0] == std::pair<std::string, uint32_t>{"communication", 3});
}

TEST_CASE("feedback: drafts are in the buyer's language and name the problem") {
    const Day d = day_from_civil(2026, 11, 20);
    const FeedbackReport r = analyse_feedback({item(d, 1, "等了三个星期才到，太慢了"), item(d, 1, "Paket kam zwei Wochen zu spät"),
                                               item(d, 5, "perfect, thanks"), item(d, 1, "bad!!!")},
                                              d);
    for (const FeedbackEntryResult& e : r.entries) {
        CAPTURE(e.comment);
        CHECK_FALSE(e.draft.empty());
        if (e.language == "zh-Hans") CHECK(e.draft.find("送达得这么慢") != std::string::npos);
        if (e.language == "de") CHECK(e.draft.find("so lange gebraucht") != std::string::npos);
        if (e.rating == 5) CHECK(e.draft.find("thank you for your order") != std::string::npos);
        if (e.comment == "bad!!!") CHECK(e.draft.find("did not meet your expectations") != std::string::npos);
    }
}

TEST_CASE("feedback: arbitrary bytes, truncated UTF-8 and long comments are handled") {
    // Deterministic pseudo-random bytes, biased towards UTF-8 lead bytes and ASCII.
    uint32_t state = 12345;
    auto next = [&] { state = state * 1103515245u + 12345u; return (state >> 16) & 0xFFu; };
    for (int round = 0; round < 300; ++round) {
        std::string s;
        const uint32_t len = next() % 64;
        for (uint32_t i = 0; i < len; ++i) {
            const uint32_t r = next();
            s += r < 96 ? char('a' + r % 26) : r < 128 ? ' ' : char(r);
        }
        const CommentAnalysis a = analyse_comment(s, int(next() % 6));
        for (const Trigger& t : a.triggers) {
            CHECK(t.begin < t.end);
            CHECK(t.end <= s.size());
        }
    }
    CHECK(analyse_comment("\xE4\xB8").language == "en");  // truncated 3-byte sequence
    std::string long_comment;
    for (int i = 0; i < 2000; ++i) long_comment += "the box was crushed but ";
    const CommentAnalysis a = analyse_comment(long_comment);
    CHECK(a.causes == Causes{"packaging"});
    CHECK(a.triggers.size() == 2000);
}

TEST_CASE("feedback: a comment memo gives the same report, evaluation after evaluation") {
    const Day d = day_from_civil(2026, 11, 20);
    const std::vector<FeedbackItem> items = {
        item(d - 3, 1, "Arrived two weeks late, box crushed", "111-0000001-0000001"),
        item(d - 40, 2, "Item broke after one day"),
        item(d - 40, 3, "Item broke after one day"),  // same text, another rating: read on its own
        item(d - 200, 1, "等了三个星期才到，太慢了"),
        item(d - 5, 5, "Great seller"),
        item(d + 3, 1, "Dated after as_of"),
    };
    CommentMemo memo;
    for (const Day as_of : {d, d - 30, d, d + 10}) {
        CAPTURE(format_day(as_of));
        const auto plain = to_json(analyse_feedback(items, as_of)).dump();
        CHECK(to_json(analyse_feedback(items, as_of, &memo)).dump() == plain);
        CHECK(to_json(analyse_feedback(items, as_of, &memo)).dump() == plain);  // all from the memo
    }
    memo.clear();
    CHECK(to_json(analyse_feedback(items, d, &memo)).dump() == to_json(analyse_feedback(items, d)).dump());
}

// detect_language looks words up in one hashed table (issue 9); it must score exactly as the
// lexicons' sorted lists say: per word and Latin language +2 when in [detect], else +1 when an
// evidence word; per Han character +1 and per neighbouring pair +2 when in [detect]; the
// highest score wins, ties to the earlier candidate. Random comments of listed and unlisted
// words (no accented letters, whose evidence the table does not hold), against that rule.
TEST_CASE("feedback: language detection scores every listed word as the lexicons' lists do") {
    using namespace sh::feedback;
    const auto in = [](const std::vector<std::string>& list, std::string_view w) {
        return std::binary_search(list.begin(), list.end(), std::string(w));
    };
    const std::array<Lang, 5> latin = {Lang::en, Lang::de, Lang::fr, Lang::es, Lang::it};
    const std::array<Lang, 3> han = {Lang::zh_hans, Lang::zh_hant, Lang::ja};
    std::vector<std::string> ascii_words = {"zzq", "box", "late", "the"}, han_chars;
    for (Lang l : kAllLangs)
        for (const auto* list : {&lexicon(l).detect, &lexicon(l).evidence})
            for (const std::string& w : *list) {
                const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                if (ascii) ascii_words.push_back(w);
                else if ((w.size() == 3 || w.size() == 6) && static_cast<unsigned char>(w[0]) >= 0xE4 &&
                         static_cast<unsigned char>(w[0]) <= 0xE9)
                    han_chars.push_back(w);  // one CJK ideograph, or a listed pair of them
            }
    REQUIRE(ascii_words.size() > 100);
    REQUIRE(han_chars.size() > 20);
    uint64_t state = 88172645463325252ull;
    const auto next = [&](size_t n) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<size_t>(state % n);
    };
    CommentScratch s;
    for (int round = 0; round < 3000; ++round) {
        const bool cjk = round % 3 == 2;
        std::string comment;
        for (size_t n = 1 + next(12); n; --n) {
            if (cjk) comment += han_chars[next(han_chars.size())];
            else comment += (comment.empty() ? "" : " ") + ascii_words[next(ascii_words.size())];
        }
        fold_text(comment, s.folded);
        tokenize(s.folded.text, s.tokens);
        const TokenText text{s.folded.text, &s.tokens};
        std::array<int, kLangCount> score{};
        Lang want = cjk ? Lang::zh_hans : Lang::en;
        if (cjk) {
            for (size_t i = 0; i < text.size(); ++i) {
                if (text[i].kind != TokenKind::han) continue;
                const bool pair = i + 1 < text.size() && text[i + 1].kind == TokenKind::han;
                for (Lang l : han) {
                    if (in(lexicon(l).detect, token_text(text.text, text[i]))) ++score[size_t(l)];
                    if (pair && in(lexicon(l).detect, text.text.substr(text[i].begin, text[i + 1].end - text[i].begin)))
                        score[size_t(l)] += 2;
                }
            }
            for (Lang l : han)
                if (score[size_t(l)] > score[size_t(want)]) want = l;
        } else {
            for (size_t i = 0; i < text.size(); ++i)
                for (Lang l : latin) {
                    const std::string_view w = token_text(text.text, text[i]);
                    score[size_t(l)] += in(lexicon(l).detect, w) ? 2 : in(lexicon(l).evidence, w) ? 1 : 0;
                }
            for (Lang l : latin)
                if (score[size_t(l)] > score[size_t(want)]) want = l;
        }
        REQUIRE_MESSAGE(detect_language(comment, text) == want, comment);
    }
}
