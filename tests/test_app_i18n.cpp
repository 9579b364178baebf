// The dashboard's translation tables (src/app/i18n/*.json): every language has every English
// key, with the same {n} and %d placeholders, and no empty text.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

nlohmann::json read_table(const std::string& language) {
    std::ifstream in(std::string(SH_TEST_DATA_DIR) + "/../../src/app/i18n/" + language + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

std::multiset<std::string> placeholders(const std::string& text) {
    static const std::regex pattern(R"(\{[0-9]\}|%d)");
    std::multiset<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

}  // namespace

TEST_CASE("i18n: every language translates every English key with the same placeholders") {
    const nlohmann::json en = read_table("en");
    REQUIRE(en.size() > 100);
    for (const char* language : {"zh-Hans", "zh-Hant"}) {
        CAPTURE(language);
        const nlohmann::json table = read_table(language);
        for (const auto& [key, value] : en.items()) {
            CAPTURE(key);
            REQUIRE(table.contains(key));
            const std::string text = table[key].get<std::string>();
            CHECK_FALSE(text.empty());
            CHECK(placeholders(text) == placeholders(value.get<std::string>()));
        }
        // Keys beyond English's are the core's texts (msg.*, problem.*, problems.*), whose English
        // lives in the core (tests/test_app_texts.cpp checks them).
        size_t core_texts = 0;
        for (const auto& [key, value] : table.items())
            core_texts += key.rfind("msg.", 0) == 0 || key.rfind("problem.", 0) == 0 || key.rfind("problems.", 0) == 0;
        CHECK(table.size() == en.size() + core_texts);
    }
}
