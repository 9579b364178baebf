// JsonWriter: nlohmann's dump, written as the values come (issue 9: building the result's
// tree and dumping it took most of the page's result() at 1 M orders).
#include "core/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cmath>

namespace sh {

namespace {

constexpr size_t kSpillBytes = size_t(64) << 10;

// True when `s` is well-formed UTF-8 (what nlohmann's decoder accepts: no overlong forms, no
// surrogates, nothing above U+10FFFF, no cut sequence).
bool valid_utf8(const unsigned char* s, size_t n) {
    for (size_t i = 0; i < n;) {
        const unsigned c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c == 0xED) len = 3, hi = 0x9F;
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c == 0xF4) len = 4, hi = 0x8F;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else return false;
        if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return false;
        for (size_t k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
        i += len;
    }
    return true;
}

// A JSON string as dump writes it, without dump's per-byte UTF-8 state machine for the usual
// text that needs no escaping.
void write_string(std::string_view s, std::string& out, bool ensure_ascii) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    bool plain = true, high = false;  // high: a byte >= 0x80 (or, ensure_ascii, DEL: dump escapes it)
    size_t i = 0;
    // Eight bytes at a time while they are plain ASCII (no byte < 0x20, '"', '\\', DEL or >= 0x80):
    // most of a result's text (issue 9). The first word that is not goes byte by byte below.
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\'), del = w ^ (kOnes * 0x7f);
        const uint64_t special = ((w - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes) | (del - kOnes) | w) & kHigh;
        if (special) break;
    }
    for (; i < n; ++i) {
        const unsigned c = p[i];
        if (c < 0x20 || c == '"' || c == '\\') plain = false;
        else if (c >= 0x80 || (ensure_ascii && c == 0x7f)) high = true;
    }
    if (high && !valid_utf8(p, n)) {  // nlohmann's replacement rules, exactly
        out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', ensure_ascii, nlohmann::ordered_json::error_handler_t::replace);
        return;
    }
    if (plain && !(high && ensure_ascii)) {  // one append: the quotes and the text
        const size_t at = out.size();
        out.resize(at + n + 2);
        char* d = &out[at];
        d[0] = '"';
        if (n) std::memcpy(d + 1, s.data(), n);
        d[n + 1] = '"';
        return;
    }
    // Escaped, byte by byte, as dump escapes: with ensure_ascii each code point past ASCII
    // (and DEL) as \uXXXX, lower-case, above U+FFFF as a surrogate pair (a thousand comments of
    // a year's feedback carry a curly quote or an accent).
    static constexpr char kHex[] = "0123456789abcdef";
    const auto escape = [&out](unsigned v) {
        const char u[6] = {'\\', 'u', kHex[(v >> 12) & 15], kHex[(v >> 8) & 15], kHex[(v >> 4) & 15], kHex[v & 15]};
        out.append(u, 6);
    };
    out += '"';
    for (size_t k = 0; k < n;) {
        const unsigned c = p[k];
        if (c >= 0x80 && ensure_ascii) {  // valid UTF-8 (checked above): 2, 3 or 4 bytes
            const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            unsigned point = c & (0x7F >> len);
            for (size_t m = 1; m < len; ++m) point = (point << 6) | (p[k + m] & 0x3F);
            if (point > 0xFFFF) {
                point -= 0x10000;
                escape(0xD800 + (point >> 10));
                escape(0xDC00 + (point & 0x3FF));
            } else {
                escape(point);
            }
            k += len;
            continue;
        }
        switch (c) {
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
            if (c < 0x20 || (c == 0x7f && ensure_ascii)) escape(c);
            else out += static_cast<char>(c);
        }
        ++k;
    }
    out += '"';
}

}  // namespace

JsonWriter::JsonWriter(std::string& out, Style style, std::function<void(std::string&)> spill)
    : out_(out), style_(style), spill_(std::move(spill)) {}

void JsonWriter::spill_if_full() {
    if (spill_ && out_.size() >= kSpillBytes) {
        spill_(out_);
        out_.clear();
    }
}

