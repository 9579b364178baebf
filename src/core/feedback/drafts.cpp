// Parses draft templates ("key = sentence" lines) and composes reply drafts (drafts.h).
#include "core/feedback/drafts.h"

#include "core/embedded.h"

namespace sh::feedback {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

DraftTemplates parse_drafts(std::string_view text) {
    DraftTemplates t;
    uint32_t line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        const size_t eq = line.find('=');
        const std::string_view key = trim(line.substr(0, eq));
        const std::string value(eq == std::string_view::npos ? "" : trim(line.substr(eq + 1)));
        if (key == "join") t.join_with_space = value != "none";
        else if (key == "greeting") t.greeting = value;
        else if (key == "fix") t.fix = value;
        else if (key == "thanks") t.thanks = value;
        else if (key == "closing") t.closing = value;
        else if (key.substr(0, 6) == "cause." && cause_from_name(key.substr(6)))
            t.cause[size_t(*cause_from_name(key.substr(6)))] = value;
        else t.problems.push_back("line " + std::to_string(line_no) + ": unknown key '" + std::string(key) + "'");
    }
    for (const std::string* s : {&t.greeting, &t.fix, &t.thanks, &t.closing})
        if (s->empty()) t.problems.push_back("a greeting, fix, thanks or closing line is missing");
    for (size_t c = 0; c < kCauseCount; ++c)
        if (t.cause[c].empty()) t.problems.push_back("missing cause." + std::string(cause_name(Cause(c))));
    return t;
}

const DraftTemplates& draft_templates(Lang lang) {
    static const std::array<DraftTemplates, kLangCount> all = [] {
        std::array<DraftTemplates, kLangCount> parsed;
        for (Lang l : kAllLangs)
            parsed[size_t(l)] = parse_drafts(embedded_file("drafts/" + std::string(language_code(l)) + ".txt"));
        return parsed;
    }();
    return all[size_t(lang)];
}

std::string compose_draft(Lang lang, Cause main_cause, bool happy) {
    const DraftTemplates& t = draft_templates(lang);
    std::string out;
    auto add = [&](const std::string& sentence) {
        if (sentence.empty()) return;
        if (!out.empty() && t.join_with_space) out += ' ';
        out += sentence;
    };
    add(t.greeting);
    if (happy) {
        add(t.thanks);
    } else {
        add(t.cause[size_t(main_cause)]);
        add(t.fix);
    }
    add(t.closing);
    return out;
}

}  // namespace sh::feedback
