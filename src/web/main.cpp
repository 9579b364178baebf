// Browser entry point: WebGL2 context through GLFW, Dear ImGui, and the frame loop.
// The canvas is sized to its CSS box × devicePixelRatio every frame, and ImGui works in
// those device pixels (fonts rasterised at the same scale) so text stays crisp on HiDPI.
// A frame is drawn only when something may have changed (input, a script call, the result, a
// file streaming in): an idle page draws nothing.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>  // the input event queue (frames until it is drained)

#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "app/gauge.h"
#include "web/imgui_renderer.h"
#include "web/web_app.h"

namespace {

struct Window {
    GLFWwindow* glfw = nullptr;
    int width = 0, height = 0;  // canvas size in device pixels
    double last_frame_ms = 0;   // when the last frame was drawn
    double woken_ms = 0;        // the last request_frames() (script calls, results)
    bool progress_moved = false;  // request_progress_frame(): one frame, when the next is due
    double progress_interval_ms = 0;  // kProgressFrameIntervalMs, or the software GPU's
    int layout_passes_owed = 0;   // request_layout_frame(): UI passes of the next frame, drawn whatever the time
    double settle_cut_ms = 0;     // cut_settling(): input and wake-ups before it settle no more
    uint64_t drawn_generation = 0;
    uint64_t frames = 0;
};

// While a file streams in on this thread (no Worker: the fallback), the page yields to the
// browser once per chunk and every frame drawn there is parse time lost: five a second keep the
// progress moving. Files read by the ingest worker do not need this.
constexpr double kStreamingFrameIntervalMs = 200.0;
// After input or a change, frames keep coming this long: ImGui settles hover, focus and layout
// over a few frames, and a tooltip appears after a hover delay with no further input.
constexpr double kSettleMs = 1000.0;
// Files queued, or a batch starting: the next frame runs this many UI passes and draws the last
// (a tab bar that appears shows its tabs on its second pass; the tables the batch's first frame
// shows are the held result's, already sized). Drawn as frames of their own they took CPU from
// the ingest worker: on a software GPU each drawn frame of the progress view costs ≈ 20–45 ms of
// CPU across the browser's processes, one UI pass ≈ 2 ms of it (issue 9). Later changes inside
// the batch (a file begun or done) wait for the next progress frame.
constexpr int kBatchChangePasses = 2;
// A file's progress alone redraws at most four times a second with a graphics card. With a
// software GPU (SwiftShader, llvmpipe: a virtual machine, a remote desktop, a browser without GPU
// access) any visual change costs the whole display pipeline's rasterising, ≈ 20 ms of CPU
// across both cores of a 2-core box whatever is drawn (a DOM-only change costs the same; our own
// ImGui pass is ≈ 2 ms of it), taken from the ingest worker: once a second there (issue 9,
// tests/bench/README.md).
constexpr double kProgressFrameIntervalMs = 250.0;
constexpr double kSoftwareGpuProgressFrameIntervalMs = 1000.0;
// UI frames one animation frame may run to take queued input (see frame()).
constexpr int kMaxInputPasses = 64;
Window window;

EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(double, js_canvas_css_width, (), { return Module['canvas'].getBoundingClientRect().width; });
EM_JS(double, js_canvas_css_height, (), { return Module['canvas'].getBoundingClientRect().height; });
// Sets the canvas's pixel size and tells GLFW, without GLFW's own setWindowSize (which
// switches to fullscreen when the size equals the screen's).
EM_JS(void, js_set_canvas_size, (int w, int h), {
    var c = Module['canvas'];
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    if (typeof GLFW !== 'undefined' && GLFW.active) { GLFW.active.width = w; GLFW.active.height = h; }
});
EM_JS(void, js_app_started, (), { if (Module['onAppStarted']) Module['onAppStarted'](); });
EM_JS(void, js_app_failed, (), { if (Module['onAppFailed']) Module['onAppFailed'](); });
// Any user input on the page (caught before GLFW's own handlers) keeps frames coming.
EM_JS(void, js_watch_input, (), {
    var wake = function() { Module['shLastInputMs'] = performance.now(); };
    ['pointermove', 'pointerdown', 'pointerup', 'mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown',
     'keyup', 'touchstart', 'touchmove', 'touchend', 'focus', 'blur', 'resize', 'visibilitychange', 'paste',
     'compositionend'].forEach(function(type) { window.addEventListener(type, wake, {capture: true, passive: true}); });
    wake();
});
EM_JS(double, js_last_input_ms, (), { return Module['shLastInputMs'] || 0; });
// Whether the WebGL context is drawn by a software rasteriser. The renderer's name is what the
// browser tells (Chrome: through WEBGL_debug_renderer_info; Firefox's RENDERER may name it).
EM_JS(int, js_software_gpu, (), {
    try {
        var info = GLctx.getExtension('WEBGL_debug_renderer_info');
        var name = String(GLctx.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : GLctx.RENDERER));
        return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name) ? 1 : 0;
    } catch (e) {
        return 0;
    }
});

