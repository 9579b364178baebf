// Today: the actions the core ranked for the seller, most urgent first, and its warnings.
#include <imgui.h>

#include "app/format.h"
#include "app/panels.h"

namespace sh::app {

void draw_today_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    const float s = layout.s;
    if (r.actions.empty()) {
        ImGui::TextWrapped("%s", tr(r.metrics.empty() ? "today.nothing_loaded" : "today.none"));
    } else {
        ImGui::TextDisabled("%s", trf("today.count", {std::to_string(r.actions.size())}).c_str());
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable(layout.narrow ? "actions_narrow" : "actions", 3, flags)) {
            ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 28 * s);
            ImGui::TableSetupColumn(tr("today.action"), 0, 5.0f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, (layout.narrow ? 70 : 150) * s);
            ImGui::TableHeadersRow();
            int n = 0;
            for (const Action& a : r.actions) {
                ImGui::PushID(n++);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%d", n);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", a.text.c_str());
                ImGui::TableNextColumn();
                if (!a.order_id.empty()) {
                    copy_button("copy", a.order_id);
                    if (!layout.narrow) ImGui::SameLine();
                }
                // Feedback work opens the entry (its comment, removal reasons and reply draft).
                int entry = -1;
                if (!a.order_id.empty())
                    for (size_t e = 0; e < r.feedback.entries.size() && entry < 0; ++e)
                        if (r.feedback.entries[e].order_id == a.order_id && a.text.find("feedback") != std::string::npos)
                            entry = static_cast<int>(e);
                if (entry >= 0) {
                    if (ImGui::SmallButton(tr("today.open_feedback"))) {
                        app.selected_entry = entry;
                        app.entry_filter[0] = '\0';
                        app.panel = Panel::feedback;
                        app.panel_requested = true;
                    }
                } else if (!a.metric.empty()) {
                    for (const Metric& m : r.metrics) {
                        if (m.id == a.metric && m.source == "computed") {
                            if (ImGui::SmallButton(tr("card.details"))) open_drilldown(app, m);
                            break;
                        }
                    }
                }
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    if (!r.warnings.empty()) {
        section_title(app, tr("today.warnings"));
        for (const std::string& w : r.warnings) ImGui::BulletText("%s", w.c_str());
    }
}

}  // namespace sh::app
