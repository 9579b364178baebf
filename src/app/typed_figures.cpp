// "Figures from Seller Central": numbers no report carries that the seller types in — the
// Account Health Rating, and the count of every feedback rating per window (the Feedback
// Manager export holds only 1-3 star rows, so the positive share needs them).
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/panels.h"

namespace sh::app {

namespace {

constexpr const char* kWindows[] = {"30d", "90d", "365d", "lifetime"};

// The typed totals as "30d=N,..." from the four fields (empty fields are left out).
std::string totals_text(const TypedFiguresState& st) {
    std::string text;
    for (int i = 0; i < 4; ++i) {
        if (st.totals[i][0] == '\0') continue;
        if (!text.empty()) text += ',';
        text += std::string(kWindows[i]) + "=" + st.totals[i];
    }
    return text;
}

}  // namespace

void sync_typed_figures(App& app) {
    TypedFiguresState& st = app.typed;
    const Options& o = app.session.options();
    if (o.account_health_rating) std::snprintf(st.rating, sizeof st.rating, "%d", *o.account_health_rating);
    else st.rating[0] = '\0';
    const FeedbackTotals& t = o.feedback_totals;
    const std::optional<uint64_t> values[] = {t.d30, t.d90, t.d365, t.lifetime};
    for (int i = 0; i < 4; ++i) {
        if (values[i]) std::snprintf(st.totals[i], sizeof st.totals[i], "%llu", static_cast<unsigned long long>(*values[i]));
        else st.totals[i][0] = '\0';
    }
    st.error.clear();
}

void draw_typed_figures(App& app, const Layout& layout) {
    if (read_only(app)) return;
    TypedFiguresState& st = app.typed;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("typed.title"));
    help_marker(tr("typed.help"));
    bool changed = false;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("typed.rating"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90 * layout.s);
    ImGui::InputTextWithHint("##typed_rating", "0-1000", st.rating, sizeof st.rating, ImGuiInputTextFlags_CharsDecimal);
    changed |= ImGui::IsItemDeactivatedAfterEdit();

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("typed.totals"));
    for (int i = 0; i < 4; ++i) {
        if (!layout.narrow || i % 2 == 1) ImGui::SameLine();
        ImGui::PushID(i);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(std::string("typed.window.") + kWindows[i]));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(80 * layout.s);
        ImGui::InputText("##total", st.totals[i], sizeof st.totals[i], ImGuiInputTextFlags_CharsDecimal);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::PopID();
    }

    if (changed) {
        Options next = app.session.options();
        std::string error;
        if (parse_account_health_rating(st.rating, next.account_health_rating, error) &&
            parse_feedback_totals(totals_text(st), next.feedback_totals, error)) {
            app.session.set_options(next);
            ++app.result_generation;
            st.error.clear();
        } else {
            st.error = error;
        }
    }
    if (!st.error.empty()) ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.3f, 1), "%s", st.error.c_str());
}

}  // namespace sh::app
