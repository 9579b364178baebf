// Small widgets the panels share: status badge, copy button, help marker, highlighted text.
#include <imgui.h>

#include <algorithm>

#include "app/format.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/text.h"

namespace sh::app {

void open_drilldown(App& app, const Metric& m) {
    app.selected_metric = metric_key(m);
    app.panel = Panel::drilldown;
    app.panel_requested = true;
    app.item_filter[0] = '\0';
}

void status_badge(const std::string& status) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(status));
    ImGui::Text("\xE2\x97\x8F %s", status_word(status).c_str());  // ● Good
    ImGui::PopStyleColor();
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool copy_button(const char* id, const std::string& text) {
    ImGui::PushID(id);
    const bool pressed = ImGui::SmallButton(tr("button.copy"));
    ImGui::PopID();
    if (pressed) platform::copy_to_clipboard(text);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    return pressed;
}

void section_title(App& app, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(app.title_font);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// Lays the text out word by word (CJK: character by character), wrapping at the content width,
// and paints a background behind the highlighted spans.
void highlighted_text(const std::string& text, const std::vector<Highlight>& spans, ImU32 highlight_bg) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float wrap = std::max(ImGui::GetContentRegionAvail().x, 50.0f);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    auto highlighted = [&](size_t at) {
        for (const Highlight& h : spans)
            if (at >= h.begin && at < h.end) return true;
        return false;
    };
    float x = 0, y = 0;
    size_t i = 0;
    while (i < text.size()) {
        // A token: a run of non-space Latin bytes, one CJK code point, or one space/newline.
        const size_t start = i;
        size_t probe = i;
        const char32_t c = next_code_point(text, probe);
        if (c == '\n') {
            x = 0, y += line_h, i = probe;
            continue;
        }
        if (c == ' ' || is_cjk_point(c)) {
            i = probe;
        } else {
            while (i < text.size()) {
                size_t next = i;
                const char32_t d = next_code_point(text, next);
                if (d == ' ' || d == '\n' || is_cjk_point(d)) break;
                if (highlighted(i) != highlighted(start)) break;
                i = next;
            }
        }
        const char* b = text.data() + start;
        const char* e = text.data() + i;
        const float w = ImGui::CalcTextSize(b, e).x;
        if (x > 0 && x + w > wrap && c != ' ') x = 0, y += line_h;
        if (x == 0 && c == ' ') continue;
        const ImVec2 p(origin.x + x, origin.y + y);
        if (highlighted(start)) dl->AddRectFilled(ImVec2(p.x - 1, p.y), ImVec2(p.x + w + 1, p.y + ImGui::GetTextLineHeight()),
                                                  highlight_bg, 3.0f);
        dl->AddText(p, color, b, e);
        x += w;
    }
    ImGui::Dummy(ImVec2(wrap, y + line_h));
}

}  // namespace sh::app
