#version 300 es
// Daily trend chart: one screen-space quad around the plot; the fragment shader draws the chart.
precision highp float;

uniform vec2 u_viewport;        // framebuffer size in pixels
in vec2 a_position;             // quad corner in framebuffer pixels (top-left origin)
out vec2 v_pixel;

void main() {
    v_pixel = a_position;
    vec2 ndc = a_position / u_viewport * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
