// What the app asks of its host (the browser page, or a native window later). src/app calls
// only these; src/web implements them. Nothing here knows about ImGui.
#pragma once

#include <string>

namespace sh::platform {

void open_file_picker();                          // the "Open reports…" button
void copy_to_clipboard(const std::string& text);
void download_text(const std::string& file_name, const std::string& text);
void result_changed();                            // the page refreshes its aria-live summary

}  // namespace sh::platform
