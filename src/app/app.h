// The ImGui application: all UI state in one struct, drawn once per frame over the core.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/session.h"

struct ImFont;

namespace sh::app {

// A file the page has queued or is streaming in, for the progress bars.
struct PendingFile {
    std::string name;
    uint64_t size = 0;
    bool streaming = false;
};

// One ring gauge queued for the GPU this frame (see gauge.h).
struct GaugeDraw {
    float cx = 0, cy = 0, radius = 0, thickness = 0;
    float value = 0, target = -1;
    float fill[4]{}, track[4]{}, tick[4]{};
};

struct App {
    Session session;
    std::vector<PendingFile> pending;     // queued by the page, front = streaming now
    std::vector<GaugeDraw> gauges;        // rebuilt every frame
    float dpi_scale = 1.0f;               // devicePixelRatio the fonts and style were built for
    ImFont* body_font = nullptr;
    ImFont* title_font = nullptr;
    int framebuffer_width = 0, framebuffer_height = 0;
    bool dark = true;
    uint64_t result_generation = 0;       // bumps whenever the result may have changed
    uint64_t announced_generation = 0;    // last generation reported to the page
};

// Builds fonts and style for a devicePixelRatio (called again when it changes).
void apply_scale(App& app, float dpi_scale);
// Draws one frame of UI (between ImGui::NewFrame and ImGui::Render).
void draw_frame(App& app);
// One line per metric for screen readers and the page's aria-live region.
std::string summary_text(App& app);

}  // namespace sh::app
