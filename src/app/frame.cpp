// One frame of the UI: header, drop zone, loaded files, and a card per metric.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/app.h"
#include "app/format.h"
#include "app/gauge.h"
#include "app/platform.h"

namespace sh::app {

namespace {

void draw_header(App& app) {
    const float s = app.dpi_scale;
    ImGui::PushFont(app.title_font);
    ImGui::TextUnformatted("Seller Health");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("  account health from your own reports — nothing leaves this computer");
    ImGui::SameLine(ImGui::GetWindowWidth() - 170 * s);
    if (ImGui::Button("Open reports…", ImVec2(150 * s, 0))) platform::open_file_picker();
    ImGui::Separator();
}

void draw_drop_zone(App& app) {
    const float s = app.dpi_scale;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::min(avail.y, 220 * s));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_Border), 10 * s, 0, 2 * s);
    const char* line1 = "Drop your Seller Central reports here";
    const char* line2 = "All Orders, Feedback, Returns, Account Health (JSON), claims and shipments templates";
    const ImVec2 t1 = ImGui::CalcTextSize(line1), t2 = ImGui::CalcTextSize(line2);
    dl->AddText(ImVec2(p.x + (size.x - t1.x) / 2, p.y + size.y / 2 - t1.y), ImGui::GetColorU32(ImGuiCol_Text), line1);
    dl->AddText(ImVec2(p.x + (size.x - t2.x) / 2, p.y + size.y / 2 + 4 * s), ImGui::GetColorU32(ImGuiCol_TextDisabled), line2);
    ImGui::Dummy(size);
}

void draw_files(App& app) {
    const float s = app.dpi_scale;
    const auto& files = app.session.files();
    if (files.empty() && app.pending.empty()) return;
    ImGui::SeparatorText("Loaded files");
    for (const PendingFile& p : app.pending) {
        const uint64_t done = p.streaming ? app.session.bytes_in_progress() : 0;
        const float fraction = p.size ? static_cast<float>(static_cast<double>(done) / static_cast<double>(p.size)) : 0.0f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float r = 10 * s;
        draw_gauge(app, ImVec2(at.x + r, at.y + r), r, fraction, -1.0f, IM_COL32(66, 150, 250, 255));
        ImGui::Dummy(ImVec2(2 * r, 2 * r));
        ImGui::SameLine();
        char overlay[96];
        std::snprintf(overlay, sizeof overlay, "%s of %s", human_bytes(done).c_str(), human_bytes(p.size).c_str());
        ImGui::ProgressBar(p.streaming ? fraction : 0.0f, ImVec2(240 * s, 0), p.streaming ? overlay : "waiting");
        ImGui::SameLine();
        ImGui::TextUnformatted(p.name.c_str());
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!files.empty() && ImGui::BeginTable("files", 7, flags)) {
        ImGui::TableSetupColumn("File");
        ImGui::TableSetupColumn("Kind");
        ImGui::TableSetupColumn("Encoding");
        ImGui::TableSetupColumn("Rows");
        ImGui::TableSetupColumn("Skipped");
        ImGui::TableSetupColumn("Problems");
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 70 * s);
        ImGui::TableHeadersRow();
        size_t remove = files.size();
        for (size_t i = 0; i < files.size(); ++i) {
            const InputInfo& in = files[i].info;
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(in.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(in.kind.empty() ? "not recognised" : in.kind.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(in.encoding.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(in.rows));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(in.skipped));
            ImGui::TableNextColumn();
            if (!in.ok()) ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.35f, 1), "%s", in.error.c_str());
            for (const Problem& p : in.problems)
                ImGui::TextWrapped("line %u%s%s: %s", p.line, p.column.empty() ? "" : ", ", p.column.c_str(), p.message.c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Remove")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (remove < files.size()) {
            app.session.remove_file(remove);
            ++app.result_generation;
        }
    }
}

void draw_metric_card(App& app, const Metric& m) {
    const float s = app.dpi_scale;
    const float r = 26 * s;
    ImGui::BeginChild(ImGui::GetID(&m), ImVec2(340 * s, 96 * s), true);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    float value = 0, target = -1;
    if (m.rate && m.target) {
        // Show the bad share against twice the allowed bad share, so the tick sits mid-ring.
        const bool lower_is_better = m.condition == "lt" || m.condition == "lte";
        const double bad = lower_is_better ? *m.rate : 1.0 - *m.rate;
        const double allowed = lower_is_better ? *m.target : 1.0 - *m.target;
        if (allowed > 0) {
            value = static_cast<float>(bad / (2 * allowed));
            target = 0.5f;
        }
    }
    draw_gauge(app, ImVec2(at.x + r, at.y + r + 4 * s), r, value, target, status_color(m.status));
    ImGui::Dummy(ImVec2(2 * r, 2 * r));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(metric_title(m).c_str());
    ImGui::Text("%s   %s", percent(m.rate).c_str(), m.status.c_str());
    ImGui::TextDisabled("%s · %.0f / %.0f%s", target_text(m).c_str(), m.numerator, m.denominator,
                        m.source == "amazon_report" ? " · reported by Amazon" : "");
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace

void draw_frame(App& app) {
    app.gauges.clear();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Seller Health", nullptr, flags);
    draw_header(app);
    if (app.session.files().empty() && app.pending.empty()) draw_drop_zone(app);
    draw_files(app);
    const Result& result = app.session.result();
    if (!result.metrics.empty()) {
        ImGui::SeparatorText("Account health");
        const float card = 348 * app.dpi_scale;
        const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / card));
        int i = 0;
        for (const Metric& m : result.metrics) {
            if (i++ % per_row) ImGui::SameLine();
            draw_metric_card(app, m);
        }
    }
    ImGui::End();
    if (app.announced_generation != app.result_generation) {
        app.announced_generation = app.result_generation;
        platform::result_changed();
    }
}

std::string summary_text(App& app) {
    const Result& result = app.session.result();
    std::string out;
    for (const Metric& m : result.metrics) {
        out += metric_title(m) + ": " + percent(m.rate) + ", " + m.status + " (target " + target_text(m) + ")";
        if (m.source == "amazon_report") out += ", reported by Amazon";
        out += "\n";
    }
    if (out.empty()) {
        size_t rows = 0;
        for (const LoadedFile& f : app.session.files()) rows += f.info.rows;
        out = app.session.files().empty() ? "No reports loaded."
                                          : std::to_string(app.session.files().size()) + " files loaded, " +
                                                std::to_string(rows) + " rows; no metric can be computed from them yet.";
    }
    return out;
}

}  // namespace sh::app
