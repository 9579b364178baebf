// Controls: as-of date, policy (marketplace), day/month order when feedback dates are
// ambiguous, UI language, theme, and the privacy settings (issue 7's panel, once it exists).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
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

// Notes where the last item was drawn (sellerHealth.controls()).
void note_rect(float (&rect)[4]) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rect[0] = a.x, rect[1] = a.y, rect[2] = b.x, rect[3] = b.y;
}

// While a shared snapshot is open the controls show the snapshot's own as-of day and policy,
// disabled: the seller's settings stay untouched behind it (its as-of field's text too) and
// show again once the snapshot is left.
void as_of_control(App& app, const Layout& layout) {
    ShownControls& shown = app.controls_shown;
    const Result& r = shown_result(app);
    const Options& options = app.session.options();
    const std::string result_day = r.as_of.has() ? format_day(r.as_of.day()) : std::string();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.as_of"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * layout.s);
    if (read_only(app)) {
        char day[16];
        std::snprintf(day, sizeof day, "%s", result_day.c_str());
        ImGui::BeginDisabled();
        ImGui::InputTextWithHint("##as_of", "—", day, sizeof day, ImGuiInputTextFlags_ReadOnly);
        ImGui::EndDisabled();
        note_rect(shown.as_of_rect);
        shown.as_of = day;
        return;
    }
    const std::string hint = result_day.empty() ? std::string("YYYY-MM-DD") : result_day;
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
    note_rect(shown.as_of_rect);
    shown.as_of = app.as_of_text[0] ? std::string(app.as_of_text) : result_day;
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
}

// The widest marketplace label in the UI language, from the translations only (measuring must
// not read every policy file at start: issue 9).
// Measured once a frame (the header's layout and the control both ask).
float widest_policy_label() {
    static const std::vector<std::string> ids = policy_names();
    static int measured_frame = -1;
    static float widest = 0;
    if (ImGui::GetFrameCount() == measured_frame) return widest;
    measured_frame = ImGui::GetFrameCount();
    widest = 0;
    for (const std::string& id : ids) widest = std::max(widest, ImGui::CalcTextSize(tr_word("policy.", id).c_str()).x);
    return widest;
}

// A combo box as wide as the widest label it shows: ImGui clips a combo's label without an
// ellipsis ("Amazon.ae (United Arab Emira"), so fixed widths failed some languages' labels.
float combo_width(float widest_label) {
    return widest_label + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetFrameHeight();
}

float policy_combo_width() { return combo_width(widest_policy_label()); }

// A label and its control on one line.
float labelled_width(const char* label, float control_width) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + control_width;
}

