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
    // The same ranges the build keeps when it subsets the font (CMakeLists.txt).
    static const ImWchar kRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A,
                                      0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265,
                                      0x25B2, 0x25B2, 0x25BC, 0x25BC, 0x25CF, 0x25CF, 0x2713, 0x2713,
                                      0x2717, 0x2717, 0};
    const std::string_view font = app_asset("ui-latin.ttf");
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    config.OversampleH = 2;
    config.PixelSnapH = false;
    auto add = [&](float size) {
        if (font.empty()) {
            ImFontConfig fallback;
            fallback.SizePixels = size * dpi_scale;
            return io.Fonts->AddFontDefault(&fallback);
        }
        return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                              size * dpi_scale, &config, kRanges);
    };
    app.body_font = add(15.0f);
    app.title_font = add(22.0f);
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
