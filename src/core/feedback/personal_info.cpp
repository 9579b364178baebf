// Detection of e-mail addresses, phone numbers, links and cued full names (personal_info.h).
#include "core/feedback/personal_info.h"

#include <array>

namespace sh::feedback {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }
bool is_host_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }
bool is_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

// Common top-level domains of the marketplaces and generic ones, for bare "shop.de" links.
// Two-letter domains that are also words ("it", "de", "es") only count after www. or http.
constexpr std::array<std::string_view, 12> kTlds = {"com", "net", "org", "info", "shop", "store",
                                                    "io",  "jp",  "cn",  "tw",   "hk",   "uk"};

// Amazon's own hosts (amazon.de, smile.amazon.com, amzn.to), not hosts that only begin with
// the name ("amazonbargains.net" is another shop).
bool is_amazon_host(std::string_view host) {
    return host.substr(0, 7) == "amazon." || host.find(".amazon.") != std::string_view::npos ||
           host.substr(0, 5) == "amzn." || host.find(".amzn.") != std::string_view::npos;
}

}  // namespace

bool has_email(std::string_view t) {
    for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
        if (at == 0 || !is_local_char(t[at - 1])) continue;
        size_t end = at + 1;
        while (end < t.size() && is_host_char(t[end])) ++end;
        std::string_view host = t.substr(at + 1, end - at - 1);
        while (!host.empty() && host.back() == '.') host.remove_suffix(1);
        const size_t dot = host.rfind('.');
        if (dot != std::string_view::npos && dot > 0 && host.size() - dot - 1 >= 2) return true;
    }
    return false;
}

bool has_phone(std::string_view t, bool phone_cue) {
    size_t i = 0;
    while (i < t.size()) {
        const bool plus = t[i] == '+' && i + 1 < t.size() && is_digit(t[i + 1]);
        if (!(is_digit(t[i]) || plus) || (i > 0 && (is_alnum(t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '.'))) {
            ++i;
            continue;
        }
        // Read groups of digits separated by one separator (or ") ").
        size_t j = plus ? i + 1 : i;
        int digits = 0, groups = 0, short_groups = 0;
        std::array<int, 8> lengths{};
        size_t last_digit = j;
        while (j < t.size()) {
            if (t[j] == '(') ++j;
            int len = 0;
            while (j < t.size() && is_digit(t[j])) { ++j; ++len; }
            if (len == 0) break;
            if (groups < 8) lengths[size_t(groups)] = len;
            ++groups;
            digits += len;
            if (len < 2 && groups > 1) ++short_groups;
            last_digit = j;
            size_t k = j;
            if (k < t.size() && t[k] == ')') ++k;
            if (k < t.size() && (t[k] == ' ' || t[k] == '-' || t[k] == '.' || t[k] == '/')) ++k;
            if (k == j || k >= t.size() || !(is_digit(t[k]) || t[k] == '(')) break;
            j = k;
        }
        i = last_digit + 1;
        if (last_digit < t.size() && (is_alnum(t[last_digit]) || t[last_digit] == '@')) continue;  // part of a word/e-mail
        const bool order_id = groups == 3 && lengths[0] == 3 && lengths[1] == 7 && lengths[2] == 7;
        const bool date = groups == 3 && ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) ||
                                          (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4));
        if (order_id || date || digits > 13 || short_groups > 0) continue;
        if (digits >= 10 || (plus && digits >= 8) || (phone_cue && digits >= 7)) return true;
    }
    return false;
}

bool has_link(std::string_view t) {
    if (t.find("http://") != std::string_view::npos || t.find("https://") != std::string_view::npos) return true;
    for (size_t at = t.find("www."); at != std::string_view::npos; at = t.find("www.", at + 4)) {
        size_t end = at + 4;
        while (end < t.size() && is_host_char(t[end])) ++end;
        if (!is_amazon_host(t.substr(at + 4, end - at - 4))) return true;
    }
    // Bare domains: letters, a dot, a known top-level domain, then not a letter.
    for (size_t dot = t.find('.'); dot != std::string_view::npos; dot = t.find('.', dot + 1)) {
        size_t begin = dot;
        while (begin > 0 && is_host_char(t[begin - 1])) --begin;
        if (begin == dot || (begin > 0 && t[begin - 1] == '@')) continue;
        size_t end = dot + 1;
        while (end < t.size() && (is_alnum(t[end]))) ++end;
        const std::string_view tld = t.substr(dot + 1, end - dot - 1);
        if (end < t.size() && t[end] == '.') continue;  // more labels follow: judged at the last dot
        bool known = false;
        for (std::string_view k : kTlds) known = known || tld == k;
        const std::string_view host = t.substr(begin, end - begin);
        bool has_letter = false;
        for (char c : t.substr(begin, dot - begin)) has_letter = has_letter || (c >= 'a' && c <= 'z');
        // The host must not be inside an e-mail address.
        size_t h = begin;
        while (h > 0 && t[h - 1] != ' ' && t[h - 1] != '@') --h;
        if (h > 0 && t[h - 1] == '@') continue;
        if (known && has_letter && !is_amazon_host(host)) return true;
    }
    return false;
}

bool has_full_name(std::string_view original, const std::vector<uint32_t>& source, const TokenText& text,
                   const std::vector<Match>& name_cues) {
    auto capitalised = [&](const Token& tok) {
        size_t i = source[tok.begin];
        const char32_t c = decode_utf8(original, i);
        return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
    };
    for (const Match& cue : name_cues) {
        size_t t = cue.last;
        if (t < text.size() && text[t].kind == TokenKind::brk) ++t;  // "Regards, John Smith"
        if (t + 1 < text.size() && text[t].kind == TokenKind::word && text[t + 1].kind == TokenKind::word &&
            capitalised(text[t]) && capitalised(text[t + 1]))
            return true;
        size_t han = 0;
        while (t + han < text.size() && text[t + han].kind == TokenKind::han) ++han;
        if (han >= 2 && han <= 3) return true;
    }
    return false;
}

}  // namespace sh::feedback
