// Coded texts: the template table (data/messages.json), filling templates, and recognising the
// English texts other modules write.
#include "core/messages.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

#include "core/embedded.h"

namespace sh {

namespace {

// A parsed template: literal text, a {parameter} (with its word table), or an [A|B] section
// ([#name:A|B] chooses by the number `name` instead: A for 1, B for any other).
struct Node {
    enum Kind { literal, parameter, section } kind = literal;
    std::string text;   // literal text, parameter name, or a section's number parameter ("" for [A|B])
    std::string table;  // {name:table}
    std::vector<Node> then, otherwise;
};
using Nodes = std::vector<Node>;

// Parses up to the end, or up to a ']' or '|' closing the current section.
Nodes parse(std::string_view s, size_t& i, bool in_section) {
    Nodes out;
    auto text = [&](char c) {
        if (out.empty() || out.back().kind != Node::literal) out.push_back({});
        out.back().text += c;
    };
    while (i < s.size()) {
        const char c = s[i];
        if (in_section && (c == ']' || c == '|')) return out;
        if (c == '{') {
            const size_t end = s.find('}', i);
            if (end == std::string_view::npos) {
                text(c);
                ++i;
                continue;
            }
            Node n;
            n.kind = Node::parameter;
            const std::string_view inside = s.substr(i + 1, end - i - 1);
            const size_t colon = inside.find(':');
            n.text = std::string(inside.substr(0, colon));
            if (colon != std::string_view::npos) n.table = std::string(inside.substr(colon + 1));
            out.push_back(std::move(n));
            i = end + 1;
        } else if (c == '[') {
            Node n;
            n.kind = Node::section;
            ++i;
            const size_t colon = i < s.size() && s[i] == '#' ? s.find(':', i) : std::string_view::npos;
            if (colon != std::string_view::npos) {
                n.text = std::string(s.substr(i + 1, colon - i - 1));
                i = colon + 1;
            }
            n.then = parse(s, i, true);
            if (i < s.size() && s[i] == '|') {
                ++i;
                n.otherwise = parse(s, i, true);
            }
            if (i < s.size()) ++i;  // ']'
            out.push_back(std::move(n));
        } else {
            text(c);
            ++i;
        }
    }
    return out;
}

Nodes parse(std::string_view s) {
    size_t i = 0;
    return parse(s, i, false);
}

const std::string* find_param(const MessageParams& params, std::string_view name) {
    for (const auto& [key, value] : params)
        if (key == name) return &value;
    return nullptr;
}

bool all_present(const Nodes& nodes, const MessageParams& params);

// The branch a [#name:A|B] section shows: A when the number is 1.
const Nodes& by_number(const Node& n, const std::string* number) {
    return number && *number == "1" ? n.then : n.otherwise;
}

bool all_present(const Nodes& nodes, const MessageParams& params) {
    for (const Node& n : nodes) {
        if (n.kind == Node::parameter) {
            const std::string* v = find_param(params, n.text);
            if (!v || v->empty()) return false;
        } else if (n.kind == Node::section && !n.text.empty()) {
            if (!all_present(by_number(n, find_param(params, n.text)), params)) return false;
        } else if (n.kind == Node::section && !all_present(n.then, params) && !all_present(n.otherwise, params)) {
            return false;
        }
    }
    return true;
}

void fill(const Nodes& nodes, const MessageParams& params, const TextLookup& lookup, std::string& out) {
    for (const Node& n : nodes) {
        if (n.kind == Node::literal) {
            out += n.text;
        } else if (n.kind == Node::section && !n.text.empty()) {
            fill(by_number(n, find_param(params, n.text)), params, lookup, out);
        } else if (n.kind == Node::section) {
            fill(all_present(n.then, params) ? n.then : n.otherwise, params, lookup, out);
        } else if (const std::string* v = find_param(params, n.text)) {
            if (n.table.empty()) {
                out += *v;
                continue;
            }
            const std::string* separator = lookup("list_separator");
            size_t from = 0;
            for (bool first = true; from <= v->size(); first = false) {
                size_t to = v->find(',', from);
                if (to == std::string::npos) to = v->size();
                const std::string value = v->substr(from, to - from);
                const std::string* word = lookup(n.table + "." + value);
                if (!first) out += separator ? *separator : std::string("; ");
                out += word ? *word : value;
                from = to + 1;
            }
        }
    }
}

struct Table {
    std::unordered_map<std::string, std::string> texts;  // codes, "<table>.<value>" words, list_separator
    std::vector<std::string> codes;                      // in file order
    std::vector<std::pair<std::string, Nodes>> parsed;   // each code's template, for recognising
};

const Table& table() {
    static const Table t = [] {
        Table out;
        const std::string_view text = embedded_file("messages.json");
        const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
        if (!j.is_object()) return out;
        if (j.contains("list_separator")) out.texts["list_separator"] = j["list_separator"].get<std::string>();
        if (j.contains("messages"))
            for (const auto& [code, value] : j["messages"].items()) {
                out.texts[code] = value.get<std::string>();
                out.codes.push_back(code);
                out.parsed.emplace_back(code, parse(value.get_ref<const std::string&>()));
            }
        if (j.contains("words"))
            for (const auto& [key, value] : j["words"].items()) out.texts[key] = value.get<std::string>();
        return out;
    }();
    return t;
}

const TextLookup& english_lookup() {
    static const TextLookup lookup = [](const std::string& key) { return english_text(key); };
    return lookup;
}

// A word table's value back from its English (else the English as it is), for each part of a list.
std::string reverse_words(const std::string& table_name, std::string_view english_words) {
    const Table& t = table();
    const std::string separator = t.texts.count("list_separator") ? t.texts.at("list_separator") : "; ";
    const std::string prefix = table_name + ".";
    std::string out;
    size_t from = 0;
    for (bool first = true; from <= english_words.size(); first = false) {
        size_t to = english_words.find(separator, from);
        if (to == std::string_view::npos) to = english_words.size();
        const std::string_view part = english_words.substr(from, to - from);
        std::string value(part);
        for (const auto& [key, word] : t.texts)
            if (key.compare(0, prefix.size(), prefix) == 0 && word == part) value = key.substr(prefix.size());
        out += (first ? "" : ",") + value;
        from = to + separator.size();
    }
    return out;
}

using Continue = std::function<bool(size_t)>;

// What a match found: the parameters, and for each the word table its value is read back
// through once the whole text has matched (null: none).
struct Found {
    MessageParams& params;
    std::vector<const std::string*> tables;

