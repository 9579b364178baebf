// The daily trend chart drawn with our GLSL ES 3.00 shader (shaders/trend.*) inside ImGui draw
// lists: fill, failing tint, dashed threshold, as-of marker and the anti-aliased rate line.
#pragma once

#include <imgui.h>

#include <vector>

namespace sh::app {

// Starts building the trend program (called once at start-up by init_gauge_renderer).
void init_trend_renderer();
// Whether charts draw with it: finishes the program the first time (its uniforms looked up).
// False when it could not be built: the chart then draws with ImGui's own lines (chart.cpp).
bool trend_renderer_ready();

// How one chart looks; positions are in ImGui's coordinates (device pixels here).
struct TrendStyle {
    float line_width = 2;       // rate line, pixels
    float scale = 1;            // dpi scale (dashes, marker, dot)
    float threshold = -1;       // threshold scaled to 0..1 of the plot's height (negative: none)
    bool fail_above = true;     // lt metrics fail above the threshold, gt/gte below
    ImU32 line = 0, fail = 0, marker = 0;
};

// The two layers of one chart, each queued for this frame with a draw callback in the current
// window's draw list: the areas (fill, tint, threshold) first, so ImGui can draw labels over
// them, then the strokes (as-of marker, rate line, dot). `days` holds each day's rate scaled
// to 0..1 of the plot's height, NaN for a day without data; the areas call queues them.
void draw_trend_areas(ImVec2 plot_min, ImVec2 plot_max, const std::vector<float>& days, const TrendStyle& style);
void draw_trend_strokes();  // the chart the last draw_trend_areas queued

// Charts drawn through the shader in the last rendered frame (the page's tests read it).
int trend_draws_last_frame();

}  // namespace sh::app
