// Translation tables: parsed once from the embedded JSON files, looked up by key.
#include "app/i18n.h"

#include <nlohmann/json.hpp>

#include <array>
#include <unordered_map>

#include "app/metric_text.h"
#include "app/problem_text.h"

namespace sh::app {

std::string_view app_asset(std::string_view path);  // generated: embedded assets

namespace {

using Table = std::unordered_map<std::string, std::string>;

struct Translations {
    std::array<Table, static_cast<size_t>(Language::count)> tables;
    std::array<bool, static_cast<size_t>(Language::count)> loaded{};
    Language current = Language::en;
};

Translations& translations() {
    static Translations t;
    return t;
}

const Table& table(Language language) {
    Translations& t = translations();
    const auto i = static_cast<size_t>(language);
    if (!t.loaded[i]) {
        t.loaded[i] = true;
        const std::string path = std::string("i18n/") + language_code(language) + ".json";
        const std::string_view text = app_asset(path);
        const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
        if (j.is_object())
            for (const auto& [key, value] : j.items())
                if (value.is_string()) t.tables[i][key] = value.get<std::string>();
    }
    return t.tables[i];
}

}  // namespace

const char* language_code(Language language) {
    switch (language) {
        case Language::zh_hans: return "zh-Hans";
        case Language::zh_hant: return "zh-Hant";
        default: return "en";
    }
}

const char* language_name(Language language) {
    switch (language) {
        case Language::zh_hans: return "简体中文";
        case Language::zh_hant: return "繁體中文";
        default: return "English";
    }
}

std::optional<Language> language_from_code(std::string_view code) {
    if (code == "en") return Language::en;
    if (code == "zh-Hans" || code == "zh-CN" || code == "zh" || code == "zh-SG") return Language::zh_hans;
    if (code == "zh-Hant" || code == "zh-TW" || code == "zh-HK") return Language::zh_hant;
    return std::nullopt;
}

bool is_cjk(Language language) { return language == Language::zh_hans || language == Language::zh_hant; }

void set_translation_language(Language language) { translations().current = language; }

const char* tr(const std::string& key) {
    const Table& current = table(translations().current);
    if (auto it = current.find(key); it != current.end()) return it->second.c_str();
    const Table& english = table(Language::en);
    if (auto it = english.find(key); it != english.end()) return it->second.c_str();
    // Unknown keys are kept so the returned pointer stays valid.
    static std::unordered_map<std::string, std::string> missing;
    return missing.emplace(key, key).first->second.c_str();
}

const char* tr(const char* key) { return tr(std::string(key)); }

std::string trf(const char* key, std::initializer_list<std::string> args) { return fill_numbered(tr(key), args); }

std::string tr_word(std::string_view prefix, const std::string& name) {
    const std::string key = std::string(prefix) + name;
    const Table& current = table(translations().current);
    if (auto it = current.find(key); it != current.end()) return it->second;
    const Table& english = table(Language::en);
    if (auto it = english.find(key); it != english.end()) return it->second;
    return name;
}

namespace {

// The current language's entry for `key`; nullptr when that table lacks it (no English fallback).
const std::string* current_entry(const std::string& key) {
    const Table& current = table(translations().current);
    const auto it = current.find(key);
    return it == current.end() ? nullptr : &it->second;
}

}  // namespace

std::string coded_text(const std::string& code, const MessageParams& params) {
    const std::string* translated = code.empty() ? nullptr : current_entry("msg." + code);
    if (!translated) return english(code, params);
    return fill_template(*translated, params, [](const std::string& key) {
        const std::string* word = current_entry("msg." + key);
        return word ? word : english_text(key);
    });
}

std::string note_text(const std::string& english_note) {
    if (translations().current == Language::en) return english_note;
    const CodedText coded = recognise(english_note);
    if (coded.code.empty() || !current_entry("msg." + coded.code)) return english_note;
    return coded_text(coded.code, coded.params);
}

std::string problem_text(const std::string& english_problem) {
    static std::array<std::optional<PhraseTable>, static_cast<size_t>(Language::count)> tables;
    const Language language = translations().current;
    if (language == Language::en) return english_problem;
    auto& t = tables[static_cast<size_t>(language)];
    if (!t) t = phrase_table(table(language));
    return translate_problem(english_problem, *t);
}

std::string all_text(Language language) {
    std::string out;
    for (const auto& [key, value] : table(language)) out += value;
    return out;
}

}  // namespace sh::app
