// Ring gauges drawn with our GLSL ES 3.00 shader (shaders/gauge.*) inside ImGui draw lists.
#pragma once

#include <imgui.h>

#include "app/app.h"

namespace sh::app {

// Starts building the gauge program, and the trend chart's (init_trend_renderer), once at
// start-up (needs a current WebGL2/GLES3 context); the first gauge drawn finishes it. If the
// gauge program cannot be built, gauges fall back to ImGui's own path drawing.
void init_gauge_renderer();

// Queues a ring at `centre` and adds the draw callback to the current window's draw list.
// value and target are fractions 0..1 (target < 0: no tick). `color` is the status colour.
void draw_gauge(App& app, ImVec2 centre, float radius, float value, float target, ImU32 color);

}  // namespace sh::app
