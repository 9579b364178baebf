// The dashboard's translations of the core's texts (src/app/i18n/zh-*.json): coded messages use
// the core's codes and placeholders (src/core/data/messages.json), and row problems / input
// errors are translated by their English phrase with the file's value kept (app/problem_text.h).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/problem_text.h"
#include "app/text.h"
#include "core/messages.h"

using namespace sh;

namespace {

std::map<std::string, std::string> read_table(const std::string& language) {
    std::ifstream in(std::string(SH_TEST_DATA_DIR) + "/../../src/app/i18n/" + language + ".json");
    std::stringstream text;
    text << in.rdbuf();
    std::map<std::string, std::string> out;
    const nlohmann::json table = nlohmann::json::parse(text.str());
    for (const auto& [key, value] : table.items()) out[key] = value.get<std::string>();
    return out;
}

// The {name} and {name:table} placeholders of a template.
std::multiset<std::string> placeholders(const std::string& text) {
    std::multiset<std::string> out;
    for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1))
        out.insert(text.substr(at, text.find('}', at) - at + 1));
    return out;
}

std::string zh(const std::map<std::string, std::string>& table, const std::string& code, const MessageParams& params) {
    return fill_template(table.at("msg." + code), params, [&](const std::string& key) -> const std::string* {
        const auto it = table.find("msg." + key);
        return it == table.end() ? english_text(key) : &it->second;
    });
}

}  // namespace

TEST_CASE("texts: both Chinese tables translate every code with the same placeholders") {
    for (const char* language : {"zh-Hans", "zh-Hant"}) {
        CAPTURE(language);
        const auto table = read_table(language);
        for (const std::string& code : message_codes()) {
            CAPTURE(code);
            REQUIRE(table.count("msg." + code));
            CHECK(placeholders(table.at("msg." + code)) == placeholders(*english_text(code)));
        }
    }
}

TEST_CASE("texts: a removal action in Simplified Chinese keeps the order id and translates the reason") {
    const auto table = read_table("zh-Hans");
    CHECK(zh(table, "remove_feedback", {{"rating", "1"}, {"order_id", "113-0000000-0000007"}, {"reason", "fba_fulfillment"}}) ==
          "申请移除订单 113-0000000-0000007 的 1 星反馈（亚马逊物流配送投诉：亚马逊会将其划掉）。");
    CHECK(zh(table, "reply_feedback", {{"rating", "2"}, {"day", "2026-11-12"}}).rfind("回复 2026-11-12 留下的 2 星反馈", 0) == 0);
}

TEST_CASE("texts: a failing metric in Traditional Chinese names the metric and leaves out absent parts") {
    const auto table = read_table("zh-Hant");
    CHECK(zh(table, "metric_failing", {{"metric", "odr"}, {"scope", "mfn"}, {"rate", "1.50 %"}}) ==
          "訂單瑕疵率（賣家自行配送）未達標，目前為 1.50 %。");
}

// What a failing metric needs more of is named per metric (the late response rate needs
// messages, not "items"), with an English singular.
TEST_CASE("texts: a failing metric names the items it needs in every language") {
    const MessageParams params = {{"metric", "late_response_rate"}, {"scope", "all"}, {"rate", "24.24 %"},
                                  {"needed", "48"}, {"items", "messages"}};
    CHECK(english("metric_failing", params) == "Late response rate (all orders) is failing at 24.24 %. It passes again "
                                               "after 48 more messages answered within 24 hours and none bad.");
    MessageParams one = params;
    one[3].second = "1";
    CHECK(english("metric_failing", one).find("after 1 more message answered within 24 hours and") != std::string::npos);
    CHECK(zh(read_table("zh-Hans"), "metric_failing", params).find("再有 48 条在 24 小时内回复的消息") != std::string::npos);
    CHECK(zh(read_table("zh-Hant"), "metric_failing", params).find("再有 48 則在 24 小時內回覆的訊息") != std::string::npos);
    for (const char* items : {"orders", "shipments", "units", "returns", "messages", "feedback", "five_star", "items"})
        for (const char* language : {"zh-Hans", "zh-Hant"}) {
            CAPTURE(items);
            CAPTURE(language);
            const auto table = read_table(language);
            CHECK(table.count(std::string("msg.good_item.") + items));
            CHECK(table.count(std::string("msg.good_items.") + items));
            CHECK(english_text(std::string("good_items.") + items));
        }
}

// The scope is a word in every language, never its code ("（mfn）", "(all)").
TEST_CASE("texts: a failing metric names its scope in words in every language") {
    const auto hans = read_table("zh-Hans");
    const auto hant = read_table("zh-Hant");
    const MessageParams params = {{"metric", "late_response_rate"}, {"scope", "all"}, {"rate", "24.24 %"}};
    CHECK(zh(hans, "metric_failing", params) == "延迟回复率（全部订单）未达标，目前为 24.24 %。");
    CHECK(zh(hant, "metric_failing", params) == "延遲回覆率（全部訂單）未達標，目前為 24.24 %。");
    CHECK(english("metric_failing", params) == "Late response rate (all orders) is failing at 24.24 %.");
    for (const char* scope : {"mfn", "afn", "all"}) {
        CAPTURE(scope);
        const MessageParams p = {{"metric", "odr"}, {"scope", scope}, {"rate", "2.00 %"}};
        for (const auto* table : {&hans, &hant}) {
            const std::string text = zh(*table, "metric_failing", p);
            CHECK(text.find(scope) == std::string::npos);
            CHECK(table->count(std::string("msg.scope_name.") + scope));
        }
        CHECK(english("metric_failing", p).find(std::string("(") + scope + ")") == std::string::npos);
    }
}

