// Parsing and printing of the options a seller types (feedback totals, Account Health Rating),
// shared by the CLI flags and the page's setters so both accept exactly the same text.
#include "core/options.h"

#include <charconv>

namespace sh {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool parse_count(std::string_view s, uint64_t& out) {
    s = trim(s);
    if (s.empty()) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

std::optional<uint64_t>* slot(FeedbackTotals& t, std::string_view window) {
    if (window == "30d") return &t.d30;
    if (window == "90d") return &t.d90;
    if (window == "365d") return &t.d365;
    if (window == "lifetime") return &t.lifetime;
    return nullptr;
}

}  // namespace

std::optional<uint64_t> FeedbackTotals::for_window(int days) const {
    switch (days) {
        case 30: return d30;
        case 90: return d90;
        case 365: return d365;
        case 0: return lifetime;
        default: return std::nullopt;
    }
}

bool parse_feedback_totals(std::string_view text, FeedbackTotals& out, std::string& error) {
    FeedbackTotals parsed;
    text = trim(text);
    // Every comma separates two pairs ("30d=5," lacks one); a window given twice is a typo.
    for (bool more = !text.empty(); more;) {
        const size_t comma = text.find(',');
        const std::string_view pair = trim(text.substr(0, comma));
        more = comma != std::string_view::npos;
        text = more ? text.substr(comma + 1) : std::string_view();
        const size_t eq = pair.find('=');
        std::optional<uint64_t>* target = eq == std::string_view::npos ? nullptr : slot(parsed, trim(pair.substr(0, eq)));
        uint64_t count = 0;
        if (!target || !parse_count(pair.substr(eq + 1), count)) {
            error = "feedback totals are WINDOW=COUNT pairs with WINDOW 30d, 90d, 365d or lifetime "
                    "(e.g. 30d=120,lifetime=5230), not '" + std::string(pair) + "'";
            return false;
        }
        if (*target) {
            error = "feedback totals give " + std::string(trim(pair.substr(0, eq))) + " twice";
            return false;
        }
        *target = count;
    }
    // A longer window holds every rating of a shorter one.
    const std::optional<uint64_t> chain[] = {parsed.d30, parsed.d90, parsed.d365, parsed.lifetime};
    const char* const names[] = {"30d", "90d", "365d", "lifetime"};
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j)
            if (chain[i] && chain[j] && *chain[j] < *chain[i]) {
                error = std::string("feedback totals: ") + names[j] + " (" + std::to_string(*chain[j]) +
                        ") cannot be below " + names[i] + " (" + std::to_string(*chain[i]) + ")";
                return false;
            }
    out = parsed;
    return true;
}

std::string format_feedback_totals(const FeedbackTotals& totals) {
    std::string out;
    auto put = [&](const char* name, const std::optional<uint64_t>& v) {
        if (!v) return;
        if (!out.empty()) out += ',';
        out += name;
        out += '=';
        out += std::to_string(*v);
    };
    put("30d", totals.d30);
    put("90d", totals.d90);
    put("365d", totals.d365);
    put("lifetime", totals.lifetime);
    return out;
}

bool parse_account_health_rating(std::string_view text, std::optional<int>& out, std::string& error) {
    text = trim(text);
    if (text.empty()) {
        out.reset();
        return true;
    }
    uint64_t value = 0;
    if (!parse_count(text, value) || value > 1000) {
        error = "the Account Health Rating is a whole number from 0 to 1000, not '" + std::string(text) + "'";
        return false;
    }
    out = static_cast<int>(value);
    return true;
}

std::optional<Day> parse_as_of(std::string_view text) {
    const auto day = parse_day(text);
    if (!day) return std::nullopt;
    const std::string written = format_day(*day);  // parse_day took exactly YYYY-MM-DD
    if (written < "2000-01-01" || written > "2099-12-31") return std::nullopt;
    return day;
}

}  // namespace sh
