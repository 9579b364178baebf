// Reply drafts never trade anything for changing or removing feedback (feedback.md): every
// template sentence, in every language, is scanned for forbidden patterns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/feedback/drafts.h"
#include "core/feedback/text.h"

using namespace sh::feedback;

namespace {

// Words that talk about the feedback itself (rating, review, removing or changing it).
const std::vector<std::string> kFeedbackWords = {
    // en
    "feedback", "review", "rating", "star", "remove", "delete", "revise", "update your", "change your",
    // zh
    "评价", "評價", "评论", "評論", "差评", "差評", "好评", "好評", "删除", "刪除", "修改", "评分", "評分", "星",
    // de
    "bewertung", "bewerten", "loschen", "entfernen", "andern", "rezension", "sterne",
    // fr
    "avis", "evaluation", "commentaire", "supprimer", "modifier", "retirer", "etoile",
    // es
    "valoracion", "opinion", "comentario", "eliminar", "cambiar", "modificar", "estrella",
    // it
    "valutazione", "recensione", "rimuovere", "modificare", "cambiare", "stelle",
    // ja
    "評価", "レビュー", "削除", "変更", "取り消", "星",
};

// Anything of value.
const std::vector<std::string> kIncentiveWords = {
    // en
    "refund", "money", "gift", "discount", "coupon", "voucher", "free", "compensat", "reward", "cash", "rebate", "bonus",
    // zh
    "退款", "退还", "退還", "返现", "返現", "红包", "紅包", "礼物", "禮物", "优惠", "優惠", "折扣", "补偿", "補償", "奖励",
    "獎勵", "免费", "免費", "现金", "現金", "代金券",
    // de
    "erstatt", "geld", "geschenk", "rabatt", "gutschein", "gratis", "kostenlos", "entschadigung", "belohnung",
    // fr
    "rembours", "argent", "cadeau", "remise", "reduction", "bon d'achat", "gratuit", "recompense",
    // es
    "reembols", "dinero", "regalo", "descuento", "cupon", "compensacion", "recompensa",
    // it
    "rimbors", "soldi", "denaro", "sconto", "buono", "gratuito", "compenso", "ricompensa",
    // ja
    "返金", "お金", "プレゼント", "ギフト", "割引", "クーポン", "無料", "補償", "謝礼", "特典",
};

// Phrases that are never acceptable in a draft, whatever the sentence.
const std::vector<std::string> kForbidden = {
    "in exchange", "in return for", "if you remove", "if you change", "if you update", "if you delete",
    "five star", "5 star", "5-star", "gift card",
    "作为交换", "作為交換", "好评返现", "好評返現", "改评", "改評", "追加好评", "五星", "5星",
    "im gegenzug", "wenn sie die bewertung", "5 sterne", "funf sterne",
    "en echange", "si vous modifiez", "si vous supprimez", "5 etoiles", "cinq etoiles",
    "a cambio", "si cambia", "si elimina", "si modifica", "5 estrellas", "cinco estrellas",
    "in cambio", "se modifica", "se rimuove", "se elimina", "5 stelle", "cinque stelle",
    "引き換え", "代わりに", "星5", "★5", "高評価",
};

std::vector<std::string> sentences(const std::string& folded) {
    std::vector<std::string> out(1);
    size_t i = 0;
    while (i < folded.size()) {
        const size_t start = i;
        const char32_t c = decode_utf8(folded, i);
        out.back() += folded.substr(start, i - start);
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F) out.emplace_back();
    }
    return out;
}

void check_text(const std::string& text, const std::string& where) {
    CAPTURE(where);
    CAPTURE(text);
    const std::string folded = fold(text);
    for (const std::string& f : kForbidden) CHECK_MESSAGE(folded.find(f) == std::string::npos, "forbidden: " << f);
    for (const std::string& s : sentences(folded)) {
        std::string fw, iw;
        for (const std::string& w : kFeedbackWords)
            if (s.find(w) != std::string::npos) fw = w;
        for (const std::string& w : kIncentiveWords)
            if (s.find(w) != std::string::npos) iw = w;
        CHECK_MESSAGE((fw.empty() || iw.empty()), "a sentence ties '" << iw << "' to '" << fw << "': " << s);
    }
}

}  // namespace

TEST_CASE("feedback: draft templates parse completely in every language") {
    for (Lang lang : kAllLangs) {
        CAPTURE(language_code(lang));
        const DraftTemplates& t = draft_templates(lang);
        for (const std::string& p : t.problems) FAIL_CHECK(p);
        CHECK(t.problems.empty());
    }
}

TEST_CASE("feedback: no draft offers anything in exchange for changing or removing feedback") {
    for (Lang lang : kAllLangs) {
        const std::string code(language_code(lang));
        const DraftTemplates& t = draft_templates(lang);
        for (const std::string* s : {&t.greeting, &t.fix, &t.thanks, &t.closing}) check_text(*s, code + " template");
        for (size_t c = 0; c < kCauseCount; ++c) check_text(t.cause[c], code + " cause." + std::string(cause_name(Cause(c))));
        for (size_t c = 0; c < kCauseCount; ++c)
            for (bool happy : {false, true}) check_text(compose_draft(lang, Cause(c), happy), code + " composed");
    }
}

TEST_CASE("feedback: the scanner itself catches a forbidden offer") {
    // The scanner must not be vacuous: these would be policy violations.
    const std::string bad[] = {"We will send you a gift card if you remove your review.",
                               "如果您修改评价，我们将给您退款。", "Gegen eine Änderung der Bewertung erstatten wir Ihnen 10 €.",
                               "評価を削除していただければ返金いたします。"};
    for (const std::string& text : bad) {
        const std::string folded = fold(text);
        bool caught = false;
        for (const std::string& f : kForbidden) caught = caught || folded.find(f) != std::string::npos;
        for (const std::string& s : sentences(folded)) {
            bool fw = false, iw = false;
            for (const std::string& w : kFeedbackWords) fw = fw || s.find(w) != std::string::npos;
            for (const std::string& w : kIncentiveWords) iw = iw || s.find(w) != std::string::npos;
            caught = caught || (fw && iw);
        }
        CHECK_MESSAGE(caught, text);
    }
}
