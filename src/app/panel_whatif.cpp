// What-if: per metric, sliders for extra orders and extra bad items, showing the resulting rate
// and status live (arithmetic in whatif.h, the engine's exact status rule).
#include <imgui.h>

#include <algorithm>

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

void whatif_row(App& app, const Metric& m, const RateRule& rule, const Layout& layout) {
    const float s = layout.s;
    WhatIfSliders& w = sliders_for(app, metric_key(m));
    ImGui::PushID(w.key.c_str());
    const int max_orders = std::max(100, static_cast<int>(m.denominator) * 2);
    const int max_bad = std::max(20, static_cast<int>(m.denominator / 10));
    const WhatIfOutcome out = what_if(m, rule, w.extra_orders, w.extra_bad);

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(metric_title(m).c_str());
    ImGui::TextDisabled("%s · %s", value_text(m, m.rate).c_str(), status_word(m.status).c_str());
    if (layout.narrow) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float slider_w = layout.narrow ? ImGui::GetContentRegionAvail().x : std::max(ImGui::GetContentRegionAvail().x, 120 * s);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderInt("##orders", &w.extra_orders, 0, max_orders, tr("whatif.extra_orders_fmt"), ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(slider_w);
    const std::string bad_format = tr_word("whatif.extra_bad_fmt.", m.id == "feedback_average_365d" || m.condition != "lt"
                                                                        ? std::string("gt") : std::string("lt"));
    ImGui::SliderInt("##bad", &w.extra_bad, 0, max_bad, bad_format.c_str(), ImGuiSliderFlags_AlwaysClamp);
    if (layout.narrow) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(app.title_font);
    ImGui::TextUnformatted(value_text(m, out.rate).c_str());
    ImGui::PopFont();
    status_badge(out.status);
    ImGui::TextDisabled("%s", trf("card.counts", {count_text(out.numerator), count_text(out.denominator)}).c_str());
    if (w.extra_orders || w.extra_bad) {
        if (ImGui::SmallButton(tr("whatif.reset"))) w.extra_orders = w.extra_bad = 0;
    }
    ImGui::PopID();
}

}  // namespace

void draw_whatif_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    ImGui::TextWrapped("%s", tr("whatif.intro"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    const int columns = layout.narrow ? 1 : 3;
    int shown = 0;
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
    if (!shown) ImGui::TextDisabled("%s", tr("overview.none"));
}

}  // namespace sh::app
