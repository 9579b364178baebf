// One frame of the UI: header, controls, the drop zone, and the panels as tabs (wide screens)
// or one column (phones); plus the aria-live summary, which says what the overview shows.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/app.h"
#include "app/format.h"
#include "app/gauge.h"
#include "app/panels.h"
#include "app/platform.h"

namespace sh::app {

const Result& shown_result(App& app) { return app.snapshot ? *app.snapshot : app.session.result(); }
bool read_only(const App& app) { return app.snapshot.has_value(); }

std::string metric_key(const Metric& m) {
    return m.id + "/" + m.scope + "/" + m.source + "/" + m.category + "/" + m.marketplace_id;
}

void set_language(App& app, Language language) {
    if (app.language == language) return;
    app.language = language;
    set_translation_language(language);
    app.scanned_generation = ~0ull;  // the glyphs needed change
    ++app.result_generation;         // the summary's words change
    platform::ui_changed(language_code(language), app.dark);
}

void set_dark(App& app, bool dark) {
    if (app.dark == dark) return;
    app.dark = dark;
    app.style_dirty = true;
    platform::ui_changed(language_code(app.language), dark);
}

namespace {

void draw_header(App& app, const Layout& layout) {
    ImGui::PushFont(app.title_font);
    ImGui::TextUnformatted(tr("app.title"));
    ImGui::PopFont();
    const char* open = tr("header.open");
    const float button_w = ImGui::CalcTextSize(open).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!layout.narrow) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("  %s", tr("app.tagline"));
    }
    if (!read_only(app)) {
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_w));
        if (ImGui::Button(open)) platform::open_file_picker();
    }
    if (layout.narrow) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", tr("app.tagline"));
        ImGui::PopStyleColor();
    }
}

void draw_drop_zone(App& app, const Layout& layout) {
    const float s = layout.s;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::min(std::max(avail.y - 120 * s, 140 * s), 240 * s));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_Border), 10 * s, 0, 2 * s);
    const float wrap = size.x - 32 * s;
    const char* line1 = tr("drop.title");
    const char* line2 = tr("drop.kinds");
    const char* line3 = tr("drop.private");
    ImGui::PushFont(app.title_font);
    const ImVec2 t1 = ImGui::CalcTextSize(line1, nullptr, false, wrap);
    ImGui::PopFont();
    const ImVec2 t2 = ImGui::CalcTextSize(line2, nullptr, false, wrap);
    const ImVec2 t3 = ImGui::CalcTextSize(line3, nullptr, false, wrap);
    float y = p.y + (size.y - t1.y - t2.y - t3.y - 16 * s) / 2;
    dl->AddText(app.title_font, app.title_font->FontSize, ImVec2(p.x + (size.x - t1.x) / 2, y),
                ImGui::GetColorU32(ImGuiCol_Text), line1, nullptr, wrap);
    y += t1.y + 8 * s;
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + std::max(16 * s, (size.x - t2.x) / 2), y),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), line2, nullptr, wrap);
    y += t2.y + 8 * s;
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + std::max(16 * s, (size.x - t3.x) / 2), y),
                IM_COL32(46, 170, 96, 255), line3, nullptr, wrap);
    ImGui::Dummy(size);
}

void draw_snapshot_banner(App& app) {
    if (!read_only(app)) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(66, 150, 250, 60));
    ImGui::BeginChild("snapshot", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y),
                      ImGuiChildFlags_Border);
    ImGui::TextWrapped("%s", tr("snapshot.banner"));
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

struct PanelInfo {
    Panel panel;
    const char* key;
};
constexpr PanelInfo kPanels[] = {
    {Panel::overview, "panel.overview"}, {Panel::today, "panel.today"},     {Panel::drilldown, "panel.drilldown"},
    {Panel::feedback, "panel.feedback"}, {Panel::whatif, "panel.whatif"},   {Panel::files, "panel.files"},
};

