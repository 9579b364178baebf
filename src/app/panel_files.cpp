// Loaded files: each file's kind, marketplace, encoding, rows, skipped rows and problems, a
// remove button, progress while a file streams in; and the template downloads (templates.h).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/format.h"
#include "app/gauge.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/templates.h"

namespace sh::app {

namespace {

// Where the template buttons were drawn, and in which frame (templates.h).
struct DrawnButton {
    const char* file_name;
    ImVec2 min, max;
};
struct DrawnButtons {
    int frame = -1;
    std::vector<DrawnButton> buttons;
};
DrawnButtons& drawn_buttons() {
    static DrawnButtons drawn;
    return drawn;
}

}  // namespace

std::string template_buttons_json() {
    std::string out = "[";
    for (const DrawnButton& b : drawn_buttons().buttons) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s{\"file\":\"%s\",\"x0\":%.1f,\"y0\":%.1f,\"x1\":%.1f,\"y1\":%.1f}",
                      out.size() > 1 ? "," : "", b.file_name, double(b.min.x), double(b.min.y), double(b.max.x),
                      double(b.max.y));
        out += buf;
    }
    return out + "]";
}

void draw_progress(App& app, const Layout& layout) {
    const float s = layout.s;
    for (const PendingFile& p : app.pending) {
        const uint64_t done = p.streaming ? app.session.bytes_in_progress() : 0;
        const float fraction = p.size ? static_cast<float>(static_cast<double>(done) / static_cast<double>(p.size)) : 0.0f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float r = 10 * s;
        draw_gauge(app, ImVec2(at.x + r, at.y + r), r, fraction, -1.0f, IM_COL32(66, 150, 250, 255));
        ImGui::Dummy(ImVec2(2 * r, 2 * r));
        ImGui::SameLine();
        const std::string overlay = p.streaming ? trf("files.progress", {human_bytes(done), human_bytes(p.size)})
                                                : std::string(tr("files.waiting"));
        ImGui::ProgressBar(p.streaming ? fraction : 0.0f, ImVec2(std::min(240 * s, ImGui::GetContentRegionAvail().x * 0.5f), 0),
                           overlay.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(p.name.c_str());
    }
}

namespace {

std::string kind_text(const InputInfo& in) {
    return in.kind.empty() ? std::string(tr("files.unknown_kind")) : tr_word("filekind.", in.kind);
}

// The file's error, problems and notes in the UI language (shown_texts.h).
void problems_list(const InputInfo& in, const InputTexts& texts) {
    if (!in.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.35f, 0.35f, 1));
        ImGui::TextWrapped("%s", texts.error.c_str());
        ImGui::PopStyleColor();
    }
    for (const std::string& problem : texts.problems) ImGui::TextWrapped("%s", problem.c_str());
    for (const std::string& note : texts.notes) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopStyleColor();
    }
}

void files_table(App& app, const Layout& layout) {
    const float s = layout.s;
    const std::vector<InputInfo>& inputs = shown_result(app).inputs;
    const std::vector<InputTexts>& texts = shown_texts(app).inputs;
    if (inputs.empty() || texts.size() != inputs.size()) return;
    size_t remove = inputs.size();
    if (layout.narrow) {
        // One block per file.
        for (size_t i = 0; i < inputs.size(); ++i) {
            const InputInfo& in = inputs[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::Separator();
            ImGui::TextUnformatted(in.name.c_str());
            ImGui::TextDisabled("%s · %s%s%s", kind_text(in).c_str(), in.encoding.c_str(), in.marketplace.empty() ? "" : " · ",
                                in.marketplace.c_str());
            ImGui::Text("%s", trf("files.rows_skipped", {count_text(double(in.rows)), count_text(double(in.skipped))}).c_str());
            problems_list(in, texts[i]);
            if (!read_only(app) && ImGui::SmallButton(tr("files.remove"))) remove = i;
            ImGui::PopID();
        }
    } else {
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("files", 8, flags)) {
            ImGui::TableSetupColumn(tr("files.file"), 0, 2.0f);
            ImGui::TableSetupColumn(tr("files.kind"), 0, 1.6f);
            ImGui::TableSetupColumn(tr("files.marketplace"), 0, 1.0f);
            ImGui::TableSetupColumn(tr("files.encoding"), 0, 0.9f);
            ImGui::TableSetupColumn(tr("files.rows"), 0, 0.7f);
            ImGui::TableSetupColumn(tr("files.skipped"), 0, 0.7f);
            ImGui::TableSetupColumn(tr("files.problems"), 0, 3.2f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 80 * s);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < inputs.size(); ++i) {
                const InputInfo& in = inputs[i];
                ImGui::PushID(static_cast<int>(i));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", in.name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", kind_text(in).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(in.marketplace.empty() ? "—" : in.marketplace.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(in.encoding.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(count_text(double(in.rows)).c_str());
                ImGui::TableNextColumn();
                if (in.skipped) ImGui::TextColored(ImVec4(0.91f, 0.65f, 0.14f, 1), "%s", count_text(double(in.skipped)).c_str());
                else ImGui::TextUnformatted("0");
                ImGui::TableNextColumn();
                if (in.ok() && in.problems.empty() && in.notes.empty()) ImGui::TextDisabled("—");
                problems_list(in, texts[i]);
                ImGui::TableNextColumn();
                if (!read_only(app) && ImGui::SmallButton(tr("files.remove"))) remove = i;
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    if (remove < inputs.size()) {
        app.session.remove_file(remove);
        ++app.result_generation;
    }
}

}  // namespace

void draw_templates(App& app, const Layout& /*layout*/) {
    if (read_only(app)) return;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("templates.title"));
    help_marker(tr("templates.help"));
    DrawnButtons& drawn = drawn_buttons();
    if (drawn.frame != ImGui::GetFrameCount()) drawn = {ImGui::GetFrameCount(), {}};
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (const CsvTemplate& t : kCsvTemplates) {
        // On the line of the one before while it fits, else on the next line.
        const float width = ImGui::CalcTextSize(tr(t.key)).x + 2 * style.FramePadding.x;
        if (&t != kCsvTemplates && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
        if (ImGui::Button(tr(t.key))) platform::download_text(t.file_name, t.header);
        drawn.buttons.push_back({t.file_name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    }
}

void draw_files_panel(App& app, const Layout& layout) {
    if (read_only(app)) ImGui::TextWrapped("%s", tr("snapshot.no_files"));
    files_table(app, layout);
    draw_typed_figures(app, layout);
    draw_templates(app, layout);
}

}  // namespace sh::app
