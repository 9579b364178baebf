#version 300 es
// Daily trend chart in two layers. Areas: a soft fill under the rate, the gap between the rate
// and the threshold tinted where the metric fails, the dashed threshold. Strokes: the as-of
// marker, the rate line (broken on days without data) and the as-of dot. Every shape is a
// distance in device pixels with a one-pixel ramp, so edges are anti-aliased and crisp at any
// devicePixelRatio. The series comes from a texture (one texel per day): a year costs no uniforms.
precision highp float;
precision highp int;

uniform highp sampler2D u_series;   // RG32F: r = rate scaled to 0..1 of the plot, g = 1 if the day has data
uniform int u_offset;               // first texel of this chart
uniform int u_count;                // days in the series (>= 1)
uniform int u_layer;                // 0: areas, 1: strokes
uniform vec4 u_plot;                // plot rect in framebuffer pixels: x0, y0 (top), x1, y1 (bottom)
uniform float u_line_width;         // rate line width in pixels
uniform float u_threshold;          // threshold scaled to 0..1 of the plot (negative: none)
uniform float u_fail_above;         // 1: failing above the threshold (lt), 0: below (gt/gte)
uniform float u_scale;              // device pixels per design pixel (dashes, marker, dot)
uniform vec4 u_line;                // rate line colour
uniform vec4 u_fail;                // failing colour (tint and threshold)
uniform vec4 u_marker;              // as-of marker colour
in vec2 v_pixel;
out vec4 frag_color;

const int TEXTURE_WIDTH = 1024;     // must match the renderer's texture width
const int MAX_SEGMENTS = 48;        // segments checked per pixel (enough down to reach/23 px per day)

vec2 day(int i) {
    int t = u_offset + i;
    return texelFetch(u_series, ivec2(t % TEXTURE_WIDTH, t / TEXTURE_WIDTH), 0).rg;
}

float step_x() { return u_count > 1 ? (u_plot.z - u_plot.x) / float(u_count - 1) : 1e6; }

float day_x(int i) {
    return u_count == 1 ? 0.5 * (u_plot.x + u_plot.z) : u_plot.x + step_x() * float(i);
}

float value_y(float v) { return mix(u_plot.w, u_plot.y, v); }

float segment_distance(vec2 p, vec2 a, vec2 b) {
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    return length(p - a - ab * t);
}

// Premultiplied "over".
vec4 over(vec4 under, vec3 rgb, float alpha) { return vec4(rgb * alpha, alpha) + under * (1.0 - alpha); }

vec4 areas(vec2 p, float fi) {
    vec4 color = vec4(0.0);
    if (p.x < u_plot.x || p.x > u_plot.z || p.y < u_plot.y || p.y > u_plot.w) return color;
    float threshold_y = value_y(u_threshold);
    // The rate at this pixel's x, between its two days when both have data.
    int left = clamp(int(floor(fi)), 0, max(u_count - 2, 0));
    vec2 d0 = day(left), d1 = day(min(left + 1, u_count - 1));
    if (d0.g > 0.5 && d1.g > 0.5) {
        float rate_y = value_y(mix(d0.r, d1.r, clamp(fi - float(left), 0.0, 1.0)));
        // Soft fill under the line, fading towards the axis (by height in the plot, so steps in
        // the rate leave no seams in the fill).
        if (p.y > rate_y) {
            float depth = clamp((p.y - u_plot.y) / max(u_plot.w - u_plot.y, 1.0), 0.0, 1.0);
            float edge = clamp(p.y - rate_y, 0.0, 1.0);  // the line's own pixel ramp
            color = over(color, u_line.rgb, mix(0.34, 0.04, depth) * edge);
        }
        // Between the rate and the threshold, on the failing side.
        bool failing = u_fail_above > 0.5 ? rate_y < threshold_y : rate_y > threshold_y;
        if (u_threshold >= 0.0 && failing) {
            float lo = min(rate_y, threshold_y), hi = max(rate_y, threshold_y);
            float inside = clamp(min(p.y - lo, hi - p.y) + 0.5, 0.0, 1.0);
            color = over(color, u_fail.rgb, 0.32 * inside);
        }
    }
    // The threshold, dashed (6 on, 4 off design pixels).
    if (u_threshold >= 0.0) {
        float period = 10.0 * u_scale, on = 6.0 * u_scale;
        float along = mod(p.x - u_plot.x, period);
        float dash = clamp(min(along, on - along) + 0.5, 0.0, 1.0);
        float across = clamp(0.75 * u_scale + 0.5 - abs(p.y - threshold_y), 0.0, 1.0);
        color = over(color, u_fail.rgb, u_fail.a * dash * across);
    }
    return color;
}

vec4 strokes(vec2 p, float fi) {
    vec4 color = vec4(0.0);
    // The as-of marker: the last day's vertical line.
    float marker_x = day_x(u_count - 1);
    if (p.y >= u_plot.y && p.y <= u_plot.w) {
        float marker = clamp(0.5 * u_scale + 0.5 - abs(p.x - marker_x), 0.0, 1.0);
        color = over(color, u_marker.rgb, u_marker.a * 0.8 * marker);
    }
    // The rate line: the nearest segment whose two days have data; a lone day is a dot. Only
    // the days within reach of this pixel's x can be near it.
    float half_width = 0.5 * u_line_width;
    int span = int(ceil((half_width + 1.0) / step_x())) + 1;
    int first = max(int(floor(fi)) - span, 0);
    float dist = 1e6;
    vec2 a = day(first);
    bool prev = first > 0 && day(first - 1).g > 0.5;
    for (int k = 0; k < MAX_SEGMENTS; ++k) {
        int i = first + k;
        if (i >= u_count || float(i) > fi + float(span)) break;
        vec2 b = i + 1 < u_count ? day(i + 1) : vec2(0.0);
        if (a.g > 0.5) {
            vec2 pa = vec2(day_x(i), value_y(a.r));
            if (b.g > 0.5) dist = min(dist, segment_distance(p, pa, vec2(day_x(i + 1), value_y(b.r))));
            else if (!prev) dist = min(dist, length(p - pa) - 0.5 * half_width);
        }
        prev = a.g > 0.5;
        a = b;
    }
    color = over(color, u_line.rgb, u_line.a * clamp(half_width + 0.5 - dist, 0.0, 1.0));
    // The as-of dot on the last day, when it has data.
    vec2 last = day(u_count - 1);
    if (last.g > 0.5) {
        float r = 3.5 * u_scale;
        float cover = clamp(r + 0.5 - length(p - vec2(marker_x, value_y(last.r))), 0.0, 1.0);
        color = over(color, u_line.rgb, cover);
    }
    return color;
}

void main() {
    float fi = u_count > 1 ? (v_pixel.x - u_plot.x) / step_x() : 0.0;
    vec4 color = u_layer == 0 ? areas(v_pixel, fi) : strokes(v_pixel, fi);
    if (color.a <= 0.0) discard;
    frag_color = vec4(color.rgb / color.a, color.a);
}