void policy_control(App& app, const Layout& layout) {
    ShownControls& shown = app.controls_shown;
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string& policy = read_only(app) ? shown_result(app).policy : app.session.options().policy;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.policy"));
    const float room = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x - ImGui::GetItemRectMax().x - style.ItemSpacing.x;
    float width = policy_combo_width();
    // On a phone the control goes under its label when both do not fit on one line.
    if (!layout.narrow || width <= room) ImGui::SameLine();
    width = std::min(width, ImGui::GetContentRegionAvail().x);
    ImGui::SetNextItemWidth(width);
    // The list is as wide as its widest label even where the control had to be narrower.
    const float eight_items = (ImGui::GetFontSize() + style.ItemSpacing.y) * 8 - style.ItemSpacing.y + 2 * style.WindowPadding.y;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, eight_items));  // ImGui's default height
    ImGui::BeginDisabled(read_only(app));
    const bool policy_open = ImGui::BeginCombo("##policy", policy_label(policy).c_str());
    note_focus(app, "policy");
    note_rect(shown.policy_rect);
    shown.policy = policy;
    shown.policy_text_room = width - ImGui::GetFrameHeight() - style.FramePadding.x;
    shown.policy_label_max = widest_policy_label();
    if (policy_open) {
        static const std::vector<std::string> ids = policy_names();
        const Options& options = app.session.options();
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

float date_order_width() {
    float widest = 0;
    for (const char* key : {"controls.date_order.auto", "controls.date_order.dmy", "controls.date_order.mdy"})
        widest = std::max(widest, ImGui::CalcTextSize(tr(key)).x);
    return combo_width(widest);
}

void date_order_control(App& app) {
    ShownControls& shown = app.controls_shown;
    const Options& options = app.session.options();
    const bool ambiguous = shown_texts(app).date_order_ambiguous;  // scans feedback once per generation
    ImGui::AlignTextToFramePadding();
    if (ambiguous && options.date_order == DateOrder::unknown)
        ImGui::TextColored(ImVec4(0.91f, 0.65f, 0.14f, 1), "%s", tr("controls.date_order_needed"));
    else
        ImGui::TextUnformatted(tr("controls.date_order"));
    ImGui::SameLine();
    const char* labels[] = {tr("controls.date_order.auto"), tr("controls.date_order.dmy"), tr("controls.date_order.mdy")};
    static const char* const kCodes[] = {"auto", "dmy", "mdy"};
    ImGui::SetNextItemWidth(date_order_width());
    if (read_only(app)) {
        // A snapshot carries no date order (its figures were counted with the sharer's).
        ImGui::BeginDisabled();
        if (ImGui::BeginCombo("##date_order", "—")) ImGui::EndCombo();
        ImGui::EndDisabled();
        shown.date_order.clear();
        return;
    }
    int current = static_cast<int>(options.date_order);
    const bool date_order_changed = ImGui::Combo("##date_order", &current, labels, 3);
    note_focus(app, "date_order");
    shown.date_order = current >= 0 && current < 3 ? kCodes[current] : "auto";
    if (date_order_changed) {
        Options next = options;
        next.date_order = static_cast<DateOrder>(current);
        app.session.set_options(next);
        ++app.result_generation;
    }
}

// A language's name in the control: its own, or in Latin letters without the CJK font (an
// English session).
std::string language_label(const App& app, Language l) {
    const bool cjk_ready = !app.cjk.baked.empty();
    return (cjk_ready || l == Language::en) ? std::string(language_name(l)) : tr_word("language.", language_code(l));
}

// As wide as the current language's name; the list opens as wide as its longest.
float language_width(const App& app) {
    return combo_width(ImGui::CalcTextSize(language_label(app, app.language).c_str()).x);
}

void language_control(App& app) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("controls.language"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(language_width(app));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, FLT_MAX));
    auto name = [&](Language l) { return language_label(app, l); };
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
    ShownControls& shown = app.controls_shown;
    shown = ShownControls{};
    shown.read_only = read_only(app);
    if (layout.narrow) {
        const bool open = ImGui::CollapsingHeader(tr("controls.settings"));
        note_rect(shown.settings_rect);
        if (!open) return;
        shown.drawn = true;
        as_of_control(app, layout);
        policy_control(app, layout);
        date_order_control(app);
        language_control(app);
        theme_control(app);
        privacy_control(app);
        return;
    }
    // One wrapping row: each control moves to the next line when it would not fit (each one's
    // width is measured, so that the row is as short as the labels of the UI language allow).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x;
    shown.rows = 1;
    auto next = [&](float width) {
        ImGui::SameLine(0, 18 * layout.s);
        if (ImGui::GetCursorPosX() + width > right) {
            ImGui::NewLine();
            ++shown.rows;
        }
    };
    shown.drawn = true;
    ImGui::BeginGroup();
    as_of_control(app, layout);
    ImGui::EndGroup();
    next(labelled_width(tr("controls.policy"), policy_combo_width()));
    ImGui::BeginGroup();
    policy_control(app, layout);
    ImGui::EndGroup();
    const float date_order_label = std::max(ImGui::CalcTextSize(tr("controls.date_order")).x,
                                            ImGui::CalcTextSize(tr("controls.date_order_needed")).x);
    next(date_order_label + style.ItemSpacing.x + date_order_width());
    ImGui::BeginGroup();
    date_order_control(app);
    ImGui::EndGroup();
    next(labelled_width(tr("controls.language"), language_width(app)));
    ImGui::BeginGroup();
    language_control(app);
    ImGui::EndGroup();
    next(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr("controls.dark")).x +
         style.ItemSpacing.x + ImGui::CalcTextSize("(?)").x);
    theme_control(app);
    if (draw_privacy_panel) {
        next(ImGui::CalcTextSize(tr("controls.privacy")).x + 2 * style.FramePadding.x);
        privacy_control(app);
    }
    ImGui::Separator();
}

}  // namespace sh::app
