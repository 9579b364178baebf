// Ring gauge renderer: one shader program, one quad per gauge, issued from ImGui callbacks.
#include "app/gauge.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/gl_program.h"
#include "app/trend_renderer.h"

namespace sh::app {

namespace {

// The renderer's state, in one place.
struct GaugeRenderer {
    GlProgram pending;  // started at start-up, finished by the first gauge drawn (ready())
    GLuint program = 0, vao = 0, vbo = 0;
    GLint u_viewport = -1, u_radius = -1, u_thickness = -1, u_value = -1, u_target = -1;
    GLint u_fill = -1, u_track = -1, u_tick = -1;
    const std::vector<GaugeDraw>* gauges = nullptr;  // this frame's queue
};
GaugeRenderer renderer;

// The program, linked, and its uniforms' locations, looked up the first time a gauge is drawn.
bool ready() {
    GaugeRenderer& r = renderer;
    if (!r.pending.finished())
        r.program = r.pending.finish({{"u_viewport", &r.u_viewport}, {"u_radius", &r.u_radius},
                                      {"u_thickness", &r.u_thickness}, {"u_value", &r.u_value},
                                      {"u_target", &r.u_target}, {"u_fill", &r.u_fill},
                                      {"u_track", &r.u_track}, {"u_tick", &r.u_tick}});
    return renderer.program != 0;
}

void unpack(ImU32 c, float out[4]) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    out[0] = v.x, out[1] = v.y, out[2] = v.z, out[3] = v.w;
}

void draw_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto index = static_cast<size_t>(reinterpret_cast<uintptr_t>(cmd->UserCallbackData));
    if (!renderer.gauges || index >= renderer.gauges->size()) return;
    const GaugeDraw& g = (*renderer.gauges)[index];
    const ImDrawData* dd = ImGui::GetDrawData();
    const float fb_w = dd->DisplaySize.x * dd->FramebufferScale.x;
    const float fb_h = dd->DisplaySize.y * dd->FramebufferScale.y;
    const float sx = dd->FramebufferScale.x, sy = dd->FramebufferScale.y;

    // Clip like ImGui's own commands do.
    const ImVec4 clip = cmd->ClipRect;
    if (clip.z <= clip.x || clip.w <= clip.y) return;  // clipped away (a scissor of 0 would be an error)
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>((clip.x - dd->DisplayPos.x) * sx),
              static_cast<GLint>(fb_h - (clip.w - dd->DisplayPos.y) * sy),
              static_cast<GLsizei>((clip.z - clip.x) * sx), static_cast<GLsizei>((clip.w - clip.y) * sy));

    const float pad = 1.5f;
    const float r = g.radius + pad;
    const float cx = (g.cx - dd->DisplayPos.x) * sx, cy = (g.cy - dd->DisplayPos.y) * sy;
    const float rs = r * sx;
    // x, y, local x, local y for a triangle strip.
    const float quad[16] = {cx - rs, cy - rs, -rs, -rs, cx + rs, cy - rs, rs, -rs,
                            cx - rs, cy + rs, -rs, rs,  cx + rs, cy + rs, rs, rs};
    glUseProgram(renderer.program);
    glBindVertexArray(renderer.vao);
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
    glUniform2f(renderer.u_viewport, fb_w, fb_h);
    glUniform1f(renderer.u_radius, g.radius * sx);
    glUniform1f(renderer.u_thickness, g.thickness * sx);
    glUniform1f(renderer.u_value, g.value);
    glUniform1f(renderer.u_target, g.target);
    glUniform4fv(renderer.u_fill, 1, g.fill);
    glUniform4fv(renderer.u_track, 1, g.track);
    glUniform4fv(renderer.u_tick, 1, g.tick);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

}  // namespace

void init_gauge_renderer() {
    init_trend_renderer();  // the trend chart's program, independent of the gauges' (trend_renderer.h)
    renderer.pending.start("gauge", {"a_position", "a_local"});
    glGenVertexArrays(1, &renderer.vao);
    glGenBuffers(1, &renderer.vbo);
    glBindVertexArray(renderer.vao);
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glBindVertexArray(0);
}

void draw_gauge(App& app, ImVec2 centre, float radius, float value, float target, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float thickness = std::max(3.0f, radius * 0.22f);
    if (!ready()) {
        // Fallback without our shader: ImGui's own arcs.
        constexpr float kPi = 3.14159265f;
        const float start = -kPi / 2;
        dl->PathArcTo(centre, radius - thickness / 2, start, start + 2 * kPi, 64);
        dl->PathStroke(ImGui::GetColorU32(ImGuiCol_Text, 0.13f), 0, thickness);
        dl->PathArcTo(centre, radius - thickness / 2, start, start + 2 * kPi * value, 64);
        dl->PathStroke(color, 0, thickness);
        return;
    }
    GaugeDraw g;
    g.cx = centre.x, g.cy = centre.y, g.radius = radius, g.thickness = thickness;
    g.value = std::fmin(std::fmax(value, 0.0f), 1.0f);
    g.target = target;
    unpack(color, g.fill);
    unpack(ImGui::GetColorU32(ImGuiCol_Text, 0.13f), g.track);  // visible on light and dark
    unpack(ImGui::GetColorU32(ImGuiCol_Text), g.tick);
    app.gauges.push_back(g);
    renderer.gauges = &app.gauges;
    dl->AddCallback(draw_callback, reinterpret_cast<void*>(static_cast<uintptr_t>(app.gauges.size() - 1)));
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace sh::app
