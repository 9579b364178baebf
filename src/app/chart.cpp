// Charts in device pixels: the daily trend of a metric against its threshold with the as-of
// marker (our shader, trend_renderer.h, with ImGui's lines as the fallback; axes, labels and
// the tooltip in ImGui), and horizontal bar charts (ImGui draw lists).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/format.h"
#include "app/panels.h"
#include "app/trend_renderer.h"

namespace sh::app {

namespace {

std::optional<double> point_rate(const DailyPoint& p) {
    if (p.denominator <= 0) return std::nullopt;
    return p.numerator / p.denominator;
}

// A round grid step (1, 2, 2.5 or 5 times a power of ten) at least `at_least`.
double nice_step(double at_least) {
    const double power = std::pow(10.0, std::floor(std::log10(at_least)));
    for (double f : {1.0, 2.0, 2.5, 5.0})
        if (f * power >= at_least * (1 - 1e-9)) return f * power;
    return 10 * power;
}

// The rate line's colour, with enough contrast on either theme.
ImU32 trend_line_color(const App& app) { return app.dark ? IM_COL32(66, 150, 250, 255) : IM_COL32(24, 104, 210, 255); }

}  // namespace

void draw_trend_chart(App& app, const Metric& m, float height) {
    const float s = app.dpi_scale;
    // The days worth showing: from the first with a denominator, at most the last year.
    size_t first = 0;
    while (first < m.series.size() && m.series[first].denominator <= 0) ++first;
    if (m.series.size() - first > 365) first = m.series.size() - 365;
    if (first >= m.series.size()) {
        ImGui::TextDisabled("%s", tr("chart.no_series"));
        return;
    }
    const std::vector<DailyPoint> series(m.series.begin() + static_cast<std::ptrdiff_t>(first), m.series.end());
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float left = 64 * s, bottom = 22 * s, top = 8 * s, right = 12 * s;
    const ImVec2 a(p0.x + left, p0.y + top), b(p0.x + width - right, p0.y + height - bottom);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 line = trend_line_color(app);
    const ImU32 threshold = status_color("failing");

    // Y range: 0 (or under a high target) up to the target and the highest rate of the days
    // with at least a tenth of the busiest day's denominator, on a grid of round steps. Days on
    // a thinner base (a window still filling: one order, 100 %) would flatten the rest; they
    // run off the top, where the line is clamped, and the tooltip tells their rate.
    double busiest = 0;
    for (const DailyPoint& p : series) busiest = std::max(busiest, p.denominator);
    double lo = 0, hi = 0;
    for (const DailyPoint& p : series)
        if (auto r = point_rate(p); r && p.denominator * 10 >= busiest) hi = std::max(hi, *r);
    if (m.target) hi = std::max(hi, *m.target);
    if (!is_percentage(m)) lo = std::max(0.0, std::min(hi, m.target.value_or(hi)) - 1.0);
    if (is_percentage(m) && m.target && *m.target > 0.5) lo = std::max(0.0, std::min(*m.target - 0.15, hi - 0.15));
    if (hi <= lo) hi = lo + 0.01;
    const double step = nice_step((hi - lo) * 1.08 / 5);
    lo = std::floor(lo / step + 1e-9) * step;
    hi = std::ceil((lo + (hi - lo) * 1.08) / step - 1e-9) * step;
    if (is_percentage(m)) hi = std::min(hi, std::max(1.0, lo + step));
    const int ticks = std::max(1, static_cast<int>(std::lround((hi - lo) / step)));
    const size_t n = series.size();
    auto x_of = [&](size_t i) { return n == 1 ? (a.x + b.x) / 2 : a.x + (b.x - a.x) * float(i) / float(n - 1); };
    auto scaled = [&](double v) { return static_cast<float>((v - lo) / (hi - lo)); };
    auto y_of = [&](double v) { return b.y - (b.y - a.y) * scaled(v); };
    auto y_clamped = [&](double v) { return b.y - (b.y - a.y) * std::clamp(scaled(v), 0.0f, 1.0f); };

    dl->AddRect(a, b, grid);
    for (int k = 0; k <= ticks; ++k) {
        const double v = lo + (hi - lo) * k / ticks;
        const float y = y_of(v);
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), (grid & 0x00FFFFFF) | 0x60000000, 1.0f);
        const std::string label = value_text(m, v);
        dl->AddText(ImVec2(p0.x + left - 6 * s - ImGui::CalcTextSize(label.c_str()).x, y - ImGui::GetFontSize() / 2),
                    text, label.c_str());
    }
    // Dates at both ends and the middle.
    for (size_t i : {size_t(0), n / 2, n - 1}) {
        const std::string d = format_day(series[i].day);
        const float w = ImGui::CalcTextSize(d.c_str()).x;
        const float x = std::clamp(x_of(i) - w / 2, a.x, b.x - w);
        dl->AddText(ImVec2(x, b.y + 3 * s), text, d.c_str());
    }

    // Our shader draws the fill, the failing tint and the dashed threshold, then (after the
    // threshold's label) the as-of marker and the rate line; without it, ImGui's lines.
    const bool gpu = trend_renderer_ready();
    if (gpu) {
        std::vector<float> days(n);
        for (size_t i = 0; i < n; ++i) {
            const auto r = point_rate(series[i]);
            days[i] = r ? std::clamp(scaled(*r), 0.0f, 1.0f) : std::nanf("");
        }
        TrendStyle style;
        style.line_width = 2.0f * s;
        style.scale = s;
        style.threshold = m.target ? scaled(*m.target) : -1.0f;
        style.fail_above = m.condition == "lt";
        style.line = line, style.fail = threshold, style.marker = ImGui::GetColorU32(ImGuiCol_Text);
        draw_trend_areas(a, b, days, style);
    } else if (m.target) {
        const float y = y_of(*m.target);
        for (float x = a.x; x < b.x; x += 10 * s) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 6 * s, b.x), y), threshold, 1.5f * s);
    }
    if (m.target) {
        const std::string label = target_text(m);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        const ImVec2 at(a.x + 6 * s, y_of(*m.target) - size.y - 3 * s);
        dl->AddRectFilled(ImVec2(at.x - 3 * s, at.y), ImVec2(at.x + size.x + 3 * s, at.y + size.y),
                          ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f), 3 * s);
        dl->AddText(at, threshold, label.c_str());
    }
    if (gpu) {
        draw_trend_strokes();
    } else {
        // The rate line, broken where a day has no denominator, and the as-of marker.
        std::vector<ImVec2> run;
        auto flush = [&] {
            if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), line, ImDrawFlags_None, 2.0f * s);
            else if (run.size() == 1) dl->AddCircleFilled(run[0], 2.0f * s, line);
            run.clear();
        };
        for (size_t i = 0; i < n; ++i) {
            if (auto r = point_rate(series[i])) run.emplace_back(x_of(i), y_clamped(*r));
            else flush();
        }
        flush();
        dl->AddLine(ImVec2(x_of(n - 1), a.y), ImVec2(x_of(n - 1), b.y), ImGui::GetColorU32(ImGuiCol_Text), 1.0f * s);
    }
    // The as-of label: the last day of the series.
    {
        const char* label = tr("chart.as_of");
        dl->AddText(ImVec2(x_of(n - 1) - ImGui::CalcTextSize(label).x - 4 * s, a.y + 2 * s), ImGui::GetColorU32(ImGuiCol_Text), label);
    }
    // Hover: the day under the mouse.
    ImGui::InvisibleButton("trend", ImVec2(width, height));
    if (ImGui::IsItemHovered() && n > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        const float t = n == 1 ? 0.0f : std::clamp((mx - a.x) / (b.x - a.x), 0.0f, 1.0f);
        const auto i = static_cast<size_t>(std::lround(t * float(n - 1)));
        const DailyPoint& p = series[i];
        dl->AddLine(ImVec2(x_of(i), a.y), ImVec2(x_of(i), b.y), (line & 0x00FFFFFF) | 0x80000000, 1.0f * s);
        ImGui::SetTooltip("%s\n%s\n%s", format_day(p.day).c_str(), value_text(m, point_rate(p)).c_str(),
                          trf("card.counts", {count_text(p.numerator), count_text(p.denominator)}).c_str());
    }
}

void draw_bar_chart(App& app, const std::vector<std::pair<std::string, double>>& bars, ImU32 color) {
    const float s = app.dpi_scale;
    if (bars.empty()) return;
    double max = 0;
    float label_w = 0;
    for (const auto& [label, v] : bars) {
        max = std::max(max, v);
        label_w = std::max(label_w, ImGui::CalcTextSize(label.c_str()).x);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    label_w = std::min(label_w, width * 0.45f);
    const float bar_h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& [label, v] : bars) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        const float x0 = p.x + label_w + 10 * s;
        const float full = width - label_w - 60 * s;
        const float w = max > 0 ? full * static_cast<float>(v / max) : 0;
        dl->AddRectFilled(ImVec2(x0, p.y + 2 * s), ImVec2(x0 + std::max(w, 2 * s), p.y + bar_h - 2 * s), color, 3 * s);
        char num[32];
        std::snprintf(num, sizeof num, "%.0f", v);
        dl->AddText(ImVec2(x0 + w + 6 * s, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), num);
        ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeightWithSpacing()));
    }
}

}  // namespace sh::app
