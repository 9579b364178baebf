// Fonts and colours: crisp text at any devicePixelRatio, light and dark themes.
#include <imgui.h>

#include <string_view>

#include "app/app.h"

namespace sh::app {

std::string_view app_asset(std::string_view path);  // generated: embedded fonts

void apply_scale(App& app, float dpi_scale) {
    app.dpi_scale = dpi_scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string_view font = app_asset("ui-latin.ttf");
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    config.OversampleH = 2;
    config.PixelSnapH = false;
    if (!font.empty()) {
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                       15.0f * dpi_scale, &config, io.Fonts->GetGlyphRangesDefault());
    } else {
        config.SizePixels = 13.0f * dpi_scale;
        io.Fonts->AddFontDefault(&config);
    }
    io.Fonts->Build();

    ImGuiStyle style;
    if (app.dark) {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ChildRounding = 6.0f;
    style.WindowPadding = ImVec2(12, 12);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.ScaleAllSizes(dpi_scale);
    ImGui::GetStyle() = style;
}

}  // namespace sh::app
