// Shared snapshots (a result opened from a share link) and the privacy settings the page keeps:
// the state the privacy panel draws and the page's glue (web/privacy.js) answers to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sh::app {

struct App;

// What the privacy panel shows; the page tells the app about its side through the bridge.
struct PrivacyState {
    bool remember_files = false;     // the seller turned on "remember my files on this device"
    bool storage_available = false;  // the page can keep files here (IndexedDB over http(s))
    uint32_t remembered_files = 0;   // files the page holds on this device right now
    bool share_pending = false;      // a link is being made (compression is asynchronous)
    std::string share_link;          // the last link made
    std::string share_status;        // "Link copied." or why it could not be copied
    std::string snapshot_error;      // why the link this page was opened with could not be read
};

// Opens a share link's payload (decompressed bytes) as the shown, read-only result.
// False with a sentence for the seller in `error` when the bytes are not a readable snapshot.
bool open_snapshot(App& app, const uint8_t* data, size_t size, std::string& error);
// Back to the seller's own session (its files were never touched by the snapshot).
void leave_snapshot(App& app);
// The share link's payload for what is on screen (the snapshot itself when one is open).
std::vector<uint8_t> share_payload(App& app);
// "Shared snapshot as of 2026-11-20 — aggregates only, no order-level data".
std::string snapshot_banner_text(const App& app);

// The privacy panel: the share-link button, "remember my files on this device" and "forget".
void draw_privacy_panel(App& app);

}  // namespace sh::app
