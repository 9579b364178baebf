// The privacy panel (issue 7): make a share link, choose whether files are kept on this
// device, forget them, and leave a shared snapshot. The page does the storage and the copying.
#include <imgui.h>

#include <cstring>

#include "app/app.h"
#include "app/i18n.h"
#include "app/platform.h"
#include "app/snapshot.h"

namespace sh::app {

namespace {

// The translation when the tables have one, English otherwise (keys under "privacy.").
const char* text(const char* key, const char* english) {
    const char* t = tr(key);
    return std::strcmp(t, key) == 0 ? english : t;
}

void share_section(App& app) {
    PrivacyState& p = app.privacy;
    ImGui::SeparatorText(text("privacy.share_title", "Share link"));
    const Result& shown = shown_result(app);
    const bool nothing = shown.metrics.empty() && !shown.feedback.present;
    ImGui::BeginDisabled(p.share_pending || nothing);
    if (ImGui::Button(text("privacy.share_button", "Copy share link"))) {
        p.share_pending = true;
        p.share_status.clear();
        platform::make_share_link();
    }
    ImGui::EndDisabled();
    if (nothing) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", text("privacy.share_nothing", "Open your reports first: there is nothing to share yet."));
    } else if (!p.share_status.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(p.share_status.c_str());
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 460 * app.dpi_scale);
    ImGui::TextDisabled("%s", text("privacy.share_note",
        "The link carries only the figures on screen: each metric's rate, counts, target, status and window, "
        "and feedback counts by window and cause. No order ids, comments, names, e-mails or addresses. "
        "They travel after the '#', a part of the address browsers never send to a server."));
    ImGui::PopTextWrapPos();
    if (!p.share_link.empty()) {
        // Read-only, so it can be selected and copied by hand when the clipboard is not available.
        ImGui::SetNextItemWidth(460 * app.dpi_scale);
        ImGui::InputText("##share_link", const_cast<char*>(p.share_link.c_str()), p.share_link.size() + 1,
                         ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    }
}

void storage_section(App& app) {
    PrivacyState& p = app.privacy;
    ImGui::SeparatorText(text("privacy.storage_title", "On this device"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 460 * app.dpi_scale);
    if (!p.storage_available) {
        ImGui::TextDisabled("%s", text("privacy.storage_unavailable",
            "Nothing is stored: this page cannot keep files here (opened from a file, or storage is blocked)."));
        ImGui::PopTextWrapPos();
        return;
    }
    bool remember = p.remember_files;
    ImGui::BeginDisabled(read_only(app));
    if (ImGui::Checkbox(text("privacy.remember", "Remember my files on this device"), &remember)) {
        p.remember_files = remember;
        platform::set_remember_files(remember);
    }
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", p.remember_files
        ? text("privacy.remember_on",
               "Your report files are kept in this browser's storage and reload on your next visit. Buyer names, "
               "e-mails, addresses and phone numbers are removed before anything is kept.")
        : text("privacy.remember_off",
               "Off: nothing is kept. Closing the page forgets every file; no cookies, nothing in the browser's storage."));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!p.remember_files && p.remembered_files == 0);
    if (ImGui::Button(text("privacy.forget", "Forget my files on this device"))) {
        p.remember_files = false;
        p.remembered_files = 0;
        platform::set_remember_files(false);
    }
    ImGui::EndDisabled();
    if (p.remembered_files > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("%u %s", p.remembered_files, text("privacy.files_kept", "file(s) kept"));
    }
}

}  // namespace

void draw_privacy_panel(App& app) {
    ImGui::PushID("privacy");
    if (app.snapshot) {
        ImGui::TextUnformatted(snapshot_banner_text(app).c_str());
        if (ImGui::Button(text("privacy.leave_snapshot", "Leave the snapshot"))) platform::leave_snapshot();
    } else {
        ImGui::TextUnformatted(text("privacy.local", "Your reports are read on this computer only; nothing is uploaded."));
    }
    share_section(app);
    storage_section(app);
    ImGui::PopID();
}

}  // namespace sh::app
