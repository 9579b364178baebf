// The page's single App instance: the one place the browser glue keeps state.
#pragma once

#include <cstdint>

#include "app/app.h"

namespace sh::web {

app::App& the_app();

// Something the frame loop cannot see changed (a script call, a file's progress): draw frames
// again for a moment (main.cpp; an idle page draws none).
void request_frames();
// Files were queued, or a batch starts: one frame at once, with the UI passes that lay out the
// progress list (main.cpp, kBatchChangePasses), without the moment of frames request_frames()
// gives.
void request_layout_frame();
// A batch of files starts streaming in: the moment of frames the drop or the script call began
// ends (one frame still shows the progress list); input from now on settles as usual.
void cut_settling();
// A file's progress moved: one frame to show it (at most four a second; one with a software GPU).
void request_progress_frame();
// Frames drawn since start (tests: an idle page draws none, a streaming one keeps drawing).
uint64_t frames_drawn();

}  // namespace sh::web
