// Trend chart renderer: one shader program, the days of every chart of the frame in one float
// texture, two quads per chart (areas, strokes) issued from ImGui draw callbacks.
#include "app/trend_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/gl_program.h"

namespace sh::app {

namespace {

constexpr int kTextureWidth = 1024;  // texels per row; shaders/trend.frag's TEXTURE_WIDTH

// One chart queued this frame.
struct TrendDraw {
    ImVec2 plot_min, plot_max;
    int offset = 0, count = 0;  // its days in the texture
    TrendStyle style;
};

// The renderer's state, in one place. The queue belongs to one ImGui frame: drawing starts a
// new queue when the frame count moves on, and callbacks of another frame draw nothing.
struct TrendRenderer {
    GlProgram pending;  // started at start-up, finished by the first chart (trend_renderer_ready)
    GLuint program = 0, vao = 0, vbo = 0, texture = 0;
    GLint u_viewport = -1, u_offset = -1, u_count = -1, u_layer = -1, u_plot = -1, u_line_width = -1;
    GLint u_threshold = -1, u_fail_above = -1, u_scale = -1, u_line = -1, u_fail = -1, u_marker = -1;
    int texture_rows = 0;          // rows allocated on the GPU
    std::vector<TrendDraw> queue;
    std::vector<float> texels;     // RG pairs, kTextureWidth per row
    int queued_frame = -1;         // the frame `queue` belongs to
    int uploaded_frame = -1;       // the frame whose texels are on the GPU
    int drawn_frame = -1, drawn = 0;
};
TrendRenderer renderer;

void unpack(ImU32 c, float out[4]) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    out[0] = v.x, out[1] = v.y, out[2] = v.z, out[3] = v.w;
}

void upload_texels() {
    const int rows = std::max(1, static_cast<int>(renderer.texels.size() / (2 * kTextureWidth)));
    glActiveTexture(GL_TEXTURE1);  // unit 0 stays ImGui's
    glBindTexture(GL_TEXTURE_2D, renderer.texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (rows > renderer.texture_rows) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, kTextureWidth, rows, 0, GL_RG, GL_FLOAT, renderer.texels.data());
        renderer.texture_rows = rows;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTextureWidth, rows, GL_RG, GL_FLOAT, renderer.texels.data());
    }
    renderer.uploaded_frame = renderer.queued_frame;
}

// Draws one layer of a queued chart. The callback data is index * 2 + layer.
void draw_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto data = static_cast<size_t>(reinterpret_cast<uintptr_t>(cmd->UserCallbackData));
    const size_t index = data / 2;
    const int layer = static_cast<int>(data % 2);
    if (renderer.queued_frame != ImGui::GetFrameCount() || index >= renderer.queue.size()) return;
    const TrendDraw& t = renderer.queue[index];
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec4 clip = cmd->ClipRect;
    if (clip.z <= clip.x || clip.w <= clip.y) return;  // clipped away (a scissor of 0 would be an error)
    const float sx = dd->FramebufferScale.x, sy = dd->FramebufferScale.y;
    const float fb_w = dd->DisplaySize.x * sx, fb_h = dd->DisplaySize.y * sy;
    if (renderer.uploaded_frame != renderer.queued_frame) upload_texels();

    // Every state this draw depends on is set here (no glGet*); ImDrawCallback_ResetRenderState,
    // queued after each layer, gives ImGui's renderer back its own.
    glViewport(0, 0, static_cast<GLsizei>(fb_w), static_cast<GLsizei>(fb_h));
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>((clip.x - dd->DisplayPos.x) * sx),
              static_cast<GLint>(fb_h - (clip.w - dd->DisplayPos.y) * sy),
              static_cast<GLsizei>((clip.z - clip.x) * sx), static_cast<GLsizei>((clip.w - clip.y) * sy));
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // The plot in framebuffer pixels, and a quad around it wide enough for the line and the dot.
    const float x0 = (t.plot_min.x - dd->DisplayPos.x) * sx, y0 = (t.plot_min.y - dd->DisplayPos.y) * sy;
    const float x1 = (t.plot_max.x - dd->DisplayPos.x) * sx, y1 = (t.plot_max.y - dd->DisplayPos.y) * sy;
    const float pad = (std::max(t.style.line_width, 7.0f * t.style.scale) + 2.0f) * sx;
    const float quad[8] = {x0 - pad, y0 - pad, x1 + pad, y0 - pad, x0 - pad, y1 + pad, x1 + pad, y1 + pad};
    glUseProgram(renderer.program);
    glBindVertexArray(renderer.vao);
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, renderer.texture);
    float line[4], fail[4], marker[4];
    unpack(t.style.line, line);
    unpack(t.style.fail, fail);
    unpack(t.style.marker, marker);
    glUniform2f(renderer.u_viewport, fb_w, fb_h);
    glUniform1i(renderer.u_offset, t.offset);
    glUniform1i(renderer.u_count, t.count);
    glUniform1i(renderer.u_layer, layer);
    glUniform4f(renderer.u_plot, x0, y0, x1, y1);
    glUniform1f(renderer.u_line_width, t.style.line_width * sx);
    glUniform1f(renderer.u_threshold, t.style.threshold);
    glUniform1f(renderer.u_fail_above, t.style.fail_above ? 1.0f : 0.0f);
    glUniform1f(renderer.u_scale, t.style.scale * sx);
    glUniform4fv(renderer.u_line, 1, line);
    glUniform4fv(renderer.u_fail, 1, fail);
    glUniform4fv(renderer.u_marker, 1, marker);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glActiveTexture(GL_TEXTURE0);  // ImGui's renderer binds its textures on unit 0
    glBindVertexArray(0);

    if (layer == 0) {
        if (renderer.drawn_frame != renderer.queued_frame) renderer.drawn_frame = renderer.queued_frame, renderer.drawn = 0;
        ++renderer.drawn;
    }
}

