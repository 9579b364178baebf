// Browser entry point: WebGL2 context through GLFW, Dear ImGui, and the frame loop.
// The canvas is sized to its CSS box × devicePixelRatio every frame, and ImGui works in
// those device pixels (fonts rasterised at the same scale) so text stays crisp on HiDPI.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "app/gauge.h"
#include "web/web_app.h"

namespace {

struct Window {
    GLFWwindow* glfw = nullptr;
    int width = 0, height = 0;  // canvas size in device pixels
    double last_frame_ms = 0;   // when the last frame was drawn
};

// While files stream in, the page yields to the browser between chunks, and each drawn frame's
// GL state queries wait for the GPU to finish the previous frame (a tenth of a second on software
// WebGL). Drawing the progress five times a second keeps it moving without eating the parse time.
constexpr double kStreamingFrameIntervalMs = 200.0;
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
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    } else if (app.style_dirty) {
        sh::app::apply_style(app);
    }
}

void frame() {
    sh::app::App& app = sh::web::the_app();
    const double now = emscripten_get_now();
    if (!app.pending.empty() && now - window.last_frame_ms < kStreamingFrameIntervalMs) return;
    window.last_frame_ms = now;
    follow_canvas_size(app);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(window.width), static_cast<float>(window.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const double start = emscripten_get_now();
    ImGui::NewFrame();
    sh::app::draw_frame(app);
    ImGui::Render();
    app.frame_ms = emscripten_get_now() - start;
    glViewport(0, 0, window.width, window.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    window.glfw = glfwCreateWindow(1280, 720, "Seller Health", nullptr, nullptr);
    if (!window.glfw) return 1;
    glfwMakeContextCurrent(window.glfw);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is stored on the device
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window.glfw, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    sh::app::init_gauge_renderer();

    sh::app::App& app = sh::web::the_app();
    app.dpi_scale = 0;  // forces fonts and style to be built on the first frame
    js_app_started();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