    // The table parameters' values from their English words to the table's values.
    void read_back_words() {
        for (size_t k = 0; k < params.size(); ++k)
            if (tables[k]) params[k].second = reverse_words(*tables[k], params[k].second);
    }
};

// Matches nodes[i...] against s from pos, then asks `next` about the rest (backtracking).
bool match(const Nodes& nodes, size_t i, std::string_view s, size_t pos, Found& out, const Continue& next) {
    if (i == nodes.size()) return next(pos);
    const Node& n = nodes[i];
    if (n.kind == Node::literal) {
        if (s.compare(pos, n.text.size(), n.text) != 0) return false;
        return match(nodes, i + 1, s, pos + n.text.size(), out, next);
    }
    if (n.kind == Node::section) {
        const size_t mark = out.params.size();
        const Continue rest = [&](size_t p) { return match(nodes, i + 1, s, p, out, next); };
        // A number section whose number is already read takes its one branch; else both are
        // tried (recognise() checks the whole text by filling it again).
        const std::string* number = n.text.empty() ? nullptr : find_param(out.params, n.text);
        if (number) return match(by_number(n, number), 0, s, pos, out, rest);
        if (match(n.then, 0, s, pos, out, rest)) return true;
        out.params.resize(mark);
        out.tables.resize(mark);
        return match(n.otherwise, 0, s, pos, out, rest);
    }
    // A parameter: one or more characters, shortest first. When a literal follows, only the
    // ends where that literal starts can match (issue 9: trying every end, with each value's
    // words read back, made recognising a long note cost over a million instructions).
    const std::string* literal_next =
        i + 1 < nodes.size() && nodes[i + 1].kind == Node::literal && !nodes[i + 1].text.empty() ? &nodes[i + 1].text : nullptr;
    for (size_t end = pos + 1; end <= s.size(); ++end) {
        if (literal_next) {
            end = s.find(*literal_next, end);
            if (end == std::string_view::npos) return false;
        }
        out.params.emplace_back(n.text, std::string(s.substr(pos, end - pos)));
        out.tables.push_back(n.table.empty() ? nullptr : &n.table);
        if (match(nodes, i + 1, s, end, out, next)) return true;
        out.params.pop_back();
        out.tables.pop_back();
    }
    return false;
}

// Matches a whole text; the table parameters' words read back.
bool match_whole(const Nodes& nodes, std::string_view s, MessageParams& params) {
    Found found{params, {}};
    const Continue at_end = [&](size_t p) { return p == s.size(); };
    if (!match(nodes, 0, s, 0, found, at_end)) return false;
    found.read_back_words();
    return true;
}

}  // namespace

const std::string* CodedText::param(std::string_view name) const { return find_param(params, name); }

const std::string* english_text(const std::string& key) {
    const auto& texts = table().texts;
    const auto it = texts.find(key);
    return it == texts.end() ? nullptr : &it->second;
}

const std::vector<std::string>& message_codes() { return table().codes; }

std::string fill_template(std::string_view text, const MessageParams& params, const TextLookup& lookup) {
    std::string out;
    fill(parse(text), params, lookup, out);
    return out;
}

bool match_template(std::string_view text, std::string_view filled, MessageParams& out) {
    out.clear();
    return match_whole(parse(text), filled, out);
}

std::string english(const CodedText& coded) { return english(coded.code, coded.params); }

std::string english(const std::string& code, const MessageParams& params) {
    const std::string* text = english_text(code);
    if (!text || code.find('.') != std::string::npos || code == "list_separator") return {};
    return fill_template(*text, params, english_lookup());
}

CodedText recognise(std::string_view text) {
    for (const auto& [code, nodes] : table().parsed) {
        CodedText m;
        m.code = code;
        if (match_whole(nodes, text, m.params) && english(m) == text) return m;
    }
    return {};
}

}  // namespace sh
