// The page's single App instance: the one place the browser glue keeps state.
#pragma once

#include <cstdint>

#include "app/app.h"

namespace sh::web {

app::App& the_app();

// Something the frame loop cannot see changed (a script call, a file's progress): draw frames
// again for a moment (main.cpp; an idle page draws none).
void request_frames();
// A file's progress moved: one frame to show it (at most ten a second).
void request_progress_frame();
// Frames drawn since start (tests: an idle page draws none, a streaming one keeps drawing).
uint64_t frames_drawn();

}  // namespace sh::web
