// Which of the eight languages a comment is written in, from script and word evidence.
#pragma once

#include <string_view>

#include "core/feedback/lexicon.h"
#include "core/feedback/match.h"

namespace sh::feedback {

// Kana → Japanese; Han → Chinese (simplified or traditional by characteristic characters)
// or Japanese (by Japanese-only kanji); Latin → the language whose [detect] words and
// accented letters occur most. No evidence: English (and zh-Hans for Han-only text).
Lang detect_language(std::string_view original, const TokenText& text);

}  // namespace sh::feedback
