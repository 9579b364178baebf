// Entering and leaving a shared snapshot, and the share link's payload (snapshot.h).
#include "app/snapshot.h"

#include "app/app.h"
#include "core/share/snapshot.h"

namespace sh::app {

bool open_snapshot(App& app, const uint8_t* data, size_t size, std::string& error) {
    DecodedSnapshot decoded = decode_snapshot(data, size);
    if (!decoded.ok()) {
        error = decoded.error;
        app.privacy.snapshot_error = error;
        return false;
    }
    app.snapshot = std::move(*decoded.result);
    app.privacy.snapshot_error.clear();
    app.selected_metric.clear();
    app.selected_entry = -1;
    ++app.result_generation;
    return true;
}

void leave_snapshot(App& app) {
    if (!app.snapshot) return;
    app.snapshot.reset();
    app.selected_metric.clear();
    app.selected_entry = -1;
    ++app.result_generation;
}

std::vector<uint8_t> share_payload(App& app) { return encode_snapshot(shown_result(app)); }

std::string snapshot_banner_text(const App& app) {
    if (!app.snapshot) return {};
    const std::string day = app.snapshot->as_of.has() ? format_day(app.snapshot->as_of.day())
                                                       : std::string(tr("snapshot.unknown_day"));
    return trf("snapshot.banner_as_of", {day});
}

}  // namespace sh::app
