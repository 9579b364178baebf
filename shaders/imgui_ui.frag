#version 300 es
// Dear ImGui's triangles: vertex colour, its alpha times the texture's coverage (the font
// atlas, one channel: 1 where a shape is solid).
precision mediump float;

uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 frag_color;

void main() {
    frag_color = vec4(v_color.rgb, v_color.a * texture(u_texture, v_uv).r);
}