TEST_CASE("texts: a row problem keeps its quoted value after the translated phrase") {
    const app::PhraseTable hans = app::phrase_table(read_table("zh-Hans"));
    const app::PhraseTable hant = app::phrase_table(read_table("zh-Hant"));
    CHECK(app::translate_problem("not a date: '2026-13-01'", hans) == "不是日期：'2026-13-01'");
    CHECK(app::translate_problem("not a date: '2026-13-01'", hant) == "不是日期：'2026-13-01'");
    CHECK(app::translate_problem("no order id", hans) == "没有订单号");
    CHECK(app::translate_problem("no order id", hant) == "沒有訂單編號");
    CHECK(app::translate_problem("not a rating from 1 to 5: 'five: great'", hant) == "不是 1 到 5 的評分：'five: great'");
}

TEST_CASE("texts: an input error with numbers and a trailing sentence is translated in parts") {
    const app::PhraseTable hans = app::phrase_table(read_table("zh-Hans"));
    CHECK(app::translate_problem("no usable row: all 7 data rows were skipped (see the problems listed)", hans) ==
          "没有可用的行：全部 7 个数据行都被跳过（见列出的问题）");
    CHECK(app::translate_problem("unknown status 'SHAKY', read as no_data", hans) == "未知状态 'SHAKY'，按 no_data 读取");
    const std::string reads =
        "The app reads: Amazon's All Orders report (amazon.all_orders), Feedback Manager export (amazon.feedback), "
        "returns report (amazon.returns), FBA customer returns (amazon.fba_returns), Account Health JSON "
        "(amazon.account_health), cancellation-rate download (amazon.cancellations), valid-tracking download "
        "(amazon.tracking), and our templates (template.shipments, template.claims, template.messages, "
        "template.feedback).";
    const std::string pdf = app::translate_problem(
        "this is a PDF document; download the report itself as a tab-delimited text (.txt) or CSV file. " + reads, hans);
    CHECK(pdf.rfind("这是 PDF 文档；请下载报告本身（制表符分隔的文本 .txt 或 CSV 文件）。本应用可读取：", 0) == 0);
    const std::string first_line =
        app::translate_problem("not a report this app can read (its first line: 'a, b. c'). " + reads, hans);
    CHECK(first_line.rfind("不是本应用能读取的报告（其第一行：'a, b. c'）。本应用可读取：", 0) == 0);
}

TEST_CASE("texts: an unknown phrase stays English") {
    const app::PhraseTable hans = app::phrase_table(read_table("zh-Hans"));
    CHECK(app::translate_problem("a brand-new problem: 'x'", hans) == "a brand-new problem: 'x'");
    CHECK(app::translate_problem("", hans).empty());
}

TEST_CASE("texts: an implausible date keeps the value and the years") {
    const app::PhraseTable hant = app::phrase_table(read_table("zh-Hant"));
    CHECK(app::translate_problem("implausible date: '2099-01-01' (only years 2000 to 2050 are read)", hant) ==
          "不合理的日期：'2099-01-01'（只讀取 2000 年到 2050 年的日期）");
}

// The CJK font's glyphs are chosen from the texts shown (theme.cpp): ASCII is skipped eight bytes
// at a time, so CJK points next to every boundary of those words must still be found, each once.
TEST_CASE("texts: the CJK points of texts are found at any offset, each once, ascending") {
    auto reference = [](const std::vector<std::string>& texts) {
        std::set<char32_t> points;
        for (const std::string& t : texts)
            for (size_t i = 0; i < t.size();)
                if (const char32_t c = app::next_code_point(t, i); app::is_cjk_point(c)) points.insert(c);
        return std::u32string(points.begin(), points.end());
    };
    std::vector<std::string> texts;
    for (size_t pad = 0; pad < 20; ++pad) {
        const std::string ascii(pad, 'a');
        texts.push_back(ascii + "\xe5\xa5\xbd");                        // 好 ending the text
        texts.push_back(ascii + "\xe3\x82\xa2 late " + ascii);          // ア mid-text
        texts.push_back(ascii + "\xef\xbc\x81" + ascii + "\xe5\xa5\xbd");  // ！ and 好 again
        texts.push_back(ascii + "caf\xc3\xa9 \xe2\x80\x9c" + ascii);  // é and a curly quote: not CJK
        texts.push_back(ascii + "\xe5\xa5");                            // a sequence cut by the end
        texts.push_back(ascii + "\xe4\xb8\x80\xe9\xbf\xbf");            // 一 and U+9FFF: the range's ends
    }
    app::CjkPoints all;
    for (const std::string& t : texts) {
        app::CjkPoints one;
        one.add(t);
        CHECK(one.sorted() == reference({t}));
        all.add(t);
    }
    CHECK(all.sorted() == reference(texts));
    CHECK(all.sorted() == std::u32string{0x30A2, 0x4E00, 0x597D, 0x9FFF, 0xFF01});
    CHECK(app::CjkPoints().sorted().empty());
}
