// Today: the actions the core ranked for the seller, most urgent first, and its warnings. The
// rows (texts in the UI language and their links) are worked out once per result generation.
#include <imgui.h>

#include "app/format.h"
#include "app/panels.h"

namespace sh::app {

void draw_today_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    const ShownTexts& texts = shown_texts(app);
    const float s = layout.s;
    if (r.actions.empty()) {
        // A snapshot carries no actions (share links hold aggregates only): say so, never
        // "nothing urgent" beside failing metrics.
        ImGui::TextWrapped("%s", tr(read_only(app) ? "snapshot.no_actions"
                                    : r.metrics.empty() ? "today.nothing_loaded" : "today.none"));
    } else {
        ImGui::TextDisabled("%s", trf("today.count", {std::to_string(r.actions.size())}).c_str());
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable(layout.narrow ? "actions_narrow" : "actions", 3, flags)) {
            ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 28 * s);
            ImGui::TableSetupColumn(tr("today.action"), 0, 5.0f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, (layout.narrow ? 70 : 150) * s);
            ImGui::TableHeadersRow();
            int n = 0;
            for (size_t i = 0; i < r.actions.size() && i < texts.actions.size(); ++i) {
                const Action& a = r.actions[i];
                const TodayRow& row = texts.actions[i];
                ImGui::PushID(n++);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%d", n);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row.text.c_str());
                ImGui::TableNextColumn();
                if (!a.order_id.empty()) {
                    copy_button("copy", a.order_id);
                    if (!layout.narrow) ImGui::SameLine();
                }
                // Feedback work opens the entry (its comment, removal reasons and reply draft).
                if (row.feedback_entry >= 0) {
                    if (ImGui::SmallButton(tr("today.open_feedback"))) {
                        app.selected_entry = row.feedback_entry;
                        app.entry_filter[0] = '\0';
                        app.panel = Panel::feedback;
                        app.panel_requested = true;
                    }
                } else if (row.metric >= 0) {
                    if (ImGui::SmallButton(tr("card.details"))) open_drilldown(app, r.metrics[size_t(row.metric)]);
                }
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    if (!r.warnings.empty()) {
        section_title(app, tr("today.warnings"));
        for (const std::string& w : texts.warnings) ImGui::BulletText("%s", w.c_str());
    }
}

}  // namespace sh::app
