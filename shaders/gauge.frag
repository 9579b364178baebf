#version 300 es
// Status ring gauge: an anti-aliased arc filled clockwise from 12 o'clock up to u_value,
// over a faint track, with a tick at the target. Signed distances keep edges crisp at any DPI.
precision highp float;

uniform float u_radius;         // outer radius in pixels
uniform float u_thickness;      // ring thickness in pixels
uniform float u_value;          // filled fraction 0..1
uniform float u_target;         // target position 0..1 (negative: no tick)
uniform vec4 u_fill;            // status colour (premultiplied later)
uniform vec4 u_track;           // background ring colour
uniform vec4 u_tick;            // target tick colour
in vec2 v_local;
out vec4 frag_color;

const float TAU = 6.28318530718;

void main() {
    float r = length(v_local);
    float mid = u_radius - u_thickness * 0.5;
    float ring = abs(r - mid) - u_thickness * 0.5;      // < 0 inside the ring
    float aa = max(fwidth(r), 1e-3);
    float inside = 1.0 - smoothstep(-aa * 0.5, aa * 0.5, ring);
    if (inside <= 0.0) discard;

    // Angle clockwise from 12 o'clock, 0..1.
    float a = atan(v_local.x, -v_local.y) / TAU;
    a = a < 0.0 ? a + 1.0 : a;
    float arc_px = (u_value - a) * TAU * mid;            // > 0 inside the filled arc
    float filled = clamp(arc_px / aa + 0.5, 0.0, 1.0) * step(0.0005, u_value);
    vec4 color = mix(u_track, u_fill, filled);

    if (u_target >= 0.0) {
        float d = a - u_target;
        d = d - floor(d + 0.5);                          // wrap to -0.5..0.5
        float tick_px = abs(d) * TAU * mid;
        float tick = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, tick_px);
        color = mix(color, u_tick, tick);
    }
    frag_color = vec4(color.rgb, color.a * inside);
}
