// Dear ImGui renderer: one program, one vertex array with its two buffers, one font texture
// (the atlas's coverage, one byte a texel: nothing else is drawn with a texture).
// State is set, never queried; draw callbacks (our gauges and charts) get the state back with
// ImDrawCallback_ResetRenderState, as with ImGui's own backend.
#include "web/imgui_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>

#include "app/gl_program.h"

namespace sh::web {

namespace {

struct Renderer {
    app::GlProgram pending;  // started by init, finished by the first frame drawn (ready())
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font_texture = 0;
    GLint u_display_pos = -1, u_display_size = -1, u_texture = -1;
};
Renderer renderer;

// The program, linked, and its uniforms' locations: looked up once, when the first frame is
// drawn (the status query waits for the GPU's compiler; nothing is queried per frame).
bool ready() {
    Renderer& r = renderer;
    if (!r.pending.finished())
        r.program = r.pending.finish({{"u_display_pos", &r.u_display_pos}, {"u_display_size", &r.u_display_size},
                                      {"u_texture", &r.u_texture}});
    return renderer.program != 0;
}

// The state every ImGui command draws with; framebuffer height is for the scissor's flip.
void set_render_state(const ImDrawData* dd) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(renderer.program);
    glUniform2f(renderer.u_display_pos, dd->DisplayPos.x, dd->DisplayPos.y);
    glUniform2f(renderer.u_display_size, dd->DisplaySize.x, dd->DisplaySize.y);
    glUniform1i(renderer.u_texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(renderer.vao);  // holds the attribute layout and the index buffer
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
}

}  // namespace

void init_imgui_renderer() {
    renderer.pending.start("imgui_ui", {"a_position", "a_uv", "a_color"});
    glGenVertexArrays(1, &renderer.vao);
    glGenBuffers(1, &renderer.vbo);
    glGenBuffers(1, &renderer.ibo);
    glBindVertexArray(renderer.vao);
    glBindBuffer(GL_ARRAY_BUFFER, renderer.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, renderer.ibo);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "seller_health_webgl2";  // the font texture: rebuild_font_texture
}

void rebuild_font_texture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    // One byte a texel (the glyphs' coverage; shaders/imgui_ui.frag makes it alpha): a quarter
    // of the RGBA atlas's memory and upload, and no conversion to RGBA (issue 9).
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (renderer.font_texture) glDeleteTextures(1, &renderer.font_texture);
    glGenTextures(1, &renderer.font_texture);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, renderer.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(renderer.font_texture)));
}

bool render_imgui(const ImDrawData* dd) {
    if (!ready()) return false;
    const float fb_w = dd->DisplaySize.x * dd->FramebufferScale.x;
    const float fb_h = dd->DisplaySize.y * dd->FramebufferScale.y;
    if (fb_w <= 0 || fb_h <= 0) return true;
    set_render_state(dd);
    const ImVec2 clip_off = dd->DisplayPos, clip_scale = dd->FramebufferScale;
    GLuint bound_texture = 0;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // Our gauges and charts bind programs and buffers of their own: set ours again
                // after any callback (what ResetRenderState asks for anyway).
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                set_render_state(dd);
                bound_texture = 0;
                continue;
            }
            const ImVec2 clip_min((cmd.ClipRect.x - clip_off.x) * clip_scale.x, (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
            const ImVec2 clip_max((cmd.ClipRect.z - clip_off.x) * clip_scale.x, (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(fb_h - clip_max.y),
                      static_cast<GLsizei>(clip_max.x - clip_min.x), static_cast<GLsizei>(clip_max.y - clip_min.y));
            const auto texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (texture != bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                bound_texture = texture;
            }
            // WebGL2 has no base-vertex draw: ImGui keeps every list's indices 16-bit from 0.
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    return true;
}

}  // namespace sh::web