void draw_panel(App& app, Panel panel, const Layout& layout) {
    switch (panel) {
        case Panel::overview: draw_overview_panel(app, layout); break;
        case Panel::today: draw_today_panel(app, layout); break;
        case Panel::drilldown: draw_drilldown_panel(app, layout); break;
        case Panel::feedback: draw_feedback_panel(app, layout); break;
        case Panel::whatif: draw_whatif_panel(app, layout); break;
        case Panel::files: draw_files_panel(app, layout); break;
        default: break;
    }
}

// Number keys 1–6 switch panels when no text field has the keyboard.
void panel_shortcuts(App& app) {
    if (ImGui::GetIO().WantTextInput) return;
    for (int i = 0; i < static_cast<int>(Panel::count); ++i) {
        if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false)) {
            app.panel = static_cast<Panel>(i);
            app.panel_requested = true;
        }
    }
}

void draw_tabs(App& app, const Layout& layout) {
    panel_shortcuts(app);
    const ImGuiTabBarFlags flags = layout.narrow ? ImGuiTabBarFlags_FittingPolicyScroll
                                                 : ImGuiTabBarFlags_FittingPolicyResizeDown;
    if (!ImGui::BeginTabBar("panels", flags)) return;
    for (const PanelInfo& p : kPanels) {
        ImGuiTabItemFlags item_flags = 0;
        if (app.panel_requested && app.panel == p.panel) item_flags |= ImGuiTabItemFlags_SetSelected;
        char label[128];
        std::snprintf(label, sizeof label, "%s###%s", tr(p.key), p.key);
        if (ImGui::BeginTabItem(label, nullptr, item_flags)) {
            if (!app.panel_requested) app.panel = p.panel;
            ImGui::BeginChild("panel", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
            draw_panel(app, p.panel, layout);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    app.panel_requested = false;
    ImGui::EndTabBar();
}

}  // namespace

void draw_frame(App& app) {
    app.gauges.clear();
    app.focused_control = "";
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    Layout layout;
    layout.s = app.dpi_scale;
    layout.narrow = vp->WorkSize.x / app.dpi_scale < 700.0f;
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("Seller Health", nullptr, flags);
    draw_header(app, layout);
    draw_controls(app, layout);
    draw_snapshot_banner(app);
    const bool empty = shown_result(app).inputs.empty() && app.pending.empty() && !read_only(app);
    if (empty) {
        draw_drop_zone(app, layout);
        draw_templates(app, layout);
    } else {
        draw_progress(app, layout);
        draw_tabs(app, layout);
    }
    ImGui::End();
    if (app.announced_generation != app.result_generation) {
        app.announced_generation = app.result_generation;
        platform::result_changed();
    }
}

std::string summary_text(App& app) {
    const Result& result = shown_result(app);
    std::string out;
    for (const Metric* m : card_metrics(result)) {
        // "Order Defect Rate · seller-fulfilled: 0.37%, Good (target below 1.00%)", the target
        // left out when there is none to say (a policy counter: "Listing policy violations: 1, Failing").
        out += metric_title(*m) + ": " + value_text(*m, metric_figure(*m)) + ", " + status_word(m->status);
        if (const std::string target = target_text(*m); !target.empty()) out += " (" + target + ")";
        if (m->source == "amazon_report")
            out += " · " + joined({tr("card.reported_by_amazon"),
                                   m->marketplace_id.empty() ? std::string() : marketplace_text(m->marketplace_id)});
        else if (const Metric* r = reported_partner(result, *m)) out += " · " + amazon_comparison(*m, *r);
        out += "\n";
    }
    if (out.empty()) {
        size_t rows = 0;
        for (const InputInfo& in : result.inputs) rows += in.rows;
        out = result.inputs.empty() ? std::string(tr("summary.empty"))
                                    : trf("summary.no_metrics", {std::to_string(result.inputs.size()),
                                                                  std::to_string(rows)});
    }
    return out;
}

}  // namespace sh::app