void follow_canvas_size(sh::app::App& app) {
    const double dpr = js_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(js_canvas_css_width() * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(js_canvas_css_height() * dpr)));
    if (w != window.width || h != window.height) {
        window.width = w, window.height = h;
        js_set_canvas_size(w, h);
    }
    // A new devicePixelRatio, or glyphs to add (the CJK font arrived, or new CJK text in a
    // report): rebuild the font atlas and its texture before the frame starts.
    if (std::fabs(static_cast<float>(dpr) - app.dpi_scale) > 0.01f || sh::app::update_glyph_needs(app)) {
        sh::app::apply_scale(app, static_cast<float>(dpr));
        sh::web::rebuild_font_texture();
    } else if (app.style_dirty) {
        sh::app::apply_style(app);
    }
}

// Whether this animation frame has anything new to show.
bool needs_frame(const sh::app::App& app, double now) {
    if (window.frames == 0 || app.fonts_dirty || app.style_dirty) return true;
    if (window.layout_passes_owed > 0) return true;
    // Inside a batch (the result held) a file done changes only the progress list: it waits for
    // the next progress frame (bridge.cpp's changed()).
    if (app.result_generation != window.drawn_generation && !app.session.result_held()) return true;
    // ImGui takes queued input a little per frame (typed text: one key or character a frame).
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) return true;
    // A file streaming in on this thread (the fallback) shows its progress at the throttled rate.
    if (app.session.file_in_progress()) return true;
    if (window.progress_moved && now - window.last_frame_ms >= window.progress_interval_ms) return true;
    const double woken = std::max(js_last_input_ms(), window.woken_ms);
    if (woken >= window.settle_cut_ms && now - woken < kSettleMs) return true;
    const double dpr = js_device_pixel_ratio();
    return std::lround(js_canvas_css_width() * dpr) != window.width ||
           std::lround(js_canvas_css_height() * dpr) != window.height;
}

void frame() {
    sh::app::App& app = sh::web::the_app();
    const double now = emscripten_get_now();
    if (app.session.file_in_progress() && now - window.last_frame_ms < kStreamingFrameIntervalMs) return;
    if (!needs_frame(app, now)) return;
    window.last_frame_ms = now;
    window.progress_moved = false;
    const int layout_passes = std::max(1, window.layout_passes_owed);
    window.layout_passes_owed = 0;
    ++window.frames;
    follow_canvas_size(app);
    // ImGui takes queued input a little per UI pass (typed text: one key or character each).
    // After an idle spell or a slow frame many may wait: UI passes run without drawing until the
    // queue is taken (typing never lags behind a software GPU's frame rate), and at least the
    // layout passes owed; the last is drawn.
    for (int pass = 1;; ++pass) {
        ImGui_ImplGlfw_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = std::max(io.DeltaTime, 1e-4f);  // passes in one animation frame
        io.DisplaySize = ImVec2(static_cast<float>(window.width), static_cast<float>(window.height));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        const double start = emscripten_get_now();
        ImGui::NewFrame();
        sh::app::draw_frame(app);
        ImGui::Render();
        app.frame_ms = emscripten_get_now() - start;
        if (pass >= layout_passes && (ImGui::GetCurrentContext()->InputEventsQueue.empty() || pass > kMaxInputPasses)) break;
    }
    // A new result settles over a few frames too (tables size their columns, fonts gain glyphs);
    // a file done inside a batch changes only the progress list.
    if (window.drawn_generation != app.result_generation && !app.session.result_held()) window.woken_ms = now;
    window.drawn_generation = app.result_generation;
    glViewport(0, 0, window.width, window.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!sh::web::render_imgui(ImGui::GetDrawData())) {
        // The UI's shaders did not build (known at the first frame, not in main: GlProgram):
        // the page says so in text, as when WebGL2 is missing; the API keeps working.
        emscripten_cancel_main_loop();
        js_app_failed();
    }
}

}  // namespace

namespace sh::web {

void request_frames() { window.woken_ms = emscripten_get_now(); }
void request_progress_frame() { window.progress_moved = true; }
void request_layout_frame() { window.layout_passes_owed = std::max(window.layout_passes_owed, kBatchChangePasses); }
void cut_settling() {
    window.settle_cut_ms = emscripten_get_now();
    request_layout_frame();
}
uint64_t frames_drawn() { return window.frames; }

}  // namespace sh::web

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // An opaque canvas with no depth or stencil buffer (nothing here uses them): less for the
    // browser to clear and composite each frame (≈ 9 % less CPU per frame under SwiftShader).
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    window.glfw = glfwCreateWindow(1280, 720, "Seller Health", nullptr, nullptr);
    if (!window.glfw) return 1;
    glfwMakeContextCurrent(window.glfw);
    window.progress_interval_ms = js_software_gpu() ? kSoftwareGpuProgressFrameIntervalMs : kProgressFrameIntervalMs;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is stored on the device
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window.glfw, true);
    sh::web::init_imgui_renderer();
    sh::app::init_gauge_renderer();
    js_watch_input();

    sh::app::App& app = sh::web::the_app();
    app.dpi_scale = 0;  // forces fonts and style to be built on the first frame
    js_app_started();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
