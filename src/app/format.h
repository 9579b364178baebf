// Small text helpers shared by the panels: values, targets, dates, status words and colours.
// The metric words themselves are metric_text.h's, looked up in the UI language.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "app/metric_text.h"
#include "core/result.h"

namespace sh::app {

// The metric words in the UI language (tr()).
const MetricText& metric_text();

// A metric's value in its own unit: a percentage, an average rating, a score or a count. Cards
// draw it in the big font, which holds only ' '…'@' and '—' (theme.cpp kFigureRanges).
std::string value_text(const Metric& m, std::optional<double> value);
// The figure a card shows: the rate, or a policy counter's count.
std::optional<double> metric_figure(const Metric& m);
bool is_percentage(const Metric& m);
std::string metric_name(const Metric& m);        // "Order Defect Rate"
std::string metric_title(const Metric& m);       // "Order Defect Rate · seller-fulfilled"
std::string scope_text(const Metric& m);         // "seller-fulfilled"; "" for a policy counter
std::string status_word(const std::string& status);
ImU32 status_color(const std::string& status);
// "target below 1.00%", "target at least 90.00%"; "" when there is no target to say.
std::string target_text(const Metric& m);
// "3 of 812"; "" when there is no denominator (a policy counter).
std::string counts_text(const Metric& m);
std::string day_text(const MaybeDay& day);       // ISO date or "—"
std::string human_bytes(uint64_t bytes);
// "2026-09-08 – 2026-11-06"; "lifetime" for a computed figure without a window; "" for one of
// Amazon's that gives none (we do not know its window).
std::string window_text(const Metric& m);
// "Amazon.com (United States)" for a marketplace id, in the UI language (the marketplace
// control's words); the id itself when no policy names it.
std::string marketplace_text(const std::string& marketplace_id);
// Texts joined by " · ", the empty ones left out.
std::string joined(std::initializer_list<std::string> parts);

}  // namespace sh::app
