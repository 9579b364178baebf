// The UI's languages and its translation tables (src/app/i18n/<code>.json, embedded at build time).
// Every string the seller sees is looked up here by a short key; parameters are written {0}, {1}.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace sh::app {

enum class Language : int { en, zh_hans, zh_hant, count };

const char* language_code(Language language);   // "en", "zh-Hans", "zh-Hant"
const char* language_name(Language language);   // in its own script: "English", "简体中文", "繁體中文"
std::optional<Language> language_from_code(std::string_view code);
bool is_cjk(Language language);

// The language tr() reads from (the App's language; set through set_language in app.h).
void set_translation_language(Language language);

// The text for `key` in the current language; English when the language lacks it; the key
// itself when no table has it (so a missing key is visible, not blank).
const char* tr(const char* key);
const char* tr(const std::string& key);
// `key`'s text with {0}, {1}, ... replaced by args.
std::string trf(const char* key, std::initializer_list<std::string> args);
// The text for `prefix + name` when a table has it, else `name` as is (kinds, causes, ...).
std::string tr_word(std::string_view prefix, const std::string& name);

// Texts the core writes, in the current language (English when a table lacks them):
// a coded action / note / warning by its code ("msg.<code>" keys, same placeholders as
// src/core/data/messages.json); a note or warning by the code its English is recognised as;
// a row problem or input error by its English phrase (app/problem_text.h).
std::string coded_text(const std::string& code, const MessageParams& params);
std::string note_text(const std::string& english);
std::string problem_text(const std::string& english);

// Every translated string of a language, concatenated (the glyphs the UI needs for it).
std::string all_text(Language language);

}  // namespace sh::app
