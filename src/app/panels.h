// The dashboard's panels and the small widgets they share. Each panel lives in its own file
// (panel_*.cpp, controls.cpp) and reads the result through shown_result(app).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.h"

namespace sh::app {

// Layout facts of this frame (device pixels; `narrow` below ~700 CSS px: one column).
struct Layout {
    float s = 1;          // dpi scale: multiply design sizes by it
    bool narrow = false;
};

void draw_controls(App& app, const Layout& layout);
void draw_files_panel(App& app, const Layout& layout);
void draw_progress(App& app, const Layout& layout);  // files streaming in
void draw_templates(App& app, const Layout& layout);
// Account Health Rating and feedback totals typed in (typed_figures.cpp); sync_ refills the
// fields from the session's options after a script changed them.
void draw_typed_figures(App& app, const Layout& layout);
void sync_typed_figures(App& app);
void draw_overview_panel(App& app, const Layout& layout);
void draw_drilldown_panel(App& app, const Layout& layout);
void draw_feedback_panel(App& app, const Layout& layout);
void draw_today_panel(App& app, const Layout& layout);
void draw_whatif_panel(App& app, const Layout& layout);

// Opens a metric's drill-down (from a card, an action or the what-if list).
void open_drilldown(App& app, const Metric& m);

// The Amazon-reported figure for a computed metric (same id, scope, category), or null.
const Metric* reported_partner(const Result& r, const Metric& computed);
// Metrics as the overview shows them: computed ones, and Amazon's alone when nothing computed
// matches them.
std::vector<const Metric*> card_metrics(const Result& r);
// "3 more defective orders allowed", "needs 201 more orders without a defect", ...
std::string headroom_text(const Metric& m);
std::string recovery_text(const Metric& m);
// "Amazon: 0.52% (+0.15 pts vs. yours)".
std::string amazon_comparison(const Metric& computed, const Metric& reported);

// Widgets.
void status_badge(const std::string& status);                 // ● Good, in the status colour
void help_marker(const char* text);                           // (?) with a wrapped tooltip
bool copy_button(const char* id, const std::string& text);    // "Copy" → clipboard
// Wrapped text with byte spans highlighted (feedback trigger words).
struct Highlight {
    size_t begin = 0, end = 0;
};
void highlighted_text(const std::string& text, const std::vector<Highlight>& spans, ImU32 highlight_bg);
void section_title(App& app, const char* text);

// The trend chart (chart.cpp): daily rate, threshold line, as-of marker.
void draw_trend_chart(App& app, const Metric& m, float height);
// Horizontal bars: label, count (feedback root causes).
void draw_bar_chart(App& app, const std::vector<std::pair<std::string, double>>& bars, ImU32 color);

}  // namespace sh::app
