#version 300 es
// Status ring gauge: a screen-space quad around the ring; the fragment shader draws the ring.
precision highp float;

uniform vec2 u_viewport;        // framebuffer size in pixels
in vec2 a_position;             // quad corner in framebuffer pixels (top-left origin)
in vec2 a_local;                // the same corner relative to the ring centre, in pixels
out vec2 v_local;

void main() {
    v_local = a_local;
    vec2 ndc = a_position / u_viewport * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
