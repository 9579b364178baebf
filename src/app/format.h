// Small text helpers shared by the panels: values, targets, dates, status words and colours.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "core/result.h"

namespace sh::app {

std::string percent(std::optional<double> rate, int decimals = 2);
// A metric's value in its own unit: a percentage, an average rating, or a score. Cards draw it
// in the big font, which holds only ' '…'@' and '—' (theme.cpp kFigureRanges).
std::string value_text(const Metric& m, std::optional<double> value);
bool is_percentage(const Metric& m);
std::string metric_name(const Metric& m);        // "Order Defect Rate"
std::string metric_title(const Metric& m);       // "Order Defect Rate · seller-fulfilled"
std::string status_word(const std::string& status);
ImU32 status_color(const std::string& status);
// "below 1.00%", "above 95.00%", "at least 90.00%".
std::string target_text(const Metric& m);
std::string day_text(const MaybeDay& day);       // ISO date or "—"
std::string count_text(double n);                // 1,234 (whole numbers)
std::string human_bytes(uint64_t bytes);
std::string window_text(const Metric& m);        // "2026-09-08 – 2026-11-06"

}  // namespace sh::app
