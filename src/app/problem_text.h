// Row problems and input errors in the UI language. src/core/ingest writes them in English: a
// fixed phrase, optionally followed by ": '<value>'" (the value as the file has it), or a
// sentence with numbers and names in it. The translation tables (src/app/i18n/zh-*.json) key
// them "problem.<phrase>"; a key with {0}, {1} is a pattern whose parts are kept (and translated
// themselves when a phrase of the table). Unknown phrases stay English.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/messages.h"

namespace sh::app {

struct PhraseTable {
    std::unordered_map<std::string, std::string> phrases;          // English phrase -> translation
    std::vector<std::pair<std::string, std::string>> patterns;     // English with {0}.. -> translation
    std::string value_separator = ": ";                            // before a kept ': '<value>''
};

// The phrase table of one language's key/value pairs ("problem.*" keys; "problems.value_separator").
template <typename Entries>
PhraseTable phrase_table(const Entries& entries) {
    PhraseTable t;
    const std::string prefix = "problem.";
    for (const auto& [key, value] : entries) {
        const std::string k(key);
        if (k == "problems.value_separator") t.value_separator = std::string(value);
        if (k.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string phrase = k.substr(prefix.size());
        if (phrase.find('{') == std::string::npos) t.phrases[phrase] = std::string(value);
        else t.patterns.emplace_back(phrase, std::string(value));
    }
    // The most specific pattern (most fixed text) first.
    std::stable_sort(t.patterns.begin(), t.patterns.end(), [](const auto& a, const auto& b) {
        auto fixed = [](const std::string& s) { return s.size() - 3 * size_t(std::count(s.begin(), s.end(), '{')); };
        return fixed(a.first) > fixed(b.first);
    });
    return t;
}

// `message` in the table's language: a known phrase translated, a quoted value kept as it is.
inline std::string translate_problem(std::string_view message, const PhraseTable& table) {
    if (message.empty()) return {};
    if (const auto it = table.phrases.find(std::string(message)); it != table.phrases.end()) return it->second;
    // "<phrase>: '<value>'"
    const size_t quote = message.find(": '");
    if (quote != std::string_view::npos && message.back() == '\'') {
        const auto it = table.phrases.find(std::string(message.substr(0, quote)));
        if (it != table.phrases.end()) return it->second + table.value_separator + std::string(message.substr(quote + 2));
    }
    for (const auto& [english, translation] : table.patterns) {
        MessageParams parts;
        if (!match_template(english, message, parts)) continue;
        for (auto& part : parts)
            if (!part.second.empty() && part.second.front() != '\'') part.second = translate_problem(part.second, table);
        return fill_template(translation, parts, [](const std::string&) { return nullptr; });
    }
    return std::string(message);
}

}  // namespace sh::app
