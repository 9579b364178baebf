// Small text helpers shared by the panels: percentages, counts, status words and colours.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "core/result.h"

namespace sh::app {

std::string percent(std::optional<double> rate, int decimals = 2);
std::string metric_title(const Metric& m);
ImU32 status_color(const std::string& status);
// "below 1.00%", "above 95.00%", "at least 90.00%".
std::string target_text(const Metric& m);
std::string human_bytes(uint64_t bytes);

}  // namespace sh::app
