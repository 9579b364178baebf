// Feedback: positive share and counts per window, the root causes as bars, the entries with
// their causes (trigger words highlighted), removal eligibility, and a reply draft to copy.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/format.h"
#include "app/panels.h"

namespace sh::app {

namespace {

void counts_table(const FeedbackReport& f) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("counts", 5, flags)) return;
    ImGui::TableSetupColumn(tr("feedback.window"));
    ImGui::TableSetupColumn(tr("feedback.positive_share"));
    ImGui::TableSetupColumn(tr("feedback.positive"));
    ImGui::TableSetupColumn(tr("feedback.neutral"));
    ImGui::TableSetupColumn(tr("feedback.negative"));
    ImGui::TableHeadersRow();
    for (const char* window : {"30d", "90d", "365d", "lifetime"}) {
        const auto it = f.counts.find(window);
        const FeedbackCounts c = it == f.counts.end() ? FeedbackCounts{} : it->second;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr_word("feedback.window.", window).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent(c.positive_share, 1).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%u", c.positive);
        ImGui::TableNextColumn();
        ImGui::Text("%u", c.neutral);
        ImGui::TableNextColumn();
        ImGui::Text("%u", c.negative);
    }
    ImGui::EndTable();
    if (f.average_365d) ImGui::TextDisabled("%s", trf("feedback.average", {[&] {
                                                 char b[16];
                                                 std::snprintf(b, sizeof b, "%.2f", *f.average_365d);
                                                 return std::string(b);
                                             }()}).c_str());
}

std::string causes_text(const FeedbackEntryResult& e) {
    std::string out;
    for (const std::string& c : e.causes) out += (out.empty() ? "" : ", ") + tr_word("cause.", c);
    return out;
}

bool entry_matches(const FeedbackEntryResult& e, const std::string& filter) {
    if (filter.empty()) return true;
    return e.order_id.find(filter) != std::string::npos || e.comment.find(filter) != std::string::npos ||
           causes_text(e).find(filter) != std::string::npos;
}

void entries_list(App& app, const FeedbackReport& f, float height) {
    const float s = app.dpi_scale;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 260 * s));
    ImGui::InputTextWithHint("##entry_filter", tr("feedback.filter"), app.entry_filter, sizeof app.entry_filter);
    // The entries passing the filter, worked out again only when the result or the filter changes
    // (a scan of every entry each frame grows with the orders).
    static struct {
        uint64_t generation = ~0ull;
        std::string filter;
        std::vector<int> rows;
    } cache;
    if (cache.generation != app.result_generation || cache.filter != app.entry_filter) {
        cache.generation = app.result_generation;
        cache.filter = app.entry_filter;
        cache.rows.clear();
        for (size_t i = 0; i < f.entries.size(); ++i)
            if (entry_matches(f.entries[i], app.entry_filter)) cache.rows.push_back(static_cast<int>(i));
    }
    const std::vector<int>& rows = cache.rows;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("entries", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("feedback.day"), 0, 1.1f);
    ImGui::TableSetupColumn(tr("feedback.rating"), 0, 0.6f);
    ImGui::TableSetupColumn(tr("feedback.causes"), 0, 2.0f);
    ImGui::TableSetupColumn(tr("feedback.removal"), 0, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int index = rows[static_cast<size_t>(r)];
            const FeedbackEntryResult& e = f.entries[static_cast<size_t>(index)];
            ImGui::PushID(index);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string day = format_day(e.day);
            if (ImGui::Selectable(day.c_str(), app.selected_entry == index, ImGuiSelectableFlags_SpanAllColumns))
                app.selected_entry = index;
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, status_color(e.rating <= 2 ? "failing" : e.rating == 3 ? "warning" : "good"));
            ImGui::Text("%d/5", e.rating);
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(causes_text(e).c_str());
            ImGui::TableNextColumn();
            if (e.removed) ImGui::TextDisabled("%s", tr("feedback.removed"));
            else if (e.removal_eligible) ImGui::TextColored(ImVec4(0.2f, 0.7f, 0.4f, 1), "\xE2\x9C\x93 %s", tr("feedback.eligible"));
            else ImGui::TextDisabled("—");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void entry_detail(App& app, const FeedbackEntryResult& e) {
    ImGui::TextDisabled("%s · %d/5 · %s%s", format_day(e.day).c_str(), e.rating, e.order_id.c_str(),
                        e.answered ? (" · " + std::string(tr("feedback.answered"))).c_str() : "");
    std::vector<Highlight> spans;
    for (const Trigger& t : e.triggers) spans.push_back({t.begin, t.end});
    highlighted_text(e.comment, spans, app.dark ? IM_COL32(200, 120, 20, 150) : IM_COL32(255, 200, 90, 200));
    if (!e.causes.empty()) ImGui::Text("%s: %s", tr("feedback.causes"), causes_text(e).c_str());
    if (e.removal_eligible) {
        ImGui::TextColored(ImVec4(0.2f, 0.7f, 0.4f, 1), "\xE2\x9C\x93 %s", tr("feedback.eligible_long"));
        for (const std::string& reason : e.removal_reasons)
        {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", tr_word("removal.", reason).c_str());
        }
    } else {
        ImGui::TextDisabled("%s", tr("feedback.not_eligible"));
    }
    if (!e.draft.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("feedback.draft"));
        ImGui::SameLine();
        copy_button("copy_draft", e.draft);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
        ImGui::BeginChild("draft", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
        ImGui::TextWrapped("%s", e.draft.c_str());
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::TextDisabled("%s", tr("feedback.draft_policy"));
    }
}

}  // namespace

void draw_feedback_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    const FeedbackReport& f = r.feedback;
    if (!f.present && f.counts.empty()) {
        ImGui::TextWrapped("%s", tr("feedback.none"));
        return;
    }
    const float s = layout.s;
    if (layout.narrow) {
        counts_table(f);
        section_title(app, tr("feedback.root_causes"));
    } else {
        ImGui::BeginTable("fb_top", 2, ImGuiTableFlags_SizingStretchSame);
        ImGui::TableNextColumn();
        counts_table(f);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("feedback.root_causes"));
    }
    std::vector<std::pair<std::string, double>> bars;
    for (const auto& [cause, count] : f.root_causes) bars.emplace_back(tr_word("cause.", cause), double(count));
    if (bars.empty()) ImGui::TextDisabled("%s", tr("feedback.no_causes"));
    draw_bar_chart(app, bars, IM_COL32(232, 120, 60, 255));
    if (!layout.narrow) ImGui::EndTable();

    section_title(app, tr("feedback.entries"));
    if (f.entries.empty()) {
        ImGui::TextDisabled("%s", tr(read_only(app) ? "snapshot.no_items" : "feedback.no_entries"));
        return;
    }
    if (app.selected_entry < 0 || app.selected_entry >= static_cast<int>(f.entries.size())) app.selected_entry = 0;
    const FeedbackEntryResult& e = f.entries[static_cast<size_t>(app.selected_entry)];
    if (layout.narrow) {
        entries_list(app, f, 220 * s);
        ImGui::Separator();
        entry_detail(app, e);
    } else if (ImGui::BeginTable("fb_bottom", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        entries_list(app, f, std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing(), 240 * s));
        ImGui::TableNextColumn();
        entry_detail(app, e);
        ImGui::EndTable();
    }
}

}  // namespace sh::app
