// The result object as JSON, exactly as output.md names its fields: written straight from the
// structs (json_writer.h), in the order of output.md's example.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"
#include "core/result.h"

namespace sh {

void write_json(const Result& result, JsonWriter& w);
void write_json(const InputInfo& input, JsonWriter& w);
void write_json(const Metric& metric, JsonWriter& w);
void write_json(const FeedbackReport& feedback, JsonWriter& w);

// The text of one of them (compact: what the page hands to scripts).
template <typename T>
std::string json_text(const T& value, JsonWriter::Style style = JsonWriter::Style::compact) {
    std::string out;
    JsonWriter w(out, style);
    write_json(value, w);
    return out;
}

// As a tree, parsed from that text (tests, and callers that look values up).
nlohmann::ordered_json to_json(const Result& result);
nlohmann::ordered_json to_json(const InputInfo& input);
nlohmann::ordered_json to_json(const Metric& metric);
nlohmann::ordered_json to_json(const FeedbackReport& feedback);

}  // namespace sh
