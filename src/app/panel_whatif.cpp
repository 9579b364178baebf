// What-if: per metric, sliders for extra orders and extra bad items, showing the resulting rate
// and status live (arithmetic in whatif.h, the engine's exact status rule).
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "app/format.h"
#include "app/panels.h"
#include "app/whatif.h"

namespace sh::app {

namespace {

WhatIfSliders& sliders_for(App& app, const std::string& key) {
    for (WhatIfSliders& w : app.whatif)
        if (w.key == key) return w;
    app.whatif.push_back({key, 0, 0});
    return app.whatif.back();
}

// "3 more defective orders allowed" or "needs 83 more orders without a problem" for an outcome.
std::string room_text(const Metric& m, const WhatIfOutcome& out, const RateRule& rule) {
    const WhatIfRoom room = whatif_room(out, rule);
    if (room.allowed) return metric_text().headroom(m.id, *room.allowed);
    if (room.needed) return metric_text().needed(m.id, *room.needed);
    return {};
}

// An integer slider: drag, Ctrl+click (or Tab) to type, Space then arrows to step (Ctrl+arrows
// by one). Typed values are clamped to the range. `mark` (when inside the range) is a notch
// where the status turns, placed like ImGui places the grab's centre (SliderBehaviorT).
void count_slider(const char* id, int* value, int max, const char* format, float width, std::optional<int64_t> mark,
                  ImU32 mark_color, float s) {
    ImGui::SetNextItemWidth(width);
    ImGui::SliderInt(id, value, 0, max, format, ImGuiSliderFlags_AlwaysClamp);
    if (!mark || *mark <= 0 || *mark > max) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const float pad = 2.0f;  // ImGui's grab padding
    const float track = hi.x - lo.x - 2 * pad;
    const float grab = std::min(std::max(track / float(max + 1), ImGui::GetStyle().GrabMinSize), track);
    const float x = lo.x + pad + grab / 2 + (track - grab) * static_cast<float>(double(*mark) / double(max));
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, lo.y + 2 * s), ImVec2(x, hi.y - 2 * s), mark_color, 2 * s);
}

void whatif_row(App& app, const Metric& m, const RateRule& rule, const Layout& layout) {
    const float s = layout.s;
    WhatIfSliders& w = sliders_for(app, metric_key(m));
    ImGui::PushID(w.key.c_str());
    const WhatIfRange range = whatif_range(m, rule);
    w.extra_orders = std::clamp(w.extra_orders, 0, range.max_orders);
    w.extra_bad = std::clamp(w.extra_bad, 0, range.max_bad);

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(metric_title(m).c_str());
    ImGui::TextDisabled("%s · %s", value_text(m, m.rate).c_str(), status_word(m.status).c_str());
    if (layout.narrow) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float slider_w = layout.narrow ? ImGui::GetContentRegionAvail().x : std::max(ImGui::GetContentRegionAvail().x, 120 * s);
    // Notches where each slider turns the status: green where the orders end the failing,
    // red where the bad items make it fail.
    const WhatIfFlips flips = whatif_flips(m, rule, w.extra_orders, w.extra_bad);
    // The labels name what the metric counts, in the singular for 1 ("+1 message answered in time").
    const std::string good_format = metric_text().whatif_good_format(m.id, w.extra_orders);
    const std::string bad_format = metric_text().whatif_bad_format(m.id, w.extra_bad);
    count_slider("##orders", &w.extra_orders, range.max_orders, good_format.c_str(), slider_w, flips.orders_to_pass,
                 status_color("good"), s);
    count_slider("##bad", &w.extra_bad, range.max_bad, bad_format.c_str(), slider_w, flips.bad_to_fail,
                 status_color("failing"), s);
    const WhatIfOutcome out = what_if(m, rule, w.extra_orders, w.extra_bad);
    if (layout.narrow) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(app.title_font);
    ImGui::TextUnformatted(value_text(m, out.rate).c_str());
    ImGui::PopFont();
    status_badge(out.status);
    ImGui::TextDisabled("%s", trf("card.counts", {count_text(out.numerator), count_text(out.denominator)}).c_str());
    if (const std::string room = room_text(m, out, rule); !room.empty()) ImGui::TextWrapped("%s", room.c_str());
    if (w.extra_orders || w.extra_bad) {
        if (ImGui::SmallButton(tr("whatif.reset"))) w.extra_orders = w.extra_bad = 0;
    }
    ImGui::PopID();
}

}  // namespace

void draw_whatif_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    // The intro wraps short of the right edge, so the (?) after it always fits.
    const float marker_w = ImGui::CalcTextSize("(?)").x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + ImGui::GetContentRegionAvail().x - marker_w);
    ImGui::TextWrapped("%s", tr("whatif.intro"));
    ImGui::PopTextWrapPos();
    help_marker(tr("whatif.keys_help"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    const int columns = layout.narrow ? 1 : 3;
    int shown = 0;
    // The light theme's frames are as white as every other table row: shade the slider tracks
    // with the text colour so they show on either row colour.
    if (!app.dark) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetColorU32(ImGuiCol_Text, 0.08f));
    if (ImGui::BeginTable(layout.narrow ? "whatif_narrow" : "whatif", columns, flags)) {
        if (!layout.narrow) {
            ImGui::TableSetupColumn(tr("whatif.metric"), 0, 1.6f);
            ImGui::TableSetupColumn(tr("whatif.change"), 0, 2.0f);
            ImGui::TableSetupColumn(tr("whatif.result"), 0, 1.2f);
            ImGui::TableHeadersRow();
        }
        for (const Metric& m : r.metrics) {
            if (m.source != "computed") continue;
            const auto rule = rule_for(m);
            if (!rule) continue;
            whatif_row(app, m, *rule, layout);
            ++shown;
        }
        ImGui::EndTable();
    }
    if (!app.dark) ImGui::PopStyleColor();
    if (!shown) ImGui::TextDisabled("%s", tr("overview.none"));
}

}  // namespace sh::app
