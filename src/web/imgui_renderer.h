// Our own Dear ImGui renderer for WebGL2: the GL context is the page's alone, so every frame sets
// the state it needs instead of reading the previous state back (no glGet* per frame: under a
// software GPU each synchronous query waits for the previous frame to finish, ~100 ms).
#pragma once

#include <imgui.h>

namespace sh::web {

// Starts building the program (shaders/imgui_ui.*) and makes the buffers; the font texture
// comes with the first frame's fonts. Needs a current WebGL2 context. Whether the program was
// built is known when the first frame is drawn (render_imgui).
void init_imgui_renderer();
// Uploads the font atlas again (after the fonts were rebuilt: new scale, new glyphs).
void rebuild_font_texture();
// Draws ImGui's draw data into the current framebuffer (viewport and clear are the caller's).
// False when the program could not be built: nothing can be drawn, now or later.
bool render_imgui(const ImDrawData* draw_data);

}  // namespace sh::web
