#version 300 es
// Dear ImGui's triangles (src/web/imgui_renderer.cpp): positions in ImGui's coordinates,
// mapped to clip space with the display rectangle; colour and font-atlas uv passed through.
precision highp float;

uniform vec2 u_display_pos;     // ImDrawData::DisplayPos
uniform vec2 u_display_size;    // ImDrawData::DisplaySize
in vec2 a_position;
in vec2 a_uv;
in vec4 a_color;                // RGBA8, normalised
out vec2 v_uv;
out vec4 v_color;

void main() {
    v_uv = a_uv;
    v_color = a_color;
    vec2 ndc = (a_position - u_display_pos) / u_display_size * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
