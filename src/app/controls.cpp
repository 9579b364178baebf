// Controls: as-of date, policy (marketplace), day/month order when feedback dates are
// ambiguous, UI language, theme, and the privacy settings (issue 7's panel, once it exists).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "app/format.h"
#include "app/panels.h"
#include "core/engine/policy.h"

namespace sh::app {

// Issue 7 (src/app/privacy_panel.cpp) defines this; a weak reference keeps the build working
// until it lands, and calls it as soon as it does.
[[gnu::weak]] void draw_privacy_panel(App& app);

namespace {

// Names the last item when it has keyboard focus (the page's sellerHealth.focused()).
void note_focus(App& app, const char* name) {
    if (ImGui::IsItemFocused()) app.focused_control = name;
}

// The name a policy is shown by: its translation, else the name its file gives (else its id).
// A file is read when its name is first needed: the closed control shows only the current
// policy's, so the first frame reads one file instead of every marketplace's (issue 9).
std::string policy_label(const std::string& id) {
    std::string translated = tr_word("policy.", id);
    if (translated != id) return translated;
    static std::map<std::string, std::string> file_names;
    auto it = file_names.find(id);
    if (it == file_names.end()) {
        std::string error;
        const auto policy = load_policy(id, error);
        it = file_names.emplace(id, policy ? policy->name : id).first;
    }
    return it->second;
}

void as_of_control(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    const Options& options = app.session.options();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.as_of"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * layout.s);
    const std::string hint = r.as_of.has() ? format_day(r.as_of.day()) : std::string("YYYY-MM-DD");
    ImGui::BeginDisabled(read_only(app));
    if (ImGui::InputTextWithHint("##as_of", hint.c_str(), app.as_of_text, sizeof app.as_of_text,
                                 ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit()) {
        Options next = options;
        if (app.as_of_text[0] == '\0') {
            next.as_of = MaybeDay();
        } else if (const auto day = parse_day(app.as_of_text)) {
            next.as_of = *day;
        }
        if (next.as_of.n != options.as_of.n) {
            app.session.set_options(next);
            ++app.result_generation;
        }
    }
    note_focus(app, "as_of");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("controls.as_of_help"));
    if (options.as_of.has()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("controls.latest"))) {
            Options next = options;
            next.as_of = MaybeDay();
            app.as_of_text[0] = '\0';
            app.session.set_options(next);
            ++app.result_generation;
        }
    }
    ImGui::EndDisabled();
}

void policy_control(App& app, const Layout& layout) {
    const Options& options = app.session.options();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.policy"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth((layout.narrow ? 200 : 230) * layout.s);
    ImGui::BeginDisabled(read_only(app));
    const bool policy_open = ImGui::BeginCombo("##policy", policy_label(options.policy).c_str());
    note_focus(app, "policy");
    if (policy_open) {
        static const std::vector<std::string> ids = policy_names();
        for (const std::string& id : ids) {
            if (ImGui::Selectable(policy_label(id).c_str(), id == options.policy) && id != options.policy) {
                Options next = options;
                next.policy = id;
                app.session.set_options(next);
                ++app.result_generation;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

void date_order_control(App& app, const Layout& layout) {
    const Options& options = app.session.options();
    const bool ambiguous = shown_texts(app).date_order_ambiguous;  // scans feedback once per generation
    ImGui::AlignTextToFramePadding();
    if (ambiguous && options.date_order == DateOrder::unknown)
        ImGui::TextColored(ImVec4(0.91f, 0.65f, 0.14f, 1), "%s", tr("controls.date_order_needed"));
    else
        ImGui::TextUnformatted(tr("controls.date_order"));
    ImGui::SameLine();
    const char* labels[] = {tr("controls.date_order.auto"), tr("controls.date_order.dmy"), tr("controls.date_order.mdy")};
    int current = static_cast<int>(options.date_order);
    ImGui::SetNextItemWidth(150 * layout.s);
    ImGui::BeginDisabled(read_only(app));
    const bool date_order_changed = ImGui::Combo("##date_order", &current, labels, 3);
    note_focus(app, "date_order");
    if (date_order_changed) {
        Options next = options;
        next.date_order = static_cast<DateOrder>(current);
        app.session.set_options(next);
        ++app.result_generation;
    }
    ImGui::EndDisabled();
}

void language_control(App& app, const Layout& layout) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.language"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130 * layout.s);
    // Without the CJK font (an English session) the names are written in Latin letters.
    const bool cjk_ready = !app.cjk.baked.empty();
    auto name = [&](Language l) {
        return (cjk_ready || l == Language::en) ? std::string(language_name(l)) : tr_word("language.", language_code(l));
    };
    const bool language_open = ImGui::BeginCombo("##language", name(app.language).c_str());
    note_focus(app, "language");
    if (language_open) {
        for (int i = 0; i < static_cast<int>(Language::count); ++i) {
            const auto l = static_cast<Language>(i);
            if (ImGui::Selectable(name(l).c_str(), l == app.language)) set_language(app, l);
        }
        ImGui::EndCombo();
    }
}

void theme_control(App& app) {
    bool dark = app.dark;
    const bool theme_changed = ImGui::Checkbox(tr("controls.dark"), &dark);
    note_focus(app, "theme");
    if (theme_changed) set_dark(app, dark);
    help_marker(tr("controls.keys_help"));
}

void privacy_control(App& app) {
    if (!draw_privacy_panel) return;
    if (ImGui::Button(tr("controls.privacy"))) ImGui::OpenPopup("privacy");
    if (ImGui::BeginPopup("privacy")) {
        draw_privacy_panel(app);
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_controls(App& app, const Layout& layout) {
    if (layout.narrow) {
        if (!ImGui::CollapsingHeader(tr("controls.settings"))) return;
        as_of_control(app, layout);
        policy_control(app, layout);
        date_order_control(app, layout);
        language_control(app, layout);
        theme_control(app);
        privacy_control(app);
        return;
    }
    // One wrapping row: each control moves to the next line when it would not fit.
    const float right = ImGui::GetWindowContentRegionMax().x;
    auto next = [&](float width) {
        ImGui::SameLine(0, 18 * layout.s);
        if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
    };
    ImGui::BeginGroup();
    as_of_control(app, layout);
    ImGui::EndGroup();
    next(300 * layout.s);
    ImGui::BeginGroup();
    policy_control(app, layout);
    ImGui::EndGroup();
    next(280 * layout.s);
    ImGui::BeginGroup();
    date_order_control(app, layout);
    ImGui::EndGroup();
    next(220 * layout.s);
    ImGui::BeginGroup();
    language_control(app, layout);
    ImGui::EndGroup();
    next(90 * layout.s);
    theme_control(app);
    if (draw_privacy_panel) {
        next(90 * layout.s);
        privacy_control(app);
    }
    ImGui::Separator();
}

}  // namespace sh::app
