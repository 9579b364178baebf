// Fonts and colours: crisp text at any devicePixelRatio, light and dark themes, and the CJK
// font merged with only the glyphs the UI and the loaded reports use.
#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "app/app.h"
#include "app/platform.h"
#include "app/text.h"

namespace sh::app {

std::string_view app_asset(std::string_view path);  // generated: embedded fonts

namespace {

// The same ranges the build keeps when it subsets the Latin font (CMakeLists.txt).
const ImWchar kLatinRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A,
                                0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265,
                                0x25B2, 0x25B2, 0x25BC, 0x25BC, 0x25CF, 0x25CF, 0x2713, 0x2713,
                                0x2717, 0x2717, 0x2460, 0x2473, 0};  // ① … ⑳ (Japanese comments)

// The big font shows only figures (format.h value_text: digits, '.', '%', '-', and '—' for
// none): a third of the atlas's glyph area fewer to rasterise before the first frame (issue 9).
const ImWchar kFigureRanges[] = {0x0020, 0x0040, 0x2014, 0x2014, 0};

// Glyph ranges live until the atlas is rebuilt (ImGui keeps the pointers).
ImVector<ImWchar> g_cjk_body_ranges, g_cjk_title_ranges;

void build_ranges(const std::u32string& points, ImVector<ImWchar>& out) {
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : points)
        if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
    out.clear();
    builder.BuildRanges(&out);
}

}  // namespace

void apply_style(App& app) {
    ImGuiStyle style;
    if (app.dark) {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);
        style.Colors[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.31f, 1.0f);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.63f, 0.68f, 1.0f);
    } else {
        ImGui::StyleColorsLight(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        style.Colors[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.84f, 1.0f);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1.0f);
    }
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ChildRounding = 8.0f;
    style.TabRounding = 4.0f;
    style.WindowPadding = ImVec2(12, 12);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.CellPadding = ImVec2(6, 3);
    style.ScrollbarSize = 16.0f;
    style.ScaleAllSizes(app.dpi_scale);
    ImGui::GetStyle() = style;
    app.style_dirty = false;
}

void apply_scale(App& app, float dpi_scale) {
    app.dpi_scale = dpi_scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string_view font = app_asset("ui-latin.ttf");
    const bool cjk = !app.cjk.bytes.empty() && !app.cjk.wanted.empty();
    if (cjk) {
        // The title font needs only the UI's own words; the body also the reports' text.
        CjkPoints ui_only;
        if (is_cjk(app.language)) ui_only.add(all_text(app.language));
        build_ranges(app.cjk.wanted, g_cjk_body_ranges);
        build_ranges(ui_only.sorted(), g_cjk_title_ranges);
        app.cjk.baked = app.cjk.wanted;
    } else {
        app.cjk.baked.clear();
    }
    auto add = [&](float size, const ImVector<ImWchar>* cjk_ranges, const ImWchar* ranges = kLatinRanges) {
        ImFont* f = nullptr;
        if (font.empty()) {
            ImFontConfig fallback;
            fallback.SizePixels = size * dpi_scale;
            f = io.Fonts->AddFontDefault(&fallback);
        } else {
            ImFontConfig config;
            config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
            config.OversampleH = 2;
            config.PixelSnapH = false;
            f = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                               size * dpi_scale, &config, ranges);
        }
        if (cjk && cjk_ranges && cjk_ranges->Size > 1) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.FontDataOwnedByAtlas = false;  // App::cjk keeps the bytes
            merge.OversampleH = 1;
            merge.OversampleV = 1;
            merge.PixelSnapH = true;
            // Droid Sans Fallback draws ideographs small in their em box: 15 % larger matches
            // the Latin UI font's cap height (checked on the screenshots).
            merge.GlyphOffset.y = 0.04f * size * dpi_scale;
            io.Fonts->AddFontFromMemoryTTF(app.cjk.bytes.data(), static_cast<int>(app.cjk.bytes.size()),
                                           size * 1.15f * dpi_scale, &merge, cjk_ranges->Data);
        }
        return f;
    };
    app.body_font = add(15.0f, &g_cjk_body_ranges);
    app.title_font = add(20.0f, &g_cjk_title_ranges);
    app.big_font = add(28.0f, nullptr, kFigureRanges);
    io.Fonts->Build();
    app.fonts_dirty = false;
    apply_style(app);
}

bool update_glyph_needs(App& app) {
    if (app.scanned_generation != app.result_generation) {
        app.scanned_generation = app.result_generation;
        CjkPoints wanted;
        if (is_cjk(app.language)) wanted.add(all_text(app.language));
        const Result& r = shown_result(app);
        for (const InputInfo& in : r.inputs) wanted.add(in.name);
        for (const PendingFile& p : app.pending) wanted.add(p.name);
        for (const FeedbackEntryResult& e : r.feedback.entries) {
            wanted.add(e.comment);
            wanted.add(e.draft);
        }
        // The core's texts as shown: translated templates plus values from the files.
        const ShownTexts& texts = shown_texts(app);
        for (const TodayRow& row : texts.actions) wanted.add(row.text);
        for (const std::string& w : texts.warnings) wanted.add(w);
        for (const auto& notes : texts.metric_notes)
            for (const std::string& note : notes) wanted.add(note);
        for (const InputTexts& in : texts.inputs) {
            wanted.add(in.error);
            for (const std::string& p : in.problems) wanted.add(p);
            for (const std::string& note : in.notes) wanted.add(note);
        }
        app.cjk.wanted = wanted.sorted();
    }
    if (app.cjk.wanted.empty()) return app.fonts_dirty;
    if (app.cjk.bytes.empty()) {
        if (!app.cjk.requested) {
            app.cjk.requested = true;
            platform::fetch_cjk_font();
        }
        return app.fonts_dirty;
    }
    const bool missing = !std::includes(app.cjk.baked.begin(), app.cjk.baked.end(), app.cjk.wanted.begin(),
                                        app.cjk.wanted.end());
    return app.fonts_dirty || missing;
}

}  // namespace sh::app
