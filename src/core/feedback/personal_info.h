// Things a removal request can point at in the text itself: e-mail addresses, phone
// numbers, full names after a cue ("my name is"), links.
#pragma once

#include <string_view>
#include <vector>

#include "core/feedback/match.h"

namespace sh::feedback {

// name@domain.tld
bool has_email(std::string_view folded);

// 10–13 digits in groups (spaces, dashes, dots, brackets), or 8+ after '+'; 7+ when the
// comment also has a phone cue ("call me", "电话"). Amazon order numbers (3-7-7 digits), dates
// (2026-10-02, 02.10.2026) and longer runs (tracking numbers) are not phone numbers.
bool has_phone(std::string_view folded, bool phone_cue);

// http(s)://, www., or a bare domain with a common top-level domain; Amazon's own domains
// and e-mail domains do not count.
bool has_link(std::string_view folded);

// A name cue (lexicon [name cue]) followed by two capitalised words in the original text, or
// by two or three Han characters. Conservative on purpose: capitalised words alone are not
// enough (product names, places).
bool has_full_name(std::string_view original, const std::vector<uint32_t>& source, const TokenText& text,
                   const std::vector<Match>& name_cues);

}  // namespace sh::feedback
