// Parses the line-based lexicon files (format described at the top of each file).
#include "core/feedback/lexicon.h"

#include <algorithm>

#include "core/embedded.h"

namespace sh::feedback {

namespace {

constexpr std::array<std::string_view, kLangCount> kLangCodes = {"en", "zh-Hans", "zh-Hant", "de",
                                                                 "fr", "es",      "it",      "ja"};
constexpr std::array<std::string_view, kCauseCount> kCauseNames = {
    "shipping_speed",   "packaging",        "tracking",        "communication", "returns_refunds",
    "customer_service", "not_as_described", "product_quality", "price",         "other"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view language_code(Lang lang) { return kLangCodes[size_t(lang)]; }

std::optional<Lang> language_from_code(std::string_view code) {
    for (size_t i = 0; i < kLangCount; ++i)
        if (kLangCodes[i] == code) return kAllLangs[i];
    return std::nullopt;
}

std::string_view cause_name(Cause cause) { return kCauseNames[size_t(cause)]; }

std::optional<Cause> cause_from_name(std::string_view name) {
    for (size_t i = 0; i < kCauseCount; ++i)
        if (kCauseNames[i] == name) return Cause(i);
    return std::nullopt;
}

Phrase compile_phrase(std::string_view written) {
    Phrase p;
    std::vector<Token> tokens;
    size_t pos = 0;
    while (pos < written.size()) {
        while (pos < written.size() && written[pos] == ' ') ++pos;
        size_t end = written.find(' ', pos);
        if (end == std::string_view::npos) end = written.size();
        std::string_view item = written.substr(pos, end - pos);
        pos = end;
        if (item.empty()) continue;
        if (item == "..") {
            Unit u;
            u.gap = true;
            p.units.push_back(u);
            continue;
        }
        const bool any_before = item.front() == '*';
        if (any_before) item.remove_prefix(1);
        const bool any_after = !item.empty() && item.back() == '*';
        if (any_after) item.remove_suffix(1);
        const std::string folded = fold(item);
        tokenize(folded, tokens);
        const size_t first = p.units.size();
        for (const Token& t : tokens) {
            if (t.kind == TokenKind::brk) continue;
            if (!p.text.empty()) p.text += ' ';
            Unit u;
            u.begin = static_cast<uint16_t>(p.text.size());
            u.length = static_cast<uint16_t>(t.end - t.begin);
            u.cjk = is_cjk(t.kind);
            p.text += token_text(folded, t);
            p.units.push_back(u);
        }
        if (p.units.size() > first) {
            p.units[first].any_before = any_before;
            p.units.back().any_after = any_after;
        }
    }
    // A gap between CJK characters spans characters, not words.
    for (size_t i = 1; i < p.units.size(); ++i)
        if (p.units[i].gap && p.units[i - 1].cjk) p.units[i].cjk = true;
    // A gap at either end means nothing.
    while (!p.units.empty() && p.units.back().gap) p.units.pop_back();
    while (!p.units.empty() && p.units.front().gap) p.units.erase(p.units.begin());
    return p;
}

void PhraseList::build_index() {
    by_first.clear();
    prefixed.clear();
    loose.clear();
    for (uint32_t i = 0; i < phrases.size(); ++i) {
        const Unit& u = phrases[i].units.front();
        (u.any_before || u.length == 0 ? loose : u.any_after ? prefixed : by_first).push_back(i);
    }
    auto by_unit = [&](uint32_t a, uint32_t b) { return first_unit(phrases[a]) < first_unit(phrases[b]); };
    std::sort(by_first.begin(), by_first.end(), by_unit);
    std::sort(prefixed.begin(), prefixed.end(), by_unit);
    first_keys.clear();
    for (uint32_t lo = 0, hi = 0; lo < by_first.size(); lo = hi) {
        const std::string_view unit = first_unit(phrases[by_first[lo]]);
        for (hi = lo + 1; hi < by_first.size() && first_unit(phrases[by_first[hi]]) == unit;) ++hi;
        first_keys.push_back({text_hash(unit), lo, hi});
    }
    std::stable_sort(first_keys.begin(), first_keys.end(),
                     [](const FirstKey& a, const FirstKey& b) { return a.hash < b.hash; });
    prefixed_by_byte.fill({0, 0});
    for (uint32_t lo = 0, hi = 0; lo < prefixed.size(); lo = hi) {
        const auto byte = static_cast<unsigned char>(first_unit(phrases[prefixed[lo]])[0]);
        for (hi = lo + 1; hi < prefixed.size() && static_cast<unsigned char>(first_unit(phrases[prefixed[hi]])[0]) == byte;) ++hi;
        prefixed_by_byte[byte] = {lo, hi};
    }
}

Lexicon parse_lexicon(std::string_view text, Lang lang) {
    Lexicon lex;
    lex.lang = lang;
    PhraseList* target = nullptr;
    bool in_detect = false, in_settings = false;
    Cause cause = Cause::other;
    bool ignore = false;
    uint32_t line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        auto problem = [&](const std::string& what) {
            lex.problems.push_back("line " + std::to_string(line_no) + ": " + what);
        };
        if (line.front() == '[' && line.back() == ']') {
            const std::string_view name = trim(line.substr(1, line.size() - 2));
            target = nullptr;
            in_detect = in_settings = ignore = false;
            if (name.substr(0, 6) == "cause ") {
                if (auto c = cause_from_name(trim(name.substr(6)))) {
                    cause = *c;
                    target = &lex.cues;
                } else {
                    problem("unknown cause '" + std::string(name.substr(6)) + "'");
                }
            } else if (name == "ignore") {
                target = &lex.cues;
                ignore = true;
            } else if (name == "detect") in_detect = true;
            else if (name == "settings") in_settings = true;
            else if (name == "negation") target = &lex.negators;
            else if (name == "negation after") target = &lex.negators_after;
            else if (name == "not negation") target = &lex.not_negators;
            else if (name == "contrast") target = &lex.contrasts;
            else if (name == "product feature") {
                target = &lex.topics;
                cause = Cause::product_quality;
            } else if (name.substr(0, 6) == "topic ") {
                if (auto c = cause_from_name(trim(name.substr(6)))) {
                    cause = *c;
                    target = &lex.topics;
                } else {
                    problem("unknown cause '" + std::string(name.substr(6)) + "'");
                }
            }
            else if (name == "service") target = &lex.service;
            else if (name == "obscene") target = &lex.obscene;
            else if (name == "not obscene") target = &lex.not_obscene;
            else if (name == "promotional") target = &lex.promotional;
            else if (name == "name cue") target = &lex.name_cues;
            else if (name == "phone cue") target = &lex.phone_cues;
            else problem("unknown section [" + std::string(name) + "]");
            continue;
        }
        if (in_detect) {
            size_t p = 0;
            while (p < line.size()) {
                size_t e = line.find(' ', p);
                if (e == std::string_view::npos) e = line.size();
                if (e > p) lex.detect.push_back(fold(line.substr(p, e - p)));
                p = e + 1;
            }
            continue;
        }
        if (in_settings) {
            const size_t eq = line.find('=');
            const std::string_view key = trim(line.substr(0, eq));
            const std::string_view value = eq == std::string_view::npos ? "" : trim(line.substr(eq + 1));
            int n = 0;
            for (char ch : value) n = (ch >= '0' && ch <= '9') ? n * 10 + (ch - '0') : -1000;
            if (n < 0 || value.empty()) problem("not a number: '" + std::string(value) + "'");
            else if (key == "negation_window") lex.negation_window = n;
            else if (key == "negation_after_window") lex.negation_after_window = n;
            else problem("unknown setting '" + std::string(key) + "'");
            continue;
        }
        if (!target) {
            problem("text outside a section");
            continue;
        }
        Phrase phrase = compile_phrase(line);
        if (phrase.units.empty()) {
            problem("nothing to match in '" + std::string(line) + "'");
            continue;
        }
        phrase.cause = ignore ? Cause::other : cause;
        phrase.ignore = ignore;
        phrase.line = line_no;
        target->phrases.push_back(std::move(phrase));
    }
    for (PhraseList* list : {&lex.cues, &lex.negators, &lex.negators_after, &lex.not_negators, &lex.contrasts,
                             &lex.topics, &lex.service, &lex.obscene, &lex.promotional, &lex.name_cues,
                             &lex.phone_cues})
        list->build_index();
    // Weaker language evidence: the words of the phrases themselves ("verspätet", "cabrones").
    for (const PhraseList* section :
         {&lex.cues, &lex.negators, &lex.contrasts, &lex.service, &lex.obscene, &lex.promotional, &lex.name_cues,
          &lex.phone_cues, &lex.topics})
        for (const Phrase& p : *section)
            for (const Unit& u : p.units)
                if (!u.gap && !u.cjk && !u.any_before && !u.any_after && u.length >= 3)
                    lex.evidence.emplace_back(p.text.substr(u.begin, u.length));
    std::sort(lex.evidence.begin(), lex.evidence.end());
    lex.evidence.erase(std::unique(lex.evidence.begin(), lex.evidence.end()), lex.evidence.end());
    std::sort(lex.detect.begin(), lex.detect.end());
    lex.detect.erase(std::unique(lex.detect.begin(), lex.detect.end()), lex.detect.end());
    return lex;
}

const Lexicon& lexicon(Lang lang) {
    // All languages parsed together on first use (a thread-safe static); they live for the
    // program's lifetime and are never modified.
    static const std::array<Lexicon, kLangCount> all = [] {
        std::array<Lexicon, kLangCount> parsed;
        for (Lang l : kAllLangs) {
            const std::string path = "lexicons/" + std::string(language_code(l)) + ".txt";
            parsed[size_t(l)] = parse_lexicon(embedded_file(path), l);
        }
        const Lexicon& english = parsed[size_t(Lang::en)];
        for (Lang l : kAllLangs) {
            if (l == Lang::en) continue;
            Lexicon& lex = parsed[size_t(l)];
            for (const Phrase& p : english.obscene) {
                const bool ordinary = std::any_of(lex.not_obscene.begin(), lex.not_obscene.end(),
                                                  [&](const Phrase& q) { return q.text == p.text; });
                if (!ordinary) lex.english_obscene.phrases.push_back(p);
            }
            lex.english_obscene.build_index();
        }
        return parsed;
    }();
    return all[size_t(lang)];
}

}  // namespace sh::feedback
