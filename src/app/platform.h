// What the app asks of its host (the browser page, or a native window later). src/app calls
// only these; src/web implements them. Nothing here knows about ImGui.
#pragma once

#include <string>

namespace sh::platform {

void open_file_picker();                          // the "Open reports…" button
void copy_to_clipboard(const std::string& text);
void download_text(const std::string& file_name, const std::string& text);
void result_changed();                            // the page refreshes its aria-live summary
// Asks the host for the CJK font file (fetched from the site only when first needed); the
// host hands the bytes back through the app (web: sh_set_cjk_font).
void fetch_cjk_font();
// The UI language or theme changed (the page mirrors it on <html lang> and stores nothing).
void ui_changed(const std::string& language, bool dark);
// Share link and privacy (issue 7); the page answers through the bridge (web/privacy.js).
void make_share_link();                           // builds and copies the link, then sh_share_link_done
void set_remember_files(bool on);                 // on: keep loaded files on this device; off: delete them
void leave_snapshot();                            // clears the link's #s= and shows the seller's own session

}  // namespace sh::platform
