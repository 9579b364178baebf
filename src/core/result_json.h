// The result object as JSON, exactly as output.md names its fields.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace sh {

nlohmann::ordered_json to_json(const Result& result);
nlohmann::ordered_json to_json(const InputInfo& input);
nlohmann::ordered_json to_json(const Metric& metric);
nlohmann::ordered_json to_json(const FeedbackReport& feedback);

}  // namespace sh
