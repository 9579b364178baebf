// Status overview: a headline (how many metrics fail or warn) and one card per metric with its
// gauge, value, status, target, window, counts, headroom or recovery, and Amazon's own figure.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "app/format.h"
#include "app/gauge.h"
#include "app/panels.h"
#include "core/engine/policy.h"

namespace sh::app {

namespace {

// The Amazon marketplace ids the result's policy is for (amazon.us: ATVPDKIKX0DER); none for
// the generic "amazon" policy. Policies are data loaded from JSON: looked up once per id.
const std::vector<std::string>& policy_marketplaces(const std::string& policy_id) {
    static std::map<std::string, std::vector<std::string>> cache;
    auto it = cache.find(policy_id);
    if (it == cache.end()) {
        std::string error;
        const auto policy = load_policy(policy_id, error);
        it = cache.emplace(policy_id, policy ? policy->marketplace_ids : std::vector<std::string>()).first;
    }
    return it->second;
}

}  // namespace

// With a marketplace's policy, its own figure from a several-marketplace Account Health report
// (the others keep cards of their own); with the generic policy, the first.
const Metric* reported_partner(const Result& r, const Metric& computed) {
    if (computed.source != "computed") return nullptr;
    const std::vector<std::string>& mine = policy_marketplaces(r.policy);
    for (const Metric& m : r.metrics) {
        if (m.source != "amazon_report" || m.id != computed.id || m.scope != computed.scope ||
            m.category != computed.category)
            continue;
        if (mine.empty() || m.marketplace_id.empty() ||
            std::find(mine.begin(), mine.end(), m.marketplace_id) != mine.end())
            return &m;
    }
    return nullptr;
}

std::vector<const Metric*> card_metrics(const Result& r) {
    std::vector<const Metric*> out;
    for (const Metric& m : r.metrics) {
        if (m.source == "amazon_report") {
            bool paired = false;
            for (const Metric& c : r.metrics)
                if (c.source == "computed" && reported_partner(r, c) == &m) paired = true;
            if (paired) continue;
        }
        out.push_back(&m);
    }
    return out;
}

std::string headroom_text(const Metric& m) {
    if (!m.headroom) return {};
    return metric_text().headroom(m.id, *m.headroom);
}

std::string recovery_text(const Metric& m) {
    if (m.status != "failing") return {};
    std::string out;
    if (m.needed_to_recover) out = metric_text().needed(m.id, *m.needed_to_recover);
    if (m.recovers_on.has()) out += (out.empty() ? "" : " · ") + trf("recovery.on", {day_text(m.recovers_on)});
    else if (m.source == "computed") out += (out.empty() ? "" : " · ") + std::string(tr("recovery.not_in_window"));
    return out;
}

std::string amazon_comparison(const Metric& computed, const Metric& reported) {
    std::string diff;
    if (computed.rate && reported.rate) {
        char buf[48];
        const double d = *reported.rate - *computed.rate;
        if (is_percentage(computed)) std::snprintf(buf, sizeof buf, "%+.2f", d * 100.0);
        else std::snprintf(buf, sizeof buf, "%+.2f", d);
        diff = trf(is_percentage(computed) ? "card.diff_points" : "card.diff", {buf});
    }
    return trf("card.amazon", {value_text(reported, reported.rate), diff});
}

namespace {

// The gauge shows the bad share against twice the allowed bad share, so the target tick sits
// at 12 o'clock... of the lower half: a half-full ring means "at the limit".
void metric_gauge(App& app, const Metric& m, ImVec2 centre, float radius) {
    float value = 0, target = -1;
    if (is_policy_counter(m)) {
        // A count against a count (Amazon's target is usually 0): a full ring once it is over.
        value = m.numerator > m.target.value_or(0) ? 1.0f : 0.0f;
    } else if (m.rate && m.target) {
        const bool lower_is_better = m.condition == "lt" || m.condition == "lte";
        double bad = lower_is_better ? *m.rate : 1.0 - *m.rate;
        double allowed = lower_is_better ? *m.target : 1.0 - *m.target;
        // Figures on a scale of their own: stars (1-5) and the Account Health Rating (0-1000).
        const double top = m.id == "feedback_average_365d" ? 5.0 : m.id == "account_health_rating" ? 1000.0 : 0.0;
        if (top > 0) {
            bad = top - *m.rate;
            allowed = top - *m.target;
        }
        if (allowed > 0) {
            value = static_cast<float>(std::max(0.0, bad) / (2 * allowed));
            target = 0.5f;
        }
    }
    draw_gauge(app, centre, radius, value, target, status_color(m.status));
}

void draw_card(App& app, const Result& r, const Metric& m, float width, const Layout& layout) {
    const float s = layout.s;
    const Metric* amazon = reported_partner(r, m);
    ImGui::PushID(metric_key(m).c_str());
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float r_gauge = 34 * s;
    const float height = 2 * ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeightWithSpacing() + line +
                         2 * r_gauge + ImGui::GetStyle().ItemSpacing.y + line * 4;
    ImGui::BeginChild("card", ImVec2(width, height), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    // A status stripe on the left edge.
    const ImVec2 wp = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(wp, ImVec2(wp.x + 5 * s, wp.y + height), status_color(m.status),
                                              ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
    // Title, and the drill-down button at the right of the title line.
    const char* details = tr("card.details");
    const float button_w = ImGui::CalcTextSize(details).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float right = ImGui::GetContentRegionMax().x;
    ImGui::PushFont(app.title_font);
    ImGui::AlignTextToFramePadding();
    ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                        ImVec2(wp.x + right - button_w - 4 * s, wp.y + height), true);
    ImGui::TextUnformatted(metric_name(m).c_str());
    ImGui::PopClipRect();
    ImGui::PopFont();
    ImGui::SameLine(right - button_w);
    if (ImGui::Button(details)) open_drilldown(app, m);
    const std::string where = m.source == "amazon_report" && !m.marketplace_id.empty()
                                  ? marketplace_text(m.marketplace_id) : std::string();
    ImGui::TextDisabled("%s", joined({scope_text(m), m.category, where}).c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    metric_gauge(app, m, ImVec2(at.x + r_gauge, at.y + r_gauge), r_gauge);
    ImGui::Dummy(ImVec2(2 * r_gauge, 2 * r_gauge));
    ImGui::SameLine(0, 14 * s);
    ImGui::BeginGroup();
    ImGui::PushFont(app.big_font);
    ImGui::TextUnformatted(value_text(m, metric_figure(m)).c_str());
    ImGui::PopFont();
    status_badge(m.status);
    if (m.rule_of_thumb) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("card.rule_of_thumb"));
    }
    ImGui::TextDisabled("%s", window_text(m).c_str());
    ImGui::EndGroup();
    ImGui::TextDisabled("%s", joined({target_text(m), counts_text(m)}).c_str());
    const ImVec4 red(0.95f, 0.45f, 0.40f, 1);
    if (m.headroom) ImGui::TextUnformatted(headroom_text(m).c_str());
    if (m.status == "failing" && m.needed_to_recover)
        ImGui::TextColored(red, "%s", metric_text().needed(m.id, *m.needed_to_recover).c_str());
    if (m.status == "failing" && m.source == "computed")
        ImGui::TextColored(red, "%s", m.recovers_on.has() ? trf("recovery.on", {day_text(m.recovers_on)}).c_str()
                                                           : tr("recovery.not_in_window"));
    if (amazon) ImGui::TextUnformatted(amazon_comparison(m, *amazon).c_str());
    else if (m.source == "amazon_report") ImGui::TextDisabled("%s", tr("card.reported_by_amazon"));
    ImGui::EndChild();
    ImGui::PopID();
}

void draw_headline(App& app, const Result& r) {
    int failing = 0, warning = 0, good = 0, none = 0;
    for (const Metric* m : card_metrics(r)) {
        if (m->status == "failing") ++failing;
        else if (m->status == "warning") ++warning;
        else if (m->status == "good") ++good;
        else ++none;
    }
    const std::string status = failing ? "failing" : warning ? "warning" : good ? "good" : "no_data";
    ImGui::PushFont(app.title_font);
    const char* key = failing ? "headline.failing" : warning ? "headline.warning" : good ? "headline.good"
                                                                                          : "headline.no_data";
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(status));
    ImGui::TextWrapped("%s", trf(key, {std::to_string(failing), std::to_string(warning)}).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::TextDisabled("%s", trf("headline.counts", {std::to_string(failing), std::to_string(warning),
                                                       std::to_string(good), std::to_string(none),
                                                       day_text(r.as_of)})
                                  .c_str());
}

}  // namespace

void draw_overview_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    if (r.metrics.empty()) {
        ImGui::TextWrapped("%s", tr("overview.none"));
        return;
    }
    draw_headline(app, r);
    ImGui::Spacing();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = layout.narrow ? 1 : std::max(1, static_cast<int>((avail + spacing) / (360 * layout.s + spacing)));
    const float width = (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    int i = 0;
    for (const Metric* m : card_metrics(r)) {
        // Each card its own child window, also where two share a metric key (a snapshot's
        // figures of two marketplaces: the link carries no marketplace ids).
        ImGui::PushID(i);
        if (i++ % per_row) ImGui::SameLine();
        draw_card(app, r, *m, width, layout);
        ImGui::PopID();
    }
    for (const std::string& w : shown_texts(app).warnings) ImGui::TextDisabled("%s", w.c_str());
}

}  // namespace sh::app
