// The ImGui application: all UI state in one struct, drawn once per frame over the core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/i18n.h"
#include "app/shown_texts.h"
#include "app/snapshot.h"
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

// The dashboard's panels (tabs on a wide screen, the same order in one column on a phone).
enum class Panel : int { overview, today, drilldown, feedback, whatif, files, count };

// What-if sliders of one metric (keyed by id + scope + category).
struct WhatIfSliders {
    std::string key;
    int extra_orders = 0;
    int extra_bad = 0;
};

// The CJK font: fetched from the site on demand, merged into the atlas with only the glyphs used.
struct CjkFont {
    std::vector<char> bytes;           // the subset TrueType file (empty until fetched)
    bool requested = false;            // platform::fetch_cjk_font() was called
    std::u32string baked;              // code points baked into the current atlas
    std::u32string wanted;             // code points the UI needs (translations + content)
};

// The "Figures from Seller Central" fields (typed_figures.cpp), as typed.
struct TypedFiguresState {
    char rating[8] = "";
    char totals[4][16] = {};  // 30d, 90d, 365d, lifetime
    std::string error;        // why the last typed figures were not taken
};

// What the header's option controls showed in the last frame they were drawn (controls.cpp;
// the page's sellerHealth.controls(), for tests). Sizes and places in device pixels.
struct ShownControls {
    bool drawn = false;            // false while the phone layout's settings are folded
    bool read_only = false;        // drawn disabled: a shared snapshot's settings
    std::string as_of;             // the as-of field's text, else the day its hint shows
    std::string policy;            // the policy id the marketplace control shows
    std::string date_order;        // "auto", "dmy", "mdy"; "" in a snapshot (it carries none)
    int rows = 0;                  // lines the wide layout's row of controls took
    float policy_text_room = 0;    // room for a label inside the closed marketplace control
    float policy_label_max = 0;    // the widest marketplace label in the UI language
    float as_of_rect[4] = {};      // x0, y0, x1, y1 of the as-of field
    float policy_rect[4] = {};     // of the marketplace control
    float settings_rect[4] = {};   // of the phone layout's "Settings" header (zero when wide)
};

struct App {
    Session session;
    // A read-only shared snapshot (issue 7): when set, every panel shows it instead of the
    // session's result, and nothing that changes the session is offered.
    std::optional<Result> snapshot;
    PrivacyState privacy;                 // share link and "remember my files" (app/snapshot.h)
    std::vector<PendingFile> pending;     // queued by the page, front = streaming now
    std::vector<GaugeDraw> gauges;        // rebuilt every frame
    float dpi_scale = 1.0f;               // devicePixelRatio the fonts and style were built for
    ImFont* body_font = nullptr;
    ImFont* title_font = nullptr;
    ImFont* big_font = nullptr;           // the large figure on metric cards (figures only)
    int framebuffer_width = 0, framebuffer_height = 0;
    bool dark = true;
    bool style_dirty = false;             // theme changed: rebuild the style before the next frame
    bool fonts_dirty = false;             // glyphs or CJK font changed: rebuild the atlas
    Language language = Language::en;
    CjkFont cjk;
    uint64_t result_generation = 0;       // bumps whenever the result may have changed
    uint64_t announced_generation = 0;    // last generation reported to the page
    uint64_t scanned_generation = ~0ull;  // last generation scanned for CJK text
    ShownTexts texts;                     // the core's texts as shown, per result_generation
    double frame_ms = 0;                  // CPU time of the last frame's UI (NewFrame to Render)
    const char* focused_control = "";     // name of the control with keyboard focus this frame
    ShownControls controls_shown;         // what the header's option controls showed

    // Navigation and panel state.
    Panel panel = Panel::overview;
    bool panel_requested = false;         // select `panel` in the tab bar on the next frame
    std::string selected_metric;          // drill-down: metric key (id/scope/source/category)
    int selected_entry = -1;              // feedback: index into entries
    char item_filter[64] = "";
    char entry_filter[64] = "";
    char as_of_text[16] = "";
    std::vector<WhatIfSliders> whatif;
    TypedFiguresState typed;
};

// The result every panel shows: the shared snapshot when there is one, else the session's.
const Result& shown_result(App& app);
bool read_only(const App& app);
// A stable key for a metric (drill-down selection, what-if sliders).
std::string metric_key(const Metric& m);

// Builds fonts and style for a devicePixelRatio (called again when it changes).
void apply_scale(App& app, float dpi_scale);
// Rebuilds only the style (theme switch).
void apply_style(App& app);
// Before NewFrame: notes CJK text in the UI or the result and asks the host for the CJK font
// when needed; true when the font atlas must be rebuilt (call apply_scale again).
bool update_glyph_needs(App& app);
// Draws one frame of UI (between ImGui::NewFrame and ImGui::Render).
void draw_frame(App& app);
// One line per metric for screen readers and the page's aria-live region (in the UI language).
std::string summary_text(App& app);
// Language and theme setters shared by the controls and the page's script API.
void set_language(App& app, Language language);
void set_dark(App& app, bool dark);

}  // namespace sh::app
