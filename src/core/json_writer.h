// Writes JSON text as it goes, with no tree in between: the result object is written straight
// from its structs (result_json.h). The text is exactly nlohmann's dump with error_handler_t::
// replace: compact as dump(-1), or pretty as dump(2) (the CLI's), so one can stand for the other;
// compact_ascii as dump(-1) with ensure_ascii.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sh {

class JsonWriter {
public:
    // compact_ascii: every character past ASCII written as \uXXXX. The page's result() text: a
    // browser decodes an ASCII text into a one-byte string several times faster, and parses it
    // faster (issue 9; feedback comments carry curly quotes and dashes).
    enum class Style { compact, pretty, compact_ascii };
    // Appends to `out`. With `spill`, `out` is handed to it whenever it holds 64 KB and then
    // cleared (the CLI writes a large result to stdout without holding its whole text).
    explicit JsonWriter(std::string& out, Style style = Style::compact,
                        std::function<void(std::string&)> spill = nullptr);

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // The next value is this member's.
    JsonWriter& key(std::string_view name);

    void string(std::string_view s);
    void integer(int64_t v);
    void unsigned_integer(uint64_t v);
    void number(double v);  // nlohmann's shortest form ("0.25", "1e-05", "2.0"); null if not finite
    void boolean(bool v);
    void null();

    // Hands the rest of the text to `spill` (when one was given).
    void flush();

private:
    void before_value();
    void spill_if_full();
    void open(char bracket);
    void close(char bracket);

    std::string& out_;
    Style style_;
    std::function<void(std::string&)> spill_;
    // One per open object or array: whether it has a member yet.
    std::vector<char> has_member_;
    bool after_key_ = false;
};

// Writes a tree through the writer (the same text as its dump).
void write_tree(const nlohmann::ordered_json& json, JsonWriter& w);

}  // namespace sh