void add_layer(size_t index, int layer) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCallback(draw_callback, reinterpret_cast<void*>(static_cast<uintptr_t>(index * 2 + static_cast<size_t>(layer))));
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace

void init_trend_renderer() {
    renderer.pending.start("trend", {"a_position"});
    glGenTextures(1, &renderer.texture);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, renderer.texture);
    // Float textures are read with texelFetch: no filtering, no mipmaps.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glActiveTexture(GL_TEXTURE0);

    glGenVertexArrays(1, &renderer.vao);
    glGenBuffers(1, &renderer.vbo);
    glBindVertexArray(renderer.vao);
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
}

bool trend_renderer_ready() {
    TrendRenderer& r = renderer;
    if (!r.pending.finished()) {
        r.program = r.pending.finish({{"u_viewport", &r.u_viewport}, {"u_offset", &r.u_offset},
                                      {"u_count", &r.u_count}, {"u_layer", &r.u_layer}, {"u_plot", &r.u_plot},
                                      {"u_line_width", &r.u_line_width}, {"u_threshold", &r.u_threshold},
                                      {"u_fail_above", &r.u_fail_above}, {"u_scale", &r.u_scale},
                                      {"u_line", &r.u_line}, {"u_fail", &r.u_fail}, {"u_marker", &r.u_marker}});
        if (r.program) {
            glUseProgram(r.program);
            glUniform1i(glGetUniformLocation(r.program, "u_series"), 1);  // texture unit 1
            glUseProgram(0);
        }
    }
    return renderer.program != 0;
}

void draw_trend_areas(ImVec2 plot_min, ImVec2 plot_max, const std::vector<float>& days, const TrendStyle& style) {
    if (!trend_renderer_ready() || days.empty()) return;
    const int frame = ImGui::GetFrameCount();
    if (renderer.queued_frame != frame) {
        renderer.queue.clear();
        renderer.texels.clear();
        renderer.queued_frame = frame;
    }
    TrendDraw t;
    t.plot_min = plot_min, t.plot_max = plot_max, t.style = style;
    t.offset = static_cast<int>(renderer.texels.size() / 2);
    t.count = static_cast<int>(days.size());
    for (float v : days) {
        const bool has = std::isfinite(v);
        renderer.texels.push_back(has ? v : 0.0f);
        renderer.texels.push_back(has ? 1.0f : 0.0f);
    }
    // Whole rows, so the upload is one rectangle.
    const size_t row = 2 * kTextureWidth;
    renderer.texels.resize((renderer.texels.size() + row - 1) / row * row, 0.0f);
    renderer.queue.push_back(t);
    add_layer(renderer.queue.size() - 1, 0);
}

void draw_trend_strokes() {
    if (!renderer.program || renderer.queued_frame != ImGui::GetFrameCount() || renderer.queue.empty()) return;
    add_layer(renderer.queue.size() - 1, 1);
}

int trend_draws_last_frame() {
    if (!ImGui::GetCurrentContext()) return 0;
    return renderer.drawn_frame == ImGui::GetFrameCount() ? renderer.drawn : 0;
}

}  // namespace sh::app