void JsonWriter::flush() {
    if (spill_ && !out_.empty()) {
        spill_(out_);
        out_.clear();
    }
}

// A value in an array starts its line; a member's value follows its key.
void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_member_.empty()) return;
    if (has_member_.back()) out_ += ',';
    has_member_.back() = true;
    if (style_ == Style::pretty) {
        out_ += '\n';
        out_.append(2 * has_member_.size(), ' ');
    }
}

JsonWriter& JsonWriter::key(std::string_view name) {
    // The usual key (a short plain name, inside an object, not too deep): its separator,
    // indent, quotes and colon in one append (issue 9: keys were a third of writing a result).
    constexpr size_t kShortKey = 40, kMaxIndent = 32;
    const size_t indent = style_ == Style::pretty ? 2 * has_member_.size() : 0;
    if (!after_key_ && !has_member_.empty() && name.size() <= kShortKey && indent <= kMaxIndent &&
        std::all_of(name.begin(), name.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
        })) {
        char buf[kShortKey + kMaxIndent + 6];
        size_t n = 0;
        if (has_member_.back()) buf[n++] = ',';
        has_member_.back() = true;
        if (indent) {
            buf[n++] = '\n';
            std::memset(buf + n, ' ', indent);
            n += indent;
        }
        buf[n++] = '"';
        std::memcpy(buf + n, name.data(), name.size());
        n += name.size();
        buf[n++] = '"';
        buf[n++] = ':';
        if (style_ == Style::pretty) buf[n++] = ' ';
        out_.append(buf, n);
        after_key_ = true;
        return *this;
    }
    before_value();
    write_string(name, out_, style_ == Style::compact_ascii);
    out_ += style_ == Style::pretty ? ": " : ":";
    after_key_ = true;
    return *this;
}

void JsonWriter::open(char bracket) {
    spill_if_full();
    before_value();
    out_ += bracket;
    has_member_.push_back(false);
}

// "{}" / "[]" when empty; else the closing bracket on its own line when pretty.
void JsonWriter::close(char bracket) {
    const bool any = has_member_.back();
    has_member_.pop_back();
    if (any && style_ == Style::pretty) {
        out_ += '\n';
        out_.append(2 * has_member_.size(), ' ');
    }
    out_ += bracket;
}

void JsonWriter::string(std::string_view s) {
    before_value();
    write_string(s, out_, style_ == Style::compact_ascii);
}

void JsonWriter::integer(int64_t v) {
    before_value();
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, static_cast<size_t>(end - buf));
}

void JsonWriter::unsigned_integer(uint64_t v) {
    before_value();
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, static_cast<size_t>(end - buf));
}

void JsonWriter::number(double v) {
    before_value();
    if (!std::isfinite(v)) {
        out_ += "null";
        return;
    }
    char buf[64];
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);  // what dump uses
    out_.append(buf, static_cast<size_t>(end - buf));
}

void JsonWriter::boolean(bool v) {
    before_value();
    out_ += v ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void write_tree(const nlohmann::ordered_json& v, JsonWriter& w) {
    using value_t = nlohmann::ordered_json::value_t;
    switch (v.type()) {
    case value_t::object:
        w.begin_object();
        for (const auto& [key, value] : v.get_ref<const nlohmann::ordered_json::object_t&>()) {
            w.key(key);
            write_tree(value, w);
        }
        w.end_object();
        return;
    case value_t::array:
        w.begin_array();
        for (const auto& value : v.get_ref<const nlohmann::ordered_json::array_t&>()) write_tree(value, w);
        w.end_array();
        return;
    case value_t::string: w.string(v.get_ref<const std::string&>()); return;
    case value_t::boolean: w.boolean(v.get<bool>()); return;
    case value_t::number_integer: w.integer(v.get<int64_t>()); return;
    case value_t::number_unsigned: w.unsigned_integer(v.get<uint64_t>()); return;
    case value_t::number_float: w.number(v.get<double>()); return;
    default: w.null(); return;  // null; binary and discarded never occur in our values
    }
}

}  // namespace sh
