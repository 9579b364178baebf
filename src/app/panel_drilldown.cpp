// Drill-down of one metric: its figures, the daily trend against the threshold, and the table
// of the items behind the numerator (sortable, filterable, order ids to copy, drop-out dates).
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/format.h"
#include "app/panels.h"

namespace sh::app {

namespace {

const Metric* selected(App& app, const Result& r) {
    for (const Metric& m : r.metrics)
        if (metric_key(m) == app.selected_metric) return &m;
    // Default: the first failing metric, else the first warning, else the first.
    for (const char* status : {"failing", "warning"})
        for (const Metric& m : r.metrics)
            if (m.status == status) return &m;
    return r.metrics.empty() ? nullptr : &r.metrics.front();
}

// "Order Defect Rate · seller-fulfilled · Amazon's figure · Amazon.de (Germany)".
std::string picker_label(const Metric& m) {
    if (m.source != "amazon_report") return metric_title(m);
    return joined({metric_title(m), tr("card.amazon_short"),
                   m.marketplace_id.empty() ? std::string() : marketplace_text(m.marketplace_id)});
}

void metric_picker(App& app, const Result& r, const Metric& current) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 560 * app.dpi_scale));
    const std::string preview = picker_label(current);
    if (ImGui::BeginCombo("##metric", preview.c_str())) {
        for (const Metric& m : r.metrics) {
            const std::string label = picker_label(m) + "  (" + status_word(m.status) + ")##" + metric_key(m);
            if (ImGui::Selectable(label.c_str(), &m == &current)) app.selected_metric = metric_key(m);
        }
        ImGui::EndCombo();
    }
}

std::string kinds_text(const MetricItem& item) {
    std::string out;
    for (const std::string& k : item.kinds) out += (out.empty() ? "" : ", ") + tr_word("kind.", k);
    return out;
}

void items_table(App& app, const Metric& m) {
    const float s = app.dpi_scale;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 260 * s));
    const MetricText& words = metric_text();
    ImGui::InputTextWithHint("##filter", words.items_filter(m.id).c_str(), app.item_filter, sizeof app.item_filter);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", words.items_count(m.id, m.items.size(), m.item_count).c_str());

    // The rows that pass the filter (order id or kind), in the table's sort order.
    static std::vector<int> rows;
    rows.clear();
    const std::string filter = app.item_filter;
    for (size_t i = 0; i < m.items.size(); ++i) {
        const MetricItem& it = m.items[i];
        if (!filter.empty() && it.order_id.find(filter) == std::string::npos && kinds_text(it).find(filter) == std::string::npos &&
            format_day(it.day).find(filter) == std::string::npos)
            continue;
        rows.push_back(static_cast<int>(i));
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    const float height = std::max(ImGui::GetContentRegionAvail().y, 220 * s);
    // A phone gets three columns: the order with its day and kinds under it, the drop-out day, Copy.
    const bool narrow = ImGui::GetContentRegionAvail().x / s < 600;
    // Separate ids: a table keeps its column widths per id, and the two layouts differ.
    if (!ImGui::BeginTable(narrow ? "items_narrow" : "items", narrow ? 3 : 5, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The first column names what the rows are known by: an order id, or a message id.
    const std::string first_column = words.items_column(m.id);
    ImGui::TableSetupColumn(first_column.c_str(), ImGuiTableColumnFlags_DefaultSort, 2.2f, 0);
    if (!narrow) {
        ImGui::TableSetupColumn(tr("items.day"), 0, 1.2f, 1);
        ImGui::TableSetupColumn(tr("items.kinds"), 0, 2.0f, 2);
    }
    ImGui::TableSetupColumn(tr("items.drops_out"), 0, 1.3f, 3);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, 60 * s, 4);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs spec = sort->Specs[0];
        const bool asc = spec.SortDirection == ImGuiSortDirection_Ascending;
        std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) {
            const MetricItem& a = m.items[static_cast<size_t>(x)];
            const MetricItem& b = m.items[static_cast<size_t>(y)];
            int c = 0;
            switch (spec.ColumnUserID) {
                case 0: c = a.order_id.compare(b.order_id); break;
                case 1: c = a.day < b.day ? -1 : b.day < a.day ? 1 : 0; break;
                case 2: c = kinds_text(a).compare(kinds_text(b)); break;
                case 3: c = a.drops_out_on.n < b.drops_out_on.n ? -1 : b.drops_out_on.n < a.drops_out_on.n ? 1 : 0; break;
                default: break;
            }
            return asc ? c < 0 : c > 0;
        });
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const MetricItem& it = m.items[static_cast<size_t>(rows[static_cast<size_t>(r)])];
            ImGui::PushID(r);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it.order_id.c_str());
            if (narrow) {
                ImGui::TextDisabled("%s · %s", format_day(it.day).c_str(), kinds_text(it).c_str());
            } else {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_day(it.day).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(kinds_text(it).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(day_text(it.drops_out_on).c_str());
            ImGui::TableNextColumn();
            copy_button("copy", it.order_id);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_drilldown_panel(App& app, const Layout& layout) {
    const Result& r = shown_result(app);
    const Metric* m = selected(app, r);
    if (!m) {
        ImGui::TextWrapped("%s", tr("overview.none"));
        return;
    }
    metric_picker(app, r, *m);
    ImGui::PushFont(app.big_font);
    ImGui::TextUnformatted(value_text(*m, metric_figure(*m)).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    status_badge(m->status);
    if (const std::string line = joined({target_text(*m), counts_text(*m), window_text(*m)}); !line.empty())
        ImGui::TextWrapped("%s", line.c_str());
    for (const auto& [component, count] : m->components)
        ImGui::BulletText("%s: %s", tr_word("kind.", component).c_str(), count_text(count).c_str());
    const std::string room = headroom_text(*m), recovery = recovery_text(*m);
    if (!room.empty()) ImGui::TextWrapped("%s", room.c_str());
    if (!recovery.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.40f, 1));
        ImGui::TextWrapped("%s", recovery.c_str());
        ImGui::PopStyleColor();
    }
    if (const Metric* amazon = reported_partner(r, *m)) ImGui::TextWrapped("%s", amazon_comparison(*m, *amazon).c_str());
    const auto& notes = shown_texts(app).metric_notes;
    const size_t index = static_cast<size_t>(m - r.metrics.data());
    if (index < notes.size())
        for (const std::string& note : notes[index]) ImGui::TextWrapped("%s", note.c_str());

    section_title(app, tr("drilldown.trend"));
    draw_trend_chart(app, *m, (layout.narrow ? 180 : 220) * layout.s);
    section_title(app, metric_text().items_heading(m->id).c_str());
    if (m->items.empty() && m->item_count == 0) {
        // Amazon's figures come without the orders behind them; a snapshot carries none.
        const std::string none = read_only(app) ? std::string(tr("snapshot.no_items"))
                                 : m->source == "amazon_report" ? std::string(tr("items.reported_only"))
                                                                 : metric_text().items_none(m->id);
        ImGui::TextDisabled("%s", none.c_str());
    } else {
        items_table(app, *m);
    }
}

}  // namespace sh::app
